import type Database from 'better-sqlite3';
import { createGroupCommit, type GroupCommit } from './group-commit.js';

/** What every SQLite operation works with: the connection and a cache of prepared statements. */
export interface SqliteContext {
  db: Database.Database;
  /** A prepared statement for this SQL, prepared once per connection. */
  statement(sql: string): Database.Statement;
  /**
   * Every write goes through here: it joins the next group commit (see `group-commit.ts`) and resolves
   * once that commit is durable.
   */
  write<T>(write: () => T): Promise<T>;
  commits: GroupCommit;
}

export function createSqliteContext(db: Database.Database): SqliteContext {
  const statements = new Map<string, Database.Statement>();
  const commits = createGroupCommit(db);
  return {
    db,
    commits,
    write: (write) => commits.write(write),
    statement(sql) {
      let statement = statements.get(sql);
      if (!statement) {
        statement = db.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

/** Parses the `doc` column of a row, or returns null for no row. */
export function docOf<T>(row: unknown): T | null {
  return row === undefined ? null : (JSON.parse((row as { doc: string }).doc) as T);
}
