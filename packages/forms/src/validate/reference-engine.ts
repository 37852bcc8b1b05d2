import type { FormComponent } from '../components/form-component.js';
import { readPath } from '../i18n/object-path.js';
import type { FieldError } from '../schemas/field-error.js';
import { forbidJavaScriptEvaluation, Processors, processSync, rules } from './formio-core.js';
import { renderMessage } from './render-message.js';

export interface EngineResult {
  data: Record<string, unknown>;
  errors: FieldError[];
}

/**
 * Validation by @formio/core's `processSync` with all processors and client rules: the same code the
 * browser runs, as the Form.io server calls it. Used for forms the fast engine does not cover, and as the
 * yardstick the fast engine is tested against.
 */
export function runReferenceEngine(components: FormComponent[], data: Record<string, unknown>): EngineResult {
  forbidJavaScriptEvaluation();
  const working = data;
  const context: Record<string, unknown> = {
    // Simple conditions look their target component up in `form`; without it every condition sees `null`.
    form: { components },
    components,
    data: working,
    processors: Processors,
    rules,
    scope: { errors: [] },
    config: { server: true },
  };
  const scope = processSync(context);
  const errors = scope.errors.map((error): FieldError => {
    const component = error.context.component as FormComponent;
    const path = error.context.path;
    const params = { ...error.context, data: working, row: rowOf(working, path) };
    return {
      path,
      key: typeof component.key === 'string' ? component.key : '',
      rule: error.ruleName,
      message: renderMessage(component, error.errorKeyOrMessage, params),
    };
  });
  return { data: context.data as Record<string, unknown>, errors };
}

/** The object holding the value at `path` (the row of a datagrid field, the root for a top-level one). */
export function rowOf(data: Record<string, unknown>, path: string): unknown {
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
  return cut > 0 ? readPath(data, path.slice(0, cut)) : data;
}
