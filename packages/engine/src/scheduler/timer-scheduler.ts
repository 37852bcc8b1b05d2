import { hostname } from 'node:os';
import type { ClaimedTimer, Store } from '@ddt/store';
import { MAX_HANDLER_TIMEOUT_MS } from '../jobs/handler-registry.js';
import type { TimerOutcome } from '../runtime/fire-timer.js';
import type { WorkflowRuntime } from '../runtime/workflow-runtime.js';

export interface TimerSchedulerOptions {
  store: Store;
  runtime: Pick<WorkflowRuntime, 'fireTimer'>;
  now?: () => Date;
  /** Who claims, unique per process. Default `scheduler:<host>:<pid>`. */
  owner?: string;
  /**
   * How long a claim holds. It must outlast the slowest handler's `timeoutMs`: when it runs out, the
   * timer or job is claimed again (the holder is presumed dead). Default 10 minutes; at least
   * `MAX_HANDLER_TIMEOUT_MS` plus a minute, which the constructor checks.
   */
  leaseMs?: number;
  /** How many timers one claim takes. Default 50. */
  batchSize?: number;
  /** How many claimed timers and jobs run at once (jobs wait on handlers). Default 8. */
  concurrency?: number;
  /** Pause between passes when nothing was due. Default 1000 ms. */
  pollMs?: number;
  /**
   * Called when firing a timer threw (its lease is released, so it is retried at the next pass), or,
   * with `claimed` null, when a whole pass failed (the store was unavailable).
   */
  onError?: (error: unknown, claimed: ClaimedTimer | null) => void;
}

export interface SchedulerPass {
  claimed: number;
  outcomes: Record<TimerOutcome | 'error', number>;
}

/**
 * Fires due timers, recurring starts and jobs. Every process of the server runs one; they share the
 * work through the store's leases (`claimDueTimers`), so a timer fires in exactly one of them. A timer
 * that fell due while every server was down fires at the next pass after start.
 */
export class TimerScheduler {
  readonly #options: Required<Omit<TimerSchedulerOptions, 'onError'>> &
    Pick<TimerSchedulerOptions, 'onError'>;
  #running = false;
  #wake: (() => void) | null = null;
  #loop: Promise<void> | null = null;

  constructor(options: TimerSchedulerOptions) {
    this.#options = {
      now: () => new Date(),
      owner: `scheduler:${hostname()}:${process.pid}`,
      leaseMs: 600_000,
      batchSize: 50,
      concurrency: 8,
      pollMs: 1000,
      ...options,
    };
    if (this.#options.leaseMs < MAX_HANDLER_TIMEOUT_MS + 60_000)
      throw new Error(
        `定时器租期 leaseMs（${this.#options.leaseMs}）须不短于处理器最长时限加一分钟（${MAX_HANDLER_TIMEOUT_MS + 60_000} 毫秒）`,
      );
  }

  /** Starts passing in the background until `stop()`. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#loop = this.#run();
  }

  /** Stops after the pass in progress; resolves when it has finished. */
  async stop(): Promise<void> {
    this.#running = false;
    this.#wake?.();
    await this.#loop;
    this.#loop = null;
  }

  /** One pass: claims and fires everything due now, batch after batch, and reports what happened. */
  async runDue(): Promise<SchedulerPass> {
    const pass: SchedulerPass = {
      claimed: 0,
      outcomes: { fired: 0, 'not-due': 0, stale: 0, incident: 0, error: 0 },
    };
    const seen = new Set<string>();
    for (;;) {
      const claimed = await this.#options.store.claimDueTimers({
        now: this.#options.now().toISOString(),
        leaseMs: this.#options.leaseMs,
        owner: this.#options.owner,
        limit: this.#options.batchSize,
      });
      // A timer that failed and was released comes back in the same pass; leave it to the next one.
      const fresh = claimed.filter(
        (item) => !seen.has(`${item.instanceId}/${item.timer.id}/${item.timer.dueAt}`),
      );
      if (fresh.length === 0) break;
      pass.claimed += fresh.length;
      await this.#fireAll(fresh, pass, seen);
      if (claimed.length < this.#options.batchSize) break;
    }
    return pass;
  }

  async #fireAll(claimed: ClaimedTimer[], pass: SchedulerPass, seen: Set<string>): Promise<void> {
    const queue = [...claimed];
    const worker = async () => {
      for (let item = queue.shift(); item; item = queue.shift()) {
        seen.add(`${item.instanceId}/${item.timer.id}/${item.timer.dueAt}`);
        const outcome = await this.#fire(item);
        pass.outcomes[outcome] += 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.#options.concurrency, claimed.length) }, worker));
  }

  async #fire(item: ClaimedTimer): Promise<TimerOutcome | 'error'> {
    const release = () =>
      this.#options.store
        .releaseTimerLease({
          instanceId: item.instanceId,
          timerId: item.timer.id,
          owner: this.#options.owner,
        })
        .catch(() => false);
    try {
      const outcome = await this.#options.runtime.fireTimer(item.instanceId, item.timer.id);
      // A fired timer is gone or re-armed at another time (which ends the lease). One that was not due
      // goes back, and so does a failed job re-armed for an immediate retry (its due time is unchanged).
      if (outcome === 'not-due' || (outcome === 'fired' && item.timer.id.startsWith('job:'))) await release();
      return outcome;
    } catch (error) {
      await release();
      this.#options.onError?.(error, item);
      return 'error';
    }
  }

  async #run(): Promise<void> {
    while (this.#running) {
      try {
        await this.runDue();
      } catch (error) {
        this.#options.onError?.(error, null);
      }
      if (!this.#running) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.#options.pollMs);
        timer.unref();
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.#wake = null;
    }
  }
}
