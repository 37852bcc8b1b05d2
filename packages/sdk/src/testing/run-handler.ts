import type { Static, TSchema } from '@sinclair/typebox';
import type { TaskHandler } from '../define-task-handler.js';
import type { FailOptions, Job, JobAcknowledgement, JobLogger } from '../job.js';
import type { HandlerOutcome, HandlerResult, LogEntry } from './handler-result.js';
import { schemaProblem } from './schema-problem.js';

/** The platform's default time per attempt when a handler sets no `timeoutMs`. */
export const DEFAULT_TIMEOUT_MS = 30_000;

export interface RunHandlerOptions<Input extends TSchema> {
  /** The job's input variables (what the service task's `zeebe:input` mappings produce). */
  variables: Static<Input>;
  /** Default 1. */
  attempt?: number;
  /** Attempts left after this one. Default 2 (the platform's default of 3 attempts, first attempt). */
  retriesLeft?: number;
  /** Default `test-instance:test-execution`. */
  idempotencyKey?: string;
  instanceId?: string;
  programKey?: string;
  programVersion?: number;
  campaignId?: string;
  schoolId?: string | null;
  elementId?: string;
  /** Overrides the handler's `timeoutMs` for this run. */
  timeoutMs?: number;
}

/**
 * Runs a handler once against a fake job, the way the platform runs one attempt: the input is checked
 * against the `input` schema first (a mismatch is an `incident` and the handler is not called), the
 * attempt gets `timeoutMs` (then `job.signal` aborts and the attempt counts as a `fail`), a throw or a
 * return without acknowledgement is a `fail`, the first acknowledgement wins, and a completion whose
 * output breaks the `output` schema is an `incident` naming the field.
 *
 * @example
 * const result = await runHandler(sendSms, { variables: { phone: '13800000000', text: '你好' } });
 * expect(result).toMatchObject({ kind: 'complete', output: { messageId: expect.any(String) } });
 */
export async function runHandler<Input extends TSchema, Output extends TSchema>(
  handler: TaskHandler<Input, Output>,
  options: RunHandlerOptions<Input>,
): Promise<HandlerResult<Static<Output>>> {
  const logs: LogEntry[] = [];
  const inputProblem = schemaProblem(handler.input, options.variables);
  if (inputProblem) {
    return {
      kind: 'incident',
      error: `输入变量不符合处理器 ${handler.type} 的要求：字段 ${inputProblem.field}：${inputProblem.message}`,
      field: inputProblem.field,
      called: false,
      logs,
    };
  }

  const controller = new AbortController();
  let outcome: HandlerOutcome<Static<Output>> | null = null;
  const acknowledge = (result: HandlerOutcome<Static<Output>>): JobAcknowledgement => {
    outcome ??= result;
    return {} as JobAcknowledgement;
  };
  const logger: JobLogger = {
    info: (message, detail) => logs.push({ level: 'info', message, ...(detail && { detail }) }),
    warn: (message, detail) => logs.push({ level: 'warn', message, ...(detail && { detail }) }),
    error: (message, detail) => logs.push({ level: 'error', message, ...(detail && { detail }) }),
  };
  const job: Job<Static<Input>, Static<Output>> = {
    type: handler.type,
    idempotencyKey: options.idempotencyKey ?? 'test-instance:test-execution',
    variables: structuredClone(options.variables),
    instanceId: options.instanceId ?? 'test-instance',
    programKey: options.programKey ?? 'test-program',
    programVersion: options.programVersion ?? 1,
    campaignId: options.campaignId ?? 'test-campaign',
    schoolId: options.schoolId === undefined ? 'test-school' : options.schoolId,
    elementId: options.elementId ?? 'test-task',
    attempt: options.attempt ?? 1,
    retriesLeft: options.retriesLeft ?? 2,
    logger,
    signal: controller.signal,
    complete: (output) => acknowledge({ kind: 'complete', output }),
    fail: (error: Error | string, failOptions?: FailOptions) =>
      acknowledge({
        kind: 'fail',
        error: typeof error === 'string' ? error : error.message,
        timedOut: false,
        ...(failOptions?.retryIn !== undefined && { retryIn: failOptions.retryIn }),
      }),
    bpmnError: (code: string, message?: string) =>
      acknowledge({ kind: 'bpmnError', code, message: message ?? code }),
  };

  const timeoutMs = options.timeoutMs ?? handler.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const raced = await Promise.race([Promise.resolve().then(() => handler.handler(job)), timedOut]);
    if (raced === 'timeout') {
      controller.abort(new Error('timeout'));
      return {
        kind: 'fail',
        error: `处理器 ${handler.type} 超过 ${timeoutMs} ms 未完成`,
        timedOut: true,
        called: true,
        logs,
      };
    }
  } catch (error) {
    outcome ??= {
      kind: 'fail',
      error: error instanceof Error ? error.message : String(error),
      timedOut: false,
    };
  } finally {
    clearTimeout(timer);
  }

  const ended = outcome as HandlerOutcome<Static<Output>> | null;
  if (!ended) {
    return {
      kind: 'fail',
      error: `处理器 ${handler.type} 没有调用 complete、fail 或 bpmnError`,
      timedOut: false,
      called: true,
      logs,
    };
  }
  if (ended.kind === 'complete') {
    const outputProblem = schemaProblem(handler.output, ended.output);
    if (outputProblem) {
      return {
        kind: 'incident',
        error: `处理器 ${handler.type} 的输出不符合声明：字段 ${outputProblem.field}：${outputProblem.message}`,
        field: outputProblem.field,
        called: true,
        logs,
      };
    }
  }
  return { ...ended, called: true, logs };
}
