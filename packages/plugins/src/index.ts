export { type BuiltInHandlerOptions, createBuiltInHandlers } from './built-ins/create-built-in-handlers.js';
export {
  type Notification,
  NotificationSchema,
  type NotificationSink,
} from './built-ins/notify/notification.js';
export { createNotifyHandler, NOTIFY_TYPE } from './built-ins/notify/notify-handler.js';
export { NOTIFICATION_ACTION, storeNotifications } from './built-ins/notify/store-notifications.js';
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
export { MAX_HANDLER_TIMEOUT_MS } from './loading/handler-problem.js';
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
