import * as Elements from 'bpmn-elements';
import { TypeResolver } from 'moddle-context-serializer';
import { ClockedTimerEventDefinition } from './clocked-timer-event-definition.js';
import { JobTask } from './job-task.js';

/**
 * The element types every compiled definition is built with: bpmn-elements' own, except that service-like
 * tasks are jobs run by the runtime, timers follow the runtime's clock, and a manual task passes through
 * (as in Zeebe) instead of waiting for a signal nobody sends.
 */
export const typeResolver = TypeResolver(Elements, (types: Record<string, unknown>) => {
  types['bpmn:ServiceTask'] = JobTask;
  types['bpmn:SendTask'] = JobTask;
  types['bpmn:BusinessRuleTask'] = JobTask;
  types['bpmn:ManualTask'] = Elements.Task;
  types['bpmn:TimerEventDefinition'] = ClockedTimerEventDefinition;
});

/** Element types the runtime runs as jobs (see `job-task.ts`). */
export const JOB_ELEMENT_TYPES: ReadonlySet<string> = new Set([
  'bpmn:ServiceTask',
  'bpmn:SendTask',
  'bpmn:BusinessRuleTask',
]);
