import type { Instance } from '@ddt/store';
import { caughtErrors, type ProgramAnalysis } from '../analysis/program-analysis.js';
import { submissionVariants } from '../submissions/submission-variants.js';
import { baseSubmission } from '../submissions/valid-submission.js';
import type { SimWorld } from '../world/sim-world.js';
import { describeAction, type SimAction } from './sim-action.js';
import { InvalidSubmissionError, type TaskSubmitter } from './submit-task.js';

/** An instance as it stood after some actions: its stored record and the clock. */
export interface SimState {
  instanceId: string;
  record: Instance;
  now: number;
  trail: string[];
}

export interface SimulationProblem {
  /** `SIM_INCIDENT`: the runtime opened an incident; `SIM_INVALID_SUBMISSION`; `SIM_RUN_ERROR`. */
  code: 'SIM_INCIDENT' | 'SIM_INVALID_SUBMISSION' | 'SIM_RUN_ERROR';
  instanceId: string;
  elementId: string | null;
  message: string;
  /** The actions that led there. */
  trail: string[];
}

export interface ExploreBudget {
  maxSteps: number;
  deadline: number;
  /**
   * Steps an instance is explored without taking a new flow before the explorer moves on: `first` for an
   * instance that starts differently from those before (the campaign instance, a 培训机构 among schools),
   * `other` for one that starts the same way (it only matters where a handler answers differently per
   * school, e.g. sampling).
   */
  stallSteps: { first: number; other: number };
}

/**
 * Explores the states of each instance breadth first, from its launch: in each state it tries every
 * action that can still lead to a sequence flow nobody has taken (statically: a flow reachable from the
 * waiting element, or read by a condition through a variable the action writes), applies it on the real
 * runtime, and keeps the new state unless one with the same signature was seen. Instances are explored
 * one after another; later ones only chase the flows still missing (a school that is not sampled, a
 * school of another type). Stops when every flow is taken or the budget is spent.
 */
export class Explorer {
  readonly problems: SimulationProblem[] = [];
  steps = 0;
  states = 0;
  readonly #seen = new Set<string>();
  /** Signatures with timers relative to the clock: a state seen again a day or a month later. */
  readonly #seenRelative = new Set<string>();
  readonly #uncovered: Set<string>;

  constructor(
    private readonly world: SimWorld,
    private readonly analysis: ProgramAnalysis,
    private readonly submitter: TaskSubmitter,
    private readonly budget: ExploreBudget,
    /** The flows nobody has taken yet (shared between the worlds of one simulation). */
    uncovered: Set<string>,
    /** Whether another world (a campaign without deadline) comes after this one. */
    private readonly anotherWorldFollows = false,
  ) {
    this.#uncovered = uncovered;
    this.#markTaken();
  }

  get uncovered(): ReadonlySet<string> {
    return this.#uncovered;
  }

