import type { PagedList } from '../api/usePagedList.js';

/** Under a paged list: "loading", the error with a retry, or "load more" while pages remain. */
export function PagedListFooter({
  list,
}: {
  list: Pick<PagedList<unknown>, 'load' | 'nextCursor' | 'fetchPage'>;
}) {
  const { load, nextCursor, fetchPage } = list;
  return (
    <>
      {load.status === 'loading' && (
        <p className="text-secondary" role="status">
          正在加载…
        </p>
      )}
      {load.status === 'error' && (
        <div className="alert alert-danger d-flex flex-wrap align-items-center gap-2" role="alert">
          <span className="me-auto">{load.message}</span>
          <button
            type="button"
            className="btn btn-sm btn-outline-danger"
            onClick={() => fetchPage(nextCursor)}
          >
            重试
          </button>
        </div>
      )}
      {load.status === 'ready' && nextCursor && (
        <button type="button" className="btn btn-outline-primary w-100" onClick={() => fetchPage(nextCursor)}>
          加载更多
        </button>
      )}
    </>
  );
}
