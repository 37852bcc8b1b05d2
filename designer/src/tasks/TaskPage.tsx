import { useCallback, useMemo, useState } from 'react';
import { ApiError, errorMessage } from '../api/client.js';
import { taskApi } from '../api/taskApi.js';
import { useApiData } from '../api/useApiData.js';
import { formatDateTime } from '../format/dates.js';
import { TaskForm } from '../formio/TaskForm.js';
import { prepareTaskForm } from '../formio/taskFormPreparation.js';
import { DueBadge } from '../layout/DueBadge.js';
import { Link, navigate } from '../routing/router.js';
import { useUser } from '../session/SessionContext.js';
import { ClaimPanel } from './ClaimPanel.js';
import { DraftStatusLine } from './DraftStatusLine.js';
import { EarlierSteps } from './EarlierSteps.js';
import { loadEarlierSteps } from './earlierSubmissions.js';
import { ReturnForRevision } from './ReturnForRevision.js';
import { startingValues } from './startingValues.js';
import { useDraftAutosave } from './useDraftAutosave.js';

/** One task: what earlier steps submitted, its form with drafts, claims and 退回. Lazy: it brings Form.io. */
export default function TaskPage({ taskId }: { taskId: string }) {
  const user = useUser();
  const [refusal, setRefusal] = useState<{ message: string; closed: boolean } | null>(null);
  const loadTask = useCallback(async () => {
    const detail = await taskApi.get(taskId);
    return { detail, steps: await loadEarlierSteps(detail.history) };
  }, [taskId]);
  const [loaded, reloadTask] = useApiData(loadTask);
  const ready = loaded.status === 'ready' ? loaded.data : null;
  const detail = ready?.detail ?? null;
  const claimedByOther = Boolean(detail?.task.claimedBy && detail.task.claimedBy !== user.id);
  const draft = useDraftAutosave(taskId, Boolean(detail?.form) && !claimedByOther);
  const { stop: stopDraft, flush: flushDraft } = draft;

  // After a claim changes, the task is read again; pending edits are saved first so the form keeps them.
  const reload = useCallback(() => {
    setRefusal(null);
    void flushDraft().then(reloadTask);
  }, [flushDraft, reloadTask]);

  const preparedForm = useMemo(
    () => (detail?.form ? prepareTaskForm(detail.form, taskId) : null),
    [detail, taskId],
  );
  const starting = useMemo(() => {
    if (!ready?.detail.form || ready.detail.draft) return null;
    return startingValues(ready.detail.form, ready.detail.task.formId, ready.detail.prefill, ready.steps);
  }, [ready]);
  const initialData = detail?.draft ?? starting?.data ?? null;

  const taskName = detail?.task.name ?? '';
  const onCompleted = useCallback(() => {
    stopDraft();
    navigate('/', { notice: `已提交「${taskName}」。` });
  }, [stopDraft, taskName]);
  const onRefused = useCallback((error: unknown) => {
    const closed = error instanceof ApiError && (error.status === 404 || error.status === 409);
    setRefusal({ message: errorMessage(error), closed });
    window.scrollTo(0, 0);
  }, []);
  const onReturned = useCallback(() => {
    stopDraft();
    navigate('/', { notice: `已退回「${taskName}」。` });
  }, [stopDraft, taskName]);

  if (loaded.status === 'loading') {
    return (
      <p className="text-secondary" role="status">
        正在加载任务…
      </p>
    );
  }
  if (loaded.status === 'error') {
    return (
      <div className="alert alert-danger" role="alert">
        <p className="mb-2">{loaded.message}</p>
        <Link to="/">返回待办任务</Link>
      </div>
    );
  }

  const { task, returns, returnable } = loaded.data.detail;
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
          {task.schoolName && task.schoolId && user.role !== 'school' ? (
            <Link to={`/schools/${encodeURIComponent(task.schoolId)}`}>{task.schoolName}</Link>
          ) : (
            task.schoolName && <span>{task.schoolName}</span>
          )}
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
      {returns.length > 0 && (
        <section className="alert alert-warning" aria-labelledby="returns-heading">
          <h2 id="returns-heading" className="h6">
            退回修改意见
          </h2>
          <ul className="mb-0 ps-3">
            {returns.map((entry) => (
              <li key={`${entry.at}-${entry.taskName}`}>
                <span className="text-break">{entry.comment}</span>
                <div className="small text-secondary">
                  {entry.byName ?? '—'} · {entry.taskName} · {formatDateTime(entry.at)}
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      <ClaimPanel task={task} user={user} onChanged={reload} onRefused={onRefused} />
      <EarlierSteps steps={loaded.data.steps} />
      {preparedForm ? (
        <section aria-label="填写表单">
          <TaskForm
            taskId={task.id}
            form={preparedForm}
            initialData={initialData}
            readOnly={claimedByOther}
            onCompleted={onCompleted}
            onRefused={onRefused}
            onEdited={draft.changed}
            onSaveDraft={(data) => void draft.saveNow(data)}
          />
          <DraftStatusLine
            status={draft.status}
            opened={loaded.data.detail.draft ? 'draft' : starting?.source === 'previous' ? 'previous' : null}
          />
        </section>
      ) : (
        !claimedByOther && <FormlessTask taskId={task.id} onCompleted={onCompleted} onRefused={onRefused} />
      )}
      {returnable && !claimedByOther && (
        <ReturnForRevision taskId={task.id} onReturned={onReturned} onRefused={onRefused} />
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
    taskApi.complete(props.taskId, {}).then(props.onCompleted, (error: unknown) => {
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