  async run(): Promise<void> {
    const shapesSeen = new Set<string>();
    for (const instanceId of this.world.instanceIds) {
      if (this.#done()) return;
      const root = await this.#settled(instanceId, this.world.launchedAt, []);
      if (!root) continue;
      // An instance that starts like one explored before (same waits) only gets a short look.
      const shape = launchShape(root.record);
      const first = !shapesSeen.has(shape);
      shapesSeen.add(shape);
      // A school that starts like one explored before can only differ where a handler's answer or the
      // school itself decides.
      if (
        !first &&
        !this.#someUncoveredReads((reads) => reads.has('school') || this.#readsHandlerOutput(reads))
      ) {
        continue;
      }
      const stall = first ? this.budget.stallSteps.first : this.budget.stallSteps.other;
      let lastGain = this.steps;
      const frontier = new Frontier();
      frontier.push(root, 0, 0);
      this.#seen.add(this.#signature(root));
      for (let entry = frontier.pop(); entry && !this.#done(); entry = frontier.pop()) {
        if (this.steps - lastGain > stall) break;
        const { state, depth } = entry;
        // Seen before, only at another time (the next day of a daily cycle): only let time go on.
        const relative = this.#signature(state, true);
        const repeated = this.#seenRelative.has(relative);
        this.#seenRelative.add(relative);
        const actions = this.#actionsOf(state).filter((action) => !repeated || action.kind === 'advance');
        for (const action of actions) {
          if (this.#done()) break;
          if (!this.#useful(action)) continue;
          const before = this.#uncovered.size;
          const next = await this.#apply(state, action);
          if (this.#uncovered.size < before) lastGain = this.steps;
          if (!next) continue;
          const signature = this.#signature(next);
          if (this.#seen.has(signature)) continue;
          this.#seen.add(signature);
          this.states += 1;
          frontier.push(next, before - this.#uncovered.size, depth + 1);
        }
      }
    }
  }

  #done(): boolean {
    return (
      this.#uncovered.size === 0 ||
      this.steps >= this.budget.maxSteps ||
      Date.now() > this.budget.deadline ||
      this.#leaveToNextWorld()
    );
  }

  /**
   * Every flow left is the default of a gateway that reads the campaign (e.g. 督导期未结束 when the
   * period timer fires at the deadline): the next world, a campaign without deadline, takes them.
   */
  #leaveToNextWorld(): boolean {
    if (!this.anotherWorldFollows) return false;
    for (const flow of this.#uncovered) {
      const info = this.analysis.flows.get(flow);
      if (!info?.isDefault || !this.analysis.flowReads.get(flow)?.has('campaign')) return false;
    }
    return true;
  }

  #someUncoveredReads(test: (reads: Set<string>) => boolean): boolean {
    for (const flow of this.#uncovered) {
      const reads = this.analysis.flowReads.get(flow);
      if (reads && test(reads)) return true;
    }
    return false;
  }

  #readsHandlerOutput(reads: Set<string>): boolean {
    for (const name of reads) if (this.analysis.handlerVariables.has(name)) return true;
    return false;
  }

  #markTaken(): void {
    for (const flow of this.world.flows.drain()) this.#uncovered.delete(flow);
  }

  /** Whether an element can still lead to an untaken flow, or writes a variable an untaken flow's condition reads. */
  #leadsSomewhereNew(elementId: string, writes: Iterable<string> = []): boolean {
    for (const flow of this.analysis.reach.get(elementId) ?? []) if (this.#uncovered.has(flow)) return true;
    const written = new Set(writes);
    if (written.size === 0) return false;
    for (const flow of this.#uncovered) {
      for (const variable of this.analysis.flowReads.get(flow) ?? []) if (written.has(variable)) return true;
    }
    return false;
  }

  #useful(action: SimAction): boolean {
    switch (action.kind) {
      case 'complete':
        return this.#leadsSomewhereNew(action.elementId, this.analysis.writes.get(action.elementId));
      case 'message':
        return this.#leadsSomewhereNew(action.elementId);
      case 'job':
        // The handler completing is what happens anyway; its error only matters for the boundary's path.
        return action.error ? this.#leadsSomewhereNew(action.error.boundaryId) : true;
      case 'advance':
        return true;
    }
  }

