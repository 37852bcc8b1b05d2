const dateTime = new Intl.DateTimeFormat('zh-CN', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** `2025/09/01 17:00` in the browser's time zone, or a dash for a missing date. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

export type DueState = 'none' | 'overdue' | 'soon' | 'later';

const SOON_MS = 3 * 24 * 60 * 60 * 1000;

/** Whether a due date has passed, falls within three days, or is further away. */
export function dueState(dueAt: string | null, now: Date = new Date()): DueState {
  if (!dueAt) return 'none';
  const left = new Date(dueAt).getTime() - now.getTime();
  if (Number.isNaN(left)) return 'none';
  if (left < 0) return 'overdue';
  return left <= SOON_MS ? 'soon' : 'later';
}
