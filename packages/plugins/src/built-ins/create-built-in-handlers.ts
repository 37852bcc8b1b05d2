import type { AnyTaskHandler } from '@ddt/engine';
import type { Store } from '@ddt/store';
import { createDocumentHandler } from './document/document-handler.js';
import { storeDocuments } from './document/store-documents.js';
import { createNoticeHandler } from './notice/notice-handler.js';
import { storeNoticeBoard } from './notice/store-notice-board.js';
import { createNotifyHandler } from './notify/notify-handler.js';
import { storeNotifications } from './notify/store-notifications.js';
import { createRollupHandler } from './rollup/rollup-handler.js';
import { storeRollupSource } from './rollup/store-rollup-source.js';
import { createSampleHandler } from './sample/sample-handler.js';
import { storeSamplePopulation } from './sample/store-sample-population.js';
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
 * store-backed services they need: `notify.send`, `webhook.post`, `assessment.score`, and the
 * platform features the shipped programs use (definitions/HANDLERS.md): `document.generate`,
 * `notice.publish`, `sample.draw`, `rollup.collect`.
 */
export function createBuiltInHandlers(options: BuiltInHandlerOptions): AnyTaskHandler[] {
  const now = options.now ?? (() => new Date());
  const notifications = storeNotifications(options.store, now);
  return [
    createNotifyHandler(notifications),
    createWebhookHandler({
      endpoints: options.webhookEndpoints ?? {},
      ...(options.webhookTimeoutMs !== undefined && { timeoutMs: options.webhookTimeoutMs }),
    }),
    createScoreHandler(storeAssessments(options.store)),
    createDocumentHandler(storeDocuments(options.store), notifications, now),
    createNoticeHandler(storeNoticeBoard(options.store), now),
    createSampleHandler(storeSamplePopulation(options.store)),
    createRollupHandler(storeRollupSource(options.store), now),
  ];
}