  #actionsOf(state: SimState): SimAction[] {
    const { record, now } = state;
    const dueJob = record.timers
      .filter((timer) => timer.id.startsWith('job:') && Date.parse(timer.dueAt) <= now)
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id))[0];
    if (dueJob) {
      return [
        { kind: 'job', timerId: dueJob.id, elementId: dueJob.elementId, error: null },
        ...caughtErrors(this.analysis, dueJob.elementId).map((error) => ({
          kind: 'job' as const,
          timerId: dueJob.id,
          elementId: dueJob.elementId,
          error,
        })),
      ];
    }
    const actions: SimAction[] = [];
    for (const task of record.tasks) {
      if (!this.#leadsSomewhereNew(task.elementId, this.analysis.writes.get(task.elementId))) continue;
      if (!task.formId) {
        actions.push({
          kind: 'complete',
          taskId: task.id,
          elementId: task.elementId,
          variant: { label: '完成', data: {} },
        });
        continue;
      }
      const form = this.submitter.definition(task.formId);
      const base = baseSubmission(form, new Date(now));
      for (const variant of submissionVariants({
        taskId: task.elementId,
        form,
        base,
        analysis: this.analysis,
        params: this.world.params,
        scored: this.submitter.isScored(task.formId),
        relevant: (variables) => this.#readByUncovered(variables),
      })) {
        actions.push({ kind: 'complete', taskId: task.id, elementId: task.elementId, variant });
      }
      if (this.analysis.returnable.has(task.elementId)) {
        actions.push({ kind: 'complete', taskId: task.id, elementId: task.elementId, variant: 'return' });
      }
    }
    for (const message of record.messages) {
      actions.push({
        kind: 'message',
        elementId: message.elementId,
        name: message.name,
        correlationKey: message.correlationKey,
      });
    }
    const timers = record.timers.filter((timer) => Date.parse(timer.dueAt) > now);
    if (timers.some((timer) => this.#leadsSomewhereNew(timer.elementId))) {
      actions.push({ kind: 'advance', to: Math.min(...timers.map((timer) => Date.parse(timer.dueAt))) });
    }
    return actions;
  }

  /** Whether a flow nobody has taken yet has a condition reading one of these variables. */
  #readByUncovered(variables: Iterable<string>): boolean {
    const names = new Set(variables);
    for (const flow of this.#uncovered) {
      for (const variable of this.analysis.flowReads.get(flow) ?? []) if (names.has(variable)) return true;
    }
    return false;
  }

  async #apply(state: SimState, action: SimAction): Promise<SimState | null> {
    const { world } = this;
    this.steps += 1;
    const trail = [...state.trail, describeAction(action)];
    try {
      await this.#restore(state);
      switch (action.kind) {
        case 'complete': {
          const task = state.record.tasks.find((open) => open.id === action.taskId);
          if (!task) return null;
          if (action.variant === 'return') await this.submitter.returnTask(task);
          else await this.submitter.submit(state.record, task, action.variant);
          break;
        }
        case 'message':
          await world.runtime.correlateMessage({
            name: action.name,
            correlationKey: action.correlationKey,
            variables: {},
          });
          break;
        case 'advance':
          world.clock.now = action.to;
          break;
        case 'job':
          world.plan.raise = action.error
            ? { instanceId: state.instanceId, elementId: action.elementId, code: action.error.code }
            : null;
          await world.runtime.fireTimer(state.instanceId, action.timerId);
          world.plan.raise = null;
          break;
      }
      return await this.#settled(state.instanceId, world.clock.now, trail, state.record.incidents.length);
    } catch (error) {
      world.plan.raise = null;
      this.#markTaken();
      this.problems.push({
        code: error instanceof InvalidSubmissionError ? 'SIM_INVALID_SUBMISSION' : 'SIM_RUN_ERROR',
        instanceId: state.instanceId,
        elementId: 'elementId' in action ? action.elementId : null,
        message: (error as Error).message,
        trail,
      });
      return null;
    }
  }

  async #restore(state: SimState): Promise<void> {
    const current = await this.world.store.getInstance(state.instanceId);
    if (!current) throw new Error(`实例 ${state.instanceId} 不存在`);
    await this.world.store.updateInstance(structuredClone(state.record), current.version);
    this.world.clock.now = state.now;
  }

  /**
   * Fires what the scheduler would fire now (due timers and jobs, in due order), stopping before a due
   * job whose handler could also end in a caught BPMN error (that is a branch), and returns the state.
   */
  async #settled(
    instanceId: string,
    now: number,
    trail: string[],
    incidentsBefore = 0,
  ): Promise<SimState | null> {
    const { world } = this;
    world.clock.now = now;
    const tried = new Set<string>();
    for (let round = 0; round < 500; round++) {
      const record = await world.store.getInstance(instanceId);
      if (!record) return null;
      const due = record.timers
        .filter((timer) => Date.parse(timer.dueAt) <= now && !tried.has(`${timer.id}@${timer.dueAt}`))
        .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id))[0];
      const branch = due?.id.startsWith('job:') && caughtErrors(this.analysis, due.elementId).length > 0;
      if (!due || branch) {
        this.#markTaken();
        if (record.incidents.length > incidentsBefore) {
          for (const incident of record.incidents.slice(incidentsBefore)) {
            this.problems.push({
              code: 'SIM_INCIDENT',
              instanceId,
              elementId: incident.elementId,
              message: incident.error,
              trail,
            });
          }
        }
        return { instanceId, record, now, trail };
      }
      tried.add(`${due.id}@${due.dueAt}`);
      await world.runtime.fireTimer(instanceId, due.id);
    }
    throw new Error(`实例 ${instanceId} 在 ${new Date(now).toISOString()} 反复触发定时器，未能停下`);
  }

  /** Two states with the same signature lead to the same futures (as far as conditions can tell). */
  #signature(state: SimState, relative = false): string {
    const { record } = state;
    const sorted = (values: string[]) => values.sort().join(',');
    const deadline = this.world.campaign.deadline ? Date.parse(this.world.campaign.deadline) : null;
    return [
      state.instanceId,
      relative ? `after-deadline:${deadline !== null && state.now >= deadline}` : state.now,
      sorted(record.tasks.map((task) => task.elementId)),
      sorted(record.messages.map((message) => message.elementId)),
      sorted(
        record.timers.map(
          (timer) => `${timer.elementId}@${relative ? Date.parse(timer.dueAt) - state.now : timer.dueAt}`,
        ),
      ),
      record.incidents.length,
      decisionValues(record.state, this.analysis.decisionVariables),
    ].join('|');
  }
}

