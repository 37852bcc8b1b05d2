import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from './client.js';

export type PageLoad = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready' };

export interface PagedList<T> {
  items: T[];
  nextCursor: string | null;
  load: PageLoad;
  /** Loads the page after `cursor` (appended), or the first page again with null. */
  fetchPage: (cursor: string | null) => void;
}

/**
 * A list read page by page with "load more": `readPage` (memoise it with useCallback; a new one starts
 * again from the first page) reads one page. An answer that arrives after a newer request is dropped,
 * so a quick change of filter never shows the old filter's rows.
 */
export function usePagedList<T>(
  readPage: (cursor: string | null) => Promise<{ items: T[]; nextCursor: string | null }>,
): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [load, setLoad] = useState<PageLoad>({ status: 'loading' });
  const latest = useRef(0);

  const fetchPage = useCallback(
    (cursor: string | null) => {
      const request = ++latest.current;
      setLoad({ status: 'loading' });
      readPage(cursor).then(
        (page) => {
          if (request !== latest.current) return;
          setItems((current) => (cursor ? [...current, ...page.items] : page.items));
          setNextCursor(page.nextCursor);
          setLoad({ status: 'ready' });
        },
        (error: unknown) => {
          if (request === latest.current) setLoad({ status: 'error', message: errorMessage(error) });
        },
      );
    },
    [readPage],
  );
  useEffect(() => {
    fetchPage(null);
    return () => {
      latest.current++;
    };
  }, [fetchPage]);

  return { items, nextCursor, load, fetchPage };
}
