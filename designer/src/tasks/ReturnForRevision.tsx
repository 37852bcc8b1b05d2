import { type FormEvent, useState } from 'react';
import { taskApi } from '../api/taskApi.js';

const MAX_COMMENT = 2000;

/** 退回修改: sends the instance back along its process's return path, with a comment the earlier step sees. */
export function ReturnForRevision(props: {
  taskId: string;
  onReturned: () => void;
  onRefused: (error: unknown) => void;
}) {
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = comment.trim();
    if (!text) {
      setProblem('请填写退回意见。');
      return;
    }
    setBusy(true);
    taskApi.returnForRevision(props.taskId, text).then(props.onReturned, (error: unknown) => {
      setBusy(false);
      props.onRefused(error);
    });
  };

  if (!open) {
    return (
      <button type="button" className="btn btn-outline-danger w-100 mb-3" onClick={() => setOpen(true)}>
        退回修改
      </button>
    );
  }
  return (
    <form className="card card-body border-danger mb-3" onSubmit={submit} noValidate>
      <label htmlFor="return-comment" className="form-label">
        退回意见（将显示给上一步的办理人）
      </label>
      <textarea
        id="return-comment"
        className={`form-control${problem ? ' is-invalid' : ''}`}
        rows={3}
        maxLength={MAX_COMMENT}
        value={comment}
        onChange={(event) => {
          setComment(event.target.value);
          setProblem(null);
        }}
      />
      {problem && <div className="invalid-feedback d-block">{problem}</div>}
      <div className="form-text">
        {comment.length} / {MAX_COMMENT}
      </div>
      <div className="d-flex gap-2 mt-2">
        <button type="submit" className="btn btn-danger" disabled={busy}>
          {busy ? '正在退回…' : '确认退回'}
        </button>
        <button
          type="button"
          className="btn btn-outline-secondary"
          onClick={() => setOpen(false)}
          disabled={busy}
        >
          取消
        </button>
      </div>
    </form>
  );
}
