import type { IoParameter } from '../definition/element-meta.js';
import { evaluateFeel, isFeel } from '../expressions/feel.js';

/**
 * Applies Zeebe input or output mappings: each `source` (FEEL, or a literal) is evaluated against
 * `scope` and written to `target`, where a dotted target (`result.score`) builds nested objects.
 */
export function applyMappings(
  mappings: IoParameter[],
  scope: Record<string, unknown>,
  now: Date,
  into: Record<string, unknown> = {},
): Record<string, unknown> {
  for (const mapping of mappings) {
    const value = isFeel(mapping.source) ? evaluateFeel(mapping.source, scope, now) : mapping.source;
    setPath(into, mapping.target, value);
  }
  return into;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1] as string] = value;
}

/**
 * What a result (a form submission, a job's output) sets in the process variables: through the
 * element's output mappings if it has any, otherwise every key at top level (Camunda semantics).
 */
export function resultVariables(
  variables: Record<string, unknown>,
  result: Record<string, unknown>,
  outputs: IoParameter[],
  now: Date,
): Record<string, unknown> {
  if (outputs.length === 0) return result;
  return applyMappings(outputs, { ...variables, ...result }, now);
}
