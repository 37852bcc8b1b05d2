import { createHash } from 'node:crypto';
import { defineTaskHandler } from '@ddt/sdk';
import { Type } from '@sinclair/typebox';
import { NotificationSeveritySchema, type NotificationSink } from './notification.js';

export const NOTIFY_TYPE = 'notify.send';

/** `null` entries are allowed and skipped: `"user:" + school.inspectorId` is null with no inspector. */
export const NotifyInputSchema = Type.Object({
  recipients: Type.Array(Type.Union([Type.String({ pattern: '^(user|school|office):.+$' }), Type.Null()]), {
    maxItems: 1000,
  }),
  title: Type.String({ minLength: 1, maxLength: 200 }),
  message: Type.String({ maxLength: 5000 }),
  severity: Type.Optional(NotificationSeveritySchema),
});

export const NotifyOutputSchema = Type.Object({
  /** Distinct recipients notified (0 when every recipient was null). */
  notifiedCount: Type.Integer({ minimum: 0 }),
});

/**
 * `notify.send` (definitions/HANDLERS.md): an in-app notification to each recipient, e.g. a task's
 * assignee (`"user:" + assignee`) or a school's users (`"school:" + school.id`). A re-run after a crash
 * delivers the same notification ids, so nobody is notified twice.
 */
export function createNotifyHandler(notifications: NotificationSink) {
  return defineTaskHandler({
    type: NOTIFY_TYPE,
    description:
      '站内通知：向接收人（用户、学校或督导室）的待办箱发送通知 / in-app notification to users, schools or offices',
    input: NotifyInputSchema,
    output: NotifyOutputSchema,
    async handler(job) {
      const recipients = [
        ...new Set(job.variables.recipients.filter((recipient): recipient is string => recipient !== null)),
      ];
      for (const recipient of recipients) {
        await notifications.deliver({
          id: notificationId(job.idempotencyKey, recipient),
          recipient,
          title: job.variables.title,
          message: job.variables.message,
          severity: job.variables.severity ?? 'info',
          instanceId: job.instanceId,
          elementId: job.elementId,
          campaignId: job.campaignId,
          schoolId: job.schoolId,
        });
      }
      return job.complete({ notifiedCount: recipients.length });
    },
  });
}

function notificationId(idempotencyKey: string, recipient: string): string {
  return `notification:${createHash('sha256').update(`${idempotencyKey}\n${recipient}`).digest('hex').slice(0, 40)}`;
}
