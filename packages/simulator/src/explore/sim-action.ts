import type { SubmissionVariant } from '../submissions/submission-variants.js';

/** One thing that can happen to an instance in a given state. */
export type SimAction =
  /** Someone submits the form of an open task (or returns it, 退回). */
  | { kind: 'complete'; taskId: string; elementId: string; variant: SubmissionVariant | 'return' }
  /** The office registers a message (complaint, tip, appeal) the instance waits for. */
  | { kind: 'message'; elementId: string; name: string; correlationKey: string | null }
  /** Time passes to the next armed timer, and the scheduler fires what is due. */
  | { kind: 'advance'; to: number }
  /** The scheduler runs a due job; its handler completes, or raises a BPMN error a boundary catches. */
  | { kind: 'job'; timerId: string; elementId: string; error: { code: string; boundaryId: string } | null };

export function describeAction(action: SimAction): string {
  switch (action.kind) {
    case 'complete':
      return action.variant === 'return'
        ? `退回 ${action.elementId}`
        : `提交 ${action.elementId}（${action.variant.label}）`;
    case 'message':
      return `消息 ${action.name} → ${action.elementId}`;
    case 'advance':
      return `时间推进到 ${new Date(action.to).toISOString()}`;
    case 'job':
      return action.error
        ? `任务处理器 ${action.elementId} 抛出 ${action.error.code}`
        : `任务处理器 ${action.elementId} 完成`;
  }
}
