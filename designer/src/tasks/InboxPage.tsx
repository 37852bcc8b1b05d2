import { useCallback, useState } from 'react';
import { taskApi } from '../api/taskApi.js';
import type { TaskListQuery, TaskSummary } from '../api/types.js';
import { usePagedList } from '../api/usePagedList.js';
import { formatDateTime } from '../format/dates.js';
import { DueBadge } from '../layout/DueBadge.js';
import { PagedListFooter } from '../layout/PagedListFooter.js';
import { Link, navigate, takeNotice, useSearchParams } from '../routing/router.js';
import { useUser } from '../session/SessionContext.js';

/** The inbox: open tasks (oldest first) or the ones I completed, optionally only the overdue ones. */
export function InboxPage() {
  const user = useUser();
  const search = useSearchParams();
  const completed = search.get('status') === 'completed';
  const overdueOnly = search.get('overdue') === 'true';
  const [notice] = useState(takeNotice);

  const { items, nextCursor, load, fetchPage } = usePagedList<TaskSummary>(
    useCallback(
      (cursor) => {
        const query: TaskListQuery = completed
          ? { status: 'completed' }
          : overdueOnly
            ? { overdue: true }
            : {};
        if (cursor) query.cursor = cursor;
        return taskApi.list(query);
      },
      [completed, overdueOnly],
    ),
  );

  const show = (next: { status?: string; overdue?: string }) => {
    const query = new URLSearchParams(next);
    navigate(query.size > 0 ? `/?${query}` : '/', { replace: true });
  };

  return (
    <>
      <h1 className="h4 mb-3">{completed ? '已办任务' : '待办任务'}</h1>
      {notice && (
        <div className="alert alert-success" role="status">
          {notice}
        </div>
      )}
      <fieldset className="btn-group btn-group-sm mb-3">
        <legend className="visually-hidden">任务筛选</legend>
        <button
          type="button"
          className={`btn btn-outline-primary${!completed && !overdueOnly ? ' active' : ''}`}
          aria-pressed={!completed && !overdueOnly}
          onClick={() => show({})}
        >
          全部待办
        </button>
        <button
          type="button"
          className={`btn btn-outline-primary${overdueOnly ? ' active' : ''}`}
          aria-pressed={overdueOnly}
          onClick={() => show({ overdue: 'true' })}
        >
          已逾期
        </button>
        <button
          type="button"
          className={`btn btn-outline-primary${completed ? ' active' : ''}`}
          aria-pressed={completed}
          onClick={() => show({ status: 'completed' })}
        >
          已办
        </button>
      </fieldset>
      {load.status === 'ready' && items.length === 0 && (
        <p className="text-secondary" data-testid="inbox-empty">
          {completed ? '还没有办理过的任务。' : '目前没有待办任务。'}
        </p>
      )}
      {items.length > 0 && (
        <ul className="list-group mb-3" aria-label={completed ? '已办任务列表' : '待办任务列表'}>
          {items.map((task) => (
            <li key={task.id} className="list-group-item list-group-item-action p-0">
              <TaskLink task={task} userId={user.id} />
            </li>
          ))}
        </ul>
      )}
      <PagedListFooter list={{ load, nextCursor, fetchPage }} />
    </>
  );
}

function TaskLink({ task, userId }: { task: TaskSummary; userId: string }) {
  const body = (
    <>
      <div className="d-flex flex-wrap justify-content-between gap-2">
        <span className="fw-semibold">{task.name}</span>
        {task.status === 'completed' ? (
          <span className="badge text-bg-light border fw-normal">
            办结于 {formatDateTime(task.completedAt)}
          </span>
        ) : (
          <DueBadge dueAt={task.dueAt} />
        )}
      </div>
      <div className="small text-secondary mt-1">
        {task.programName} · {task.campaignTitle}
      </div>
      <div className="d-flex flex-wrap gap-2 small mt-1">
        {task.schoolName && <span>{task.schoolName}</span>}
        {task.claimable && task.claimedBy === userId && (
          <span className="badge text-bg-primary">我已认领</span>
        )}
        {task.claimable && task.claimedBy && task.claimedBy !== userId && (
          <span className="badge text-bg-secondary">{task.claimedByName || '他人'}已认领</span>
        )}
      </div>
    </>
  );
  // A completed task has no page of its own any more (it answers 409); its record is in the school profile.
  if (task.status === 'completed') return <div className="p-3">{body}</div>;
  return (
    <Link
      to={`/tasks/${encodeURIComponent(task.id)}`}
      className="d-block p-3 text-reset text-decoration-none"
    >
      {body}
    </Link>
  );
}
