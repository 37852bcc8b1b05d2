import type { ArmedTimer, AwaitedMessage } from '../../../src/index.js';
import { at, instance } from '../fixtures.js';
import { type ConformanceTarget, errorCodeOf } from '../target.js';

const timer = (id: string, dueAt: string): ArmedTimer => ({
  id,
  elementId: 'deadline',
  executionId: `x-${id}`,
  dueAt,
});
const message = (executionId: string, name: string, correlationKey: string | null): AwaitedMessage => ({
  elementId: 'wait-appeal',
  executionId,
  name,
  correlationKey,
});
const SECOND = 1000;

export function schedulingCases(target: () => ConformanceTarget): void {
  describe('timers', () => {
    it('leases due timers earliest first, up to the limit, and never hands one out twice while leased', async () => {
      const { store } = target();
      await store.createInstance(instance('a', { timers: [timer('t1', at(10)), timer('t2', at(30))] }));
      await store.createInstance(instance('b', { timers: [timer('t1', at(5))] }));
      await store.createInstance(instance('c', { timers: [timer('t1', at(20))] }));

      const first = await store.claimDueTimers({ now: at(25), leaseMs: 60 * SECOND, owner: 'p1', limit: 2 });
      expect(first.map((c) => [c.instanceId, c.timer.id])).toEqual([
        ['b', 't1'],
        ['a', 't1'],
      ]);
      expect(first[0]).toEqual({
        instanceId: 'b',
        timer: timer('t1', at(5)),
        leaseOwner: 'p1',
        leaseUntil: new Date(Date.parse(at(25)) + 60 * SECOND).toISOString(),
      });
      const second = await store.claimDueTimers({
        now: at(25),
        leaseMs: 60 * SECOND,
        owner: 'p2',
        limit: 10,
      });
      expect(second.map((c) => [c.instanceId, c.timer.id])).toEqual([['c', 't1']]);
      expect(
        await store.claimDueTimers({ now: at(25), leaseMs: 60 * SECOND, owner: 'p2', limit: 10 }),
      ).toEqual([]);
      expect(await store.nextTimerDueAt()).toBe(at(5));
    });

    it('lets another owner claim a timer once its lease has expired', async () => {
      const { store } = target();
      await store.createInstance(instance('a', { timers: [timer('t1', at(10))] }));
      await store.claimDueTimers({ now: at(10), leaseMs: 30 * SECOND, owner: 'crashed', limit: 5 });
      const later = new Date(Date.parse(at(10)) + 31 * SECOND).toISOString();
      const reclaimed = await store.claimDueTimers({
        now: later,
        leaseMs: 30 * SECOND,
        owner: 'p2',
        limit: 5,
      });
      expect(reclaimed.map((c) => c.leaseOwner)).toEqual(['p2']);
    });

    it('gives a lease back early only to its owner', async () => {
      const { store } = target();
      await store.createInstance(instance('a', { timers: [timer('t1', at(10))] }));
      await store.claimDueTimers({ now: at(10), leaseMs: 60 * SECOND, owner: 'p1', limit: 5 });
      expect(await store.releaseTimerLease({ instanceId: 'a', timerId: 't1', owner: 'p2' })).toBe(false);
      expect(await store.releaseTimerLease({ instanceId: 'a', timerId: 't1', owner: 'p1' })).toBe(true);
      expect(
        await store.claimDueTimers({ now: at(10), leaseMs: 60 * SECOND, owner: 'p2', limit: 5 }),
      ).toHaveLength(1);
    });

    it('keeps a lease across unrelated steps, ends it when the timer is re-armed, and forgets removed timers', async () => {
      const { store } = target();
      await store.createInstance(instance('a', { timers: [timer('t1', at(10)), timer('t2', at(10))] }));
      await store.claimDueTimers({ now: at(10), leaseMs: 600 * SECOND, owner: 'p1', limit: 5 });
      await store.updateInstance(instance('a', { timers: [timer('t1', at(10)), timer('t2', at(12))] }), 1);
      const afterStep = await store.claimDueTimers({
        now: at(12),
        leaseMs: 600 * SECOND,
        owner: 'p2',
        limit: 5,
      });
      expect(afterStep.map((c) => c.timer.id)).toEqual(['t2']);

      await store.updateInstance(instance('a', { timers: [] }), 2);
      expect(await store.claimDueTimers({ now: at(59), leaseMs: 1, owner: 'p3', limit: 5 })).toEqual([]);
      expect(await store.nextTimerDueAt()).toBeNull();
    });

    it('never gives one timer to two schedulers on separate connections', async () => {
      const { store } = target();
      const other = await target().openAnother();
      await store.createInstances(
        Array.from({ length: 40 }, (_, n) => instance(`i${n}`, { timers: [timer('t', at(n % 7))] })),
      );
      const claims = await Promise.all(
        Array.from({ length: 8 }, (_, n) =>
          (n % 2 ? store : other).claimDueTimers({
            now: at(30),
            leaseMs: 60 * SECOND,
            owner: `p${n}`,
            limit: 7,
          }),
        ),
      );
      const claimed = claims.flat().map((c) => c.instanceId);
      expect(claimed).toHaveLength(40);
      expect(new Set(claimed).size).toBe(40);
    });

    it('refuses a claim without an owner or with a bad time', async () => {
      const { store } = target();
      expect(
        await errorCodeOf(() => store.claimDueTimers({ now: at(1), leaseMs: 10, owner: '', limit: 1 })),
      ).toBe('STORE_ERR_INVALID');
      expect(
        await errorCodeOf(() =>
          store.claimDueTimers({ now: '2025-09-01 08:00', leaseMs: 10, owner: 'p', limit: 1 }),
        ),
      ).toBe('STORE_ERR_INVALID');
    });
  });

  describe('messages', () => {
    it('finds the instances waiting for a message by name and correlation key', async () => {
      const { store } = target();
      await store.createInstance(
        instance('a', { messages: [message('x1', 'appeal', 's1'), message('x2', 'reminder', null)] }),
      );
      await store.createInstance(instance('b', { messages: [message('x1', 'appeal', 's2')] }));
      await store.createInstance(
        instance('c', { messages: [message('x1', 'reminder', null), message('x9', 'appeal', 's1')] }),
      );
      const found = await store.findMessageSubscriptions({ limit: 10, name: 'appeal', correlationKey: 's1' });
      expect(found.items).toEqual([
        { instanceId: 'a', instanceVersion: 1, message: message('x1', 'appeal', 's1') },
        { instanceId: 'c', instanceVersion: 1, message: message('x9', 'appeal', 's1') },
      ]);
      const keyless = await store.findMessageSubscriptions({
        limit: 1,
        name: 'reminder',
        correlationKey: null,
      });
      expect(keyless.items.map((s) => s.instanceId)).toEqual(['a']);
      const next = await store.findMessageSubscriptions({
        limit: 1,
        name: 'reminder',
        correlationKey: null,
        cursor: keyless.nextCursor,
      });
      expect(next).toEqual({
        items: [{ instanceId: 'c', instanceVersion: 1, message: message('x1', 'reminder', null) }],
        nextCursor: null,
      });

      await store.updateInstance(instance('a', { messages: [] }), 1);
      const afterwards = await store.findMessageSubscriptions({
        limit: 10,
        name: 'appeal',
        correlationKey: 's1',
      });
      expect(afterwards.items.map((s) => s.instanceId)).toEqual(['c']);
    });
  });
}
