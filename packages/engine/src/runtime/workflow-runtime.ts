import type { JobLogger } from '@ddt/sdk';
import type { Campaign, Instance, ProgramVersion, School, Store } from '@ddt/store';
import {
  type CompiledDefinition,
  compileDefinition,
  type ProcessScope,
} from '../definition/compile-definition.js';
import { WorkflowError } from '../errors.js';
import { HandlerRegistry } from '../jobs/handler-registry.js';
import { type CompleteTaskArgs, completeTask } from './complete-task.js';
import { type CorrelatedMessage, type CorrelateMessageArgs, correlateMessage } from './correlate-message.js';
import { fireTimer, type TimerOutcome } from './fire-timer.js';
import { launchInstance } from './launch-instance.js';
import { type MigrateInstancesArgs, type MigrationReport, migrateInstances } from './migrate-instances.js';
import { retryIncident } from './retry-incident.js';
import { runJob } from './run-job.js';
import type { RuntimeContext } from './runtime-context.js';

export type { CompleteTaskArgs } from './complete-task.js';

export interface WorkflowRuntimeOptions {
  store: Store;
  /** Injected clock (tests); defaults to the system clock. Timers, due dates and FEEL `now()` read it. */
  now?: () => Date;
  /** The task handlers service tasks may name. Default: none (a service task then gets an incident). */
  handlers?: HandlerRegistry;
  /** Where handlers' `job.logger` writes. Default: warnings and errors to the console. */
  jobLogger?: JobLogger;
  /**
   * Launch and complete tasks from templates when they fit (see `engine/launch-template.ts` and
   * `engine/step-template.ts`); off, every step runs the engine. Default true.
   */
  launchTemplates?: boolean;
}

export interface StartInstanceArgs {
  instanceId: string;
  program: ProgramVersion;
  campaign: Campaign;
  school: School;
  params: Record<string, unknown>;
}

export interface StartCampaignInstanceArgs {
  /** Default `${campaign.id}:campaign`. */
  instanceId?: string;
  program: ProgramVersion;
  campaign: Campaign;
  params: Record<string, unknown>;
}

const consoleJobLogger: JobLogger = {
  info() {},
  warn: (message, detail) => console.warn(`[job] ${message}`, detail ?? ''),
  error: (message, detail) => console.error(`[job] ${message}`, detail ?? ''),
};

/**
 * Runs program instances on bpmn-elements. Each step recovers the instance's runs from the stored
 * record, runs them until they wait again, and writes the whole instance back in one version-checked
 * write. Timers and jobs are fired by a `TimerScheduler` calling `fireTimer`.
 */
export class WorkflowRuntime {
  readonly #store: Store;
  readonly #now: () => Date;
  readonly #definitions = new Map<string, Promise<CompiledDefinition>>();
  readonly #programs = new Map<string, Promise<ProgramVersion>>();
  readonly #ctx: RuntimeContext;
  readonly #useTemplates: boolean;

  constructor(options: WorkflowRuntimeOptions) {
    this.#store = options.store;
    this.#useTemplates = options.launchTemplates ?? true;
    this.#now = options.now ?? (() => new Date());
    this.#ctx = {
      store: this.#store,
      now: this.#now,
      handlers: options.handlers ?? new HandlerRegistry(),
      jobLogger: options.jobLogger ?? consoleJobLogger,
      useTemplates: options.launchTemplates ?? true,
      definitionFor: (program) => this.definitionFor(program),
      programOf: (instance) => this.#programOf(instance.programKey, instance.programVersion),
    };
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

  /** The process scopes a program version has (`school`, and `campaign` if it has a campaign-scope process). */
  async scopesOf(program: ProgramVersion): Promise<ProcessScope[]> {
    return (await this.definitionFor(program)).processes.map((process) => process.scope);
  }

  /** Starts one school's instance. Idempotent by instance id: a retried launch never duplicates a school. */
  async startInstance(args: StartInstanceArgs): Promise<{ created: boolean; instance: Instance }> {
    const existing = await this.#store.getInstance(args.instanceId);
    if (existing) return { created: false, instance: existing };
    const definition = await this.definitionFor(args.program);
    const instance = await launchInstance(
      definition,
      args.program,
      {
        instanceId: args.instanceId,
        scope: 'school',
        campaign: args.campaign,
        school: args.school,
        params: args.params,
      },
      this.#now(),
      { useTemplates: this.#useTemplates },
    );
    return this.#store.createInstance(instance);
  }

  /**
   * Starts the campaign's one instance of the program's campaign-scope process (county summaries,
   * roll-ups): variables `campaign` and `params`, no school. Idempotent like `startInstance`.
   */
  async startCampaignInstance(
    args: StartCampaignInstanceArgs,
  ): Promise<{ created: boolean; instance: Instance }> {
    const instanceId = args.instanceId ?? `${args.campaign.id}:campaign`;
    const existing = await this.#store.getInstance(instanceId);
    if (existing) return { created: false, instance: existing };
    const definition = await this.definitionFor(args.program);
    const instance = await launchInstance(
      definition,
      args.program,
      { instanceId, scope: 'campaign', campaign: args.campaign, school: null, params: args.params },
      this.#now(),
      { useTemplates: this.#useTemplates },
    );
    return this.#store.createInstance(instance);
  }

  /**
   * Completes an open user task: merges the output, resumes, runs to the next wait, writes once. A
   * second or concurrent completion gets `WF_ERR_TASK_CLOSED` / `WF_ERR_CONFLICT` and changes nothing.
   */
  completeTask(args: CompleteTaskArgs): Promise<Instance> {
    return completeTask(this.#ctx, args);
  }

  /** Delivers a message to the instances waiting for it; none waiting is `WF_ERR_MESSAGE_UNMATCHED`. */
  correlateMessage(args: CorrelateMessageArgs): Promise<CorrelatedMessage[]> {
    return correlateMessage(this.#ctx, args);
  }

  /**
   * Fires one due timer of an instance (a BPMN timer, a recurring start or a job). Called by the
   * scheduler for each timer it has claimed; safe to call for a timer that is gone or not yet due.
   */
  fireTimer(instanceId: string, timerId: string): Promise<TimerOutcome> {
    if (timerId.startsWith('job:')) return runJob(this.#ctx, instanceId, timerId);
    return fireTimer(this.#ctx, instanceId, timerId);
  }

  /** An admin's retry of an incident (a failed job, timer or recurring start). */
  retryIncident(instanceId: string, incidentId: string): Promise<Instance> {
    return retryIncident(this.#ctx, instanceId, incidentId);
  }

  /** Moves instances to another version of their program; the report names each one that cannot move and why. */
  migrateInstances(args: MigrateInstancesArgs): Promise<MigrationReport> {
    return migrateInstances(this.#ctx, args);
  }

  #programOf(key: string, version: number): Promise<ProgramVersion> {
    const id = `${key}@${version}`;
    let program = this.#programs.get(id);
    if (!program) {
      program = this.#store.getProgramVersion(key, version).then((found) => {
        if (!found) throw new WorkflowError('WF_ERR_DEFINITION', `流程版本 ${id} 不存在`, { program: id });
        return found;
      });
      program.catch(() => this.#programs.delete(id));
      this.#programs.set(id, program);
    }
    return program;
  }
}
