import { evaluate } from 'feelin';
import { WorkflowError } from '../errors.js';

/** FEEL expressions are written with a leading `=`, as in Camunda 8. */
export function isFeel(text: unknown): text is string {
  return typeof text === 'string' && text.startsWith('=');
}

/**
 * Evaluates a FEEL expression (with or without its leading `=`) against plain variables. FEEL date,
 * time and duration values come back as ISO 8601 strings so they can be stored as JSON.
 */
export function evaluateFeel(expression: string, variables: Record<string, unknown>): unknown {
  const body = expression.startsWith('=') ? expression.slice(1) : expression;
  let result: { value: unknown };
  try {
    result = evaluate(body, variables);
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
