import type { FormSafetyProblem } from './safety/form-safety-problem.js';

export type FormsErrorCode =
  /** The form carries JavaScript (or a template that is code); see `problems`. */
  | 'FORM_ERR_JAVASCRIPT'
  /** The form JSON is not a Form.io form: no `components` array, a component without a key, … */
  | 'FORM_ERR_INVALID_FORM';

/** Thrown by compileForm; a submission is never validated against a form that could run code. */
export class FormsError extends Error {
  override readonly name = 'FormsError';
  constructor(
    readonly code: FormsErrorCode,
    message: string,
    readonly problems: FormSafetyProblem[] = [],
  ) {
    super(message);
  }
}
