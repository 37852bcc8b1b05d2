import { ISOInterval } from '@0dep/piso';
import { WorkflowError } from '../errors.js';

/**
 * When a recurring start (`<bpmn:timeCycle>` on a start event) fires next. Our reading of an ISO 8601
 * repeating interval, documented in definitions/README.md:
 * - `R/P1D`: every day, the first firing one period after the launch; `R5/P15D`: five firings.
 * - `R/2026-09-01T08:00:00+08:00/P1D`: from that start, the first firing at the start itself.
 * - Firings missed while the server was down collapse into one firing at the next start; a bounded
 *   cycle whose scheduled times have all passed is then over.
 * - Unbounded cycles stop at the campaign deadline, if the campaign has one.
 * Returns null when the cycle has no further firing.
 */
export function nextFiring(args: {
  cycle: string;
  /** The launch. */
  startedAt: Date;
  /** Firings so far. */
  fired: number;
  /** The due time of the last firing (null before the first). */
  lastDueAt: Date | null;
  now: Date;
  deadline: Date | null;
}): Date | null {
  const interval = parseCycle(args.cycle);
  const repeat = interval.repeat ?? 1;
  if (repeat !== -1 && args.fired >= repeat) return null;
  let next: Date;
  if (args.fired === 0) {
    next = interval.start ? interval.startDate : interval.getExpireAt(args.startedAt, args.startedAt);
  } else {
    const after = new Date(Math.max(args.now.getTime(), args.lastDueAt?.getTime() ?? 0));
    next = interval.getExpireAt(after, args.startedAt);
    // A bounded cycle whose last scheduled time has passed is over.
    if (next.getTime() <= after.getTime()) return null;
  }
  if (args.deadline && next.getTime() > args.deadline.getTime()) return null;
  return next;
}

export function parseCycle(cycle: string): ISOInterval {
  try {
    const interval = new ISOInterval(cycle).parse();
    if (!interval.duration) throw new RangeError('缺少周期时长');
    return interval;
  } catch (error) {
    throw new WorkflowError(
      'WF_ERR_DEFINITION',
      `循环定时无法解析：${cycle}（${(error as Error).message}）`,
      {
        cycle,
      },
    );
  }
}
