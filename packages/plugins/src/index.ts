export { MAX_HANDLER_TIMEOUT_MS } from '@ddt/engine';
export { type BuiltInHandlerOptions, createBuiltInHandlers } from './built-ins/create-built-in-handlers.js';
export type { DocumentArchive, IssuedDocument } from './built-ins/document/document-archive.js';
export { createDocumentHandler, DOCUMENT_TYPE } from './built-ins/document/document-handler.js';
export { DOCUMENT_TEMPLATES, type DocumentTemplate } from './built-ins/document/document-templates.js';
export { DOCUMENT_ACTION, storeDocuments } from './built-ins/document/store-documents.js';
export type { NoticeBoard, Publication } from './built-ins/notice/notice-board.js';
export { createNoticeHandler, NOTICE_TYPE } from './built-ins/notice/notice-handler.js';
export { NOTICE_ACTION, storeNoticeBoard } from './built-ins/notice/store-notice-board.js';
export {
  type Notification,
  NotificationSchema,
  type NotificationSink,
} from './built-ins/notify/notification.js';
export { createNotifyHandler, NOTIFY_TYPE } from './built-ins/notify/notify-handler.js';
export { NOTIFICATION_ACTION, storeNotifications } from './built-ins/notify/store-notifications.js';
export { createRollupHandler, ROLLUP_TYPE, RollupSchema } from './built-ins/rollup/rollup-handler.js';
export type { RolledSubmission, RollupSource } from './built-ins/rollup/rollup-source.js';
export { storeRollupSource } from './built-ins/rollup/store-rollup-source.js';
export { drawSample } from './built-ins/sample/draw-sample.js';
export { createSampleHandler, SAMPLE_TYPE } from './built-ins/sample/sample-handler.js';
export type { SampledSchool, SamplePopulation } from './built-ins/sample/sample-population.js';
export { storeSamplePopulation } from './built-ins/sample/store-sample-population.js';
export type { AssessmentSource } from './built-ins/score/assessment-source.js';
export { createScoreHandler, SCORE_TYPE } from './built-ins/score/score-handler.js';
export { storeAssessments } from './built-ins/score/store-assessments.js';
export {
  ATTEMPT_HEADER,
  DELIVERY_HEADER,
  EVENT_HEADER,
  SIGNATURE_HEADER,
  signBody,
} from './built-ins/webhook/sign-body.js';
export {
  checkWebhookEndpoints,
  type WebhookEndpoint,
  type WebhookEndpoints,
  WebhookEndpointsSchema,
} from './built-ins/webhook/webhook-endpoint.js';
export {
  createWebhookHandler,
  DEFAULT_WEBHOOK_TIMEOUT_MS,
  WEBHOOK_TYPE,
  type WebhookHandlerOptions,
} from './built-ins/webhook/webhook-handler.js';
export { isPluginError, PluginError, type PluginErrorCode } from './errors/plugin-error.js';
export {
  type LoadedHandler,
  type LoadedPlugin,
  type LoadPluginsOptions,
  loadPlugins,
} from './loading/load-plugins.js';
export {
  BUILT_IN,
  type CreateHandlerRegistryArgs,
  createHandlerRegistry,
} from './registry/create-handler-registry.js';
