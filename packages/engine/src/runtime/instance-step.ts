import type { ArmedTimer, AwaitedMessage, Incident, Instance, OpenTask } from '@ddt/store';
import type { CompiledDefinition } from '../definition/compile-definition.js';
import type { ServiceTaskMeta, UserTaskMeta } from '../definition/element-meta.js';
import { JOB_ELEMENT_TYPES } from '../engine/element-types.js';
import type { SettledRun, WaitingElement } from '../engine/engine-shapes.js';
import { launchRun } from '../engine/launch-template.js';
import { ProcessRun } from '../engine/process-run.js';
import { signalWaiting } from '../engine/step-template.js';
import { WorkflowError } from '../errors.js';
import { evaluateFeel, isFeel } from '../expressions/feel.js';
import type { IncidentDetail, JobState, RunState, RuntimeState } from './instance-state.js';
import { applyMappings } from './io-mapping.js';
import { userVariables } from './process-variables.js';
import { type InstanceParties, resolveAssignment } from './task-audience.js';

const DEFAULT_RETRIES = 3;

/** Where the step gets the instance's parties from when a new user task needs them (lazily: a store read). */
export type PartiesSource = () => Promise<InstanceParties>;

/**
 * One step of one instance: the runs it starts or resumes, and the next instance record derived from
 * them. Nothing is written here; the caller persists `finish()` with a version check.
 */
export class InstanceStep {
  readonly now: Date;
  #parties: Promise<InstanceParties> | null = null;

  constructor(
    readonly definition: CompiledDefinition,
    /** The next record: a copy of the stored one (or a new one) that this step changes. */
    readonly record: Instance,
    readonly state: RuntimeState,
    now: Date,
    private readonly partiesSource: PartiesSource,
    /** Whether launches and completions may come from templates (see `engine/launch-template.ts`). */
    private readonly useTemplates = true,
  ) {
    this.now = now;
  }

  get clock(): () => number {
    const at = this.now.getTime();
    return () => at;
  }

