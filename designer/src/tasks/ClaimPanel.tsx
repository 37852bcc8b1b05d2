import { useState } from 'react';
import { taskApi } from '../api/taskApi.js';
import type { TaskSummary, User } from '../api/types.js';

interface ClaimPanelProps {
  task: TaskSummary;
  user: User;
  /** The claim changed: reload the task. */
  onChanged: () => void;
  onRefused: (error: unknown) => void;
}

/**
 * A group task (offered to a school's users, an office…) may be claimed by one member, who then is the
 * only one able to act on it; the claimer can give it back, and an office user can release anyone's claim.
 */
export function ClaimPanel({ task, user, onChanged, onRefused }: ClaimPanelProps) {
  const [busy, setBusy] = useState(false);
  if (!task.claimable) return null;
  const act = (action: 'claim' | 'unclaim') => {
    setBusy(true);
    taskApi[action](task.id).then(
      () => {
        setBusy(false);
        onChanged();
      },
      (error: unknown) => {
        setBusy(false);
        onRefused(error);
      },
    );
  };
  const mine = task.claimedBy === user.id;
  const other = Boolean(task.claimedBy) && !mine;
  return (
    <div
      className={`alert ${other ? 'alert-secondary' : 'alert-light border'} d-flex flex-wrap align-items-center gap-2`}
      data-claim={mine ? 'mine' : other ? 'other' : 'open'}
    >
      <span className="me-auto small">
        {mine && '您已认领此任务，其他人不能办理。'}
        {other && `此任务已由${task.claimedByName || '本组其他人'}认领，您只能查看。`}
        {!task.claimedBy && '这是一项组任务，本组任何人都可以办理；认领后只有您可以办理。'}
      </span>
      {!task.claimedBy && (
        <button
          type="button"
          className="btn btn-sm btn-outline-primary"
          disabled={busy}
          onClick={() => act('claim')}
        >
          认领
        </button>
      )}
      {(mine || (other && user.role === 'office')) && (
        <button
          type="button"
          className="btn btn-sm btn-outline-secondary"
          disabled={busy}
          onClick={() => act('unclaim')}
        >
          {mine ? '放弃认领' : '释放认领'}
        </button>
      )}
    </div>
  );
}
