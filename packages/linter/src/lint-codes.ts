import type { DefinitionProblemCode } from '@ddt/engine';

interface CodeEntry {
  severity: 'error' | 'warning';
  /** What the code means, in English (the Chinese message of each problem says it in context). */
  en: string;
}

/**
 * Every code the linter reports. `LINT_ERR_…` blocks publishing, `LINT_WARN_…` does not. The codes of
 * the engine's BPMN check keep their name without the `DEF_` prefix.
 */
export const LINT_CODES = {
  // program.json and files
  LINT_ERR_MANIFEST: { severity: 'error', en: 'program.json does not match the manifest schema' },
  LINT_ERR_FILE: { severity: 'error', en: 'a program file is missing or is not valid JSON' },
  LINT_ERR_PARAM_DUPLICATE: { severity: 'error', en: 'two parameters have the same key' },
  LINT_ERR_PARAM_DEFAULT: { severity: 'error', en: 'a parameter default does not fit its type or limits' },
  LINT_WARN_PARAM_UNUSED: { severity: 'warning', en: 'a parameter is not used by the process' },

  // BPMN, from the engine's publish check (@ddt/engine checkDefinition)
  LINT_ERR_PARSE: { severity: 'error', en: 'the BPMN cannot be parsed' },
  LINT_ERR_UNKNOWN_CONTENT: { severity: 'error', en: 'the BPMN has elements or attributes nobody knows' },
  LINT_ERR_PROCESS_SCOPE: {
    severity: 'error',
    en: 'one school-scope process and at most one campaign-scope process are required',
  },
  LINT_ERR_SCRIPT_TASK: { severity: 'error', en: 'script tasks run code and are refused' },
  LINT_ERR_EXPRESSION_FORBIDDEN: {
    severity: 'error',
    en: 'dollar-brace expressions are refused; use FEEL (=…)',
  },
  LINT_ERR_CONDITION_NOT_FEEL: { severity: 'error', en: 'a sequence-flow condition is not FEEL' },
  LINT_ERR_FEEL_SYNTAX: { severity: 'error', en: 'a FEEL expression does not parse' },
  LINT_ERR_TIMER_VALUE: { severity: 'error', en: 'a timer value is not FEEL or ISO 8601' },
  LINT_ERR_TIMER_CYCLE_PLACE: {
    severity: 'error',
    en: 'a timer cycle is only allowed on start events and non-interrupting boundary events',
  },
  LINT_ERR_RECURRING_START: {
    severity: 'error',
    en: 'a recurring timer start must be the only start event of its process',
  },
  LINT_ERR_IMPLEMENTATION: {
    severity: 'error',
    en: 'a service task uses implementation; use zeebe:taskDefinition',
  },
  LINT_ERR_TASK_TYPE_MISSING: { severity: 'error', en: 'a service task has no zeebe:taskDefinition type' },
  LINT_ERR_HANDLER_UNKNOWN: {
    severity: 'error',
    en: 'a service task names a handler type nobody registered',
  },
  LINT_ERR_FORM_UNKNOWN: { severity: 'error', en: 'a user task names a form the program does not have' },
  LINT_ERR_MESSAGE_MISSING: { severity: 'error', en: 'a message event names no bpmn:message' },
  LINT_ERR_UNSUPPORTED_ELEMENT: { severity: 'error', en: 'an element the runtime does not run' },
  LINT_ERR_INCLUSIVE_JOIN: { severity: 'error', en: 'an inclusive gateway used as a join' },
  LINT_ERR_PARALLEL_JOIN_AFTER_EXCLUSIVE_JOIN: {
    severity: 'error',
    en: 'a parallel join downstream of an exclusive join fires early in bpmn-elements 17',
  },

  // BPMN, the linter's own rules
  LINT_ERR_FORM_MISSING: { severity: 'error', en: 'a user task names no form' },
  LINT_ERR_ASSIGNMENT_MISSING: {
    severity: 'error',
    en: 'a user task has neither assignee nor candidate groups',
  },
  LINT_ERR_ROLE_UNKNOWN: {
    severity: 'error',
    en: 'candidate groups must be school, inspector, office or a FEEL expression',
  },
  LINT_ERR_ROLE_SCOPE: {
    severity: 'error',
    en: 'a campaign-scope task can only be assigned to the office (there is no school)',
  },
  LINT_WARN_ROLE_FILLED_BY: {
    severity: 'warning',
    en: 'the task role differs from the form filledBy in program.json',
  },
  LINT_WARN_DUE_DATE_MISSING: { severity: 'warning', en: 'a user task has no FEEL due date' },
  LINT_WARN_RETRIES_MISSING: { severity: 'warning', en: 'a service task does not set retries' },
  LINT_ERR_FEEL_VARIABLE_UNKNOWN: {
    severity: 'error',
    en: 'a FEEL expression reads a variable no form, mapping or launch defines',
  },
  LINT_ERR_FEEL_FIELD_UNKNOWN: {
    severity: 'error',
    en: 'a FEEL expression reads a field the launch variable does not have',
  },
  LINT_ERR_PARAM_UNKNOWN: {
    severity: 'error',
    en: 'a FEEL expression reads a parameter program.json does not declare',
  },
  LINT_ERR_GATEWAY_CONDITION_MISSING: {
    severity: 'error',
    en: 'a branch of an exclusive split is neither conditional nor the default',
  },
  LINT_WARN_DEFAULT_FLOW_CONDITION: {
    severity: 'warning',
    en: 'the default flow of a gateway has a condition, which is never evaluated',
  },
  LINT_WARN_CONDITION_PLACEMENT: {
    severity: 'warning',
    en: 'a conditional flow does not leave an exclusive gateway',
  },
  LINT_ERR_EVENT_GATEWAY_TARGET: {
    severity: 'error',
    en: 'an event-based gateway must lead to intermediate catch events',
  },
  LINT_ERR_TIMER_DEFINITION: {
    severity: 'error',
    en: 'a timer must have exactly one of timeDate, timeDuration, timeCycle',
  },
  LINT_ERR_MESSAGE_CORRELATION: {
    severity: 'error',
    en: 'a message needs a FEEL correlation key (zeebe:subscription)',
  },
  LINT_ERR_ERROR_CODE: { severity: 'error', en: 'an error event must name a bpmn:error with an errorCode' },
  LINT_WARN_ERROR_BOUNDARY_PLACE: {
    severity: 'warning',
    en: 'only service tasks raise BPMN errors; this error boundary can never fire',
  },
  LINT_ERR_UNREACHABLE: { severity: 'error', en: 'an element cannot be reached from a start event' },
  LINT_ERR_NO_PATH_TO_END: {
    severity: 'error',
    en: 'no path leads from an element to an end event (a loop without an exit)',
  },

  // Forms
  LINT_ERR_FORM_FILE_MISSING: { severity: 'error', en: 'a form declared in program.json has no file' },
  LINT_ERR_FORM_UNDECLARED: { severity: 'error', en: 'a form file is not declared in program.json' },
  LINT_WARN_FORM_UNUSED: { severity: 'warning', en: 'a declared form is used by no user task' },
  LINT_ERR_FORM_JAVASCRIPT: { severity: 'error', en: 'a form contains JavaScript' },
  LINT_ERR_FORM_JSONLOGIC: { severity: 'error', en: 'a form uses JSONLogic outside the allowed set' },
  LINT_ERR_FORM_COMPONENT_KEY: { severity: 'error', en: 'a component key reaches an object prototype' },
  LINT_ERR_FORM_COMPILE: { severity: 'error', en: 'the form does not compile' },
  LINT_ERR_FORM_SHAPE: {
    severity: 'error',
    en: 'the form is not a Form.io form (title, display, components)',
  },
  LINT_ERR_FORM_DUPLICATE_KEY: { severity: 'error', en: 'two components of a form have the same key' },
  LINT_WARN_FORM_KEY_STYLE: { severity: 'warning', en: 'component keys should be camelCase' },
  LINT_WARN_FORM_LABEL: { severity: 'warning', en: 'an input component has no Chinese label' },
  LINT_ERR_FORM_CONDITION_FIELD: {
    severity: 'error',
    en: 'a condition of a component names a field the form does not have',
  },
  LINT_WARN_CHOICES_NOT_ENFORCED: {
    severity: 'warning',
    en: 'a choice component does not set validate.onlyAvailableItems',
  },
  LINT_ERR_FILE_UPLOAD: {
    severity: 'error',
    en: 'a file component must upload to /api/files (storage url) with a file pattern and size limit',
  },
  LINT_ERR_READONLY_OVERWRITE: {
    severity: 'error',
    en: 'a read-only (disabled) field would be written back into the process',
  },
  LINT_WARN_GATEWAY_FIELD_OPTIONAL: {
    severity: 'warning',
    en: 'a gateway reads a form field that may be left empty or hidden',
  },

  // Indicators
  LINT_ERR_INDICATOR_UNKNOWN: { severity: 'error', en: 'a component names an indicator that is not a leaf' },
  LINT_ERR_INDICATOR_UNMAPPED: { severity: 'error', en: 'no component of the forms rates a leaf indicator' },
  LINT_ERR_INDICATOR_VALUES: { severity: 'error', en: "a component's values cannot express its indicator" },
  LINT_ERR_INDICATOR_FORM: {
    severity: 'error',
    en: 'an indicator set names a form the program does not have',
  },
  LINT_ERR_INDICATOR_OUTSIDE_SET: {
    severity: 'error',
    en: 'a component names an indicator but its form is in no indicator set',
  },
  LINT_ERR_INDICATOR_DUPLICATE: { severity: 'error', en: 'an indicator code appears twice' },
  LINT_ERR_INDICATOR_TWICE: { severity: 'error', en: 'a form rates the same indicator twice' },
  LINT_WARN_INDICATOR_RULE: {
    severity: 'warning',
    en: 'a leaf indicator should state its rule (and maxScore unless rule is pass)',
  },
  LINT_ERR_GRADE_BANDS: { severity: 'error', en: 'grade bands must go from highest to 0' },
} as const satisfies Record<string, CodeEntry>;

export type LintCode = keyof typeof LINT_CODES;

/** The linter code of an engine definition problem (`DEF_FEEL_SYNTAX` → `LINT_ERR_FEEL_SYNTAX`). */
export function codeOfDefinitionProblem(code: DefinitionProblemCode): LintCode {
  return `LINT_ERR_${code.replace(/^DEF_/, '')}` as LintCode;
}
