/** A timer bpmn-elements started during a step: what the instance record stores as an armed timer. */
export interface StartedTimer {
  /** The timer's own execution id (bpmn-elements' event-definition execution, unique per start). */
  timerExecutionId: string;
  /** The waiting element (boundary event, catch event, start event). */
  elementId: string;
  /** The element's execution id, as `getPostponed()` reports it. */
  executionId: string;
  expireAt: Date;
}

interface TimerOwner {
  id: string;
  executionId: string;
  parent?: { executionId?: string };
  expireAt?: Date | string;
}

interface TimerRef {
  owner: TimerOwner | null;
}

/**
 * The `timers` bpmn-elements uses, without any real `setTimeout`: the runtime persists due times and
 * its scheduler resumes the instance when they are due, so no engine stays in memory to wait (and
 * delays past 24.8 days, which Node cannot arm, are no different from short ones). One per step.
 */
export class StepTimers {
  readonly #running = new Set<TimerRef>();

  get executing(): TimerRef[] {
    return [...this.#running];
  }

  register(owner: TimerOwner) {
    return {
      setTimeout: (_callback: unknown, _delay: number) => this.#add({ owner }),
      clearTimeout: (ref: TimerRef) => {
        this.#running.delete(ref);
      },
    };
  }

  setTimeout(): TimerRef {
    return this.#add({ owner: null });
  }

  clearTimeout(ref: TimerRef): void {
    this.#running.delete(ref);
  }

  /** The timers still running once the step has settled. */
  started(): StartedTimer[] {
    const result: StartedTimer[] = [];
    for (const { owner } of this.#running) {
      if (!owner?.expireAt) continue;
      result.push({
        timerExecutionId: owner.executionId,
        elementId: owner.id,
        executionId: owner.parent?.executionId ?? owner.executionId,
        expireAt: new Date(owner.expireAt),
      });
    }
    return result;
  }

  #add(ref: TimerRef): TimerRef {
    this.#running.add(ref);
    return ref;
  }
}
