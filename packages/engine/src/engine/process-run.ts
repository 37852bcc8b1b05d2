import * as Elements from 'bpmn-elements';
import type { CompiledDefinition } from '../definition/compile-definition.js';
import { WorkflowError } from '../errors.js';
import { feelExpressions } from '../expressions/feel-expressions.js';
import { feelOnlyScripts } from '../expressions/feel-only-scripts.js';
import type {
  BpmnDefinition,
  PostponedApi,
  SettledRun,
  TraceEntry,
  WaitingElement,
} from './engine-shapes.js';
import { silentLogger } from './silent-logger.js';
import { StepTimers } from './step-timers.js';

export interface RunStepOptions {
  clock: () => number;
  /** See `StepOptions.fireDueTimers`. */
  fireDueTimers: boolean;
  /** See `StepOptions.startTimersDue`. */
  startTimersDue?: boolean;
  /** Collects every expression the run evaluates, with its result (launch templates). */
  trace?: TraceEntry[];
}

const Environment = Elements.Environment as unknown as new (options: Record<string, unknown>) => unknown;
const Context = Elements.Context as unknown as new (sourceContext: unknown, environment: unknown) => unknown;
const Definition = Elements.Definition as unknown as new (context: unknown) => BpmnDefinition;

/**
 * One run of one process of a compiled definition, driven step by step on bpmn-elements' `Definition`
 * (no bpmn-engine wrapper: it would start every executable process and costs a third more per step).
 * A step is synchronous: after `start`, `resume` or `act` returns, the run has settled — it waits, or
 * it has ended — and its state can be saved. A run that fails throws a coded `WorkflowError`.
 */
export class ProcessRun implements SettledRun {
  readonly timers = new StepTimers();
  readonly #definition: BpmnDefinition;
  readonly #processId: string;
  #error: unknown = null;

  private constructor(
    compiled: CompiledDefinition,
    processId: string,
    variables: Record<string, unknown>,
    options: RunStepOptions,
  ) {
    this.#processId = processId;
    const environment = new Environment({
      Logger: silentLogger,
      variables,
      timers: this.timers,
      expressions: feelExpressions,
      scripts: feelOnlyScripts,
      clock: options.clock,
      fireDueTimers: options.fireDueTimers,
      startTimersDue: options.startTimersDue === true,
      trace: options.trace,
    });
    this.#definition = new Definition(new Context(compiled.sourceContext, environment));
    this.#definition.broker.subscribeTmp(
      'event',
      'definition.error',
      (_routingKey, message) => {
        this.#error = message.content.error;
      },
      { noAck: true },
    );
  }

  /** Starts `processId` (only that process, even if the definition holds others) and runs to its first wait. */
  static start(
    compiled: CompiledDefinition,
    processId: string,
    variables: Record<string, unknown>,
    options: RunStepOptions,
  ): ProcessRun {
    const run = new ProcessRun(compiled, processId, variables, options);
    run.act(() => run.#definition.run({ processId }));
    return run;
  }

  /**
   * Rebuilds a run from its saved state and resumes it; due timers fire only if the options say so.
   * bpmn-elements keeps and changes objects of the state it recovers from: pass a copy you own.
   */
  static resume(
    compiled: CompiledDefinition,
    processId: string,
    state: unknown,
    options: RunStepOptions,
  ): ProcessRun {
    const run = new ProcessRun(compiled, processId, {}, options);
    run.#definition.recover(state);
    run.act(() => run.#definition.resume());
    return run;
  }

  /** Does something to the run (signal, send an error) and checks that it settled without failing. */
  act(action: () => void): void {
    try {
      action();
    } catch (error) {
      this.#error ??= error;
    }
    if (this.#error) throw asWorkflowError(this.#error);
    if (this.#definition.isRunning && this.#definition.activityStatus === 'executing') {
      throw new WorkflowError('WF_ERR_RUN', '流程未停在等待状态（存在未完成的异步步骤）');
    }
  }

  get ended(): boolean {
    return !this.#definition.isRunning;
  }

  /** What the run waits at, including inside (nested) sub-processes. */
  postponed(): PostponedApi[] {
    return this.#definition.isRunning ? flattenPostponed(this.#definition.getPostponed(), new Set()) : [];
  }

  waiting(executionId: string): PostponedApi | undefined {
    return this.postponed().find((api) => api.executionId === executionId);
  }

  /** The variables of the process (once it has ended: as they were at its end). */
  variables(): Record<string, unknown> {
    const process = this.#definition.getProcesses().find((candidate) => candidate.id === this.#processId);
    return process?.environment.variables ?? {};
  }

  state(): unknown {
    return this.#definition.getState();
  }

  /**
   * Merges values into the variables a waiting element sees and into its process's variables (an element
   * inside a sub-process has a copy of them), so later steps of the process see them too.
   */
  mergeVariables(api: WaitingElement, values: Record<string, unknown>): void {
    const processVariables = this.variables();
    Object.assign(api.owner.environment.variables, values);
    if (processVariables !== api.owner.environment.variables) Object.assign(processVariables, values);
  }
}

function flattenPostponed(apis: PostponedApi[], seen: Set<string>): PostponedApi[] {
  const result: PostponedApi[] = [];
  for (const api of apis) {
    const key = `${api.id}/${api.executionId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(api);
    if (api.type === 'bpmn:SubProcess' && api.owner.isSubProcess)
      result.push(...flattenPostponed(api.getPostponed(), seen));
  }
  return result;
}

/** bpmn-elements wraps what an element threw; unwrap our own coded errors, code the rest. */
function asWorkflowError(error: unknown): WorkflowError {
  let cause: unknown = error;
  for (let depth = 0; depth < 5 && cause; depth++) {
    if (cause instanceof WorkflowError) return cause;
    const next = cause as { inner?: unknown; source?: { content?: { error?: unknown } } };
    cause = next.inner ?? next.source?.content?.error;
  }
  const message = (error as { message?: string }).message ?? String(error);
  return new WorkflowError('WF_ERR_RUN', `流程运行出错：${message}`);
}
