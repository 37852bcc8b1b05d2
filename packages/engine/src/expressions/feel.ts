import { date, dateAndTime, evaluate } from 'feelin';
import { WorkflowError } from '../errors.js';

/** FEEL expressions are written with a leading `=`, as in Camunda 8. */
export function isFeel(text: unknown): text is string {
  return typeof text === 'string' && text.startsWith('=');
}

/**
 * Evaluates a FEEL expression (with or without its leading `=`) against plain variables. `now()` and
 * `today()` read the given clock, so a runtime with an injected clock computes due dates from it. FEEL
 * date, time and duration values come back as ISO 8601 strings so they can be stored as JSON.
 */
export function evaluateFeel(
  expression: string,
  variables: Record<string, unknown>,
  now: Date = new Date(),
): unknown {
  const body = expression.startsWith('=') ? expression.slice(1) : expression;
  let result: { value: unknown };
  try {
    result = evaluate(body, withClock(body, variables, now));
  } catch (error) {
    throw new WorkflowError(
      'WF_ERR_EXPRESSION',
      `FEEL 表达式无法解析：${body}（${(error as Error).message}）`,
      {
        expression: body,
      },
    );
  }
  return toJsonValue(result.value);
}

/** A FEEL syntax error in the expression, or null when it parses. Used by the publish check. */
export function feelSyntaxError(expression: string): string | null {
  const body = expression.startsWith('=') ? expression.slice(1) : expression;
  try {
    evaluate(body, {});
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

// Building the clock values costs more than most expressions, so only expressions that call them pay.
function withClock(body: string, variables: Record<string, unknown>, now: Date): Record<string, unknown> {
  const callsNow = body.includes('now(');
  const callsToday = body.includes('today(');
  if (!callsNow && !callsToday) return variables;
  const context: Record<string, unknown> = { ...variables };
  if (callsNow) context.now = () => dateAndTime(now.toISOString());
  if (callsToday) context.today = () => date(localDate(now));
  return context;
}

function localDate(at: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

function toJsonValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(toJsonValue);
  const name = value.constructor?.name;
  if (name === 'FeelDateTime' || name === 'FeelDate' || name === 'FeelTime' || name === 'FeelDuration') {
    return String(value);
  }
  if (value instanceof Date) return value.toISOString();
  return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, toJsonValue(entry)]));
}
