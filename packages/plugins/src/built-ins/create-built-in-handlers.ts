import type { AnyTaskHandler } from '@ddt/engine';
import type { Store } from '@ddt/store';
import { createNotifyHandler } from './notify/notify-handler.js';
import { storeNotifications } from './notify/store-notifications.js';
import { createScoreHandler } from './score/score-handler.js';
import { storeAssessments } from './score/store-assessments.js';
import { createWebhookHandler } from './webhook/webhook-handler.js';

export interface BuiltInHandlerOptions {
  store: Store;
  now?: () => Date;
  /** Webhook receivers by name (`WEBHOOK_ENDPOINTS`); none: `webhook.post` refuses every job. */
  webhookEndpoints?: unknown;
  webhookTimeoutMs?: number;
}

/**
 * The handlers every server has, built with the same SDK as plugins and given only the narrow
 * store-backed services they need: `notify.send`, `webhook.post`, `assessment.score`.
 */
export function createBuiltInHandlers(options: BuiltInHandlerOptions): AnyTaskHandler[] {
  const now = options.now ?? (() => new Date());
  return [
    createNotifyHandler(storeNotifications(options.store, now)),
    createWebhookHandler({
      endpoints: options.webhookEndpoints ?? {},
      ...(options.webhookTimeoutMs !== undefined && { timeoutMs: options.webhookTimeoutMs }),
    }),
    createScoreHandler(storeAssessments(options.store)),
  ];
}
