import type Database from 'better-sqlite3';
import { INDEXES, type IndexDeclaration } from '../contract/indexes.js';
import { type SqliteTable, TABLES } from './tables.js';

export interface SqliteIndexPlan {
  name: string;
  table: string;
  columns: string[];
  unique: boolean;
}

function tableFor(index: IndexDeclaration): SqliteTable {
  const table = TABLES.find(
    (t) => t.collection === index.collection && index.fields.every((field) => field.path in t.columns),
  );
  if (!table) throw new Error(`索引 ${index.name} 的字段在 SQLite 表中没有对应的列`);
  return table;
}

/** Maps the contract's index declarations (and the layout's own indexes) to SQLite indexes. */
export function planSqliteIndexes(declarations: readonly IndexDeclaration[] = INDEXES): SqliteIndexPlan[] {
  const plans: SqliteIndexPlan[] = [];
  for (const index of declarations) {
    const table = tableFor(index);
    const columns = index.fields.map((field) => {
      const column = table.columns[field.path] as string;
      return field.order === -1 ? `${column} DESC` : column;
    });
    // An index equal to the primary key is the table itself; creating it would only slow writes.
    if (columns.join(',') === table.primaryKey.join(',')) continue;
    plans.push({ name: index.name, table: table.table, columns, unique: index.unique === true });
  }
  for (const table of TABLES) {
    for (const own of table.ownIndexes ?? []) {
      plans.push({ name: own.name, table: table.table, columns: [...own.columns], unique: false });
    }
  }
  return plans;
}

export function indexSql(plan: SqliteIndexPlan): string {
  return `CREATE ${plan.unique ? 'UNIQUE ' : ''}INDEX ${plan.name} ON ${plan.table} (${plan.columns.join(', ')})`;
}

/**
 * Makes the database's indexes match the declarations: creates missing ones, rebuilds any whose
 * definition changed and drops the ones no longer declared, so the declarations stay the one source.
 */
export function createSqliteIndexes(db: Database.Database): void {
  const plans = planSqliteIndexes();
  const existing = new Map(
    (
      db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").all() as {
        name: string;
        sql: string;
      }[]
    ).map((row) => [row.name, row.sql]),
  );
  const sync = db.transaction(() => {
    const planned = new Set(plans.map((plan) => plan.name));
    for (const name of existing.keys()) if (!planned.has(name)) db.exec(`DROP INDEX ${name}`);
    for (const plan of plans) {
      const sql = indexSql(plan);
      const current = existing.get(plan.name);
      if (current === sql) continue;
      if (current !== undefined) db.exec(`DROP INDEX ${plan.name}`);
      db.exec(sql);
    }
  });
  sync.immediate();
}
