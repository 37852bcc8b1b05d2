/** A campaign (督导批次) as a whole. */
export const CAMPAIGN_STATUS_LABELS: Record<string, string> = {
  launching: '正在下发',
  active: '进行中',
  completed: '已完成',
  cancelled: '已撤销',
};

/** One school's process instance within a campaign. */
export const INSTANCE_STATUS_LABELS: Record<string, string> = {
  running: '进行中',
  completed: '已完成',
  failed: '出错',
  cancelled: '已撤销',
};

export const INSTANCE_STATUSES = ['completed', 'running', 'failed', 'cancelled'] as const;
