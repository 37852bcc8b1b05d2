import { formatDateTime } from '../format/dates.js';
import type { DraftStatus } from './useDraftAutosave.js';

/** Where the draft stands, under the form: restored, unsaved changes, saving, saved at, or failed. */
/** What the form opened with: the saved draft, the last submission of this step (after a 退回), or nothing. */
export type OpenedFrom = 'draft' | 'previous' | null;

const OPENED: Record<string, string> = {
  draft: '已恢复上次保存的草稿。',
  previous: '已填入上次提交的内容，请按退回意见修改。',
};

export function DraftStatusLine({ status, opened }: { status: DraftStatus; opened: OpenedFrom }) {
  let text: string;
  let className = 'text-secondary';
  switch (status.state) {
    case 'idle':
      text = `${opened ? OPENED[opened] : ''}修改会自动保存为草稿。`;
      break;
    case 'pending':
      text = '有未保存的修改…';
      break;
    case 'saving':
      text = '正在保存草稿…';
      break;
    case 'saved':
      text = `草稿已保存（${formatDateTime(status.savedAt)}）`;
      className = 'text-success';
      break;
    case 'failed':
      text = `草稿未能保存：${status.message}`;
      className = 'text-danger';
      break;
  }
  return (
    <p className={`small mt-2 mb-3 ${className}`} role="status" data-draft-state={status.state}>
      {text}
    </p>
  );
}
