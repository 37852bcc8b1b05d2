export { type CompiledDefinition, compileDefinition } from './definition/compile-definition.js';
export type { ElementMeta, ServiceTaskMeta, UserTaskMeta } from './definition/element-meta.js';
export { isWorkflowError, WorkflowError, type WorkflowErrorCode } from './errors.js';
export { evaluateFeel, isFeel } from './expressions/feel.js';
export {
  type CompleteTaskArgs,
  type StartInstanceArgs,
  WorkflowRuntime,
  type WorkflowRuntimeOptions,
} from './runtime/workflow-runtime.js';
