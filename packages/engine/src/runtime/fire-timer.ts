import type { ArmedTimer } from '@ddt/store';
import { WorkflowError } from '../errors.js';
import { nextFiring } from './recurrence-schedule.js';
import {
  type LoadedStep,
  persistStep,
  type RuntimeContext,
  stepOn,
  withConflictRetry,
} from './runtime-context.js';

/** What became of a claimed timer: fired, not (yet) due, already gone, or fired into an incident. */
export type TimerOutcome = 'fired' | 'not-due' | 'stale' | 'incident';

/**
 * Fires a due timer of an instance: resumes the run that waits on it, with due timers firing (all of
 * that run's due timers fire in the same step), or starts the next run of a recurring start. If the
 * run fails, the instance gets an incident and the timer stays held until an admin retries it.
 */
export async function fireTimer(
  ctx: RuntimeContext,
  instanceId: string,
  timerId: string,
): Promise<TimerOutcome> {
  return withConflictRetry(async () => {
    const stored = await ctx.store.getInstance(instanceId);
    const timer = stored?.timers.find((candidate) => candidate.id === timerId);
    if (!stored || !timer) return 'stale';
    if (Date.parse(timer.dueAt) > ctx.now().getTime()) return 'not-due';
    const loaded = await stepOn(ctx, stored);
    const outcome = timerId.startsWith('cycle:')
      ? await fireRecurrence(loaded, timer)
      : await fireEngineTimer(loaded, timer);
    if (outcome === 'stale') return outcome;
    await persistStep(ctx, loaded);
    return outcome;
  });
}

async function fireEngineTimer({ step }: LoadedStep, timer: ArmedTimer): Promise<TimerOutcome> {
  const runState = step.runOwning(`timer:${timer.id}`);
  if (!runState) return 'stale';
  try {
    const run = step.resumeRun(runState, true);
    await step.capture(runState, run);
    return 'fired';
  } catch (error) {
    if (!(error instanceof WorkflowError)) throw error;
    step.openIncident(timer.elementId, `定时器触发后流程出错：${error.message}`, {
      kind: 'timer',
      runId: runState.id,
      executionId: timer.executionId,
      timer,
    });
    return 'incident';
  }
}

async function fireRecurrence({ step }: LoadedStep, timer: ArmedTimer): Promise<TimerOutcome> {
  const recurrence = step.state.recurrence;
  if (!recurrence?.dueAt) return 'stale';
  const dueAt = recurrence.dueAt;
  try {
    const variables = {
      ...structuredClone(recurrence.variables),
      recurrence: { index: recurrence.fired + 1, dueAt },
    };
    const { run, runState } = step.startRun(recurrence.processId, variables, { recurring: true });
    await step.capture(runState, run);
  } catch (error) {
    if (!(error instanceof WorkflowError)) throw error;
    step.openIncident(timer.elementId, `循环启动出错：${error.message}`, {
      kind: 'recurrence',
      runId: null,
      executionId: null,
      timer,
    });
    return 'incident';
  }
  recurrence.fired += 1;
  const deadline = (recurrence.variables.campaign as { deadline?: string | null } | undefined)?.deadline;
  const next = nextFiring({
    cycle: recurrence.cycle,
    startedAt: new Date(recurrence.startedAt),
    fired: recurrence.fired,
    lastDueAt: new Date(dueAt),
    now: step.now,
    deadline: deadline ? new Date(deadline) : null,
  });
  recurrence.dueAt = next?.toISOString() ?? null;
  return 'fired';
}
