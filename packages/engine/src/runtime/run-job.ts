import { catchesError } from '../definition/compile-definition.js';
import { WorkflowError } from '../errors.js';
import { retryDelayMs } from '../jobs/retry-backoff.js';
import { type JobOutcome, runHandler } from '../jobs/run-handler.js';
import type { TimerOutcome } from './fire-timer.js';
import { readRuntimeState } from './instance-state.js';
import { resultVariables } from './io-mapping.js';
import {
  type LoadedStep,
  persistStep,
  type RuntimeContext,
  stepOn,
  withConflictRetry,
} from './runtime-context.js';

/**
 * Runs a due job (a service task waiting for its handler) and applies how it ended. The handler runs
 * with no engine in memory and no lock held: the instance is read, the handler awaited, then the
 * instance is read again and the outcome applied in one version-checked write. If the server dies
 * while the handler runs, the job's lease expires and it runs again with the same idempotency key.
 */
export async function runJob(
  ctx: RuntimeContext,
  instanceId: string,
  timerId: string,
): Promise<TimerOutcome> {
  const stored = await ctx.store.getInstance(instanceId);
  const timer = stored?.timers.find((candidate) => candidate.id === timerId);
  if (!stored || !timer) return 'stale';
  if (Date.parse(timer.dueAt) > ctx.now().getTime()) return 'not-due';
  const job = readRuntimeState(stored.id, stored.state).jobs[timer.executionId];
  if (!job) return 'stale';

  const attempt = job.failures + 1;
  const outcome = await runHandler(
    ctx.handlers.get(job.type),
    {
      type: job.type,
      idempotencyKey: job.idempotencyKey,
      variables: job.variables,
      instanceId: stored.id,
      programKey: stored.programKey,
      programVersion: stored.programVersion,
      campaignId: stored.campaignId,
      schoolId: stored.schoolId,
      elementId: job.elementId,
      attempt,
      retriesLeft: Math.max(0, job.retries - attempt),
    },
    ctx.jobLogger,
  );

  return withConflictRetry(async () => {
    const current = await ctx.store.getInstance(instanceId);
    if (!current) return 'stale';
    const loaded = await stepOn(ctx, current);
    const result = await applyOutcome(loaded, timer.executionId, outcome);
    if (result === 'stale') return result;
    await persistStep(ctx, loaded);
    return result;
  });
}

async function applyOutcome(
  loaded: LoadedStep,
  executionId: string,
  outcome: JobOutcome,
): Promise<TimerOutcome> {
  const { step } = loaded;
  const job = step.state.jobs[executionId];
  if (!job) return 'stale';
  const jobIncident = (error: string): TimerOutcome => {
    job.dueAt = null;
    job.lastError = error;
    step.openIncident(job.elementId, error, { kind: 'job', runId: job.runId, executionId, timer: null });
    return 'incident';
  };

  if (outcome.kind === 'incident') return jobIncident(outcome.error);
  if (outcome.kind === 'fail') {
    job.failures += 1;
    job.lastError = outcome.error;
    if (job.failures >= job.retries) return jobIncident(`重试 ${job.retries} 次后仍失败：${outcome.error}`);
    job.dueAt = new Date(step.now.getTime() + retryDelayMs(job.failures, outcome.retryIn)).toISOString();
    return 'fired';
  }
  if (outcome.kind === 'bpmnError' && !catchesError(step.definition, job.elementId, outcome.code)) {
    return jobIncident(`BPMN 错误「${outcome.code}」没有被任何错误边界事件捕获：${outcome.message}`);
  }

  const runState = step.runById(job.runId);
  if (!runState) return 'stale';
  try {
    const run = step.resumeRun(runState, false);
    const waiting = run.waiting(executionId);
    if (!waiting) return 'stale';
    if (outcome.kind === 'complete') {
      const meta = step.definition.elements.get(job.elementId);
      const outputs = meta?.kind === 'serviceTask' ? meta.outputs : [];
      run.act(() => {
        run.mergeVariables(
          waiting,
          resultVariables(waiting.owner.environment.variables, outcome.output, outputs, step.now),
        );
        waiting.signal(outcome.output);
      });
    } else {
      run.act(() => waiting.sendApiMessage('error', { message: outcome.message, code: outcome.code }));
    }
    await step.capture(runState, run);
    return 'fired';
  } catch (error) {
    if (!(error instanceof WorkflowError)) throw error;
    return jobIncident(`处理器完成后流程出错：${error.message}`);
  }
}
