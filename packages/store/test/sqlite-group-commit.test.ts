import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createSqliteStore, type Instance, type SqliteStore } from '../src/index.js';
import { at, auditEvent, instance, submission, task } from './conformance/fixtures.js';

/**
 * Group commit: writes asked for in one event-loop turn share one transaction (one fsync), and each of
 * them still succeeds or fails on its own, and is acknowledged only once committed.
 */
describe('SQLite group commit', () => {
  let dir: string;
  let store: SqliteStore;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ddt-group-'));
    store = createSqliteStore({ path: join(dir, 'group.sqlite') });
    await store.init();
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const stateOf = (label: string): Instance['state'] => ({ engine: { status: 'running' }, label });

  it('lets exactly one of many concurrent writers of one version win, in one commit', async () => {
    await store.createInstance(instance('i1', { tasks: [task('i1', 'e1', { audience: ['school:s1'] })] }));
    const before = store.writeStats();
    const writers = Array.from({ length: 12 }, (_, n) =>
      store.updateInstance(
        instance('i1', {
          state: stateOf(`writer ${n}`),
          tasks: [task('i1', `e${n + 2}`, { audience: ['school:s1'] })],
        }),
        1,
      ),
    );
    const outcomes = await Promise.allSettled(writers);
    const after = store.writeStats();

    const won = outcomes.flatMap((o, n) => (o.status === 'fulfilled' ? [n] : []));
    expect(won).toHaveLength(1);
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') expect(outcome.reason).toMatchObject({ code: 'STORE_ERR_CONFLICT' });
    }
    expect(after.commits - before.commits).toBe(1);
    expect(after.writes - before.writes).toBe(1);
    const stored = await store.getInstance('i1');
    expect(stored?.version).toBe(2);
    expect(stored?.state).toEqual(stateOf(`writer ${won[0]}`));
    // The side rows are the winner's: its task is in the inbox, the first task and the losers' are not.
    const inbox = await store.findTasks({ limit: 20, audience: ['school:s1'] });
    expect(inbox.items.map((t) => t.id)).toEqual([`i1:e${won[0]! + 2}`]);
  });

  it('commits the other writes of a group when one conflicts and one fails', async () => {
    await store.createInstances([
      instance('a'),
      instance('b'),
      instance('c', { tasks: [task('c', 'e1', { audience: ['school:s1'] })] }),
      instance('x', { tasks: [task('x', 'e1')] }),
    ]);
    const before = store.writeStats();
    const [a, b, c, d, s] = await Promise.allSettled([
      store.updateInstance(instance('a', { state: stateOf('a2') }), 1),
      store.updateInstance(instance('b', { state: stateOf('b2') }), 7), // stale version
      // Its new task reuses the id of an open task of instance x: the task table refuses it.
      store.updateInstance(
        instance('c', { state: stateOf('c2'), tasks: [{ ...task('x', 'e1'), audience: ['school:s1'] }] }),
        1,
      ),
      store.createInstance(instance('d')),
      store.createSubmission(submission('sub-1')),
    ]);
    expect(store.writeStats().commits - before.commits).toBe(1);
    expect(a.status).toBe('fulfilled');
    expect(b).toMatchObject({ status: 'rejected', reason: { code: 'STORE_ERR_CONFLICT' } });
    expect(c).toMatchObject({ status: 'rejected', reason: { code: 'STORE_ERR_DUPLICATE' } });
    expect(d).toMatchObject({ status: 'fulfilled', value: { created: true } });
    expect(s).toMatchObject({ status: 'fulfilled', value: { created: true } });

    expect((await store.getInstance('a'))?.state).toEqual(stateOf('a2'));
    expect((await store.getInstance('b'))?.version).toBe(1);
    // The failed write left nothing behind: c's row and its side rows are as they were.
    expect(await store.getInstance('c')).toEqual(
      instance('c', { tasks: [task('c', 'e1', { audience: ['school:s1'] })] }),
    );
    expect((await store.findTasks({ limit: 5, audience: ['school:s1'] })).items.map((t) => t.id)).toEqual([
      'c:e1',
    ]);
    expect((await store.getTask('x:e1'))?.instanceId).toBe('x');
    expect(await store.getInstance('d')).not.toBeNull();
    expect(await store.getSubmission('sub-1')).not.toBeNull();
  });

  it('acknowledges a write only after it is committed, as another connection sees it', async () => {
    await store.createInstance(instance('i1'));
    const other = new Database(join(dir, 'group.sqlite'), { readonly: true });
    const versionSeen = () =>
      (other.prepare('SELECT version FROM instances WHERE id = ?').get('i1') as { version: number }).version;
    let acknowledged = false;
    const update = store.updateInstance(instance('i1', { state: stateOf('next') }), 1).then((stored) => {
      acknowledged = true;
      // By the time the caller hears of it, the commit is visible to every other connection.
      expect(versionSeen()).toBe(2);
      return stored;
    });
    await Promise.resolve();
    expect(acknowledged).toBe(false);
    expect(versionSeen()).toBe(1);
    await expect(update).resolves.toMatchObject({ version: 2 });
    expect(acknowledged).toBe(true);
    other.close();
  });

  it('writes what the caller passed at the call, even if it changes the object afterwards', async () => {
    const record = instance('i1', { state: stateOf('as passed') });
    const created = store.createInstance(record);
    record.state = stateOf('changed later');
    record.tasks.push(task('i1', 'late'));
    await created;
    expect((await store.getInstance('i1'))?.state).toEqual(stateOf('as passed'));
    expect(await store.getTask('i1:late')).toBeNull();
  });

  it('commits the writes still queued when the store closes', async () => {
    const pending = [
      store.createInstance(instance('i1')),
      store.appendAudit(auditEvent('ev1', { at: at(3) })),
    ];
    await store.close();
    await expect(Promise.all(pending)).resolves.toHaveLength(2);
    store = createSqliteStore({ path: join(dir, 'group.sqlite') });
    await store.init();
    expect(await store.getInstance('i1')).toEqual(instance('i1'));
    expect((await store.findAudit({ limit: 5 })).items.map((e) => e.id)).toEqual(['ev1']);
  });
});
