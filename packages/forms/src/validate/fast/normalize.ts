import lodash from 'lodash';
import type { FormComponent } from '../../components/form-component.js';

export type Normalizer = (value: unknown) => unknown;

const identity: Normalizer = (value) => value;

/**
 * The value @formio/core 2.8's normalize processor stores for a component type the fast engine covers
 * (`normalizeProcessSync`), kept to the letter, odd cases included: a radio with `dataType: 'string'` turns
 * a missing value into `"undefined"`, a missing selectboxes value becomes `{}`.
 */
export function normalizerFor(component: FormComponent): Normalizer {
  switch (component.type) {
    case 'email':
      return (value) => (value && typeof value === 'string' ? value.trim().toLowerCase() : value);
    case 'radio':
      return (value) => normalizeRadio(value, component.dataType);
    case 'select':
      return component.multiple
        ? (value) =>
            Array.isArray(value)
              ? value.map((item) => normalizeSelect(component, item))
              : normalizeSelect(component, value)
        : (value) => normalizeSelect(component, value);
    case 'selectboxes':
      return normalizeSelectBoxes;
    case 'number':
      return component.multiple
        ? (value) => (Array.isArray(value) ? value.map(normalizeNumber) : normalizeNumber(value))
        : normalizeNumber;
    default:
      return identity;
  }
}

function normalizeRadio(value: unknown, dataType: unknown): unknown {
  switch (dataType) {
    case 'number':
      return +(value as number);
    case 'string':
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
    case 'boolean':
      return !(!value || String(value) === 'false');
  }
  const equivalent = lodash.toString(value) === Number(value).toString();
  if (!Number.isNaN(Number.parseFloat(value as string)) && Number.isFinite(Number(value)) && equivalent) {
    return +(value as number);
  }
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}

function normalizeSelect(component: FormComponent, value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (lodash.isObject(value) && Object.keys(value).length === 0) return value;
  switch (component.dataType || 'auto') {
    case 'number':
      return selectNumber(value, value);
    case 'boolean':
      return selectBoolean(value);
    case 'string':
      return String(value);
    case 'object':
      return value;
    case 'auto':
      return lodash.isObject(value) ? value : selectBoolean(selectNumber(String(value), value));
    default:
      return value;
  }
}

// The select normalizer's number step compares with the value as submitted, not as already converted.
function selectNumber(current: unknown, submitted: unknown): unknown {
  const numberValue = Number(current);
  const equivalent = String(submitted) === numberValue.toString();
  return !Number.isNaN(numberValue) && Number.isFinite(numberValue) && submitted !== '' && equivalent
    ? numberValue
    : current;
}

function selectBoolean(current: unknown): unknown {
  if (
    typeof current === 'string' &&
    (current.toLowerCase() === 'true' || current.toLowerCase() === 'false')
  ) {
    return current.toLowerCase() === 'true';
  }
  return current;
}

function normalizeSelectBoxes(value: unknown): unknown {
  if (!value) return {};
  if (typeof value !== 'object') return typeof value === 'string' ? { [value]: true } : {};
  if (Array.isArray(value)) {
    const out: Record<string, boolean> = {};
    for (const item of value) out[String(item)] = true;
    return out;
  }
  return value;
}

function normalizeNumber(value: unknown): unknown {
  if (!Number.isNaN(Number.parseFloat(value as string)) && Number.isFinite(Number(value)))
    return +(value as number);
  return undefined;
}
