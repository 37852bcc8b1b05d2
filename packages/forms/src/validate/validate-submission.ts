import { CompiledForm } from '../compile/compile-form.js';
import { isPlainObject } from '../components/form-component.js';
import { translate } from '../i18n/translate.js';
import type { FieldError, ValidationResult } from '../schemas/field-error.js';
import { cloneData } from './clone-data.js';
import { runFastEngine } from './fast/run.js';
import { forbidJavaScriptEvaluation } from './formio-core.js';
import { type EngineResult, runReferenceEngine } from './reference-engine.js';
import { withoutShadowedErrors } from './shadowed-errors.js';
import { checkValueShapes } from './value-shape-check.js';

/**
 * Validates submitted data against a compiled form, on the server, with the same rules and messages as
 * the browser. Returns the cleaned data (unknown keys stripped, hidden values cleared, calculated values
 * recomputed, numbers given as text turned into numbers) or every error. The input is not changed.
 */
export function validateSubmission(form: CompiledForm, data: unknown): ValidationResult {
  return validateWith(form, data, form.engine);
}

/** @internal Same as validateSubmission with a chosen engine; the differential tests run both. */
export function validateWith(
  form: CompiledForm,
  data: unknown,
  engine: 'fast' | 'reference',
): ValidationResult {
  const outcome = evaluateSubmission(form, data, engine);
  return outcome.errors.length > 0 ? { ok: false, errors: outcome.errors } : { ok: true, data: outcome.data };
}

/**
 * @internal Errors and cleaned data together, whether or not there are errors: what the differential
 * tests compare between the engines.
 */
export function evaluateSubmission(
  form: CompiledForm,
  data: unknown,
  engine: 'fast' | 'reference',
): { errors: FieldError[]; data: Record<string, unknown> } {
  if (!(form instanceof CompiledForm))
    throw new TypeError('validateSubmission needs a form from compileForm()');
  if (!isPlainObject(data)) {
    const error: FieldError = {
      path: '',
      key: '',
      rule: 'type',
      message: translate('submissionNotObject', {}),
    };
    return { errors: [error], data: {} };
  }
  forbidJavaScriptEvaluation();
  const working = cloneData(data) as Record<string, unknown>;
  const shapes = checkValueShapes(form.nodes, working);
  let result: EngineResult;
  if (engine === 'fast') {
    if (!form.fastPlan) throw new Error(`the fast engine does not cover this form: ${form.fallbackReason}`);
    result = runFastEngine(form.fastPlan, form.form, working);
  } else {
    result = runReferenceEngine(form.components, working);
  }
  return {
    errors: [...shapes.errors, ...withoutShadowedErrors(result.errors, shapes.rejected)],
    data: result.data,
  };
}
