import type { Instance } from '../../../src/index.js';
import { at, instance, task } from '../fixtures.js';
import { type ConformanceTarget, errorCodeOf } from '../target.js';

export function instanceCases(target: () => ConformanceTarget): void {
  describe('instances', () => {
    it('creates an instance once: a retried create writes nothing and returns the stored record', async () => {
      const { store } = target();
      const first = await store.createInstance(instance('i1'));
      expect(first).toEqual({ created: true, instance: instance('i1') });
      const retry = await store.createInstance(instance('i1', { status: 'failed' }));
      expect(retry).toEqual({ created: false, instance: instance('i1') });
      expect(await store.getInstance('i1')).toEqual(instance('i1'));
      expect(await store.getInstance('i2')).toBeNull();
    });

    it('creates a batch once: existing ids are reported and left alone, a retry creates nothing', async () => {
      const { store } = target();
      await store.createInstance(instance('i2', { status: 'completed' }));
      const batch = ['i1', 'i2', 'i3'].map((id) =>
        instance(id, { tasks: [task(id, 'e1', { audience: ['office:c1'] })] }),
      );
      expect(await store.createInstances(batch)).toEqual({ created: 2, existingIds: ['i2'] });
      expect(await store.createInstances(batch)).toEqual({ created: 0, existingIds: ['i1', 'i2', 'i3'] });
      expect((await store.getInstance('i2'))?.status).toBe('completed');
      const inbox = await store.findTasks({ limit: 10, audience: ['office:c1'] });
      expect(inbox.items.map((t) => t.id)).toEqual(['i1:e1', 'i3:e1']);
    });

    it('writes nothing of a batch that holds one bad instance, and names it', async () => {
      const { store } = target();
      const batch = [instance('i1'), { ...instance('i2'), status: 'paused' } as never, instance('i3')];
      await expect(store.createInstances(batch)).rejects.toMatchObject({
        code: 'STORE_ERR_INVALID',
        detail: { path: '/1/status' },
      });
      expect(await store.getInstance('i1')).toBeNull();
      expect(await errorCodeOf(() => store.createInstances([instance('i1'), instance('i1')]))).toBe(
        'STORE_ERR_INVALID',
      );
      expect(await errorCodeOf(() => store.createInstances([]))).toBe('STORE_ERR_INVALID');
    });

    it('finds instance summaries of a campaign or a school without their engine state', async () => {
      const { store } = target();
      await store.createInstances([
        instance('i1', { createdAt: at(1), status: 'running', districtId: 'd1' }),
        instance('i2', { createdAt: at(2), status: 'completed', districtId: 'd2', schoolId: 's2' }),
        instance('i3', {
          createdAt: at(3),
          status: 'running',
          districtId: 'd2',
          schoolType: 'junior',
          schoolId: 's3',
        }),
        instance('i4', { createdAt: at(4), campaignId: 'k2', officePath: '/p1/m2/c3/' }),
        instance('i5', {
          createdAt: at(5),
          scope: 'campaign',
          schoolId: null,
          districtId: null,
          schoolType: null,
        }),
      ]);
      const ids = async (args: Parameters<typeof store.findInstances>[0]) =>
        (await store.findInstances(args)).items.map((i) => i.id);
      expect(await ids({ limit: 10, campaignId: 'k1' })).toEqual(['i1', 'i2', 'i3', 'i5']);
      expect(await ids({ limit: 10, campaignId: 'k1', status: 'running' })).toEqual(['i1', 'i3', 'i5']);
      expect(await ids({ limit: 10, campaignId: 'k1', scope: 'school', districtId: 'd2' })).toEqual([
        'i2',
        'i3',
      ]);
      expect(await ids({ limit: 10, campaignId: 'k1', schoolType: 'junior' })).toEqual(['i3']);
      expect(await ids({ limit: 10, schoolId: 's1' })).toEqual(['i1', 'i4']);
      expect(await ids({ limit: 10, schoolId: 's1', officePathPrefix: '/p1/m2/' })).toEqual(['i4']);
      const page = await store.findInstances({ limit: 2, campaignId: 'k1' });
      expect(page.items[0]).toEqual(
        (({ state: _state, ...rest }) => rest)(instance('i1', { createdAt: at(1) })),
      );
      expect(page.items[0]).not.toHaveProperty('state');
      expect(await ids({ limit: 2, campaignId: 'k1', cursor: page.nextCursor })).toEqual(['i3', 'i5']);
      expect(await errorCodeOf(() => store.findInstances({ limit: 10, status: 'running' }))).toBe(
        'STORE_ERR_INVALID',
      );
    });

    it('updates against the version read, writes the next version, and refuses a stale version', async () => {
      const { store } = target();
      await store.createInstance(instance('i1'));
      const updated = await store.updateInstance(
        instance('i1', { status: 'completed', updatedAt: at(9) }),
        1,
      );
      expect(updated.version).toBe(2);
      expect(await store.getInstance('i1')).toEqual(
        instance('i1', { status: 'completed', updatedAt: at(9), version: 2 }),
      );

      expect(await errorCodeOf(() => store.updateInstance(instance('i1', { status: 'failed' }), 1))).toBe(
        'STORE_ERR_CONFLICT',
      );
      expect((await store.getInstance('i1'))?.status).toBe('completed');
      expect(await errorCodeOf(() => store.updateInstance(instance('i404'), 1))).toBe('STORE_ERR_NOT_FOUND');
    });

    it('lets exactly one of two concurrent writers on one instance win', async () => {
      const { store } = target();
      await store.createInstance(instance('i1'));
      const results = await Promise.allSettled([
        store.updateInstance(instance('i1', { status: 'completed' }), 1),
        store.updateInstance(instance('i1', { status: 'failed' }), 1),
      ]);
      const won = results.filter((r) => r.status === 'fulfilled') as PromiseFulfilledResult<Instance>[];
      const lost = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
      expect(won).toHaveLength(1);
      expect(lost.map((r) => (r.reason as { code: string }).code)).toEqual(['STORE_ERR_CONFLICT']);
      expect(await store.getInstance('i1')).toEqual(won[0]!.value);
    });

    it('lets exactly one of two writers on separate connections win, many times over', async () => {
      const { store } = target();
      const other = await target().openAnother();
      await store.createInstance(instance('i1'));
      for (let version = 1, round = 0; round < 20; round++) {
        const results = await Promise.allSettled([
          store.updateInstance(instance('i1', { state: { by: 'a', round } }), version),
          other.updateInstance(instance('i1', { state: { by: 'b', round } }), version),
        ]);
        const codes = results.map((r) =>
          r.status === 'fulfilled' ? 'ok' : (r.reason as { code: string }).code,
        );
        expect(codes.sort()).toEqual(['STORE_ERR_CONFLICT', 'ok']);
        version++;
        expect((await other.getInstance('i1'))?.version).toBe(version);
      }
    });

    it('re-indexes open tasks with the instance: a closed task is gone, a new one is found', async () => {
      const { store } = target();
      const open = task('i1', 'e1', { audience: ['school:s1'] });
      await store.createInstance(instance('i1', { tasks: [open] }));
      expect((await store.getTask('i1:e1'))?.instanceVersion).toBe(1);

      const next = task('i1', 'e2', { audience: ['user:insp1'], createdAt: at(3) });
      await store.updateInstance(instance('i1', { tasks: [next] }), 1);
      expect(await store.getTask('i1:e1')).toBeNull();
      expect((await store.findTasks({ limit: 10, audience: ['school:s1'] })).items).toEqual([]);
      const inbox = await store.findTasks({ limit: 10, audience: ['user:insp1'] });
      expect(inbox.items.map((t) => [t.id, t.instanceVersion])).toEqual([['i1:e2', 2]]);
    });

    it('does not touch the task index when an update is refused', async () => {
      const { store } = target();
      await store.createInstance(instance('i1', { tasks: [task('i1', 'e1', { audience: ['school:s1'] })] }));
      await store.updateInstance(
        instance('i1', { tasks: [task('i1', 'e1', { audience: ['school:s1'] })] }),
        1,
      );
      await expect(store.updateInstance(instance('i1', { tasks: [] }), 1)).rejects.toMatchObject({
        code: 'STORE_ERR_CONFLICT',
      });
      expect((await store.getTask('i1:e1'))?.instanceVersion).toBe(2);
      // A task left open by a step shows the instance's new version in the inbox too.
      const inbox = await store.findTasks({ limit: 10, audience: ['school:s1'] });
      expect(inbox.items.map((t) => [t.id, t.instanceVersion])).toEqual([['i1:e1', 2]]);
    });
  });
}
