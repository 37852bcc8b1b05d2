import type { Campaign, Instance, OpenTask, ProgramVersion, School, Store } from '@ddt/store';
import { isStoreError } from '@ddt/store';
import type { Engine } from 'bpmn-engine';
import { type CompiledDefinition, compileDefinition } from '../definition/compile-definition.js';
import { WorkflowError } from '../errors.js';
import { evaluateFeel, isFeel } from '../expressions/feel.js';
import { newEngine } from './engine-factory.js';
import { userVariables } from './process-variables.js';
import { type InstanceParties, resolveAssignment } from './task-audience.js';

type Execution = Awaited<ReturnType<Engine['execute']>>;
interface PostponedApi {
  id: string;
  type: string;
  executionId: string;
  owner: { environment: { variables: Record<string, unknown> } };
  signal(message?: unknown): void;
}

export interface WorkflowRuntimeOptions {
  store: Store;
  /** Injected clock (tests); defaults to the system clock. */
  now?: () => Date;
}

export interface StartInstanceArgs {
  instanceId: string;
  program: ProgramVersion;
  campaign: Campaign;
  school: School;
  params: Record<string, unknown>;
}

export interface CompleteTaskArgs {
  taskId: string;
  /** Variables from the already validated submission. */
  output: Record<string, unknown>;
  /** The stored submission this completion accepts (null for a task without a form). */
  submissionId: string | null;
  completedBy: string | null;
}

/**
 * Runs program instances on bpmn-engine. Each step recovers the instance from its stored state, runs it
 * until it waits again, and writes the whole instance back in one version-checked write.
 */
export class WorkflowRuntime {
  readonly #store: Store;
  readonly #now: () => Date;
  readonly #definitions = new Map<string, Promise<CompiledDefinition>>();

  constructor(options: WorkflowRuntimeOptions) {
    this.#store = options.store;
    this.#now = options.now ?? (() => new Date());
  }

