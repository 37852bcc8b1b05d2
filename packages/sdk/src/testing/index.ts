export type { HandlerOutcome, HandlerResult, LogEntry } from './handler-result.js';
export { DEFAULT_TIMEOUT_MS, type RunHandlerOptions, runHandler } from './run-handler.js';
export { type SchemaProblem, schemaProblem } from './schema-problem.js';
