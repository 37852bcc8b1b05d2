import { useState } from 'react';
import { campaignApi } from '../api/campaignApi.js';
import { errorMessage } from '../api/client.js';
import { ConfirmDialog } from '../layout/ConfirmDialog.js';

interface CampaignActionsProps {
  campaignId: string;
  active: boolean;
  notSubmittedCount: number;
  /** Something changed on the server: reload the page's data. */
  onDone: (message: string) => void;
  onFailed: (message: string) => void;
}

/** 一键催办 (an in-app notice to every school on the 未提交名单) and 撤销, each after a confirmation. */
export function CampaignActions({
  campaignId,
  active,
  notSubmittedCount,
  onDone,
  onFailed,
}: CampaignActionsProps) {
  const [dialog, setDialog] = useState<'remind' | 'cancel' | null>(null);
  const [message, setMessage] = useState('');
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const [busy, setBusy] = useState(false);

  const close = () => {
    setDialog(null);
    setBusy(false);
    setReasonMissing(false);
  };
  const remind = () => {
    setBusy(true);
    campaignApi.remind(campaignId, message.trim() || undefined).then(
      (result) => {
        close();
        setMessage('');
        onDone(`已向 ${result.reminded} 所学校发送催办通知。`);
      },
      (error: unknown) => {
        close();
        onFailed(errorMessage(error));
      },
    );
  };
  const cancel = () => {
    if (!reason.trim()) {
      setReasonMissing(true);
      return;
    }
    setBusy(true);
    campaignApi.cancel(campaignId, reason.trim()).then(
      (result) => {
        close();
        onDone(`已撤销本批督导，${result.cancelled} 所学校的流程已取消。`);
      },
      (error: unknown) => {
        close();
        onFailed(errorMessage(error));
      },
    );
  };

  return (
    <div className="d-flex flex-wrap gap-2">
      <button
        type="button"
        className="btn btn-sm btn-warning"
        disabled={!active || notSubmittedCount === 0}
        onClick={() => setDialog('remind')}
      >
        一键催办
      </button>
      <button
        type="button"
        className="btn btn-sm btn-outline-danger"
        disabled={!active}
        onClick={() => setDialog('cancel')}
      >
        撤销督导
      </button>
      <ConfirmDialog
        open={dialog === 'remind'}
        title="一键催办"
        confirmLabel={`发送给 ${notSubmittedCount} 所学校`}
        busy={busy}
        onConfirm={remind}
        onCancel={close}
      >
        <p>将向未提交名单中的 {notSubmittedCount} 所学校发送站内催办通知。</p>
        <label htmlFor="remind-message" className="form-label">
          附言（可选）
        </label>
        <textarea
          id="remind-message"
          className="form-control"
          rows={2}
          maxLength={500}
          value={message}
          onChange={(event) => setMessage(event.target.value)}
        />
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === 'cancel'}
        title="撤销督导"
        tone="danger"
        confirmLabel="确认撤销"
        busy={busy}
        onConfirm={cancel}
        onCancel={close}
      >
        <p className="text-danger">
          撤销后所有进行中的学校流程将被取消，待办从各校收件箱中移除，且不能恢复。
        </p>
        <label htmlFor="cancel-reason" className="form-label">
          撤销原因
        </label>
        <textarea
          id="cancel-reason"
          className={`form-control${reasonMissing ? ' is-invalid' : ''}`}
          rows={2}
          maxLength={500}
          value={reason}
          onChange={(event) => {
            setReason(event.target.value);
            setReasonMissing(false);
          }}
        />
        {reasonMissing && <div className="invalid-feedback">请填写撤销原因。</div>}
      </ConfirmDialog>
    </div>
  );
}
