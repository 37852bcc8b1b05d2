import { useCallback, useEffect, useState } from 'react';
import { ApiError, errorMessage } from '../api/client.js';
import { api } from '../api/endpoints.js';
import type { TaskDetail } from '../api/types.js';
import { formatDateTime } from '../format/dates.js';
import { TaskForm } from '../formio/TaskForm.js';
import { DueBadge } from '../layout/DueBadge.js';
import { Link, navigate } from '../routing/router.js';

type Load =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; detail: TaskDetail };

/** One task: its context and its form. Loaded lazily because it brings Form.io. */
export default function TaskPage({ taskId }: { taskId: string }) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [refusal, setRefusal] = useState<{ message: string; closed: boolean } | null>(null);

  useEffect(() => {
    let current = true;
    setLoad({ status: 'loading' });
    setRefusal(null);
    api.task(taskId).then(
      (detail) => current && setLoad({ status: 'ready', detail }),
      (error: unknown) => current && setLoad({ status: 'error', message: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, [taskId]);

  const taskName = load.status === 'ready' ? load.detail.task.name : '';
  const onCompleted = useCallback(() => navigate('/', { notice: `已提交「${taskName}」。` }), [taskName]);
  const onRefused = useCallback((error: unknown) => {
    const closed = error instanceof ApiError && (error.status === 404 || error.status === 409);
    setRefusal({ message: errorMessage(error), closed });
    window.scrollTo(0, 0);
  }, []);

  if (load.status === 'loading') {
    return (
      <p className="text-secondary" role="status">
        正在加载任务…
      </p>
    );
  }
  if (load.status === 'error') {
    return (
      <div className="alert alert-danger" role="alert">
        <p className="mb-2">{load.message}</p>
        <Link to="/">返回待办任务</Link>
      </div>
    );
  }

  const { task, form, draft } = load.detail;
  return (
    <>
      <nav aria-label="返回" className="mb-2">
        <Link to="/" className="small">
          ← 待办任务
        </Link>
      </nav>
      <header className="mb-3">
        <h1 className="h4 mb-1">{task.name}</h1>
        <div className="text-secondary small">
          {task.programName} · {task.campaignTitle}
        </div>
        <div className="d-flex flex-wrap align-items-center gap-2 mt-2 small">
          {task.schoolName && <span>{task.schoolName}</span>}
          <DueBadge dueAt={task.dueAt} />
          <span className="text-secondary">下发于 {formatDateTime(task.createdAt)}</span>
        </div>
      </header>
      {refusal && (
        <div className="alert alert-danger" role="alert">
          {refusal.message}
          {refusal.closed && (
            <>
              {' '}
              <Link to="/">返回待办任务</Link>
            </>
          )}
        </div>
      )}
      {form ? (
        <TaskForm
          taskId={task.id}
          form={form}
          draft={draft}
          onCompleted={onCompleted}
          onRefused={onRefused}
        />
      ) : (
        <FormlessTask taskId={task.id} onCompleted={onCompleted} onRefused={onRefused} />
      )}
    </>
  );
}

/** A task without a form is completed with an empty submission. */
function FormlessTask(props: {
  taskId: string;
  onCompleted: () => void;
  onRefused: (error: unknown) => void;
}) {
  const [busy, setBusy] = useState(false);
  const complete = () => {
    setBusy(true);
    api.completeTask(props.taskId, {}).then(props.onCompleted, (error: unknown) => {
      setBusy(false);
      props.onRefused(error);
    });
  };
  return (
    <div className="card card-body">
      <p>此任务无需填写表单。</p>
      <button type="button" className="btn btn-primary" onClick={complete} disabled={busy}>
        {busy ? '正在提交…' : '完成任务'}
      </button>
    </div>
  );
}
