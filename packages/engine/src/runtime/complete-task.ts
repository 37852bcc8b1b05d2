import type { Instance } from '@ddt/store';
import { WorkflowError } from '../errors.js';
import { resultVariables } from './io-mapping.js';
import { persistStep, type RuntimeContext, stepOn } from './runtime-context.js';

export interface CompleteTaskArgs {
  taskId: string;
  /** Variables from the already validated submission. */
  output: Record<string, unknown>;
  /** The stored submission this completion accepts (null for a task without a form). */
  submissionId: string | null;
  completedBy: string | null;
}

/**
 * Completes an open user task: merges the output into the process variables (all of it, or through the
 * task's output mappings), resumes, runs to the next wait and writes the instance once. A second
 * completion of the same task, or a concurrent one, changes nothing.
 */
export async function completeTask(ctx: RuntimeContext, args: CompleteTaskArgs): Promise<Instance> {
  const instanceId = args.taskId.slice(0, Math.max(0, args.taskId.lastIndexOf(':')));
  const stored = instanceId ? await ctx.store.getInstance(instanceId) : null;
  if (!stored) throw new WorkflowError('WF_ERR_TASK_NOT_FOUND', '任务不存在', { taskId: args.taskId });
  const task = stored.tasks.find((open) => open.id === args.taskId);
  if (!task)
    throw new WorkflowError('WF_ERR_TASK_CLOSED', '该任务已办结，不能重复提交', { taskId: args.taskId });

  const loaded = await stepOn(ctx, stored);
  const { step } = loaded;
  const runState = step.runOwning(`task:${task.id}`);
  if (!runState) throw new WorkflowError('WF_ERR_STATE', '任务所属的流程运行不存在', { taskId: args.taskId });
  const meta = step.definition.elements.get(task.elementId);
  const outputs = meta?.kind === 'userTask' ? meta.outputs : [];
  const run = step.completeWaiting(runState, task.executionId, (variables) =>
    resultVariables(variables, args.output, outputs, step.now),
  );
  await step.capture(runState, run);

  step.record.history = [
    ...(stored.history ?? []),
    {
      taskId: task.id,
      elementId: task.elementId,
      name: task.name,
      formId: task.formId,
      submissionId: args.submissionId,
      completedBy: args.completedBy,
      completedAt: step.now.toISOString(),
    },
  ];
  return persistStep(ctx, loaded);
}
