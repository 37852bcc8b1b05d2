declare const acknowledged: unique symbol;

/**
 * Proof that a handler told the runtime how its job ended. The only way to get one is to call
 * `job.complete()`, `job.fail()` or `job.bpmnError()`, so a handler that forgets to acknowledge on some
 * path does not compile.
 */
export interface JobAcknowledgement {
  readonly [acknowledged]: true;
}

export interface JobLogger {
  info(message: string, detail?: Record<string, unknown>): void;
  warn(message: string, detail?: Record<string, unknown>): void;
  error(message: string, detail?: Record<string, unknown>): void;
}

export interface FailOptions {
  /** Milliseconds before the next attempt; default: exponential backoff from the runtime. */
  retryIn?: number;
}

/** What a handler receives: one execution of one service task. Read-only. */
export interface Job<Input, Output> {
  /** The handler type, as in `<zeebe:taskDefinition type="…">`. */
  readonly type: string;
  /**
   * Stable across retries and across a crash of the server: an in-flight job re-runs after a crash with
   * the same key, so use it to make side effects idempotent (e.g. as a webhook delivery id).
   */
  readonly idempotencyKey: string;
  /** Input variables, already checked against the handler's `input` schema. */
  readonly variables: Readonly<Input>;
  readonly instanceId: string;
  readonly programKey: string;
  readonly programVersion: number;
  readonly campaignId: string;
  readonly schoolId: string | null;
  readonly elementId: string;
  /** 1 for the first attempt. */
  readonly attempt: number;
  /** Attempts left after this one. */
  readonly retriesLeft: number;
  readonly logger: JobLogger;
  /** Aborted when the handler's time is up; pass it to fetch and other cancellable calls. */
  readonly signal: AbortSignal;

  /** Success: the output (checked against the `output` schema) is merged into the process variables. */
  complete(output: Output): JobAcknowledgement;
  /** A technical failure: retried with backoff while retries last, then an incident an admin can retry. */
  fail(error: Error | string, options?: FailOptions): JobAcknowledgement;
  /** A business error, caught by a BPMN error boundary event with this error code; never retried. */
  bpmnError(code: string, message?: string): JobAcknowledgement;
}
