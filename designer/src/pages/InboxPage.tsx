import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../api/client.js';
import { api } from '../api/endpoints.js';
import type { TaskSummary } from '../api/types.js';
import { DueBadge } from '../layout/DueBadge.js';
import { Link, takeNotice } from '../routing/router.js';

type Load = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready' };

export function InboxPage() {
  const [items, setItems] = useState<TaskSummary[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [notice] = useState(takeNotice);

  const fetchPage = useCallback((cursor: string | null) => {
    setLoad({ status: 'loading' });
    api.tasks(cursor).then(
      (page) => {
        setItems((current) => (cursor ? [...current, ...page.items] : page.items));
        setNextCursor(page.nextCursor);
        setLoad({ status: 'ready' });
      },
      (error: unknown) => setLoad({ status: 'error', message: errorMessage(error) }),
    );
  }, []);

  useEffect(() => fetchPage(null), [fetchPage]);

  return (
    <>
      <h1 className="h4 mb-3">待办任务</h1>
      {notice && (
        <div className="alert alert-success" role="status">
          {notice}
        </div>
      )}
      {load.status === 'ready' && items.length === 0 && (
        <p className="text-secondary" data-testid="inbox-empty">
          目前没有待办任务。
        </p>
      )}
      {items.length > 0 && (
        <ul className="list-group mb-3" aria-label="待办任务列表">
          {items.map((task) => (
            <li key={task.id} className="list-group-item list-group-item-action p-0">
              <Link
                to={`/tasks/${encodeURIComponent(task.id)}`}
                className="d-block p-3 text-reset text-decoration-none"
              >
                <div className="d-flex flex-wrap justify-content-between gap-2">
                  <span className="fw-semibold">{task.name}</span>
                  <DueBadge dueAt={task.dueAt} />
                </div>
                <div className="small text-secondary mt-1">
                  {task.programName} · {task.campaignTitle}
                </div>
                {task.schoolName && <div className="small mt-1">{task.schoolName}</div>}
              </Link>
            </li>
          ))}
        </ul>
      )}
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
