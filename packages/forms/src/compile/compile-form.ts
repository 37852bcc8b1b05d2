import { type FormComponent, isPlainObject } from '../components/form-component.js';
import { walkComponents } from '../components/walk-components.js';
import { FormsError } from '../errors.js';
import { checkFormSafety } from '../safety/check-form-safety.js';
import { type FastPlan, planFastEngine } from '../validate/fast/plan.js';
import { buildNodes, type FormNode } from './form-node.js';

/**
 * A Form.io form prepared once per published version: a private copy with the server's settings forced
 * on, its component tree indexed, and a fast validation plan when the form only uses what the fast engine
 * covers. Share it between requests; validation never changes it.
 */
export class CompiledForm {
  /** Which engine validates submissions; `reference` is @formio/core's processSync. */
  readonly engine: 'fast' | 'reference';
  /** Why the fast engine does not cover this form (for logs and the definitions linter). */
  readonly fallbackReason: string | undefined;

  /** @internal */
  constructor(
    /** The prepared copy of the form (onlyAvailableItems and calculateServer forced on). */
    readonly form: Readonly<Record<string, unknown>>,
    /** @internal The prepared components, as @formio/core receives them. */
    readonly components: FormComponent[],
    /** @internal */
    readonly nodes: readonly FormNode[],
    /** @internal */
    readonly fastPlan: FastPlan | undefined,
    fallbackReason: string | undefined,
  ) {
    this.engine = fastPlan ? 'fast' : 'reference';
    this.fallbackReason = fallbackReason;
  }
}

/**
 * Prepares a Form.io form for validation. Refuses (FormsError) a form that is not a form or that carries
 * JavaScript: `FORM_ERR_JAVASCRIPT` lists the problems checkFormSafety found. The input is not changed.
 */
export function compileForm(form: Record<string, unknown>): CompiledForm {
  if (!isPlainObject(form) || !Array.isArray(form.components)) {
    throw new FormsError('FORM_ERR_INVALID_FORM', '表单格式错误：缺少 components 数组。');
  }
  const problems = checkFormSafety(form);
  if (problems.length > 0) {
    const first = problems[0]!;
    const more = problems.length > 1 ? `（另有 ${problems.length - 1} 处）` : '';
    throw new FormsError('FORM_ERR_JAVASCRIPT', `表单含有不允许的代码：${first.message}${more}`, problems);
  }
  const prepared = structuredClone(form) as Record<string, unknown> & { components: FormComponent[] };
  walkComponents(prepared.components, ({ component, fullPath }) => {
    if (
      !component.key &&
      component.type &&
      component.input !== false &&
      !Array.isArray(component.components)
    ) {
      throw new FormsError(
        'FORM_ERR_INVALID_FORM',
        `表单格式错误：组件“${component.label ?? fullPath}”缺少键名。`,
      );
    }
    forceServerSettings(component);
  });
  const nodes = buildNodes(prepared.components);
  const planned = planFastEngine(nodes);
  return new CompiledForm(
    prepared,
    prepared.components,
    nodes,
    planned.plan,
    planned.plan ? undefined : planned.reason,
  );
}

/**
 * What the server enforces whatever the form says: choices must be among the options, and calculated
 * values are computed on the server (the value the browser sends is ignored).
 */
function forceServerSettings(component: FormComponent) {
  if (component.type === 'select' || component.type === 'radio' || component.type === 'selectboxes') {
    component.validate = {
      ...(isPlainObject(component.validate) ? component.validate : {}),
      onlyAvailableItems: true,
    };
  }
  if (isPlainObject(component.calculateValue) || Array.isArray(component.calculateValue)) {
    component.calculateServer = true;
  }
}
