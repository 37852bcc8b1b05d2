import type { Instance } from '@ddt/store';
import { WorkflowError } from '../errors.js';
import { loadInstance, persistStep, type RuntimeContext, stepOn } from './runtime-context.js';

/**
 * An admin's retry of an incident: a job runs again (with its full retries) at the scheduler's next
 * pass — one whose input mappings failed is entered again, so they are evaluated anew; a timer or a
 * recurring start that failed is armed again, due now.
 */
export async function retryIncident(
  ctx: RuntimeContext,
  instanceId: string,
  incidentId: string,
): Promise<Instance> {
  const loaded = await stepOn(ctx, await loadInstance(ctx, instanceId));
  const { step } = loaded;
  const detail = step.state.incidents[incidentId];
  if (!detail) {
    throw new WorkflowError('WF_ERR_INCIDENT_NOT_FOUND', `流程实例 ${instanceId} 没有事故 ${incidentId}`, {
      instanceId,
      incidentId,
    });
  }
  const now = step.now.toISOString();
  if (detail.kind === 'job') {
    const job = detail.executionId ? step.state.jobs[detail.executionId] : undefined;
    const runState = job?.inputsFailed ? step.runById(job.runId) : undefined;
    if (job && runState) {
      // Settling the run again re-creates the job from the mappings (or opens a new incident).
      delete step.state.jobs[job.executionId];
      step.closeIncident(incidentId);
      await step.capture(runState, step.resumeRun(runState, false));
      return persistStep(ctx, loaded);
    }
    if (job) {
      job.failures = 0;
      job.dueAt = now;
    }
  } else if (detail.kind === 'timer' && detail.timer) {
    step.record.timers = [...step.record.timers, { ...detail.timer, dueAt: now }];
  } else if (detail.kind === 'recurrence' && step.state.recurrence) {
    step.state.recurrence.dueAt = now;
  }
  step.closeIncident(incidentId);
  return persistStep(ctx, loaded);
}
