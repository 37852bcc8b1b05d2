import { date, dateAndTime, evaluate, parseExpression } from 'feelin';
import { WorkflowError } from '../errors.js';

/** FEEL expressions are written with a leading `=`, as in Camunda 8. */
export function isFeel(text: unknown): text is string {
  return typeof text === 'string' && text.startsWith('=');
}

/**
 * Evaluates a FEEL expression (with or without its leading `=`) against plain variables. `now()` and
 * `today()` read the given clock (to the second), so a runtime with an injected clock computes due dates
 * from it. FEEL
 * date, time and duration values come back as ISO 8601 strings so they can be stored as JSON.
 */
export function evaluateFeel(
  expression: string,
  variables: Record<string, unknown>,
  now: Date = new Date(),
): unknown {
  const body = expression.startsWith('=') ? expression.slice(1) : expression;
  const path = pathLookup(body, variables);
  if (path.found) return toJsonValue(path.value);
  // FEEL's now() has one-second precision here: due dates need no more, and evaluations within the same
  // second share one result (see the memo below).
  now = new Date(Math.floor(now.getTime() / 1000) * 1000);
  const key = memoKey(body, variables, now);
  if (key !== null && results.has(key)) return results.get(key);
  const value = evaluateUncached(body, variables, now);
  if (key !== null && (value === null || typeof value !== 'object')) {
    if (results.size >= MAX_RESULTS) results.clear();
    results.set(key, value);
  }
  return value;
}

function evaluateUncached(body: string, variables: Record<string, unknown>, now: Date): unknown {
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

/*
 * Most expressions in a program are a plain path such as `school.inspectorId` (assignments, correlation
 * keys), and their value differs per school, so the memo below never hits for them while feelin's parse
 * costs ~0.3–0.7 ms per evaluation. A path whose every step is a property that exists on a plain object
 * has the value JavaScript reads; anything else (a missing property, a list, a keyword, other syntax)
 * goes to feelin, which stays the definition of FEEL here.
 */
const PATH = /^\s*([A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*)\s*$/;
const KEYWORDS = new Set([
  'true',
  'false',
  'null',
  'not',
  'and',
  'or',
  'if',
  'then',
  'else',
  'for',
  'in',
  'return',
  'some',
  'every',
  'satisfies',
  'between',
  'instance',
  'of',
  'function',
  'external',
]);
const pathSteps = new Map<string, string[] | null>();

function pathLookup(body: string, variables: Record<string, unknown>): { found: boolean; value?: unknown } {
  let steps = pathSteps.get(body);
  if (steps === undefined) {
    const match = PATH.exec(body);
    steps = match ? match[1]!.split('.').map((step) => step.trim()) : null;
    if (steps?.some((step) => KEYWORDS.has(step))) steps = null;
    if (pathSteps.size < MAX_RESULTS) pathSteps.set(body, steps);
  }
  if (!steps) return { found: false };
  let value: unknown = variables;
  for (const step of steps) {
    if (!isPlainObject(value) || !Object.hasOwn(value, step)) return { found: false };
    value = value[step];
  }
  return value === undefined ? { found: false } : { found: true, value };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/*
 * feelin parses every expression on every evaluation (~100–500 µs; its parse tree cannot be reused), so
 * results are memoised: FEEL is pure, so an expression's result depends only on the variables it names
 * and, through now()/today(), on the clock. The key holds exactly those. Due dates of a bulk launch
 * (`now() + duration(params.x)`, one clock per chunk) then cost one evaluation per chunk, not per school.
 */
const MAX_RESULTS = 10_000;
const results = new Map<string, unknown>();
const namesOf = new Map<string, string[] | null>();

function memoKey(body: string, variables: Record<string, unknown>, now: Date): string | null {
  let names = namesOf.get(body);
  if (names === undefined) {
    names = referencedNames(body);
    namesOf.set(body, names);
  }
  if (names === null) return null;
  // A variable whose name has a space changes how FEEL parses the expression: do not guess.
  for (const name in variables) if (name.includes(' ')) return null;
  const values: unknown[] = [];
  for (const name of names) values.push(variables[name]);
  const clock = body.includes('now(') || body.includes('today(') ? now.getTime() : '';
  try {
    return `${body}\u0000${clock}\u0000${JSON.stringify(values)}`;
  } catch {
    return null;
  }
}

/** The variable names an expression reads (null: do not memoise, e.g. it does not parse). */
function referencedNames(body: string): string[] | null {
  try {
    const names = new Set<string>();
    parseExpression(body, {}, undefined).iterate({
      enter(node) {
        if (node.name === 'VariableName') names.add(body.slice(node.from, node.to));
      },
    });
    return [...names].sort();
  } catch {
    return null;
  }
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
