export {
  type BulkLaunchArgs,
  BulkLauncher,
  type BulkLauncherOptions,
  type BulkLaunchProgress,
  type BulkLaunchResult,
} from './bulk/bulk-launcher.js';
export {
  type CheckDefinitionOptions,
  checkDefinition,
  lintDefinition,
} from './definition/check-definition.js';
export {
  type CompiledDefinition,
  compileDefinition,
  type ProcessMeta,
  type ProcessScope,
} from './definition/compile-definition.js';
export {
  type DefinitionProblem,
  type DefinitionProblemCode,
  DefinitionProblemCodeSchema,
  DefinitionProblemSchema,
} from './definition/definition-problem.js';
export type {
  ElementMeta,
  MessageCatchMeta,
  ServiceTaskMeta,
  UserTaskMeta,
} from './definition/element-meta.js';
export { isWorkflowError, WorkflowError, type WorkflowErrorCode } from './errors.js';
export { evaluateFeel, isFeel } from './expressions/feel.js';
export { type AnyTaskHandler, HandlerRegistry, MAX_HANDLER_TIMEOUT_MS } from './jobs/handler-registry.js';
export type { CorrelatedMessage, CorrelateMessageArgs } from './runtime/correlate-message.js';
export type { TimerOutcome } from './runtime/fire-timer.js';
export type { IncidentDetail, JobState, RuntimeState } from './runtime/instance-state.js';
export type {
  MigrateInstancesArgs,
  MigrationProblem,
  MigrationProblemCode,
  MigrationReport,
} from './runtime/migrate-instances.js';
export { taskVariables } from './runtime/task-variables.js';
export {
  type CompleteTaskArgs,
  type StartCampaignInstanceArgs,
  type StartInstanceArgs,
  WorkflowRuntime,
  type WorkflowRuntimeOptions,
} from './runtime/workflow-runtime.js';
export {
  type SchedulerPass,
  TimerScheduler,
  type TimerSchedulerOptions,
} from './scheduler/timer-scheduler.js';
