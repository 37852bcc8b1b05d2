import { getDate, ISOInterval } from '@0dep/piso';
import * as Elements from 'bpmn-elements';
import type { BpmnEnvironment, ElementMessage } from './engine-shapes.js';
import { stepOptionsOf } from './step-options.js';

const timerTypes = ['timeDuration', 'timeDate', 'timeCycle'] as const;
type TimerType = (typeof timerTypes)[number];

interface ResolvedTimer {
  timerType?: TimerType;
  timeDuration?: unknown;
  timeDate?: unknown;
  timeCycle?: unknown;
  expireAt?: Date;
  repeat?: number;
  timeout?: number;
}

interface TimerBase {
  activity: { id: string; type: string };
  environment: BpmnEnvironment;
  timeDuration?: string;
  timeDate?: string;
  timeCycle?: string;
}

const TimerEventDefinition = Elements.TimerEventDefinition as unknown as new (
  ...args: unknown[]
) => TimerBase;

/**
 * bpmn-elements' timer, with due times computed from the step's clock instead of `new Date()`, so an
 * injected clock governs every timer. In-memory timers are never armed (see `step-timers.ts`): a timer
 * fires when a step resumes the run after its due time, and only if that step fires due timers.
 */
export class ClockedTimerEventDefinition extends TimerEventDefinition {
  _getTimers(executeMessage: ElementMessage): ResolvedTimer {
    const { content, fields } = executeMessage;
    const options = stepOptionsOf(this.environment);
    const now = options.clock();
    const result: ResolvedTimer = {};
    if ('expireAt' in content) result.expireAt = new Date(content.expireAt as string);

    for (const timerType of timerTypes) {
      if (timerType in content) result[timerType] = content[timerType];
      else if (this[timerType] !== undefined)
        result[timerType] = this.environment.resolveExpression(this[timerType], executeMessage);
      else continue;
      const value = result[timerType];
      let expireAt = new Date(now);
      let repeat: number | undefined;
      if (value) {
        const parsed = parseTimer(timerType, String(value), now);
        expireAt = parsed.expireAt;
        repeat = parsed.repeat;
      }
      if (result.expireAt === undefined || result.expireAt > expireAt) {
        result.timerType = timerType;
        result.expireAt = expireAt;
        result.repeat = repeat;
      }
    }

    result.timeout = result.expireAt ? result.expireAt.getTime() - now : 0;
    const inbound = (content.inbound as { repeat?: number }[] | undefined)?.[0];
    if (inbound && 'repeat' in inbound) result.repeat = inbound.repeat;

    const isStart = this.activity.type === 'bpmn:StartEvent';
    if (isStart && options.startTimersDue && !fields.redelivered) {
      // The platform schedules a recurring start itself; this run is one firing of it.
      result.timeout = 0;
      result.repeat = undefined;
    } else if (fields.redelivered && result.timeout <= 0 && !options.fireDueTimers) {
      result.timeout = 1;
    }
    return result;
  }
}

function parseTimer(timerType: TimerType, value: string, now: number): { expireAt: Date; repeat?: number } {
  if (timerType === 'timeDate') {
    const expireAt = getDate(value);
    if (Number.isNaN(expireAt.getTime())) throw new RangeError(`无效的定时日期：${value}`);
    return { expireAt };
  }
  const interval = new ISOInterval(value).parse();
  const start = new Date(now);
  return { expireAt: interval.getExpireAt(start, start), repeat: interval.repeat };
}
