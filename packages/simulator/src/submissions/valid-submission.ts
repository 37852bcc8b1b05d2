import type { FormComponent, FormDefinition } from '@ddt/definitions-linter';
import { optionValues } from '@ddt/definitions-linter';

const LAYOUTS = new Set(['panel', 'fieldset', 'columns', 'well', 'table', 'tabs', 'htmlelement', 'content']);
const PATTERN_SAMPLES = [
  '13800138000',
  '010-12345678',
  '123456',
  '2026-03-02',
  'sim@example.cn',
  'ABC123',
  'abc',
];

/** Local date-time in Beijing time, as Form.io's datetime component submits it. */
export function beijingDateTime(at: Date): string {
  const shifted = new Date(at.getTime() + 8 * 3_600_000);
  return `${shifted.toISOString().slice(0, 19)}+08:00`;
}

/**
 * A submission that fills every field a person could fill (not read-only ones) with a value its rules
 * accept: the default or first option, the minimum number, text of the right length (or matching the
 * pattern), one evidence file of an allowed type, the minimum number of rows. Hidden fields are filled
 * too; validation clears them, as the server does.
 */
export function baseSubmission(form: FormDefinition, now: Date): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  fill(form.components ?? [], data, now);
  return data;
}

function fill(components: FormComponent[], target: Record<string, unknown>, now: Date): void {
  for (const component of components) {
    if (component.columns) {
      for (const column of component.columns) fill(column.components ?? [], target, now);
      continue;
    }
    if (LAYOUTS.has(component.type ?? '') || !component.input) {
      fill(component.components ?? [], target, now);
      continue;
    }
    if (!component.key || component.disabled === true || component.type === 'button') continue;
    const value = valueFor(component, now);
    if (value !== undefined) target[component.key] = value;
  }
}

function valueFor(component: FormComponent, now: Date): unknown {
  const validate = component.validate ?? {};
  switch (component.type) {
    case 'datagrid':
    case 'editgrid': {
      const rows = Math.max(1, Number(validate.minLength ?? 0) || 0);
      return Array.from({ length: rows }, () => {
        const row: Record<string, unknown> = {};
        fill(component.components ?? [], row, now);
        return row;
      });
    }
    case 'container': {
      const inner: Record<string, unknown> = {};
      fill(component.components ?? [], inner, now);
      return inner;
    }
    case 'radio':
    case 'select': {
      const options = optionValues(component);
      const chosen =
        component.defaultValue !== undefined && component.defaultValue !== ''
          ? component.defaultValue
          : options[0];
      if (chosen === undefined) return undefined;
      return component.multiple ? [chosen] : chosen;
    }
    case 'selectboxes': {
      const options = optionValues(component);
      return Object.fromEntries(options.map((option, i) => [option, i === 0]));
    }
    case 'checkbox':
      return true;
    case 'number':
    case 'currency':
      return numberWithin(component);
    case 'datetime':
      return beijingDateTime(now);
    case 'file':
      return [evidenceFile(component)];
    case 'email':
      return 'sim@example.cn';
    case 'hidden':
      return undefined;
    default:
      return textFor(component);
  }
}

export function numberWithin(component: FormComponent): number {
  const validate = component.validate ?? {};
  const min = typeof validate.min === 'number' ? validate.min : Number(validate.min ?? Number.NaN);
  const max = typeof validate.max === 'number' ? validate.max : Number(validate.max ?? Number.NaN);
  let value = Number.isFinite(min) ? min : 0;
  if (Number.isFinite(max) && value > max) value = max;
  return Math.ceil(value);
}

function textFor(component: FormComponent): string {
  const validate = component.validate ?? {};
  if (typeof validate.pattern === 'string' && validate.pattern !== '') {
    const pattern = new RegExp(`^(?:${validate.pattern})$`);
    const sample = PATTERN_SAMPLES.find((candidate) => pattern.test(candidate));
    if (sample) return sample;
  }
  const label = String(component.label ?? component.key ?? '内容').replace(/<[^>]*>/g, '');
  let value = `${label}（模拟填写）`;
  const minLength = Number(validate.minLength ?? 0) || 0;
  const maxLength = Number(validate.maxLength ?? 0) || 0;
  while (value.length < minLength) value += '按要求落实到位。';
  if (maxLength > 0 && value.length > maxLength) value = value.slice(0, maxLength);
  return value;
}

function evidenceFile(component: FormComponent): Record<string, unknown> {
  const pattern = String(component.filePattern ?? '');
  const image = pattern === '' || /image|jpe?g|png|\*/i.test(pattern);
  const [name, type] = image ? ['现场照片.jpg', 'image/jpeg'] : ['印证材料.pdf', 'application/pdf'];
  return { id: `sim-file-${component.key}`, name, size: 2048, type, hash: '' };
}
