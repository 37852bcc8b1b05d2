import type { SettledRun, WaitingElement } from './engine-shapes.js';
import { restoreState, type VariableSlot } from './state-variables.js';
import type { StartedTimer } from './step-timers.js';

/** What a launch or step template keeps of the run it was recorded from. */
export interface TemplateOutcome {
  /** The settled state without its variables (see `state-variables.ts`). */
  structure: string;
  waits: { id: string; type: string; executionId: string }[];
  ended: boolean;
}

const noTimers: StartedTimer[] = [];

/**
 * The settled run a template stands for, with this instance's variables put back in their slots. Like
 * the recorded run, it started no timer: templates are only recorded from runs that started none.
 */
export function templateRun(
  outcome: TemplateOutcome,
  slots: VariableSlot[],
  processVariables: Record<string, unknown>,
): SettledRun {
  const state = restoreState(outcome.structure, slots);
  const waits: WaitingElement[] = outcome.waits.map((wait) => ({
    ...wait,
    owner: { environment: { variables: processVariables } },
  }));
  return {
    ended: outcome.ended,
    postponed: () => waits,
    timers: { started: () => noTimers },
    state: () => state,
    variables: () => processVariables,
  };
}
