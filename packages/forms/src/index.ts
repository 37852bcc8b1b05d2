export { CompiledForm, compileForm } from './compile/compile-form.js';
export { FormsError, type FormsErrorCode } from './errors.js';
export {
  checkFile,
  DEFAULT_MAX_FILE_SIZE,
  DEFAULT_MAX_FILES,
  type FileLimits,
  FileLimitsSchema,
  type FileProblem,
  fileLimitsOf,
} from './evidence/file-limits.js';
export { type FileRef, FileRefSchema } from './evidence/file-ref.js';
export {
  type FileReferenceGroup,
  fileComponents,
  fileReferences,
  resolveFileReferences,
} from './evidence/file-references.js';
export { EVIDENCE_FILE_TYPES, type FileType } from './evidence/file-types.js';
export { type Dictionary, translate } from './i18n/translate.js';
export { zhCN } from './i18n/zh-CN.js';
export { checkFormSafety, isCodeTemplate } from './safety/check-form-safety.js';
export { type FormSafetyProblem, FormSafetyProblemSchema } from './safety/form-safety-problem.js';
export { ALLOWED_JSONLOGIC_OPERATIONS, inspectJsonLogic } from './safety/jsonlogic-policy.js';
export {
  type FieldError,
  FieldErrorSchema,
  type ValidationResult,
  ValidationResultSchema,
} from './schemas/field-error.js';
export { checkIndicatorMapping, type IndicatorMappingProblem } from './scoring/check-indicator-mapping.js';
export {
  type AreaScore,
  AreaScoreSchema,
  type IndicatorScore,
  IndicatorScoreSchema,
  type ScoreSheet,
  ScoreSheetSchema,
} from './scoring/score-sheet.js';
export {
  DEFAULT_LEVEL_FACTORS,
  type SchoolType,
  type ScoreInput,
  scoreSubmission,
} from './scoring/score-submission.js';
export { validateSubmission } from './validate/validate-submission.js';
