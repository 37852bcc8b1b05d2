// TypeBox comes with the SDK so that a plugin's schemas are built by the same TypeBox the platform checks
// them with: `import { defineTaskHandler, Type } from '@ddt/sdk'`.
export { type Static, type TSchema, Type } from '@sinclair/typebox';
export { defineTaskHandler, type TaskHandler } from './define-task-handler.js';
export type { FailOptions, Job, JobAcknowledgement, JobLogger } from './job.js';
export {
  PLUGIN_API_VERSION,
  PLUGIN_MANIFEST_FIELD,
  type PluginManifest,
  PluginManifestSchema,
} from './plugin/plugin-manifest.js';
export { isTaskType, TASK_TYPE_MAX_LENGTH, TASK_TYPE_PATTERN } from './task-type.js';
