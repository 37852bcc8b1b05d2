import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createSqliteStore, type Instance } from '../src/index.js';
import { taskViewOf } from '../src/instances/task-view.js';
import { MIGRATIONS, runMigrations } from '../src/sqlite/migrations.js';
import { at, instance, task } from './conformance/fixtures.js';

/** What only the SQLite adapter has: its file, pragmas, migrations from older layouts, backups. */
describe('SQLite adapter', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ddt-sqlite-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses every operation before init and after close', async () => {
    const store = createSqliteStore({ path: join(dir, 'a.sqlite') });
    await expect(store.getInstance('i1')).rejects.toMatchObject({ code: 'STORE_ERR_UNAVAILABLE' });
    await store.init();
    expect(await store.getInstance('i1')).toBeNull();
    await store.close();
    await expect(store.getInstance('i1')).rejects.toMatchObject({ code: 'STORE_ERR_UNAVAILABLE' });
  });

  it('opens in WAL mode with full fsync on commit and a busy timeout', async () => {
    const store = createSqliteStore({ dir, filename: 'b.sqlite' });
    await store.init();
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(store.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(store.db.name).toBe(join(dir, 'b.sqlite'));
    await store.close();
  });

  it('copies committed pages into the database file from a background thread, not in commits', async () => {
    const sizes: Record<string, number> = {};
    for (const background of [true, false]) {
      const path = join(dir, `wal-${background}.sqlite`);
      const store = createSqliteStore({ path, backgroundCheckpoints: background });
      await store.init();
      // Far below any automatic checkpoint threshold (1,000 pages inline; more as the fallback).
      expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(background ? 16_384 : 1000);
      const big = { engine: { status: 'running' }, text: '督导'.repeat(200_000) }; // ~1.2 MB of UTF-8
      await store.createInstance(instance('i1', { state: big }));
      const deadline = Date.now() + 5000;
      while (background && statSync(path).size < 1_000_000 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
      }
      sizes[String(background)] = statSync(path).size;
      expect((await store.getInstance('i1'))?.state).toEqual(big);
      await store.close();
    }
    expect(sizes.true).toBeGreaterThan(1_000_000);
    expect(sizes.false).toBeLessThan(1_000_000);
  });

  it('migrates a version-1 database and indexes the timers, messages and groups of its instances', async () => {
    const path = join(dir, 'old.sqlite');
    const old = new Database(path);
    runMigrations(old, MIGRATIONS.slice(0, 1));
    const legacy = instance('i1', {
      tasks: [task('i1', 'e1', { candidateGroups: ['experts'] })],
      timers: [{ id: 't1', elementId: 'deadline', executionId: 'x1', dueAt: at(5) }],
      messages: [{ elementId: 'w', executionId: 'x2', name: 'appeal', correlationKey: 's1' }],
    });
    insertLegacyInstance(old, legacy, 1);
    // Version 1 already indexed the open task itself; only its candidate groups are new.
    old
      .prepare(
        `INSERT INTO open_tasks (task_id, instance_id, campaign_id, school_id, district_id, office_path, assignee,
           due_at, created_at, view) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        'i1:e1',
        'i1',
        'k1',
        's1',
        'd1',
        '/p1/m1/c1/',
        null,
        null,
        at(0),
        JSON.stringify(taskViewOf(legacy, legacy.tasks[0]!)),
      );
    old.close();

    const store = createSqliteStore({ path });
    await store.init();
    expect((await store.listMigrations()).map((m) => m.version)).toEqual(MIGRATIONS.map((m) => m.version));
    expect((await store.findTasks({ limit: 5, candidateGroup: 'experts' })).items.map((t) => t.id)).toEqual([
      'i1:e1',
    ]);
    const due = await store.claimDueTimers({ now: at(10), leaseMs: 1000, owner: 'p', limit: 5 });
    expect(due.map((c) => [c.instanceId, c.timer.id])).toEqual([['i1', 't1']]);
    const waiting = await store.findMessageSubscriptions({ limit: 5, name: 'appeal', correlationKey: 's1' });
    expect(waiting.items.map((s) => s.instanceId)).toEqual(['i1']);
    await store.close();
  });

  it('migrates a version-3 database to inbox rows that carry the task view', async () => {
    const path = join(dir, 'v3.sqlite');
    const old = new Database(path);
    runMigrations(old, MIGRATIONS.slice(0, 3));
    const open = task('i1', 'e1', { audience: ['school:s1', 'office:c1'], candidateGroups: ['experts'] });
    const legacy = instance('i1', { version: 4, tasks: [open] });
    insertLegacyInstance(old, legacy, 4);
    const { instanceVersion: _column, ...view } = taskViewOf(legacy, open);
    old
      .prepare(
        `INSERT INTO open_tasks (task_id, instance_id, instance_version, campaign_id, school_id, district_id,
           office_path, assignee, due_at, created_at, view) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run('i1:e1', 'i1', 4, 'k1', 's1', 'd1', '/p1/m1/c1/', null, null, at(0), JSON.stringify(view));
    for (const key of open.audience) {
      old
        .prepare('INSERT INTO task_keys (instance_id, task_id, key, created_at) VALUES (?, ?, ?, ?)')
        .run('i1', 'i1:e1', key, at(0));
    }
    old
      .prepare('INSERT INTO task_groups (instance_id, task_id, grp, created_at) VALUES (?, ?, ?, ?)')
      .run('i1', 'i1:e1', 'experts', at(0));
    old.close();

    const store = createSqliteStore({ path });
    await store.init();
    const expected = taskViewOf(legacy, open);
    expect((await store.findTasks({ limit: 5, audience: ['office:c1'] })).items).toEqual([expected]);
    expect(
      (await store.findTasks({ limit: 5, audience: ['school:s1'], candidateGroup: 'experts' })).items,
    ).toEqual([expected]);
    // The migrated rows are removed by their full keys when the task closes.
    await store.updateInstance({ ...legacy, tasks: [] }, 4);
    expect((await store.findTasks({ limit: 5, audience: ['school:s1', 'office:c1'] })).items).toEqual([]);
    expect((await store.findTasks({ limit: 5, candidateGroup: 'experts' })).items).toEqual([]);
    expect(store.db.prepare('SELECT count(*) FROM task_keys').pluck().get()).toBe(0);
    expect(store.db.prepare('SELECT count(*) FROM task_groups').pluck().get()).toBe(0);
    await store.close();
  });

  it('rebuilds an index whose definition changed and drops one nobody declares', async () => {
    const path = join(dir, 'drift.sqlite');
    const first = createSqliteStore({ path });
    await first.init();
    first.db.exec('DROP INDEX tasks_school; CREATE INDEX tasks_school ON open_tasks (school_id)');
    first.db.exec('CREATE INDEX stray ON instances (status)');
    await first.close();

    const second = createSqliteStore({ path });
    await second.init();
    const indexes = second.db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index'").all() as {
      name: string;
      sql: string | null;
    }[];
    expect(indexes.find((i) => i.name === 'tasks_school')?.sql).toBe(
      'CREATE INDEX tasks_school ON open_tasks (school_id, created_at, task_id)',
    );
    expect(indexes.map((i) => i.name)).not.toContain('stray');
    await second.close();
  });

  it('backs up a store in use to a file that opens as a complete store', async () => {
    const store = createSqliteStore({ path: join(dir, 'live.sqlite') });
    await store.init();
    await store.createInstance(instance('i1', { tasks: [task('i1', 'e1', { audience: ['school:s1'] })] }));
    await store.backup!(join(dir, 'copy.sqlite'));
    await store.createInstance(instance('i2'));

    const copy = createSqliteStore({ path: join(dir, 'copy.sqlite') });
    await copy.init();
    expect(await copy.getInstance('i1')).toEqual(
      instance('i1', { tasks: [task('i1', 'e1', { audience: ['school:s1'] })] }),
    );
    expect(await copy.getInstance('i2')).toBeNull();
    expect((await copy.findTasks({ limit: 5, audience: ['school:s1'] })).items).toHaveLength(1);
    expect(copy.db.pragma('integrity_check', { simple: true })).toBe('ok');
    await copy.close();
    await store.close();
  });
});

/** An instance row as an older schema version wrote it, straight into the table. */
function insertLegacyInstance(db: Database.Database, legacy: Instance, version: number): void {
  db.prepare(
    `INSERT INTO instances (id, campaign_id, scope, school_id, office_path, district_id, school_type, status,
       version, created_at, updated_at, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    legacy.id,
    'k1',
    'school',
    's1',
    '/p1/m1/c1/',
    'd1',
    'primary',
    'running',
    version,
    at(0),
    at(0),
    JSON.stringify(legacy),
  );
}
