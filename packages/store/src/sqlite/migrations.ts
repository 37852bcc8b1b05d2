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
];

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
