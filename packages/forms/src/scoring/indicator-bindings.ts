import type { CompiledForm } from '../compile/compile-form.js';
import { allNodes, type FormNode } from '../compile/form-node.js';
import { isPlainObject } from '../components/form-component.js';

/** A component that answers an indicator: `component.properties.indicator = "<code>"`. */
export interface IndicatorBinding {
  code: string;
  node: FormNode;
  /** Reads every value the component holds in cleaned data: one, or one per datagrid row. */
  read(data: Record<string, unknown>): unknown[];
}

const cache = new WeakMap<CompiledForm, IndicatorBinding[]>();

/** The components of a form that answer indicators, found once per compiled form. */
export function indicatorBindings(form: CompiledForm): IndicatorBinding[] {
  let bindings = cache.get(form);
  if (!bindings) {
    bindings = [];
    for (const node of allNodes(form.nodes)) {
      const properties = node.component.properties;
      const code = isPlainObject(properties) ? properties.indicator : undefined;
      if (typeof code !== 'string' || code.trim() === '' || !node.holdsData) continue;
      bindings.push({ code: code.trim(), node, read: reader(node) });
    }
    cache.set(form, bindings);
  }
  return bindings;
}

function reader(node: FormNode): (data: Record<string, unknown>) => unknown[] {
  const array = node.arrayAncestor;
  if (!array) {
    const segments = node.path.split('.');
    return (data) => {
      const value = follow(data, segments);
      return value === undefined ? [] : [value];
    };
  }
  const arraySegments = array.path.split('.');
  const inRow = node.path.slice(array.path.length + 1).split('.');
  return (data) => {
    const rows = follow(data, arraySegments);
    if (!Array.isArray(rows)) return [];
    const values: unknown[] = [];
    for (const row of rows) {
      const value = follow(row, inRow);
      if (value !== undefined) values.push(value);
    }
    return values;
  };
}

function follow(value: unknown, segments: readonly string[]): unknown {
  let current = value;
  for (const segment of segments) {
    if (!isPlainObject(current) || !Object.hasOwn(current, segment)) return undefined;
    current = current[segment];
  }
  return current;
}
