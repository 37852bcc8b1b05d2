/**
 * What one engine step is told through its environment options (bpmn-elements keeps unknown options on
 * `environment.options` and passes them to every clone, but never into the saved state).
 */
export interface StepOptions {
  /** The runtime's clock in epoch milliseconds: timers and FEEL `now()` read it, never `new Date()`. */
  clock: () => number;
  /**
   * Whether timers that were already running and are past due fire during this step. Only the
   * scheduler's steps fire them, so a user's completion racing a due timer behaves as if it came first.
   */
  fireDueTimers: boolean;
  /** A run started by a recurring start event's firing: its timer start event fires at once. */
  startTimersDue: boolean;
}

export function stepOptionsOf(environment: { options?: Record<string, unknown> }): StepOptions {
  const options = environment.options ?? {};
  return {
    clock: typeof options.clock === 'function' ? (options.clock as () => number) : Date.now,
    fireDueTimers: options.fireDueTimers === true,
    startTimersDue: options.startTimersDue === true,
  };
}
