import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createSqliteStore } from '../src/index.js';
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

  it('migrates a version-1 database and indexes the timers, messages and groups of its instances', async () => {
    const path = join(dir, 'old.sqlite');
    const old = new Database(path);
    runMigrations(old, MIGRATIONS.slice(0, 1));
    const legacy = instance('i1', {
      tasks: [task('i1', 'e1', { candidateGroups: ['experts'] })],
      timers: [{ id: 't1', elementId: 'deadline', executionId: 'x1', dueAt: at(5) }],
      messages: [{ elementId: 'w', executionId: 'x2', name: 'appeal', correlationKey: 's1' }],
    });
    old
      .prepare(
        `INSERT INTO instances (id, campaign_id, scope, school_id, office_path, district_id, school_type, status,
           version, created_at, updated_at, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        'i1',
        'k1',
        'school',
        's1',
        '/p1/m1/c1/',
        'd1',
        'primary',
        'running',
        1,
        at(0),
        at(0),
        JSON.stringify(legacy),
      );
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

  it('rebuilds an index whose definition changed and drops one nobody declares', async () => {
    const path = join(dir, 'drift.sqlite');
    const first = createSqliteStore({ path });
    await first.init();
    first.db.exec('DROP INDEX tasks_audience; CREATE INDEX tasks_audience ON task_keys (key)');
    first.db.exec('CREATE INDEX stray ON instances (status)');
    await first.close();

    const second = createSqliteStore({ path });
    await second.init();
    const indexes = second.db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index'").all() as {
      name: string;
      sql: string | null;
    }[];
    expect(indexes.find((i) => i.name === 'tasks_audience')?.sql).toBe(
      'CREATE INDEX tasks_audience ON task_keys (key, created_at, task_id)',
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
