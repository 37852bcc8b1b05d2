import { useCallback, useEffect, useState } from 'react';
import { accountApi } from '../api/accountApi.js';
import { errorMessage } from '../api/client.js';
import type { NotificationPage } from '../api/types.js';
import { formatDateTime } from '../format/dates.js';
import { Link } from '../routing/router.js';
import { useUser } from '../session/SessionContext.js';

type Notification = NotificationPage['items'][number];

/** In-app notifications (催办, process notices), newest first; a school user sees the school's. */
export function NotificationsPage() {
  const user = useUser();
  const [items, setItems] = useState<Notification[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [state, setState] = useState<{ loading: boolean; error: string | null }>({
    loading: true,
    error: null,
  });

  const fetchPage = useCallback((cursor: string | null) => {
    setState({ loading: true, error: null });
    accountApi.notifications(cursor).then(
      (page) => {
        setItems((current) => (cursor ? [...current, ...page.items] : page.items));
        setNextCursor(page.nextCursor);
        setState({ loading: false, error: null });
      },
      (error: unknown) => setState({ loading: false, error: errorMessage(error) }),
    );
  }, []);
  useEffect(() => fetchPage(null), [fetchPage]);

  return (
    <>
      <h1 className="h4 mb-3">通知</h1>
      {!state.loading && !state.error && items.length === 0 && <p className="text-secondary">没有通知。</p>}
      {items.length > 0 && (
        <ul className="list-group mb-3" aria-label="通知列表">
          {items.map((item) => (
            <li key={item.id} className="list-group-item">
              <div className="d-flex flex-wrap gap-2">
                <span className="fw-semibold me-auto">{item.title}</span>
                <span className="small text-secondary">{formatDateTime(item.at)}</span>
              </div>
              <p className="mb-0 text-break">{item.message}</p>
              {item.campaignId && user.role === 'office' && (
                <Link to={`/campaigns/${encodeURIComponent(item.campaignId)}`} className="small">
                  查看督导批次
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
      {state.loading && (
        <p className="text-secondary" role="status">
          正在加载…
        </p>
      )}
      {state.error && (
        <div className="alert alert-danger" role="alert">
          {state.error}
        </div>
      )}
      {!state.loading && nextCursor && (
        <button type="button" className="btn btn-outline-primary w-100" onClick={() => fetchPage(nextCursor)}>
          加载更多
        </button>
      )}
    </>
  );
}
