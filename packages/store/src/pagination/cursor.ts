import { StoreError } from '../errors.js';

/**
 * Cursors are the sort key of the last item of a page, base64url-encoded JSON. Keyset pagination on a
 * unique key keeps the order stable while other writers insert: no item is repeated or skipped.
 */
export type CursorKey = readonly (string | number)[];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined, arity: number): CursorKey | null {
  if (cursor === undefined || cursor === null) return null;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  if (
    !Array.isArray(key) ||
    key.length !== arity ||
    !key.every((part) => typeof part === 'string' || typeof part === 'number')
  ) {
    throw new StoreError('STORE_ERR_INVALID', '分页游标无效', { path: '/cursor' });
  }
  return key;
}

/** Builds a page from `limit + 1` fetched rows: the extra row only tells whether another page exists. */
export function pageOf<T>(
  rows: T[],
  limit: number,
  keyOf: (item: T) => CursorKey,
): { items: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, limit);
  return { items, nextCursor: encodeCursor(keyOf(items[items.length - 1] as T)) };
}
