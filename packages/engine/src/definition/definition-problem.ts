import { type Static, Type } from '@sinclair/typebox';

export const DefinitionProblemCodeSchema = Type.Union([
  /** The XML cannot be read as BPMN. */
  Type.Literal('DEF_PARSE'),
  /** Elements or attributes bpmn-moddle (with the Zeebe descriptor) does not know. */
  Type.Literal('DEF_UNKNOWN_CONTENT'),
  /** No executable process, no school-scope process, or two processes of one scope. */
  Type.Literal('DEF_PROCESS_SCOPE'),
  /** A script task: definitions never run code. */
  Type.Literal('DEF_SCRIPT_TASK'),
  /** A `${…}` expression anywhere: only FEEL (`=…`) is evaluated. */
  Type.Literal('DEF_EXPRESSION_FORBIDDEN'),
  /** A sequence-flow condition that is not FEEL. */
  Type.Literal('DEF_CONDITION_NOT_FEEL'),
  /** A FEEL expression that does not parse. */
  Type.Literal('DEF_FEEL_SYNTAX'),
  /** A timer value that is neither FEEL nor an ISO 8601 date, duration or cycle. */
  Type.Literal('DEF_TIMER_VALUE'),
  /** A cycle where only a start event or a non-interrupting boundary event may have one. */
  Type.Literal('DEF_TIMER_CYCLE_PLACE'),
  /** A recurring (cycle) timer start that is not its process's only start event. */
  Type.Literal('DEF_RECURRING_START'),
  /** A service task with `implementation` instead of `zeebe:taskDefinition`. */
  Type.Literal('DEF_IMPLEMENTATION'),
  /** A service, send or business-rule task without `zeebe:taskDefinition type`. */
  Type.Literal('DEF_TASK_TYPE_MISSING'),
  /** A task type no registered handler serves. */
  Type.Literal('DEF_HANDLER_UNKNOWN'),
  /** A user task naming a form the program does not have. */
  Type.Literal('DEF_FORM_UNKNOWN'),
  /** A message catch without a named `bpmn:message`. */
  Type.Literal('DEF_MESSAGE_MISSING'),
  /** An element this runtime does not run (complex gateway, call activity, event sub-process, signal…). */
  Type.Literal('DEF_UNSUPPORTED_ELEMENT'),
  /** An inclusive gateway used as a join (bpmn-elements 17 does not wait at it). */
  Type.Literal('DEF_INCLUSIVE_JOIN'),
  /** A parallel join downstream of an exclusive join in the same branch (bpmn-elements 17 fires it early). */
  Type.Literal('DEF_PARALLEL_JOIN_AFTER_EXCLUSIVE_JOIN'),
]);
export type DefinitionProblemCode = Static<typeof DefinitionProblemCodeSchema>;

/** One reason a BPMN cannot be published, with the element concerned and, in the message, what to do. */
export const DefinitionProblemSchema = Type.Object({
  code: DefinitionProblemCodeSchema,
  /** Chinese, says what is wrong and how to fix it. */
  message: Type.String(),
  elementId: Type.Union([Type.String(), Type.Null()]),
});
export type DefinitionProblem = Static<typeof DefinitionProblemSchema>;
