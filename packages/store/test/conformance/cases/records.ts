import {
  auditEvent,
  campaign,
  instance,
  office,
  school,
  submission,
  TRICKY_TEXT,
  task,
  user,
} from '../fixtures.js';
import { type ConformanceTarget, errorCodeOf } from '../target.js';

export function recordCases(target: () => ConformanceTarget): void {
  describe('submissions and audit', () => {
    it('creates a submission once by id and returns the stored one on a retry', async () => {
      const { store } = target();
      expect(await store.createSubmission(submission('sub1'))).toEqual({
        created: true,
        submission: submission('sub1'),
      });
      expect(await store.createSubmission(submission('sub1', { data: { other: true } }))).toEqual({
        created: false,
        submission: submission('sub1'),
      });
      expect(await store.getSubmission('sub1')).toEqual(submission('sub1'));
      expect(await store.getSubmission('sub2')).toBeNull();
    });

    it('appends audit events and refuses to append the same id twice', async () => {
      const { store } = target();
      await store.appendAudit(auditEvent('ev1'));
      expect(await errorCodeOf(() => store.appendAudit(auditEvent('ev1', { action: 'other' })))).toBe(
        'STORE_ERR_DUPLICATE',
      );
    });
  });

  describe('round trips', () => {
    it('returns Chinese and non-BMP text exactly as written, in every kind of field', async () => {
      const { store } = target();
      await store.putSchool(school('学校-𠀀', { name: TRICKY_TEXT, address: '北京市海淀区😀路 1 号' }));
      expect(await store.getSchool('学校-𠀀')).toEqual(
        school('学校-𠀀', { name: TRICKY_TEXT, address: '北京市海淀区😀路 1 号' }),
      );
      const i = instance('实例-😀', {
        state: { 意见: TRICKY_TEXT, nested: [{ 𠀀: '𪚥' }] },
        tasks: [task('实例-😀', 'e1', { name: TRICKY_TEXT, audience: ['school:学校-𠀀'] })],
      });
      await store.createInstance(i);
      expect(await store.getInstance('实例-😀')).toEqual(i);
      const inbox = await store.findTasks({ limit: 5, audience: ['school:学校-𠀀'] });
      expect(inbox.items.map((t) => t.name)).toEqual([TRICKY_TEXT]);
      await store.createSubmission(submission('提交-1', { data: { 说明: TRICKY_TEXT } }));
      expect((await store.getSubmission('提交-1'))?.data).toEqual({ 说明: TRICKY_TEXT });
    });

    it('stores and returns a 1 MB instance, and updates it', async () => {
      const { store } = target();
      const rows = Array.from({ length: 6000 }, (_, n) => ({
        序号: n,
        评语: `第${n}条：学校落实情况良好😀`.repeat(10),
      }));
      const big = instance('big', { state: { variables: { rows } } });
      expect(JSON.stringify(big).length).toBeGreaterThan(1_000_000);
      await store.createInstance(big);
      expect(await store.getInstance('big')).toEqual(big);
      const updated = await store.updateInstance({ ...big, status: 'completed' }, 1);
      expect(await store.getInstance('big')).toEqual(updated);
    });
  });

  describe('bad input', () => {
    it('refuses records with unknown fields or wrong types, names the field, and writes nothing', async () => {
      const { store } = target();
      const cases: [string, () => Promise<unknown>, string][] = [
        [
          'putOffice extra field',
          () => store.putOffice({ ...office('c1', '/p1/c1/'), extra: 1 } as never),
          '/extra',
        ],
        [
          'putSchool wrong type',
          () => store.putSchool({ ...school('s1'), type: 'university' } as never),
          '/type',
        ],
        [
          'putUser number name',
          () => store.putUser({ ...user('u1'), displayName: 5 } as never),
          '/displayName',
        ],
        [
          'createCampaign bad date',
          () => store.createCampaign(campaign('k1', { createdAt: '昨天' })),
          '/createdAt',
        ],
        [
          'createInstance extra task field',
          () =>
            store.createInstance(instance('i1', { tasks: [{ ...task('i1', 'e1'), hack: true } as never] })),
          '/tasks/0/hack',
        ],
        ['createInstance version 0', () => store.createInstance(instance('i1', { version: 0 })), '/version'],
        [
          'createSubmission missing field',
          () => store.createSubmission({ ...submission('sub1'), submittedBy: undefined } as never),
          '/submittedBy',
        ],
        [
          'appendAudit wrong type',
          () => store.appendAudit({ ...auditEvent('ev1'), detail: 'x' } as never),
          '/detail',
        ],
      ];
      for (const [what, write, path] of cases) {
        const error = await write().then(
          () => null,
          (e: unknown) => e as { code: string; detail: { path: string } },
        );
        expect({ what, code: error?.code, path: error?.detail.path }).toEqual({
          what,
          code: 'STORE_ERR_INVALID',
          path,
        });
      }
      expect(await store.getOffice('c1')).toBeNull();
      expect(await store.getSchool('s1')).toBeNull();
      expect(await store.getUser('u1')).toBeNull();
      expect(await store.getCampaign('k1')).toBeNull();
      expect(await store.getInstance('i1')).toBeNull();
      expect(await store.getSubmission('sub1')).toBeNull();
    });

    it('refuses an update with a bad record and keeps the stored one and its tasks', async () => {
      const { store } = target();
      await store.createInstance(instance('i1', { tasks: [task('i1', 'e1', { audience: ['school:s1'] })] }));
      expect(
        await errorCodeOf(() => store.updateInstance({ ...instance('i1'), status: 'paused' } as never, 1)),
      ).toBe('STORE_ERR_INVALID');
      expect(await errorCodeOf(() => store.updateInstance(instance('i1'), 0))).toBe('STORE_ERR_INVALID');
      expect(await store.getInstance('i1')).toEqual(
        instance('i1', { tasks: [task('i1', 'e1', { audience: ['school:s1'] })] }),
      );
      expect(await store.getTask('i1:e1')).not.toBeNull();
    });

    it('refuses instances whose school fields contradict the scope or whose task ids repeat', async () => {
      const { store } = target();
      expect(await errorCodeOf(() => store.createInstance(instance('i1', { schoolId: null } as never)))).toBe(
        'STORE_ERR_INVALID',
      );
      expect(await errorCodeOf(() => store.createInstance(instance('i2', { scope: 'campaign' })))).toBe(
        'STORE_ERR_INVALID',
      );
      expect(
        await errorCodeOf(() =>
          store.createInstance(instance('i3', { tasks: [task('i3', 'e1'), task('i3', 'e1')] })),
        ),
      ).toBe('STORE_ERR_INVALID');
      expect(await store.getInstance('i1')).toBeNull();
      expect(await store.getInstance('i2')).toBeNull();
      expect(await store.getInstance('i3')).toBeNull();
    });

    it('refuses bad query arguments and cursors with coded errors', async () => {
      const { store } = target();
      expect(await errorCodeOf(() => store.findTasks({ limit: 0 }))).toBe('STORE_ERR_INVALID');
      expect(await errorCodeOf(() => store.findTasks({ limit: 10, cursor: 'not-a-cursor' }))).toBe(
        'STORE_ERR_INVALID',
      );
      expect(await errorCodeOf(() => store.findTasks({ limit: 10, colour: 'red' } as never))).toBe(
        'STORE_ERR_INVALID',
      );
      expect(await errorCodeOf(() => store.findSchools({ limit: 10, officePathPrefix: 'p1' }))).toBe(
        'STORE_ERR_INVALID',
      );
      expect(await errorCodeOf(() => store.campaignProgress('k1', ['colour'] as never))).toBe(
        'STORE_ERR_INVALID',
      );
      expect(await errorCodeOf(() => store.getInstance(''))).toBe('STORE_ERR_INVALID');
    });
  });
}
