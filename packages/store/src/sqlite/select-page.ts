import type { Page } from '../contract/queries.js';
import { type CursorKey, decodeCursor, pageOf } from '../pagination/cursor.js';
import type { SqliteContext } from './context.js';

/** One `WHERE` condition with its parameters. */
export type Condition = readonly [sql: string, ...params: unknown[]];

export interface PageQuery<T> {
  /** The select list and source, e.g. `doc FROM schools`. */
  from: string;
  where: Condition[];
  /** The unique sort key's columns; the page order and the cursor follow them. */
  orderBy: readonly string[];
  descending?: boolean;
  limit: number;
  cursor: string | null | undefined;
  parse(row: unknown): T;
  keyOf(item: T): CursorKey;
}

/**
 * Keyset pagination: the cursor is the last row's sort key and the next page starts strictly after it,
 * so the query is an index range and rows inserted meanwhile never shift a page.
 */
export function selectPage<T>(ctx: SqliteContext, query: PageQuery<T>): Page<T> {
  const where = [...query.where];
  const after = decodeCursor(query.cursor, query.orderBy.length);
  if (after) {
    const columns = query.orderBy.join(', ');
    const marks = query.orderBy.map(() => '?').join(', ');
    where.push([`(${columns}) ${query.descending ? '<' : '>'} (${marks})`, ...after]);
  }
  const direction = query.descending ? ' DESC' : '';
  const sql = `SELECT ${query.from}${where.length ? ` WHERE ${where.map((c) => c[0]).join(' AND ')}` : ''}
    ORDER BY ${query.orderBy.map((column) => column + direction).join(', ')} LIMIT ?`;
  const params = where.flatMap((condition) => condition.slice(1));
  const rows = ctx.statement(sql).all(...params, query.limit + 1);
  return pageOf(rows.map(query.parse), query.limit, query.keyOf);
}

/** `column IN (?, ?, …)` for a list of values. */
export function inList(column: string, values: readonly unknown[]): Condition {
  return [`${column} IN (${values.map(() => '?').join(', ')})`, ...values];
}
