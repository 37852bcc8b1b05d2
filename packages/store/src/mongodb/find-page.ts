import type { Collection, Document, Filter } from 'mongodb';
import type { Page } from '../contract/queries.js';
import { type CursorKey, decodeCursor, pageOf } from '../pagination/cursor.js';
import type { StoredDoc } from './context.js';

/**
 * The filter for "strictly after this sort key" over a compound key:
 * (a > x) or (a = x and b > y) or … — an index range on the compound index.
 */
export function keysetAfter(paths: readonly string[], after: CursorKey, descending = false): Document {
  const op = descending ? '$lt' : '$gt';
  return {
    $or: paths.map((path, i) => {
      const clause: Document = {};
      for (let j = 0; j < i; j++) clause[paths[j]!] = after[j];
      clause[path] = { [op]: after[i] };
      return clause;
    }),
  };
}

export interface FindPageQuery<T> {
  filter: Document;
  /** The unique sort key's paths; the page order and the cursor follow them. */
  sort: readonly string[];
  descending?: boolean;
  limit: number;
  cursor: string | null | undefined;
  projection?: Document;
  decode(doc: Document): T;
  keyOf(item: T): CursorKey;
}

/** Keyset pagination with `find`, the same contract as the SQLite adapter's `selectPage`. */
export async function findPage<T>(
  collection: Collection<StoredDoc>,
  query: FindPageQuery<T>,
): Promise<Page<T>> {
  const after = decodeCursor(query.cursor, query.sort.length);
  const filter: Document = after
    ? { $and: [query.filter, keysetAfter(query.sort, after, query.descending)] }
    : query.filter;
  const direction = query.descending ? -1 : 1;
  const docs = await collection
    .find(filter as Filter<StoredDoc>, query.projection ? { projection: query.projection } : {})
    .sort(Object.fromEntries(query.sort.map((path) => [path, direction])))
    .limit(query.limit + 1)
    .toArray();
  return pageOf(docs.map(query.decode), query.limit, query.keyOf);
}
