import { createHash } from 'node:crypto';
import type { CompiledDefinition } from '../definition/compile-definition.js';
import { WorkflowError } from '../errors.js';
import type { SettledRun, TraceEntry } from './engine-shapes.js';
import { ProcessRun } from './process-run.js';
import { type CutState, cutOwnedState, cutState, processSlot, structureMentions } from './state-variables.js';
import { type TemplateOutcome, templateRun } from './template-run.js';
import { traceMatches } from './trace-match.js';

/**
 * Step templates: the launch-template idea (see `launch-template.ts`) applied to completing a waiting
 * element. Instances launched from one template have the same structure (see `state-variables.ts`), so
 * completing the same task in them is the same transition: resume, merge the result into the process
 * variables, signal, run to the next wait. A transition is recorded from a real engine run and reused
 * when the instance's structure is identical, every expression the engine evaluated gives the same
 * result with the instance's variables, and nothing else about the run depends on the variables:
 * - the run has no timers (due times depend on the clock);
 * - it has no sub-process environments (only the definition's and the process's variables);
 * - each variables object after the step is either unchanged or exactly the merged one;
 * - no variable value occurs in the structure after the step.
 * Anything else runs the engine, which is always correct.
 */

interface StepTemplate extends TemplateOutcome {
  /** Expressions evaluated while resuming (before the merge) and while running on (after it). */
  resumeTrace: TraceEntry[];
  actTrace: TraceEntry[];
  /**
   * For each variables slot after the step: the user variables as they were, or the merged ones; plus
   * the keys bpmn-elements itself keeps there (copies of the run message, the same on this path).
   */
  slots: { path: string[]; source: 'same' | 'merged'; engine: Record<string, unknown> }[];
}

const MAX_TEMPLATES_PER_TRANSITION = 4;
const MAX_TRANSITIONS = 2_000;
/**
 * Per definition: templates by transition (a hash of process, element and structure), and how often a
 * transition without a template was seen. Instances launched without a template each have their own
 * structure, so a template is recorded only for a transition seen before.
 */
const transitions = new WeakMap<
  CompiledDefinition,
  { templates: Map<string, StepTemplate[]>; seen: Map<string, number> }
>();

export interface SignalWaitingArgs {
  processId: string;
  /** The run's saved state; not changed. */
  state: unknown;
  executionId: string;
  /** What to merge into the process variables, computed from them (e.g. through output mappings). */
  result: (variables: Record<string, unknown>) => Record<string, unknown>;
  clock: () => number;
  useTemplates: boolean;
}

/**
 * Completes a waiting element of a saved run: merges `result` into the process variables, signals it and
 * runs to the next wait. Throws `WF_ERR_TASK_CLOSED` if the element does not wait.
 */
export function signalWaiting(definition: CompiledDefinition, args: SignalWaitingArgs): SettledRun {
  // The saved state is the step's own parsed copy and is not changed here: cut it without copying.
  const before = args.useTemplates ? cutOwnedState(args.state) : null;
  const key = before
    ? createHash('sha256')
        .update(`${args.processId}\u0000${args.executionId}\u0000${before.structure}`)
        .digest('base64')
    : '';
  let known = transitions.get(definition);
  if (!known) {
    known = { templates: new Map(), seen: new Map() };
    transitions.set(definition, known);
  }
  const variants = known.templates.get(key);
  if (before && variants && before.slots.length === 2) {
    const reused = reuse(variants, before, args);
    if (reused) return reused;
  }

  const trace: TraceEntry[] = [];
  const run = ProcessRun.resume(definition, args.processId, structuredClone(args.state), {
    clock: args.clock,
    fireDueTimers: false,
    trace,
  });
  const waiting = run.waiting(args.executionId);
  if (!waiting)
    throw new WorkflowError('WF_ERR_TASK_CLOSED', '该任务已不在等待状态', { executionId: args.executionId });
  const resumed = trace.length;
  const values = args.result(waiting.owner.environment.variables);
  run.act(() => {
    run.mergeVariables(waiting, values);
    waiting.signal();
  });

  if (
    before &&
    known.templates.size < MAX_TRANSITIONS &&
    (variants?.length ?? 0) < MAX_TEMPLATES_PER_TRANSITION
  ) {
    const sightings = known.seen.get(key) ?? 0;
    if (variants || sightings > 0) {
      const template = record(run, before, values, trace, resumed);
      if (template) known.templates.set(key, [...(variants ?? []), template]);
      known.seen.delete(key);
    } else {
      if (known.seen.size >= 10 * MAX_TRANSITIONS) known.seen.clear();
      known.seen.set(key, 1);
    }
  }
  return run;
}

function reuse(variants: StepTemplate[], before: CutState, args: SignalWaitingArgs): SettledRun | null {
  const processBefore = processSlot(before.slots);
  if (!processBefore) return null;
  const now = new Date(args.clock());
  const variables = processBefore.variables;
  const merged = { ...variables, ...args.result(variables) };
  for (const template of variants) {
    if (!traceMatches(template.resumeTrace, variables, now) || !traceMatches(template.actTrace, merged, now))
      continue;
    let processAfter = merged;
    const slots = template.slots.map((slot) => {
      const same = before.slots.find((candidate) => samePath(candidate.path, slot.path));
      const user = slot.source === 'merged' ? merged : (same?.variables ?? {});
      const restored = { ...withoutEngineKeys(user), ...slot.engine };
      if (slot.source === 'merged') processAfter = restored;
      return { path: slot.path, variables: restored };
    });
    return templateRun(template, slots, processAfter);
  }
  return null;
}

function record(
  run: ProcessRun,
  before: CutState,
  values: Record<string, unknown>,
  trace: TraceEntry[],
  resumed: number,
): StepTemplate | null {
  if (before.slots.length !== 2 || run.timers.started().length > 0) return null;
  const processBefore = processSlot(before.slots);
  if (!processBefore) return null;
  const merged = canonical(withoutEngineKeys({ ...processBefore.variables, ...values }));
  const after = cutState(run.state());
  if (after.slots.length !== 2) return null;
  const slots: StepTemplate['slots'] = [];
  for (const slot of after.slots) {
    const same = before.slots.find((candidate) => samePath(candidate.path, slot.path));
    if (!same) return null;
    const user = canonical(withoutEngineKeys(slot.variables));
    const engine = Object.fromEntries(Object.entries(slot.variables).filter(([key]) => ENGINE_KEYS.has(key)));
    if (user === canonical(withoutEngineKeys(same.variables)))
      slots.push({ path: slot.path, source: 'same', engine });
    else if (user === merged) slots.push({ path: slot.path, source: 'merged', engine });
    else return null;
  }
  if (structureMentions(after.structure, withoutEngineKeys(processBefore.variables))) return null;
  if (structureMentions(after.structure, values)) return null;
  return {
    resumeTrace: trace.slice(0, resumed),
    actTrace: trace.slice(resumed),
    structure: after.structure,
    slots,
    waits: run.postponed().map((api) => ({ id: api.id, type: api.type, executionId: api.executionId })),
    ended: run.ended,
  };
}

/** Keys bpmn-elements copies from the run message into a process's variables. */
const ENGINE_KEYS = new Set(['fields', 'content', 'properties']);

function withoutEngineKeys(variables: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(variables).filter(([key]) => !ENGINE_KEYS.has(key)));
}

function samePath(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i]);
}

/** JSON with object keys sorted, so that equal variables compare equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, entry: unknown) =>
    entry && typeof entry === 'object' && !Array.isArray(entry)
      ? Object.fromEntries(Object.entries(entry).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : entry,
  );
}
