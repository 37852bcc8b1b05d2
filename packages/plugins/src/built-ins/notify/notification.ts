import { type Static, Type } from '@sinclair/typebox';

export const NotificationSeveritySchema = Type.Union([
  Type.Literal('info'),
  Type.Literal('warning'),
  Type.Literal('urgent'),
]);

/** One in-app notification to one recipient (a principal key, like a task's audience). */
export const NotificationSchema = Type.Object({
  /** Derived from the job's idempotency key and the recipient: a re-run delivers nothing new. */
  id: Type.String(),
  /** `user:<id>`, `school:<id>` or `office:<id>`. */
  recipient: Type.String(),
  title: Type.String(),
  message: Type.String(),
  severity: NotificationSeveritySchema,
  instanceId: Type.String(),
  elementId: Type.String(),
  campaignId: Type.String(),
  schoolId: Type.Union([Type.String(), Type.Null()]),
});
export type Notification = Static<typeof NotificationSchema>;

/**
 * Where notifications go. The only thing the notify handler needs from the platform; a deployment can
 * wrap it to also send SMS or WeChat.
 */
export interface NotificationSink {
  /** Stores the notification. Idempotent by `id`: delivering the same id again changes nothing. */
  deliver(notification: Notification): Promise<void>;
}
