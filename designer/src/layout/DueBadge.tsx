import { dueState, formatDateTime } from '../format/dates.js';

const STYLES = {
  overdue: { className: 'text-bg-danger', prefix: '已逾期 · ' },
  soon: { className: 'text-bg-warning', prefix: '即将到期 · ' },
  later: { className: 'text-bg-light border', prefix: '截止 ' },
} as const;

/** The due date of a task, red when overdue and yellow within three days. */
export function DueBadge({ dueAt }: { dueAt: string | null }) {
  const state = dueState(dueAt);
  if (state === 'none') return <span className="badge text-bg-light border fw-normal">无截止时间</span>;
  const style = STYLES[state];
  return (
    <span className={`badge fw-normal ${style.className}`} data-due={state}>
      {style.prefix}
      {formatDateTime(dueAt)}
    </span>
  );
}
