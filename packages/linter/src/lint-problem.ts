import { type Static, Type } from '@sinclair/typebox';
import { LINT_CODES, type LintCode } from './lint-codes.js';

export const LintSeveritySchema = Type.Union([Type.Literal('error'), Type.Literal('warning')]);
export type LintSeverity = Static<typeof LintSeveritySchema>;

/**
 * One finding of the definitions linter. `error` blocks publishing; `warning` is shown to the author
 * but does not. The message (Chinese) names what is wrong and what to change; `messageEn` says the
 * same in English for developers.
 */
export const LintProblemSchema = Type.Object(
  {
    code: Type.String({ pattern: '^LINT_(ERR|WARN)_[A-Z0-9_]+$' }),
    severity: LintSeveritySchema,
    /** `program.json`, `process.bpmn` or `forms/<id>.json`. */
    file: Type.String(),
    /** The BPMN element (or program.json entry: parameter key, indicator code) concerned, if any. */
    elementId: Type.Union([Type.String(), Type.Null()]),
    /** The form component key concerned, for problems in a form. */
    componentKey: Type.Union([Type.String(), Type.Null()]),
    message: Type.String(),
    messageEn: Type.String(),
  },
  { additionalProperties: false },
);
export type LintProblem = Static<typeof LintProblemSchema>;

export interface ProblemLocation {
  file: string;
  elementId?: string | null;
  componentKey?: string | null;
}

/** Builds a problem; severity and the English summary come from the code table. */
export function lintProblem(
  code: LintCode,
  where: ProblemLocation,
  message: string,
  detailEn?: string,
): LintProblem {
  const entry = LINT_CODES[code];
  return {
    code,
    severity: entry.severity,
    file: where.file,
    elementId: where.elementId ?? null,
    componentKey: where.componentKey ?? null,
    message,
    messageEn: detailEn ? `${entry.en}: ${detailEn}` : entry.en,
  };
}
