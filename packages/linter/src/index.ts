export { analyseFeel, type FeelAnalysis, type FeelReference, isFeelText } from './feel/feel-references.js';
export { LINT_CODES, type LintCode } from './lint-codes.js';
export {
  type LintProblem,
  LintProblemSchema,
  type LintSeverity,
  LintSeveritySchema,
} from './lint-problem.js';
export { type LintProgramOptions, lintProgram } from './lint-program.js';
export { type LintedFolder, lintProgramFolder } from './lint-program-folder.js';
export * from './model/bpmn-model.js';
export { describeSite, type FeelSite, type FeelSiteKind, feelSites } from './model/feel-sites.js';
export * from './model/form-model.js';
export { type ProcessGraph, processGraph, reachable } from './model/process-graph.js';
export {
  DOCUMENTED_HANDLER_OUTPUTS,
  LAUNCH_FIELDS,
  PLATFORM_VARIABLES,
  type ProcessVariables,
  processVariables,
} from './model/process-variables.js';
