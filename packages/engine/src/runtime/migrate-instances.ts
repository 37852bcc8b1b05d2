import type { Instance, ProgramVersion } from '@ddt/store';
import type { CompiledDefinition } from '../definition/compile-definition.js';
import { ProcessRun } from '../engine/process-run.js';
import { WorkflowError } from '../errors.js';
import { readRuntimeState } from './instance-state.js';
import { InstanceStep } from './instance-step.js';
import { persistStep, type RuntimeContext, stepOn } from './runtime-context.js';

export interface MigrateInstancesArgs {
  from: ProgramVersion;
  to: ProgramVersion;
  /** Only these instances; default: every instance of `from`. */
  instanceIds?: string[];
}

export type MigrationProblemCode =
  | 'INSTANCE_NOT_FOUND'
  /** The instance runs another program or version than `from`. */
  | 'OTHER_VERSION'
  /** The instance has finished: nothing waits, nothing to move. */
  | 'INSTANCE_FINISHED'
  /** A process the instance runs is not in the target version. */
  | 'PROCESS_MISSING'
  /** An element the instance waits at is not in the target version. */
  | 'ELEMENT_MISSING'
  /** An element the instance waits at has another type in the target version. */
  | 'ELEMENT_CHANGED'
  /** The instance changed while it was being moved; run the migration again for it. */
  | 'CONFLICT'
  /** The instance could not be resumed on the target version. */
  | 'RUN_FAILED';

export interface MigrationProblem {
  instanceId: string;
  code: MigrationProblemCode;
  message: string;
  /** The elements concerned (missing or changed), if any. */
  elementIds: string[];
}

export interface MigrationReport {
  moved: string[];
  notMoved: MigrationProblem[];
}

/**
 * Moves running instances from one version of a program to another. An instance moves only if every
 * element it waits at (user tasks, jobs, timers, message catches) exists with the same type in the
 * target, and it then resumes there exactly where it was. Every instance that does not move is in
 * the report with the reason.
 */
export async function migrateInstances(
  ctx: RuntimeContext,
  args: MigrateInstancesArgs,
): Promise<MigrationReport> {
  if (args.from.key !== args.to.key) {
    throw new WorkflowError(
      'WF_ERR_MIGRATION',
      `只能在同一督导项目的版本之间迁移（${args.from.key} → ${args.to.key}）`,
    );
  }
  const target = await ctx.definitionFor(args.to);
  const ids = args.instanceIds ?? (await instancesOfVersion(ctx, args.from));
  const report: MigrationReport = { moved: [], notMoved: [] };
  for (const instanceId of ids) {
    const problem = await migrateOne(ctx, instanceId, args, target);
    if (problem) report.notMoved.push(problem);
    else report.moved.push(instanceId);
  }
  return report;
}

async function migrateOne(
  ctx: RuntimeContext,
  instanceId: string,
  args: MigrateInstancesArgs,
  target: CompiledDefinition,
): Promise<MigrationProblem | null> {
  const problem = (
    code: MigrationProblemCode,
    message: string,
    elementIds: string[] = [],
  ): MigrationProblem => ({
    instanceId,
    code,
    message,
    elementIds,
  });
  const stored = await ctx.store.getInstance(instanceId);
  if (!stored) return problem('INSTANCE_NOT_FOUND', '流程实例不存在');
  if (stored.programKey !== args.from.key || stored.programVersion !== args.from.version) {
    return problem('OTHER_VERSION', `流程实例运行的是 ${stored.programKey} 第 ${stored.programVersion} 版`);
  }
  if (stored.status !== 'running') return problem('INSTANCE_FINISHED', '流程实例已结束，无需迁移');

  const { step: source } = await stepOn(ctx, stored);
  const state = source.state;
  const processIds = new Set(target.processes.map((process) => process.id));
  const waitingElements = new Set<string>();
  const waitingExecutions = new Map<string, Set<string>>();
  for (const runState of state.runs) {
    if (!processIds.has(runState.processId)) {
      return problem('PROCESS_MISSING', `目标版本没有流程 ${runState.processId}`, [runState.processId]);
    }
    const postponed = source.resumeRun(runState, false).postponed();
    for (const api of postponed) waitingElements.add(api.id);
    waitingExecutions.set(runState.id, new Set(postponed.map((api) => api.executionId)));
  }
  if (state.recurrence) {
    if (!processIds.has(state.recurrence.processId)) {
      return problem('PROCESS_MISSING', `目标版本没有流程 ${state.recurrence.processId}`, [
        state.recurrence.processId,
      ]);
    }
    waitingElements.add(state.recurrence.elementId);
  }
  const missing = [...waitingElements].filter((id) => !target.elementTypes.has(id));
  if (missing.length > 0)
    return problem('ELEMENT_MISSING', `目标版本缺少正在等待的元素：${missing.join('、')}`, missing);
  const changed = [...waitingElements].filter(
    (id) => target.elementTypes.get(id) !== source.definition.elementTypes.get(id),
  );
  if (changed.length > 0)
    return problem('ELEMENT_CHANGED', `目标版本中这些元素的类型不同：${changed.join('、')}`, changed);

  const record: Instance = { ...stored, programVersion: args.to.version };
  const step = new InstanceStep(
    target,
    record,
    readRuntimeState(stored.id, structuredClone(stored.state)),
    ctx.now(),
    async () => {
      throw new WorkflowError('WF_ERR_MIGRATION', '迁移不应产生新的用户任务');
    },
  );
  try {
    for (const runState of [...step.state.runs]) {
      const before = waitingExecutions.get(runState.id) ?? new Set<string>();
      const run = ProcessRun.resume(target, runState.processId, runState.engine, {
        clock: step.clock,
        fireDueTimers: false,
      });
      const after = run.postponed().map((api) => api.executionId);
      if (after.length !== before.size || after.some((id) => !before.has(id))) {
        return problem('RUN_FAILED', '在目标版本上恢复后等待的元素与原来不同', [...waitingElements]);
      }
      await step.capture(runState, run);
    }
  } catch (error) {
    return problem('RUN_FAILED', `在目标版本上恢复失败：${(error as Error).message}`, [...waitingElements]);
  }
  step.record.tasks = step.record.tasks.map((task) => {
    const meta = target.elements.get(task.elementId);
    return meta?.kind === 'userTask' ? { ...task, name: meta.name, formId: meta.formId } : task;
  });
  try {
    await persistStep(ctx, { stored, program: args.to, step });
  } catch (error) {
    if (error instanceof WorkflowError && error.code === 'WF_ERR_CONFLICT') {
      return problem('CONFLICT', '迁移期间流程实例被修改，请重新迁移该实例');
    }
    throw error;
  }
  return null;
}

async function instancesOfVersion(ctx: RuntimeContext, from: ProgramVersion): Promise<string[]> {
  const ids: string[] = [];
  let campaignCursor: string | null = null;
  do {
    const campaigns = await ctx.store.findCampaigns({
      programKey: from.key,
      limit: 100,
      cursor: campaignCursor,
    });
    for (const campaign of campaigns.items) {
      let cursor: string | null = null;
      do {
        const page = await ctx.store.findInstances({ campaignId: campaign.id, limit: 1000, cursor });
        for (const instance of page.items) {
          if (instance.programVersion === from.version && instance.status === 'running')
            ids.push(instance.id);
        }
        cursor = page.nextCursor;
      } while (cursor);
    }
    campaignCursor = campaigns.nextCursor;
  } while (campaignCursor);
  return ids;
}
