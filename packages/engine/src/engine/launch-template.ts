import type { CompiledDefinition } from '../definition/compile-definition.js';
import type { SettledRun, TraceEntry } from './engine-shapes.js';
import { ProcessRun } from './process-run.js';
import { cutState, processSlot, structureMentions } from './state-variables.js';
import { type TemplateOutcome, templateRun } from './template-run.js';
import { traceMatches } from './trace-match.js';

/**
 * Launch templates: most launches of a campaign run the same path to the same first wait, and differ
 * only in their variables (the school). bpmn-elements needs ~2 ms and ~900 message-broker objects per
 * launch; a template reproduces the settled state of such a launch in microseconds.
 *
 * How a template is made and when it is used:
 * 1. A launch runs the engine for real and records every expression it evaluated with its result (the
 *    engine reads variables only through our FEEL expressions and conditions; `${}` is refused).
 * 2. Its settled state becomes a template if it started no timer (due times depend on the clock) and,
 *    once the `environment.variables` objects are cut out, no value of the launch variables is left in
 *    it (nothing copied them elsewhere).
 * 3. A later launch of the same process uses the template only if every recorded expression gives the
 *    same result with its variables — then the engine would take exactly the same path. The state is
 *    the template with the launch's variables put back. Otherwise the engine runs (and may add another
 *    template, up to a few per process).
 * Instances made from one template share their engine execution ids; ids only need to be unique within
 * an instance (task ids are prefixed with the instance id).
 */

interface LaunchTemplate extends TemplateOutcome {
  trace: TraceEntry[];
  /** Where the variables go back, with the keys the engine had added to each (copies of its run message). */
  slots: { path: string[]; extras: Record<string, unknown> }[];
}

const MAX_TEMPLATES_PER_PROCESS = 8;
const templates = new WeakMap<CompiledDefinition, Map<string, LaunchTemplate[]>>();

export interface LaunchOptions {
  clock: () => number;
  /** Off: always run the engine (benchmarks compare both). */
  useTemplates: boolean;
}

/** Starts a new run of `processId` to its first wait, from a template when one fits. */
export function launchRun(
  definition: CompiledDefinition,
  processId: string,
  variables: Record<string, unknown>,
  options: LaunchOptions,
): SettledRun {
  if (!options.useTemplates) {
    return ProcessRun.start(definition, processId, variables, { clock: options.clock, fireDueTimers: false });
  }
  let byProcess = templates.get(definition);
  if (!byProcess) {
    byProcess = new Map();
    templates.set(definition, byProcess);
  }
  const known = byProcess.get(processId) ?? [];
  byProcess.set(processId, known);
  const now = new Date(options.clock());
  for (const template of known) {
    if (traceMatches(template.trace, variables, now)) return fromTemplate(template, variables);
  }
  const trace: TraceEntry[] = [];
  const run = ProcessRun.start(definition, processId, variables, {
    clock: options.clock,
    fireDueTimers: false,
    trace,
  });
  if (known.length < MAX_TEMPLATES_PER_PROCESS) {
    const template = makeTemplate(run, trace, variables);
    if (template) known.push(template);
  }
  return run;
}

function makeTemplate(
  run: ProcessRun,
  trace: TraceEntry[],
  variables: Record<string, unknown>,
): LaunchTemplate | null {
  if (run.timers.started().length > 0) return null;
  const { structure, slots } = cutState(run.state());
  if (structureMentions(structure, variables)) return null;
  return {
    trace,
    structure,
    slots: slots.map((slot) => ({
      path: slot.path,
      extras: Object.fromEntries(Object.entries(slot.variables).filter(([name]) => !(name in variables))),
    })),
    waits: run.postponed().map((api) => ({ id: api.id, type: api.type, executionId: api.executionId })),
    ended: run.ended,
  };
}

function fromTemplate(template: LaunchTemplate, variables: Record<string, unknown>): SettledRun {
  const slots = template.slots.map((slot) => ({
    path: slot.path,
    variables: { ...variables, ...slot.extras },
  }));
  return templateRun(template, slots, processSlot(slots)?.variables ?? variables);
}
