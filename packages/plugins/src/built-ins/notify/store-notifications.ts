import { isStoreError, type Store } from '@ddt/store';
import type { Notification, NotificationSink } from './notification.js';

/** The audit action under which notifications are stored; `target` is the recipient's principal key. */
export const NOTIFICATION_ACTION = 'notification.sent';

/**
 * Notifications kept in the store's append-only audit log (the store has no notification records),
 * the way the server's NotificationService keeps them: one event per recipient, `action`
 * `notification.sent`, `target` the principal key (an inbox reads them with `findAudit({ target:
 * 'user:u1', action: 'notification.sent' })`), and the campaign's `officePath` in the detail so an
 * office's audit query covers them.
 */
export function storeNotifications(
  store: Pick<Store, 'appendAudit' | 'getCampaign'>,
  now: () => Date,
): NotificationSink {
  return {
    async deliver(notification: Notification) {
      const { id, recipient, ...rest } = notification;
      const officePath = (await store.getCampaign(notification.campaignId))?.officePath ?? null;
      const detail = { ...rest, officePath };
      try {
        await store.appendAudit({
          id,
          at: now().toISOString(),
          actorId: null,
          action: NOTIFICATION_ACTION,
          target: recipient,
          requestId: null,
          ip: null,
          detail,
        });
      } catch (error) {
        // Already delivered by an earlier attempt of the same job.
        if (!isStoreError(error, 'STORE_ERR_DUPLICATE')) throw error;
      }
    },
  };
}