function launchShape(record: Instance): string {
  return [
    record.scope,
    record.tasks.map((task) => task.elementId).sort(),
    record.messages.map((message) => message.elementId).sort(),
    record.timers.map((timer) => timer.elementId).sort(),
  ].join('|');
}

/** The values of the variables conditions read, wherever the engine state keeps variables. */
function decisionValues(state: unknown, names: Set<string>): string {
  const found: string[] = [];
  const walk = (node: unknown, depth: number) => {
    if (node === null || typeof node !== 'object' || depth > 40) return;
    if (Array.isArray(node)) {
      for (const item of node) walk(item, depth + 1);
      return;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'variables' && value && typeof value === 'object' && !Array.isArray(value)) {
        const picked = [...names]
          .filter((name) => name in value)
          .map((name) => `${name}=${JSON.stringify((value as Record<string, unknown>)[name])}`);
        found.push(picked.join(';'));
      } else {
        walk(value, depth + 1);
      }
    }
  };
  walk(state, 0);
  return found.join('/');
}

/**
 * The states still to explore, best first: a state whose step took new flows first (it is on a fresh
 * path), then the deepest (long timer chains reach the campaign deadline without exploring every
 * shallow state on the way), then the oldest.
 */
interface FrontierEntry {
  state: SimState;
  gain: number;
  depth: number;
  seq: number;
}

class Frontier {
  readonly #entries: FrontierEntry[] = [];
  #seq = 0;

  push(state: SimState, gain: number, depth: number): void {
    this.#entries.push({ state, gain, depth, seq: this.#seq++ });
  }

  pop(): { state: SimState; depth: number } | undefined {
    let best = -1;
    for (let i = 0; i < this.#entries.length; i++) {
      const entry = this.#entries[i] as FrontierEntry;
      const current = best >= 0 ? (this.#entries[best] as FrontierEntry) : null;
      if (
        !current ||
        entry.gain > current.gain ||
        (entry.gain === current.gain && entry.depth > current.depth) ||
        (entry.gain === current.gain && entry.depth === current.depth && entry.seq < current.seq)
      ) {
        best = i;
      }
    }
    if (best < 0) return undefined;
    const [entry] = this.#entries.splice(best, 1);
    return entry;
  }
}
