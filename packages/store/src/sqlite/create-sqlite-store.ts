import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { guardOperations } from '../adapter/guard-operations.js';
import type { Store } from '../contract/store.js';
import { createSqliteContext } from './context.js';
import { createSqliteIndexes } from './create-indexes.js';
import type { WriteStats } from './group-commit.js';
import { runMigrations } from './migrations.js';
import { auditOps } from './operations/audit.js';
import { campaignOps } from './operations/campaigns.js';
import { conflictOps } from './operations/conflicts.js';
import { draftOps } from './operations/drafts.js';
import { fileOps } from './operations/files.js';
import { instanceOps } from './operations/instances.js';
import { organisationOps } from './operations/organisation.js';
import { programOps } from './operations/programs.js';
import { submissionOps } from './operations/submissions.js';
import { taskOps } from './operations/tasks.js';
import { timerOps } from './operations/timers.js';
import { translateSqliteError } from './translate-error.js';
import {
  FALLBACK_AUTOCHECKPOINT_PAGES,
  startWalCheckpointer,
  type WalCheckpointer,
} from './wal-checkpointer.js';

export interface SqliteStoreOptions {
  /** The database file, or ':memory:' (tests). Takes precedence over `dir` + `filename`. */
  path?: string;
  /** Folder for the database file, created if missing. Default `data`. */
  dir?: string;
  /** Default `ddt.sqlite`. */
  filename?: string;
  /**
   * `FULL` (default): every commit is fsynced to the WAL before the method returns, so an acknowledged
   * write survives a process crash AND a power loss. `NORMAL` survives a process crash only (the OS may
   * lose the last commits on power loss); use it only for data you can rebuild, such as benchmarks.
   */
  synchronous?: 'FULL' | 'NORMAL';
  /** How long a writer waits for another process's write lock before `STORE_ERR_UNAVAILABLE`. Default 5000. */
  busyTimeoutMs?: number;
  /** SQLite page cache for this connection, in MiB. Default 64. */
  cacheMiB?: number;
  /**
   * Memory-maps up to this much of the database file (MiB) for reads. Default 0 (off): on the
   * 1,000,000-instance benchmark store, 1 GiB of mmap changed no query time measurably (the inbox reads
   * a few pages), and a memory-mapped read that hits an I/O error kills the process instead of failing.
   */
  mmapMiB?: number;
  /**
   * Checkpoint the WAL from a worker thread (see `wal-checkpointer.ts`) instead of inside commits.
   * Default true for a database file; a `:memory:` database has no WAL.
   */
  backgroundCheckpoints?: boolean;
}

export type SqliteStore = Store & {
  /** The underlying connection, for backups (`db.backup()`), diagnostics and tests of this adapter. */
  readonly db: Database.Database;
  /** Write transactions committed so far and the writes they carried (see `group-commit.ts`). */
  writeStats(): WriteStats;
};

export function resolveSqlitePath(options: SqliteStoreOptions): string {
  if (options.path !== undefined) return options.path;
  const dir = options.dir ?? 'data';
  mkdirSync(dir, { recursive: true });
  return join(dir, options.filename ?? 'ddt.sqlite');
}

/** The embedded store: one SQLite file in WAL mode. Call `init()` before use. */
export function createSqliteStore(options: SqliteStoreOptions = {}): SqliteStore {
  const path = resolveSqlitePath(options);
  const db = new Database(path);
  const ctx = createSqliteContext(db);
  let ready = false;
  let checkpointer: WalCheckpointer | null = null;

  const operations = {
    ...organisationOps(ctx),
    ...conflictOps(ctx),
    ...programOps(ctx),
    ...campaignOps(ctx),
    ...instanceOps(ctx),
    ...taskOps(ctx),
    ...timerOps(ctx),
    ...submissionOps(ctx),
    ...fileOps(ctx),
    ...draftOps(ctx),
    ...auditOps(ctx),
    async listMigrations() {
      const rows = ctx
        .statement('SELECT version, name, applied_at FROM store_migrations ORDER BY version')
        .all() as { version: number; name: string; applied_at: string }[];
      return rows.map((row) => ({ version: row.version, name: row.name, appliedAt: row.applied_at }));
    },
    /** SQLite's online backup: a consistent copy while readers and writers carry on. */
    async backup(destinationPath: string) {
      await db.backup(destinationPath);
    },
  };

  const store: SqliteStore = {
    name: 'sqlite',
    db,
    writeStats: () => ctx.commits.stats(),
    async init() {
      if (ready) return;
      try {
        db.pragma('journal_mode = WAL');
        db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
        db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
        // A server keeps one connection: give it a 64 MiB page cache (the default is 2 MiB), so the
        // upper levels of the task and instance indexes stay in memory; sorts stay in memory too.
        db.pragma(`cache_size = -${(options.cacheMiB ?? 64) * 1024}`);
        db.pragma('temp_store = MEMORY');
        db.pragma(`mmap_size = ${(options.mmapMiB ?? 0) * 1024 * 1024}`);
        runMigrations(db);
        createSqliteIndexes(db);
        if (!db.memory && (options.backgroundCheckpoints ?? true)) {
          db.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
          checkpointer = startWalCheckpointer(path);
        }
      } catch (error) {
        throw translateSqliteError(error);
      }
      ready = true;
    },
    async close() {
      ready = false;
      // Writes already asked for are committed, not dropped.
      if (db.open) ctx.commits.flush();
      await checkpointer?.stop();
      checkpointer = null;
      if (db.open) db.close();
    },
    ...guardOperations(operations, () => ready, translateSqliteError),
  };
  return store;
}
