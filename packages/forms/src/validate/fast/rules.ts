import lodash from 'lodash';
import { type FormComponent, isPlainObject } from '../../components/form-component.js';
import { componentHasValue, rules as coreRules } from '../formio-core.js';

/** A @formio/core validation rule (`validateRequired`, `validateMaximumValue`, …). */
export interface CoreRule {
  name: string;
  fullValue?: boolean;
  shouldProcess: (context: RuleContext) => boolean;
  processSync: (context: RuleContext) => CoreRuleError | null;
}

export interface RuleContext {
  component: FormComponent;
  value: unknown;
  data: Record<string, unknown>;
  row: unknown;
  path: string;
  index?: number;
  form: Readonly<Record<string, unknown>>;
  config: { server: true };
  scope: Record<string, unknown>;
}

export interface CoreRuleError {
  errorKeyOrMessage: string;
  ruleName: string;
  context: Record<string, unknown>;
}

const has = (component: FormComponent, setting: string) =>
  isPlainObject(component.validate) && Object.hasOwn(component.validate, setting);
const validate = (component: FormComponent) => (isPlainObject(component.validate) ? component.validate : {});

/**
 * When each core rule can apply at all, read from its `shouldProcess`: rules that can never apply to a
 * component are left out of its plan instead of being asked on every visit. A rule not listed here (a newer
 * @formio/core) is always kept, so leaving one out can only cost time, never a check.
 */
const APPLIES: Record<string, (component: FormComponent) => boolean> = {
  validateDate: (component) => component.type === 'datetime',
  validateDay: (component) => component.type === 'day',
  validateEmail: (component) => component.type === 'email',
  validateJson: (component) => !!validate(component).json && typeof validate(component).json === 'object',
  validateMask: (component) => !!component.inputMask || !lodash.isEmpty(component.inputMasks),
  validateMaximumDay: (component) => component.type === 'day',
  validateMaximumDate: (component) => component.type === 'datetime',
  validateMaximumLength: (component) => has(component, 'maxLength'),
  validateMaximumSelectedCount: (component) => has(component, 'maxSelectedCount'),
  validateMaximumValue: (component) => has(component, 'max'),
  validateMaximumWords: (component) => has(component, 'maxWords'),
  validateMaximumYear: (component) => component.type === 'day',
  validateMinimumDay: (component) => component.type === 'day',
  validateMinimumDate: (component) => component.type === 'datetime',
  validateMinimumLength: (component) => has(component, 'minLength'),
  validateMinimumSelectedCount: (component) => has(component, 'minSelectedCount'),
  validateMinimumValue: (component) => has(component, 'min'),
  validateMinimumWords: (component) => has(component, 'minWords'),
  validateMultiple: (component) => isEligibleForMultiple(component),
  validateRegexPattern: (component) => has(component, 'pattern'),
  validateRequired: (component) => !!validate(component).required,
  validateRequiredDay: (component) => component.type === 'day',
  validateTime: (component) => component.type === 'time',
  validateUrl: (component) => component.type === 'url',
  validateValueProperty: (component) => component.type === 'selectboxes' && component.dataSrc === 'url',
  validateNumber: (component) => component.type === 'number',
  validateCustom: (component) => !!validate(component).custom,
  validateAvailableItems: (component) =>
    !!validate(component).onlyAvailableItems &&
    ['radio', 'select', 'selectboxes'].includes(component.type ?? ''),
};

// @formio/core `validateMultiple.isEligible`.
function isEligibleForMultiple(component: FormComponent): boolean {
  switch (component.type) {
    case 'hidden':
    case 'address':
      return !!component.multiple;
    case 'textarea':
      return component.as === 'json' && !!component.multiple;
    case 'select':
      return false;
    default:
      return true;
  }
}

/** The core rules that may apply to a component, in @formio/core's order (which is the order of its errors). */
export function candidateRules(component: FormComponent): CoreRule[] {
  return (coreRules as CoreRule[]).filter((rule) => {
    const applies = APPLIES[rule.name];
    return applies ? applies(component) : true;
  });
}

/**
 * Shortcuts for the rules every valid submission runs: each returns true only when the core rule is sure to
 * return null (the same test as the rule's own first branch), which saves building an error object that
 * @formio/core builds before it knows whether it needs one.
 */
export function passesWithoutCalling(rule: CoreRule, component: FormComponent, value: unknown): boolean {
  switch (rule.name) {
    case 'validateRequired':
      return componentHasValue(component, value);
    case 'validateNumber':
      return !value || typeof value === 'number';
    case 'validateMultiple':
      return !component.multiple && !Array.isArray(value);
    case 'validateAvailableItems':
      // Same comparison as the rule: strict equality with an option value (radio: `values`, select: `data.values`).
      if (value === null || typeof value === 'object') return false;
      if (component.type === 'radio' && Array.isArray(component.values)) {
        return component.values.some((option) => isPlainObject(option) && option.value === value);
      }
      if (
        component.type === 'select' &&
        isPlainObject(component.data) &&
        Array.isArray(component.data.values)
      ) {
        return component.data.values.some((option) => isPlainObject(option) && option.value === value);
      }
      return false;
    default:
      return false;
  }
}
