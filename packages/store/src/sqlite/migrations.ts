import type Database from 'better-sqlite3';

/**
 * Versioned schema migrations, applied in order at `init()` and recorded in `store_migrations`. A
 * migration never changes once released: a new layout is a new entry.
 */
export interface SqliteMigration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

export const MIGRATIONS: readonly SqliteMigration[] = [
  {
    version: 1,
    name: 'records and instance side tables',
    up(db) {
      db.exec(`
        CREATE TABLE offices (id TEXT PRIMARY KEY, path TEXT NOT NULL, doc TEXT NOT NULL);
        CREATE TABLE districts (id TEXT PRIMARY KEY, office_id TEXT NOT NULL, doc TEXT NOT NULL);
        CREATE TABLE schools (
          id TEXT PRIMARY KEY, office_path TEXT NOT NULL, district_id TEXT NOT NULL, type TEXT NOT NULL,
          ownership TEXT NOT NULL, inspector_id TEXT, doc TEXT NOT NULL);
        CREATE TABLE users (
          id TEXT PRIMARY KEY, username TEXT NOT NULL, role TEXT NOT NULL, office_id TEXT, school_id TEXT,
          doc TEXT NOT NULL);
        CREATE TABLE program_versions (
          id TEXT PRIMARY KEY, key TEXT NOT NULL, version INTEGER NOT NULL, status TEXT NOT NULL, doc TEXT NOT NULL);
        CREATE TABLE campaigns (
          id TEXT PRIMARY KEY, office_path TEXT NOT NULL, status TEXT NOT NULL, created_at TEXT NOT NULL,
          doc TEXT NOT NULL);
        CREATE TABLE instances (
          id TEXT PRIMARY KEY, campaign_id TEXT NOT NULL, scope TEXT NOT NULL, school_id TEXT,
          office_path TEXT NOT NULL, district_id TEXT, school_type TEXT, status TEXT NOT NULL,
          version INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, doc TEXT NOT NULL);
        CREATE TABLE open_tasks (
          task_id TEXT PRIMARY KEY, instance_id TEXT NOT NULL, campaign_id TEXT NOT NULL, school_id TEXT,
          district_id TEXT, office_path TEXT NOT NULL, assignee TEXT, due_at TEXT, created_at TEXT NOT NULL,
          view TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE task_keys (
          instance_id TEXT NOT NULL, task_id TEXT NOT NULL, key TEXT NOT NULL, created_at TEXT NOT NULL,
          PRIMARY KEY (instance_id, task_id, key)) WITHOUT ROWID;
        CREATE TABLE submissions (
          id TEXT PRIMARY KEY, task_id TEXT NOT NULL, instance_id TEXT NOT NULL, campaign_id TEXT NOT NULL,
          school_id TEXT, form_id TEXT NOT NULL, submitted_at TEXT NOT NULL, doc TEXT NOT NULL);
        CREATE TABLE audit_events (
          id TEXT PRIMARY KEY, at TEXT NOT NULL, actor_id TEXT, action TEXT NOT NULL, target TEXT NOT NULL,
          doc TEXT NOT NULL);
      `);
    },
  },
  {
    version: 2,
    name: 'timers, messages, candidate groups, files, drafts, 回避 pairs',
    up(db) {
      db.exec(`
        ALTER TABLE campaigns ADD COLUMN program_key TEXT;
        UPDATE campaigns SET program_key = json_extract(doc, '$.programKey');
        CREATE TABLE task_groups (
          instance_id TEXT NOT NULL, task_id TEXT NOT NULL, grp TEXT NOT NULL, created_at TEXT NOT NULL,
          PRIMARY KEY (instance_id, task_id, grp)) WITHOUT ROWID;
        CREATE TABLE timers (
          instance_id TEXT NOT NULL, timer_id TEXT NOT NULL, element_id TEXT NOT NULL, execution_id TEXT NOT NULL,
          due_at TEXT NOT NULL, lease_owner TEXT, lease_until TEXT,
          PRIMARY KEY (instance_id, timer_id)) WITHOUT ROWID;
        CREATE TABLE awaited_messages (
          instance_id TEXT NOT NULL, execution_id TEXT NOT NULL, element_id TEXT NOT NULL, name TEXT NOT NULL,
          correlation_key TEXT);
        CREATE TABLE files (
          id TEXT PRIMARY KEY, owner TEXT, created_at TEXT NOT NULL, sha256 TEXT NOT NULL, doc TEXT NOT NULL,
          bytes BLOB NOT NULL);
        CREATE TABLE drafts (task_id TEXT PRIMARY KEY, doc TEXT NOT NULL);
        CREATE TABLE conflicts (
          inspector_id TEXT NOT NULL, school_id TEXT NOT NULL, doc TEXT NOT NULL,
          PRIMARY KEY (inspector_id, school_id)) WITHOUT ROWID;

        -- Instances written before this version get their new side rows from their documents.
        INSERT OR IGNORE INTO task_groups (instance_id, task_id, grp, created_at)
          SELECT i.id, json_extract(t.value, '$.id'), g.value, json_extract(t.value, '$.createdAt')
          FROM instances i, json_each(i.doc, '$.tasks') t, json_each(t.value, '$.candidateGroups') g;
        INSERT OR IGNORE INTO timers (instance_id, timer_id, element_id, execution_id, due_at)
          SELECT i.id, json_extract(t.value, '$.id'), json_extract(t.value, '$.elementId'),
            json_extract(t.value, '$.executionId'), json_extract(t.value, '$.dueAt')
          FROM instances i, json_each(i.doc, '$.timers') t;
        INSERT INTO awaited_messages (instance_id, execution_id, element_id, name, correlation_key)
          SELECT i.id, json_extract(m.value, '$.executionId'), json_extract(m.value, '$.elementId'),
            json_extract(m.value, '$.name'), json_extract(m.value, '$.correlationKey')
          FROM instances i, json_each(i.doc, '$.messages') m;
      `);
    },
  },
  {
    version: 3,
    name: 'task views keep the instance version in a column',
    up(db) {
      // Task views stop carrying instanceVersion, so an unchanged task is not rewritten on every step.
      db.exec(`
        ALTER TABLE open_tasks ADD COLUMN instance_version INTEGER NOT NULL DEFAULT 1;
        UPDATE open_tasks SET instance_version = (SELECT version FROM instances i WHERE i.id = open_tasks.instance_id);
      `);
    },
  },
  {
    version: 4,
    name: 'inbox rows keyed by (audience key, createdAt, task id) carry the task view',
    up(db) {
      // An inbox page becomes one range of one B-tree (a few adjacent pages) instead of an index range
      // plus a random lookup in open_tasks per task; keying the side tables by what queries seek on
      // also drops their second B-tree (the old primary keys only served deletes, which now use the
      // full key from the stored view).
      db.exec(`
        CREATE TABLE task_keys_v4 (
          key TEXT NOT NULL, created_at TEXT NOT NULL, task_id TEXT NOT NULL, campaign_id TEXT NOT NULL,
          school_id TEXT, assignee TEXT, due_at TEXT, instance_version INTEGER NOT NULL, view TEXT NOT NULL,
          PRIMARY KEY (key, created_at, task_id)) WITHOUT ROWID;
        INSERT INTO task_keys_v4
          SELECT k.key, k.created_at, k.task_id, t.campaign_id, t.school_id, t.assignee, t.due_at,
            t.instance_version, t.view
          FROM task_keys k JOIN open_tasks t ON t.task_id = k.task_id;
        DROP TABLE task_keys;
        ALTER TABLE task_keys_v4 RENAME TO task_keys;
        CREATE TABLE task_groups_v4 (
          grp TEXT NOT NULL, created_at TEXT NOT NULL, task_id TEXT NOT NULL,
          PRIMARY KEY (grp, created_at, task_id)) WITHOUT ROWID;
        INSERT OR IGNORE INTO task_groups_v4 SELECT grp, created_at, task_id FROM task_groups;
        DROP TABLE task_groups;
        ALTER TABLE task_groups_v4 RENAME TO task_groups;
      `);
    },
  },
];

/** The layout this code writes; a database at another version is migrated by `init()`. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function runMigrations(
  db: Database.Database,
  migrations: readonly SqliteMigration[] = MIGRATIONS,
): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS store_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  // IMMEDIATE takes the write lock first, so two processes opening one file never apply a step twice.
  const applyPending = db.transaction(() => {
    const row = db.prepare('SELECT max(version) AS version FROM store_migrations').get() as {
      version: number | null;
    };
    const current = row.version ?? 0;
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      migration.up(db);
      db.prepare('INSERT INTO store_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
    }
  });
  applyPending.immediate();
}
