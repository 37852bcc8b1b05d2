import { evaluateFeel } from '../expressions/feel.js';
import type { TraceEntry } from './engine-shapes.js';

/**
 * Whether every recorded expression gives the recorded result with these variables: then the engine,
 * which reads variables only through these expressions, would take the same path.
 */
export function traceMatches(trace: TraceEntry[], variables: Record<string, unknown>, now: Date): boolean {
  for (const entry of trace) {
    let result: unknown;
    try {
      result = evaluateFeel(entry.expression, variables, now);
    } catch {
      return false;
    }
    if (typeof entry.result === 'boolean') result = result === true;
    if (JSON.stringify(result) !== JSON.stringify(entry.result)) return false;
  }
  return true;
}
