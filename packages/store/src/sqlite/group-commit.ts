import type Database from 'better-sqlite3';

/**
 * Group commit: every write the SQLite adapter is asked for in one turn of the event loop runs in ONE
 * `BEGIN IMMEDIATE … COMMIT`, so they share one fsync of the WAL. With `synchronous = FULL` a commit
 * costs an fsync (0.4–5 ms here), and a server completing many tasks at once would otherwise pay one
 * per task.
 *
 * What each caller still gets, exactly as with a transaction of its own:
 * - its write runs in its own SAVEPOINT: if it throws (a version conflict, a duplicate), only its own
 *   changes are rolled back and only its promise rejects; the others in the group commit;
 * - writes run one after another in the order they were asked for, inside a transaction that holds
 *   the write lock from the first read to the commit, so a version check still sees every earlier write
 *   (of this group, of this process, of other processes): of two writers on one version exactly one
 *   wins;
 * - its promise settles only after COMMIT has returned, i.e. after the WAL is fsynced: nothing is
 *   acknowledged before it is durable. A failed COMMIT rejects every write of the group.
 */

export interface WriteStats {
  /** Write transactions committed (each is one fsync of the WAL with `synchronous = FULL`). */
  commits: number;
  /** Writes acknowledged (committed) in them. */
  writes: number;
}

export interface GroupCommit {
  /**
   * Runs `write` (synchronous SQLite work) in the next group transaction, in its own savepoint; resolves
   * with its result once the group has committed.
   */
  write<T>(write: () => T): Promise<T>;
  /** Commits whatever is queued now, synchronously (before the connection closes). */
  flush(): void;
  stats(): WriteStats;
}

interface Pending {
  run: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** A group's size limit: the write lock is never held for more than this many writes at once. */
const MAX_GROUP = 500;

export function createGroupCommit(db: Database.Database): GroupCommit {
  let queue: Pending[] = [];
  let scheduled = false;
  const stats: WriteStats = { commits: 0, writes: 0 };

  // Called inside the group's transaction, better-sqlite3 wraps each write in a SAVEPOINT.
  const savepoint = db.transaction((run: () => unknown) => run());
  const group = db.transaction((batch: Pending[]): Outcome[] =>
    batch.map((pending): Outcome => {
      try {
        return { ok: true, value: savepoint(pending.run) };
      } catch (error) {
        // Some failures (disk full, I/O error) make SQLite roll back the whole transaction: then
        // nothing of this group can commit, and the group fails as a whole.
        if (!db.inTransaction) throw error;
        return { ok: false, error };
      }
    }),
  );

  function commit(batch: Pending[]): void {
    let outcomes: Outcome[];
    try {
      outcomes = group.immediate(batch);
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    stats.commits++;
    batch.forEach((pending, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) {
        stats.writes++;
        pending.resolve(outcome.value);
      } else pending.reject(outcome.error);
    });
  }

  function flush(): void {
    scheduled = false;
    while (queue.length > 0) {
      const batch = queue.length <= MAX_GROUP ? queue : queue.slice(0, MAX_GROUP);
      queue = queue.length <= MAX_GROUP ? [] : queue.slice(MAX_GROUP);
      commit(batch);
    }
  }

  return {
    write<T>(run: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ run, resolve: resolve as (value: unknown) => void, reject });
        if (!scheduled) {
          scheduled = true;
          // After the current turn's I/O callbacks and promise jobs: every write they ask for joins.
          setImmediate(flush);
        }
      });
    },
    flush,
    stats: () => ({ ...stats }),
  };
}
