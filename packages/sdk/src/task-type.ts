/**
 * A handler type as written in `<zeebe:taskDefinition type="…">`: lower-case words joined by `.` or `-`
 * (`notify.send`, `webhook.post`, `acme.sms-send`); at most 100 characters. Stable once programs use it.
 */
export const TASK_TYPE_PATTERN = /^[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*$/;
export const TASK_TYPE_MAX_LENGTH = 100;

export function isTaskType(value: unknown): value is string {
  return typeof value === 'string' && value.length <= TASK_TYPE_MAX_LENGTH && TASK_TYPE_PATTERN.test(value);
}
