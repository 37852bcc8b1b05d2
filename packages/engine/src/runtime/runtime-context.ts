import type { JobLogger } from '@ddt/sdk';
import type { Instance, ProgramVersion, Store } from '@ddt/store';
import { isStoreError } from '@ddt/store';
import type { CompiledDefinition } from '../definition/compile-definition.js';
import { WorkflowError } from '../errors.js';
import type { HandlerRegistry } from '../jobs/handler-registry.js';
import { readRuntimeState } from './instance-state.js';
import { InstanceStep } from './instance-step.js';

/** What every runtime operation works with. */
export interface RuntimeContext {
  store: Store;
  now: () => Date;
  handlers: HandlerRegistry;
  jobLogger: JobLogger;
  /** Launch and complete from templates when they fit (see `engine/launch-template.ts`). */
  useTemplates: boolean;
  definitionFor(program: Pick<ProgramVersion, 'id' | 'bpmn'>): Promise<CompiledDefinition>;
  programOf(instance: Pick<Instance, 'programKey' | 'programVersion'>): Promise<ProgramVersion>;
}

/** A stored instance and the step that will produce its next record. */
export interface LoadedStep {
  stored: Instance;
  program: ProgramVersion;
  step: InstanceStep;
}

export async function loadInstance(ctx: RuntimeContext, instanceId: string): Promise<Instance> {
  const stored = await ctx.store.getInstance(instanceId);
  if (!stored)
    throw new WorkflowError('WF_ERR_INSTANCE_NOT_FOUND', `流程实例不存在：${instanceId}`, { instanceId });
  return stored;
}

/**
 * Prepares a step on an instance just read from the store. The step takes over its state (each read
 * parses a fresh copy); the stored version is kept for the write's version check.
 */
export async function stepOn(ctx: RuntimeContext, stored: Instance): Promise<LoadedStep> {
  const program = await ctx.programOf(stored);
  const definition = await ctx.definitionFor(program);
  const copy: Instance = { ...stored };
  const state = readRuntimeState(stored.id, copy.state);
  const step = new InstanceStep(
    definition,
    copy,
    state,
    ctx.now(),
    async () => {
      const [campaign, school] = await Promise.all([
        ctx.store.getCampaign(stored.campaignId),
        stored.schoolId ? ctx.store.getSchool(stored.schoolId) : null,
      ]);
      return {
        schoolId: stored.schoolId,
        // The inspector chosen at launch (回避-aware), not whoever holds the school's 挂牌 today.
        inspectorId: stored.inspectorId !== undefined ? stored.inspectorId : (school?.inspectorId ?? null),
        officeId: campaign?.officeId ?? '',
      };
    },
    ctx.useTemplates,
  );
  return { stored, program, step };
}

/** Writes the step's record if nobody else wrote the instance since it was read. */
export async function persistStep(ctx: RuntimeContext, loaded: LoadedStep): Promise<Instance> {
  try {
    return await ctx.store.updateInstance(loaded.step.finish(), loaded.stored.version);
  } catch (error) {
    if (isStoreError(error, 'STORE_ERR_CONFLICT')) {
      throw new WorkflowError('WF_ERR_CONFLICT', '流程实例正被他人同时处理，请刷新后重试', {
        instanceId: loaded.stored.id,
      });
    }
    throw error;
  }
}

/**
 * Runs a background operation (timer, job, message) until it writes without a version conflict: a user
 * completing a task at the same moment wins, and the operation re-reads and tries again.
 */
export async function withConflictRetry<T>(operation: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (attempt >= attempts || !(error instanceof WorkflowError && error.code === 'WF_ERR_CONFLICT'))
        throw error;
    }
  }
}