  /**
   * Starts a new run of `processId` and records it; returns it settled at its first wait (or ended). A
   * launch may come from a launch template (see `launch-template.ts`); a recurring start's run always
   * runs the engine, its start timer firing at once.
   */
  startRun(
    processId: string,
    variables: Record<string, unknown>,
    how: { recurring?: boolean; useTemplates?: boolean } = {},
  ): { run: SettledRun; runState: RunState } {
    const run = how.recurring
      ? ProcessRun.start(this.definition, processId, variables, {
          clock: this.clock,
          fireDueTimers: false,
          startTimersDue: true,
        })
      : launchRun(this.definition, processId, variables, {
          clock: this.clock,
          useTemplates: how.useTemplates ?? this.useTemplates,
        });
    const runState: RunState = { id: this.#nextRunId(), processId, engine: null, owns: [] };
    this.state.runs.push(runState);
    return { run, runState };
  }

  /**
   * Resumes a stored run. Past-due timers fire only in the scheduler's steps (`fireDueTimers`). The run
   * works on a copy, so a step that fails can still write the run's state as it was (with an incident).
   */
  resumeRun(runState: RunState, fireDueTimers: boolean): ProcessRun {
    return ProcessRun.resume(this.definition, runState.processId, structuredClone(runState.engine), {
      clock: this.clock,
      fireDueTimers,
    });
  }

  /**
   * Completes a waiting element of a stored run: merges `result` (computed from the process variables)
   * into them, signals the element and runs to the next wait — from a step template when one fits.
   * `runState.engine` must be the state as read from the store in this step (plain JSON the step owns).
   */
  completeWaiting(
    runState: RunState,
    executionId: string,
    result: (variables: Record<string, unknown>) => Record<string, unknown>,
  ): SettledRun {
    return signalWaiting(this.definition, {
      processId: runState.processId,
      state: runState.engine,
      executionId,
      result,
      clock: this.clock,
      useTemplates: this.useTemplates,
    });
  }

  /** The run that owns a record entry (`task:<id>`, `timer:<id>`, `message:<executionId>`). */
  runOwning(key: string): RunState | undefined {
    return this.state.runs.find((run) => run.owns.includes(key));
  }

  runById(runId: string): RunState | undefined {
    return this.state.runs.find((run) => run.id === runId);
  }

  /**
   * Reads what a settled run waits for into the record: open user tasks, jobs, awaited messages and
   * armed timers. A run that has ended is dropped, keeping its final variables.
   */
  async capture(runState: RunState, run: SettledRun): Promise<void> {
    const owned = new Set(runState.owns);
    const previousTasks = this.record.tasks.filter((task) => owned.has(`task:${task.id}`));
    // Everything that can fail (FEEL in assignments, due dates, message names) runs before the record changes.
    const tasks: OpenTask[] = [];
    const messages: AwaitedMessage[] = [];
    const jobs: { api: WaitingElement; meta: ServiceTaskMeta }[] = [];
    const waiting = new Set<string>();
    for (const api of run.postponed()) {
      waiting.add(api.executionId);
      const meta = this.definition.elements.get(api.id);
      if (meta?.kind === 'userTask' && api.type === 'bpmn:UserTask') {
        tasks.push(await this.#openTask(api, meta, previousTasks));
      } else if (meta?.kind === 'serviceTask' && JOB_ELEMENT_TYPES.has(api.type)) {
        jobs.push({ api, meta });
      } else if (meta?.kind === 'messageCatch') {
        messages.push(this.#awaitedMessage(api, meta.messageName, meta.correlationKey));
      }
    }
    const timers: ArmedTimer[] = run.timers.started().map((started) => ({
      id: `timer:${started.timerExecutionId}`,
      elementId: started.elementId,
      executionId: started.executionId,
      dueAt: started.expireAt.toISOString(),
    }));

    this.record.tasks = this.record.tasks.filter((task) => !owned.has(`task:${task.id}`));
    this.record.messages = this.record.messages.filter((m) => !owned.has(`message:${m.executionId}`));
    this.record.timers = this.record.timers.filter((timer) => !owned.has(`timer:${timer.id}`));
    if (run.ended) {
      this.state.runs = this.state.runs.filter((candidate) => candidate !== runState);
      this.state.lastEnded = { runId: runState.id, variables: userVariables(run.variables()) };
      this.#dropJobsOf(runState.id, new Set());
      return;
    }
    this.record.tasks.push(...tasks);
    this.record.messages.push(...messages);
    this.record.timers.push(...timers);
    for (const { api, meta } of jobs) this.#ensureJob(runState.id, api, meta);
    this.#dropJobsOf(runState.id, waiting);
    runState.engine = run.state();
    runState.owns = [
      ...tasks.map((task) => `task:${task.id}`),
      ...messages.map((message) => `message:${message.executionId}`),
      ...timers.map((timer) => `timer:${timer.id}`),
    ];
  }

  /** Opens an incident (visible on the record) and keeps what a retry needs in the state. */
  openIncident(elementId: string, error: string, detail: IncidentDetail): Incident {
    const incident: Incident = {
      id: `incident-${++this.state.seq}`,
      elementId,
      error: error.slice(0, 2000),
      at: this.now.toISOString(),
    };
    this.record.incidents = [...this.record.incidents, incident];
    this.state.incidents[incident.id] = detail;
    return incident;
  }

  closeIncident(incidentId: string): void {
    this.record.incidents = this.record.incidents.filter((incident) => incident.id !== incidentId);
    delete this.state.incidents[incidentId];
  }

  /** The next record: state written back, timers derived, status and time updated. */
  finish(): Instance {
    const held = new Set(
      Object.values(this.state.incidents).flatMap((detail) => (detail.timer ? [detail.timer.id] : [])),
    );
    const engineTimers = this.record.timers.filter(
      (timer) => timer.id.startsWith('timer:') && !held.has(timer.id),
    );
    const jobTimers: ArmedTimer[] = Object.values(this.state.jobs).flatMap((job) =>
      job.dueAt
        ? [
            {
              id: `job:${job.executionId}`,
              elementId: job.elementId,
              executionId: job.executionId,
              dueAt: job.dueAt,
            },
          ]
        : [],
    );
    const recurrence = this.state.recurrence;
    const recurrenceTimers: ArmedTimer[] =
      recurrence?.dueAt && !held.has(`cycle:${recurrence.elementId}`)
        ? [
            {
              id: `cycle:${recurrence.elementId}`,
              elementId: recurrence.elementId,
              executionId: recurrence.elementId,
              dueAt: recurrence.dueAt,
            },
          ]
        : [];
    this.record.timers = [...engineTimers, ...jobTimers, ...recurrenceTimers];
    this.record.state = this.state;
    const live = this.state.runs.length > 0 || Boolean(recurrence?.dueAt);
    this.record.status = live ? 'running' : 'completed';
    this.record.updatedAt = this.now.toISOString();
    return this.record;
  }

  async #openTask(api: WaitingElement, meta: UserTaskMeta, previousTasks: OpenTask[]): Promise<OpenTask> {
    const id = `${this.record.id}:${api.executionId}`;
    const previous = previousTasks.find((task) => task.id === id);
    if (previous) return previous;
    const variables = userVariables(api.owner.environment.variables);
    this.#parties ??= this.partiesSource();
    const assignment = resolveAssignment(meta, variables, await this.#parties, this.now);
    const due =
      meta.dueDate && isFeel(meta.dueDate) ? evaluateFeel(meta.dueDate, variables, this.now) : meta.dueDate;
    return {
      id,
      elementId: api.id,
      executionId: api.executionId,
      name: meta.name,
      formId: meta.formId,
      assignee: assignment.assignee,
      candidateGroups: assignment.candidateGroups,
      audience: assignment.audience,
      dueAt: dueDateOf(due, meta.id),
      createdAt: this.now.toISOString(),
    };
  }

  #ensureJob(runId: string, api: WaitingElement, meta: ServiceTaskMeta): void {
    if (this.state.jobs[api.executionId]) return;
    const job: JobState = {
      runId,
      elementId: api.id,
      executionId: api.executionId,
      type: meta.taskType ?? '',
      retries: DEFAULT_RETRIES,
      failures: 0,
      variables: {},
      idempotencyKey: `${this.record.id}:${api.executionId}`,
      dueAt: this.now.toISOString(),
      lastError: null,
    };
    this.state.jobs[api.executionId] = job;
    try {
      const variables = userVariables(api.owner.environment.variables);
      job.retries = retriesOf(meta, variables, this.now);
      job.variables = meta.inputs.length > 0 ? applyMappings(meta.inputs, variables, this.now) : variables;
    } catch (error) {
      job.dueAt = null;
      job.inputsFailed = true;
      job.lastError = (error as Error).message;
      this.openIncident(api.id, `输入映射出错：${job.lastError}`, {
        kind: 'job',
        runId,
        executionId: api.executionId,
        timer: null,
      });
    }
  }

  #awaitedMessage(api: WaitingElement, name: string | null, correlationKey: string | null): AwaitedMessage {
    const variables = userVariables(api.owner.environment.variables);
    const evaluate = (text: string) => (isFeel(text) ? evaluateFeel(text, variables, this.now) : text);
    const messageName = name ? evaluate(name) : null;
    if (typeof messageName !== 'string' || messageName === '') {
      throw new WorkflowError('WF_ERR_DEFINITION', `元素 ${api.id} 等待的消息没有名称`, {
        elementId: api.id,
      });
    }
    const key = correlationKey ? evaluate(correlationKey) : null;
    return {
      elementId: api.id,
      executionId: api.executionId,
      name: messageName,
      correlationKey: key === null || key === undefined ? null : String(key),
    };
  }

  /** Forgets the jobs of a run that no longer wait (interrupted, or the run ended), with their incidents. */
  #dropJobsOf(runId: string, stillWaiting: Set<string>): void {
    for (const job of Object.values(this.state.jobs)) {
      if (job.runId !== runId || stillWaiting.has(job.executionId)) continue;
      delete this.state.jobs[job.executionId];
    }
    for (const [incidentId, detail] of Object.entries(this.state.incidents)) {
      if (detail.runId === runId && detail.executionId && !stillWaiting.has(detail.executionId)) {
        this.closeIncident(incidentId);
      }
    }
  }

  #nextRunId(): string {
    const number = this.state.seq++;
    return number === 0 ? 'main' : `run-${number}`;
  }
}

function dueDateOf(value: unknown, elementId: string): string | null {
  if (value === null || value === undefined || value === '') return null;
  const time = Date.parse(String(value));
  if (Number.isNaN(time)) {
    throw new WorkflowError(
      'WF_ERR_EXPRESSION',
      `用户任务 ${elementId} 的截止时间不是日期时间：${String(value)}`,
      {
        elementId,
      },
    );
  }
  return new Date(time).toISOString();
}

function retriesOf(meta: ServiceTaskMeta, variables: Record<string, unknown>, now: Date): number {
  if (!meta.retries) return DEFAULT_RETRIES;
  const value = Number(isFeel(meta.retries) ? evaluateFeel(meta.retries, variables, now) : meta.retries);
  return Number.isInteger(value) && value >= 1 ? value : DEFAULT_RETRIES;
}
