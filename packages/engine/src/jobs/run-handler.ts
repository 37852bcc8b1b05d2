import type { FailOptions, Job, JobAcknowledgement, JobLogger, TaskHandler } from '@ddt/sdk';
import type { TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

const DEFAULT_TIMEOUT_MS = 30_000;

/** How one attempt of a job ended. */
export type JobOutcome =
  | { kind: 'complete'; output: Record<string, unknown> }
  /** A technical failure: retried while retries last. */
  | { kind: 'fail'; error: string; retryIn?: number }
  | { kind: 'bpmnError'; code: string; message: string }
  /** Retrying cannot help (no such handler, variables that do not fit the schema): an incident at once. */
  | { kind: 'incident'; error: string };

export interface JobAttempt {
  type: string;
  idempotencyKey: string;
  variables: Record<string, unknown>;
  instanceId: string;
  programKey: string;
  programVersion: number;
  campaignId: string;
  schoolId: string | null;
  elementId: string;
  attempt: number;
  retriesLeft: number;
}

/**
 * Runs one attempt of a job with its registered handler: checks the input against the handler's
 * schema, gives the handler `timeoutMs` (then aborts `job.signal` and counts a failure), checks the
 * output. Never throws: every ending is a `JobOutcome`.
 */
export async function runHandler(
  handler: TaskHandler | undefined,
  attempt: JobAttempt,
  logger: JobLogger,
): Promise<JobOutcome> {
  if (!handler) return { kind: 'incident', error: `没有注册类型为「${attempt.type}」的任务处理器` };
  const inputProblem = schemaProblem(handler.input, attempt.variables);
  if (inputProblem)
    return { kind: 'incident', error: `输入变量不符合处理器 ${handler.type} 的要求：${inputProblem}` };

  const controller = new AbortController();
  let outcome: JobOutcome | null = null;
  const acknowledge = (result: JobOutcome): JobAcknowledgement => {
    outcome ??= result;
    return {} as JobAcknowledgement;
  };
  const job: Job<unknown, unknown> = {
    ...attempt,
    variables: structuredClone(attempt.variables),
    logger,
    signal: controller.signal,
    complete: (output) => acknowledge({ kind: 'complete', output: output as Record<string, unknown> }),
    fail: (error: Error | string, options?: FailOptions) =>
      acknowledge({
        kind: 'fail',
        error: typeof error === 'string' ? error : error.message,
        ...(options?.retryIn !== undefined && { retryIn: options.retryIn }),
      }),
    bpmnError: (code: string, message?: string) =>
      acknowledge({ kind: 'bpmnError', code, message: message ?? code }),
  };

  const timeoutMs = handler.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const result = await Promise.race([
      Promise.resolve().then(() => handler.handler(job as never)),
      timedOut,
    ]);
    if (result === 'timeout') {
      controller.abort(new Error('timeout'));
      return { kind: 'fail', error: `处理器 ${handler.type} 超过 ${timeoutMs} ms 未完成` };
    }
  } catch (error) {
    outcome ??= { kind: 'fail', error: (error as Error)?.message ?? String(error) };
  } finally {
    clearTimeout(timer);
  }
  const ended = outcome as JobOutcome | null;
  if (!ended) return { kind: 'fail', error: `处理器 ${handler.type} 没有调用 complete、fail 或 bpmnError` };
  if (ended.kind === 'complete') {
    const outputProblem = schemaProblem(handler.output, ended.output);
    if (outputProblem)
      return { kind: 'incident', error: `处理器 ${handler.type} 的输出不符合声明：${outputProblem}` };
  }
  return ended;
}

/** The first schema violation, naming the field (`/phone 应为字符串…`), or null. */
function schemaProblem(schema: TSchema, value: unknown): string | null {
  const error = Value.Errors(schema, value).First();
  if (!error) return null;
  return `字段 ${error.path || '/'}：${error.message}`;
}
