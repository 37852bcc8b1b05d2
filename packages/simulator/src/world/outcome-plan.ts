import type { AnyTaskHandler } from '@ddt/engine';

/** The one job attempt the simulator wants to end in a BPMN error, or none. */
export interface OutcomePlan {
  raise: { instanceId: string; elementId: string; code: string } | null;
}

/**
 * Test-only: a handler that raises the planned BPMN error on the attempt the simulator chose (so it can
 * steer into a program's error boundary), and otherwise runs the real handler. No program-specific code.
 */
export function withPlannedErrors(handler: AnyTaskHandler, plan: OutcomePlan): AnyTaskHandler {
  return {
    ...handler,
    handler(job) {
      const raise = plan.raise;
      if (raise && raise.instanceId === job.instanceId && raise.elementId === job.elementId) {
        plan.raise = null;
        return job.bpmnError(raise.code, `模拟：${job.type} 在 ${job.elementId} 抛出业务错误 ${raise.code}`);
      }
      return handler.handler(job);
    },
  };
}
