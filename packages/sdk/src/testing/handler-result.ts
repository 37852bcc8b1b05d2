/** One line a handler wrote through `job.logger`. */
export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  message: string;
  detail?: Record<string, unknown>;
}

/**
 * How one attempt ended, as the platform would record it:
 * - `complete`: the output (it fits the `output` schema) is merged into the process variables;
 * - `fail`: a technical failure; the platform retries while retries last, then opens an incident.
 *   `timedOut` is true when the attempt outlived `timeoutMs` (the handler's `job.signal` was aborted);
 * - `bpmnError`: a business error, caught by a BPMN error boundary event with this code (never retried);
 * - `incident`: retrying cannot help (input or output does not fit the schema); `field` is the JSON
 *   pointer of the first offending field (`/phone`), or null for a whole-value problem.
 */
export type HandlerOutcome<Output> =
  | { kind: 'complete'; output: Output }
  | { kind: 'fail'; error: string; retryIn?: number; timedOut: boolean }
  | { kind: 'bpmnError'; code: string; message: string }
  | { kind: 'incident'; error: string; field: string | null };

export type HandlerResult<Output> = HandlerOutcome<Output> & {
  /** Whether the handler function was called (an input that breaks the schema stops it before). */
  called: boolean;
  /** What the handler logged, in order. */
  logs: LogEntry[];
};
