import type { FindTasksArgs, Store, TaskView } from '../../../src/index.js';
import { at, instance, task } from '../fixtures.js';
import type { ConformanceTarget } from '../target.js';

/** Every page of a task query, following cursors to the end. */
async function allPages(store: Store, args: Omit<FindTasksArgs, 'cursor'>): Promise<TaskView[]> {
  const items: TaskView[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.findTasks({ ...args, cursor });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** Three schools in two campaigns, with school tasks, an inspector task and an office task. */
async function seedInbox(store: Store): Promise<void> {
  await store.createInstance(
    instance('a', {
      schoolId: 's1',
      tasks: [
        task('a', 'e1', { audience: ['school:s1'], createdAt: at(1), dueAt: at(30) }),
        task('a', 'e2', {
          audience: ['user:insp1', 'office:c1'],
          createdAt: at(2),
          dueAt: at(10),
          assignee: 'insp1',
        }),
      ],
    }),
  );
  await store.createInstance(
    instance('b', {
      schoolId: 's2',
      tasks: [task('b', 'e1', { audience: ['school:s2'], createdAt: at(1) })],
    }),
  );
  await store.createInstance(
    instance('c', {
      campaignId: 'k2',
      schoolId: 's1',
      tasks: [task('c', 'e1', { audience: ['school:s1', 'user:insp1'], createdAt: at(4), dueAt: at(5) })],
    }),
  );
  await store.createInstance(instance('d', { schoolId: 's3', status: 'completed' }));
}

export function taskCases(target: () => ConformanceTarget): void {
  describe('tasks', () => {
    it('finds a principal inbox by audience key in (createdAt, id) order', async () => {
      const { store } = target();
      await seedInbox(store);
      const ids = async (args: FindTasksArgs) => (await store.findTasks(args)).items.map((t) => t.id);
      expect(await ids({ limit: 10, audience: ['school:s1'] })).toEqual(['a:e1', 'c:e1']);
      expect(await ids({ limit: 10, audience: ['user:insp1'] })).toEqual(['a:e2', 'c:e1']);
      expect(await ids({ limit: 10, audience: ['office:c1'] })).toEqual(['a:e2']);
      expect(await ids({ limit: 10, audience: ['school:s9'] })).toEqual([]);
      expect(await ids({ limit: 10, audience: [] })).toEqual([]);
    });

    it('merges several audience keys without repeating a task that matches two of them', async () => {
      const { store } = target();
      await seedInbox(store);
      const page = await store.findTasks({ limit: 10, audience: ['school:s1', 'user:insp1', 'school:s2'] });
      expect(page.items.map((t) => t.id)).toEqual(['a:e1', 'b:e1', 'a:e2', 'c:e1']);
    });

    it('filters by campaign, school and due date, alone and together with an audience', async () => {
      const { store } = target();
      await seedInbox(store);
      const ids = async (args: FindTasksArgs) => (await store.findTasks(args)).items.map((t) => t.id);
      expect(await ids({ limit: 10 })).toEqual(['a:e1', 'b:e1', 'a:e2', 'c:e1']);
      expect(await ids({ limit: 10, campaignId: 'k2' })).toEqual(['c:e1']);
      expect(await ids({ limit: 10, schoolId: 's1' })).toEqual(['a:e1', 'a:e2', 'c:e1']);
      expect(await ids({ limit: 10, dueBefore: at(20) })).toEqual(['a:e2', 'c:e1']);
      expect(await ids({ limit: 10, audience: ['user:insp1'], campaignId: 'k1' })).toEqual(['a:e2']);
      expect(await ids({ limit: 10, audience: ['school:s1', 'user:insp1'], dueBefore: at(6) })).toEqual([
        'c:e1',
      ]);
      expect(await ids({ limit: 10, schoolId: 's1', campaignId: 'k1', dueBefore: at(31) })).toEqual([
        'a:e1',
        'a:e2',
      ]);
    });

    it('finds tasks by assignee, candidate group and due window', async () => {
      const { store } = target();
      await store.createInstance(
        instance('a', {
          tasks: [
            task('a', 'e1', {
              assignee: 'insp1',
              candidateGroups: ['county-review'],
              createdAt: at(1),
              dueAt: at(10),
            }),
            task('a', 'e2', {
              candidateGroups: ['county-review', 'experts'],
              createdAt: at(2),
              audience: ['office:c1'],
            }),
          ],
        }),
      );
      await store.createInstance(
        instance('b', {
          tasks: [
            task('b', 'e1', {
              assignee: 'insp1',
              candidateGroups: ['experts'],
              createdAt: at(3),
              dueAt: at(40),
            }),
          ],
        }),
      );
      const ids = async (args: FindTasksArgs) => (await store.findTasks(args)).items.map((t) => t.id);
      expect(await ids({ limit: 10, assignee: 'insp1' })).toEqual(['a:e1', 'b:e1']);
      expect(await ids({ limit: 10, candidateGroup: 'county-review' })).toEqual(['a:e1', 'a:e2']);
      expect(await ids({ limit: 10, candidateGroup: 'experts' })).toEqual(['a:e2', 'b:e1']);
      expect(await ids({ limit: 10, candidateGroup: 'experts', assignee: 'insp1' })).toEqual(['b:e1']);
      expect(await ids({ limit: 10, audience: ['office:c1'], candidateGroup: 'experts' })).toEqual(['a:e2']);
      expect(await ids({ limit: 10, audience: ['office:c1'], candidateGroup: 'nobody' })).toEqual([]);
      expect(await ids({ limit: 10, dueAfter: at(20) })).toEqual(['b:e1']);
      expect(await ids({ limit: 10, dueAfter: at(5), dueBefore: at(20) })).toEqual(['a:e1']);
      const first = await store.findTasks({ limit: 1, candidateGroup: 'experts' });
      expect(await ids({ limit: 1, candidateGroup: 'experts', cursor: first.nextCursor })).toEqual(['b:e1']);
    });

    it('lists overdue tasks most overdue first, by campaign, office subtree, 责任区 and school', async () => {
      const { store } = target();
      await store.createInstances([
        instance('a', { tasks: [task('a', 'e1', { dueAt: at(20), createdAt: at(1) })] }),
        instance('b', {
          schoolId: 's2',
          districtId: 'd2',
          officePath: '/p1/m1/c2/',
          tasks: [task('b', 'e1', { dueAt: at(10), createdAt: at(2) }), task('b', 'e2', { dueAt: null })],
        }),
        instance('c', { campaignId: 'k2', tasks: [task('c', 'e1', { dueAt: at(15) })] }),
        instance('d', { tasks: [task('d', 'e1', { dueAt: at(50) })] }),
      ]);
      const ids = async (args: Parameters<typeof store.findOverdueTasks>[0]) =>
        (await store.findOverdueTasks(args)).items.map((t) => t.id);
      expect(await ids({ limit: 10, now: at(30) })).toEqual(['b:e1', 'c:e1', 'a:e1']);
      expect(await ids({ limit: 10, now: at(30), campaignId: 'k1' })).toEqual(['b:e1', 'a:e1']);
      expect(await ids({ limit: 10, now: at(30), officePathPrefix: '/p1/m1/c1/' })).toEqual(['c:e1', 'a:e1']);
      expect(await ids({ limit: 10, now: at(30), districtId: 'd2' })).toEqual(['b:e1']);
      expect(await ids({ limit: 10, now: at(30), schoolId: 's1' })).toEqual(['c:e1', 'a:e1']);
      expect(await ids({ limit: 10, now: at(5) })).toEqual([]);
      const first = await store.findOverdueTasks({ limit: 2, now: at(60) });
      expect(first.items.map((t) => t.id)).toEqual(['b:e1', 'c:e1']);
      expect(await ids({ limit: 2, now: at(60), cursor: first.nextCursor })).toEqual(['a:e1', 'd:e1']);
    });

    it('returns task views that carry the instance fields', async () => {
      const { store } = target();
      await seedInbox(store);
      const view = await store.getTask('a:e2');
      expect(view).toEqual({
        ...task('a', 'e2', {
          audience: ['user:insp1', 'office:c1'],
          createdAt: at(2),
          dueAt: at(10),
          assignee: 'insp1',
        }),
        instanceId: 'a',
        instanceVersion: 1,
        campaignId: 'k1',
        programKey: 'balanced',
        programVersion: 1,
        scope: 'school',
        schoolId: 's1',
        districtId: 'd1',
        schoolType: 'primary',
        officePath: '/p1/m1/c1/',
      });
      expect(await store.getTask('a:e9')).toBeNull();
    });

    it('pages through tasks that share a creation time without repeats or gaps', async () => {
      const { store } = target();
      for (let i = 0; i < 7; i++) {
        const id = `i${i}`;
        await store.createInstance(
          instance(id, { tasks: [task(id, 'e1', { audience: ['office:c1'], createdAt: at(i % 2) })] }),
        );
      }
      const paged = await allPages(store, { limit: 3, audience: ['office:c1'] });
      const all = (await store.findTasks({ limit: 100, audience: ['office:c1'] })).items;
      expect(paged.map((t) => t.id)).toEqual(all.map((t) => t.id));
      expect(new Set(paged.map((t) => t.id)).size).toBe(7);
      expect(paged.map((t) => t.id)).toEqual(['i0:e1', 'i2:e1', 'i4:e1', 'i6:e1', 'i1:e1', 'i3:e1', 'i5:e1']);
    });

    it('keeps paging stable while other tasks are inserted before and after the cursor', async () => {
      const { store } = target();
      for (let i = 10; i < 30; i++) {
        const id = `i${i}`;
        await store.createInstance(
          instance(id, { tasks: [task(id, 'e1', { audience: ['school:s1'], createdAt: at(i) })] }),
        );
      }
      const original = (await store.findTasks({ limit: 100, audience: ['school:s1'] })).items.map(
        (t) => t.id,
      );
      const seen: string[] = [];
      let cursor: string | null = null;
      let inserted = 0;
      do {
        const page = await store.findTasks({ limit: 4, audience: ['school:s1'], cursor });
        seen.push(...page.items.map((t) => t.id));
        cursor = page.nextCursor;
        // Between pages, one task lands before everything (minute 0) and one after everything (100+).
        for (const [id, minute] of [
          [`b${inserted}`, 0],
          [`e${inserted}`, 100 + inserted],
        ] as const) {
          await store.createInstance(
            instance(id, { tasks: [task(id, 'e1', { audience: ['school:s1'], createdAt: at(minute) })] }),
          );
        }
        inserted++;
      } while (cursor);
      const seenOriginal = seen.filter((id) => original.includes(id));
      expect(seenOriginal).toEqual(original);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.some((id) => id.startsWith('b'))).toBe(false);
      expect(seen.filter((id) => id.startsWith('e')).length).toBeGreaterThan(0);
    });

    it('counts a campaign by status, 责任区, school type and office, omitting null dimensions', async () => {
      const { store } = target();
      const rows: [string, Partial<Parameters<typeof instance>[1]>][] = [
        ['i1', { status: 'running', districtId: 'd1', schoolType: 'primary' }],
        ['i2', { status: 'running', districtId: 'd1', schoolType: 'junior' }],
        ['i3', { status: 'completed', districtId: 'd2', schoolType: 'primary', officePath: '/p1/m1/c2/' }],
        ['i4', { status: 'running', districtId: 'd2', schoolType: 'primary', officePath: '/p1/m1/c2/' }],
        ['i5', { status: 'running', campaignId: 'k2' }],
      ];
      for (const [id, over] of rows) await store.createInstance(instance(id, over));
      await store.createInstance(
        instance('sum', {
          scope: 'campaign',
          schoolId: null,
          districtId: null,
          schoolType: null,
          status: 'running',
        }),
      );

      expect(await store.campaignProgress('k1', [])).toEqual([{ count: 5 }]);
      expect(await store.campaignProgress('k1', ['status'])).toEqual([
        { status: 'completed', count: 1 },
        { status: 'running', count: 4 },
      ]);
      expect(await store.campaignProgress('k1', ['districtId', 'status'])).toEqual([
        { status: 'running', count: 1 },
        { districtId: 'd1', status: 'running', count: 2 },
        { districtId: 'd2', status: 'completed', count: 1 },
        { districtId: 'd2', status: 'running', count: 1 },
      ]);
      expect(await store.campaignProgress('k1', ['schoolType'])).toEqual([
        { count: 1 },
        { schoolType: 'junior', count: 1 },
        { schoolType: 'primary', count: 3 },
      ]);
      expect(await store.campaignProgress('k1', ['officePath'])).toEqual([
        { officePath: '/p1/m1/c1/', count: 3 },
        { officePath: '/p1/m1/c2/', count: 2 },
      ]);
      expect(await store.campaignProgress('k9', ['status'])).toEqual([]);
      expect(await store.campaignProgress('k1', ['status'], { scope: 'school' })).toEqual([
        { status: 'completed', count: 1 },
        { status: 'running', count: 3 },
      ]);
      expect(await store.campaignProgress('k1', [], { scope: 'campaign' })).toEqual([{ count: 1 }]);
    });
  });
}