  /** Parses a program version's BPMN once; later calls share the result. */
  definitionFor(program: Pick<ProgramVersion, 'id' | 'bpmn'>): Promise<CompiledDefinition> {
    let compiled = this.#definitions.get(program.id);
    if (!compiled) {
      compiled = compileDefinition(program.bpmn);
      compiled.catch(() => this.#definitions.delete(program.id));
      this.#definitions.set(program.id, compiled);
    }
    return compiled;
  }

  /** Starts one school's instance. Idempotent by instance id: a retried launch never duplicates a school. */
  async startInstance(args: StartInstanceArgs): Promise<{ created: boolean; instance: Instance }> {
    const existing = await this.#store.getInstance(args.instanceId);
    if (existing) return { created: false, instance: existing };
    const definition = await this.definitionFor(args.program);
    const engine = newEngine(definition);
    const variables = {
      school: {
        id: args.school.id,
        name: args.school.name,
        type: args.school.type,
        ownership: args.school.ownership,
        districtId: args.school.districtId,
        officeId: args.school.officeId,
        inspectorId: args.school.inspectorId,
      },
      campaign: {
        id: args.campaign.id,
        title: args.campaign.title,
        deadline: args.campaign.deadline,
        officeId: args.campaign.officeId,
      },
      params: args.params,
    };
    const execution = await runGuarded(() => engine.execute({ variables }));
    const at = this.#now().toISOString();
    const parties = {
      schoolId: args.school.id,
      inspectorId: args.school.inspectorId,
      officeId: args.campaign.officeId,
    };
    const instance: Instance = {
      id: args.instanceId,
      campaignId: args.campaign.id,
      programKey: args.program.key,
      programVersion: args.program.version,
      scope: 'school',
      schoolId: args.school.id,
      officePath: args.school.officePath,
      districtId: args.school.districtId,
      schoolType: args.school.type,
      status: 'running',
      state: null,
      tasks: [],
      timers: [],
      messages: [],
      incidents: [],
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    await this.#capture(instance, engine, execution, definition, parties, []);
    return this.#store.createInstance(instance);
  }

  /**
   * Completes an open user task: merges the output into the process variables (all of it, or only the
   * task's output mappings), resumes, runs to the next wait and writes the instance once. A second
   * completion of the same task, or a concurrent one, changes nothing.
   */
  async completeTask(args: CompleteTaskArgs): Promise<Instance> {
    const instanceId = args.taskId.slice(0, args.taskId.lastIndexOf(':'));
    const stored = await this.#store.getInstance(instanceId);
    if (!stored) throw new WorkflowError('WF_ERR_TASK_NOT_FOUND', '任务不存在', { taskId: args.taskId });
    const task = stored.tasks.find((open) => open.id === args.taskId);
    if (!task)
      throw new WorkflowError('WF_ERR_TASK_CLOSED', '该任务已办结，不能重复提交', { taskId: args.taskId });
    const program = await this.#store.getProgramVersion(stored.programKey, stored.programVersion);
    if (!program)
      throw new WorkflowError(
        'WF_ERR_DEFINITION',
        `流程版本 ${stored.programKey}@${stored.programVersion} 不存在`,
      );
    const definition = await this.definitionFor(program);
    const campaign = await this.#store.getCampaign(stored.campaignId);
    const school = stored.schoolId ? await this.#store.getSchool(stored.schoolId) : null;

    const engine = newEngine(definition);
    engine.recover(structuredClone(stored.state));
    const execution = await runGuarded(() => engine.resume());
    const waiting = (execution.getPostponed() as unknown as PostponedApi[]).find(
      (api) => api.executionId === task.executionId,
    );
    if (!waiting)
      throw new WorkflowError('WF_ERR_TASK_CLOSED', '该任务已不在等待状态', { taskId: args.taskId });

    const meta = definition.elements.get(task.elementId);
    const variables = waiting.owner.environment.variables;
    if (meta?.kind === 'userTask' && meta.outputs.length > 0) {
      const scope = { ...userVariables(variables), ...args.output };
      for (const mapping of meta.outputs) {
        variables[mapping.target] = isFeel(mapping.source)
          ? evaluateFeel(mapping.source, scope)
          : mapping.source;
      }
    } else {
      Object.assign(variables, args.output);
    }
    await runGuarded(async () => waiting.signal({ output: args.output }));

    const completedAt = this.#now().toISOString();
    const next: Instance = {
      ...stored,
      updatedAt: completedAt,
      history: [
        ...(stored.history ?? []),
        {
          taskId: task.id,
          elementId: task.elementId,
          name: task.name,
          formId: task.formId,
          submissionId: args.submissionId,
          completedBy: args.completedBy,
          completedAt,
        },
      ],
    };
    const parties = {
      schoolId: stored.schoolId,
      inspectorId: school?.inspectorId ?? null,
      officeId: campaign?.officeId ?? '',
    };
    await this.#capture(next, engine, execution, definition, parties, stored.tasks);
    try {
      return await this.#store.updateInstance(next, stored.version);
    } catch (error) {
      if (isStoreError(error, 'STORE_ERR_CONFLICT')) {
        throw new WorkflowError('WF_ERR_CONFLICT', '该任务正被他人同时处理，请刷新后重试', {
          taskId: args.taskId,
        });
      }
      throw error;
    }
  }

  /** Records what the settled engine waits for into the instance record (state, open tasks, status). */
  async #capture(
    instance: Instance,
    engine: Engine,
    execution: Execution,
    definition: CompiledDefinition,
    parties: InstanceParties,
    previousTasks: OpenTask[],
  ): Promise<void> {
    const state = await engine.getState();
    for (const entry of (state as { definitions?: { source?: unknown }[] }).definitions ?? [])
      delete entry.source;
    instance.state = state;
    const at = this.#now().toISOString();
    const tasks: OpenTask[] = [];
    for (const api of execution.getPostponed() as unknown as PostponedApi[]) {
      if (api.type !== 'bpmn:UserTask') continue;
      const meta = definition.elements.get(api.id);
      if (meta?.kind !== 'userTask') continue;
      const variables = userVariables(api.owner.environment.variables);
      const id = `${instance.id}:${api.executionId}`;
      const previous = previousTasks.find((task) => task.id === id);
      const assignment = resolveAssignment(meta, variables, parties);
      const due = meta.dueDate && isFeel(meta.dueDate) ? evaluateFeel(meta.dueDate, variables) : meta.dueDate;
      tasks.push({
        id,
        elementId: api.id,
        executionId: api.executionId,
        name: meta.name,
        formId: meta.formId,
        assignee: assignment.assignee,
        candidateGroups: assignment.candidateGroups,
        audience: assignment.audience,
        dueAt:
          previous?.dueAt ?? (typeof due === 'string' && due !== '' ? new Date(due).toISOString() : null),
        createdAt: previous?.createdAt ?? at,
      });
    }
    instance.tasks = tasks;
    // bpmn-engine's execution is `running` while anything waits, `idle` once every process has ended.
    const status = (execution as unknown as { state: string }).state;
    if (status === 'idle') instance.status = 'completed';
    else if (status === 'error') instance.status = 'failed';
  }
}

/** bpmn-engine reports definition errors by rejecting; turn those into coded workflow errors. */
async function runGuarded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof WorkflowError) throw error;
    const cause = (error as { source?: { error?: unknown } }).source?.error ?? error;
    if (cause instanceof WorkflowError) throw cause;
    throw new WorkflowError('WF_ERR_RUN', `流程运行出错：${(error as Error).message}`);
  }
}
