import * as Elements from 'bpmn-elements';
import { SignalTaskBehaviour } from 'bpmn-elements/tasks';
import { WorkflowError } from '../errors.js';
import type { ElementMessage } from './engine-shapes.js';

interface JobActivity {
  id: string;
  behaviour: { implementation?: unknown };
  emitFatal(error: Error, content: unknown): void;
}

const Activity = Elements.Activity as unknown as new (
  behaviour: unknown,
  activityDef: unknown,
  context: unknown,
) => unknown;
const SignalBehaviour = SignalTaskBehaviour as unknown as new (
  activity: JobActivity,
) => { execute(message: ElementMessage): void };

/**
 * Service, send and business-rule tasks as jobs: the task waits like a user task while the runtime's
 * scheduler runs the registered handler outside the engine, then the runtime signals the output (or
 * sends a BPMN error) back. bpmn-elements' own ServiceTask would resolve `implementation="${…}"`, which
 * can run code; this task never reads it and refuses an element that has one.
 */
export function JobTask(activityDef: unknown, context: unknown): unknown {
  return new Activity(JobTaskBehaviour, activityDef, context);
}

function JobTaskBehaviour(
  this: { activity: JobActivity; signal: { execute(m: ElementMessage): void } },
  activity: JobActivity,
) {
  this.activity = activity;
  this.signal = new SignalBehaviour(activity);
}

JobTaskBehaviour.prototype.execute = function execute(
  this: { activity: JobActivity; signal: { execute(m: ElementMessage): void } },
  executeMessage: ElementMessage,
) {
  const activity = this.activity;
  if (activity.behaviour.implementation !== undefined) {
    return activity.emitFatal(
      new WorkflowError(
        'WF_ERR_SCRIPT_FORBIDDEN',
        `服务任务 ${activity.id} 使用了 implementation 表达式；请改用 zeebe:taskDefinition 指定处理器`,
        { elementId: activity.id },
      ),
      executeMessage.content,
    );
  }
  return this.signal.execute(executeMessage);
};
