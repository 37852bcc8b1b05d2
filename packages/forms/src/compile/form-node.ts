import {
  type FormComponent,
  holdsData,
  isPlainObject,
  type ModelType,
  modelTypeOf,
} from '../components/form-component.js';
import { childComponents } from '../components/walk-components.js';

/** What JSON a component's value must be; checked before Form.io sees the data. */
export type ValueKind =
  | 'text'
  | 'number'
  | 'currency'
  | 'boolean'
  | 'choice'
  | 'choices'
  | 'selectboxes'
  | 'rows'
  | 'object'
  | 'files'
  | 'any'
  | 'none';

/** One component of a compiled form, with what every request would otherwise recompute. */
export interface FormNode {
  readonly component: FormComponent;
  readonly key: string;
  readonly type: string;
  readonly modelType: ModelType;
  /** Holds a value in the data (not a layout or content component). */
  readonly holdsData: boolean;
  readonly parent: FormNode | undefined;
  readonly children: FormNode[];
  /** Nearest datagrid/editgrid above, whose rows repeat this component. */
  readonly arrayAncestor: FormNode | undefined;
  /** Form.io `fullPath`: every key from the root, layouts included. */
  readonly fullPath: string;
  /** Form.io `path`: keys of data components only, without row indexes (`rooms.room`). */
  readonly path: string;
  readonly valueKind: ValueKind;
  /** Option values of a radio/select/selectboxes with static options; undefined otherwise. */
  readonly options: readonly unknown[] | undefined;
  /** Label used in messages (Form.io: errorLabel, label, placeholder or key). */
  readonly field: string;
}

export function buildNodes(components: FormComponent[]): FormNode[] {
  const build = (list: FormComponent[], parent: FormNode | undefined, arrayAncestor: FormNode | undefined) =>
    list.map((component) => {
      const key = typeof component.key === 'string' ? component.key : '';
      const type = typeof component.type === 'string' ? component.type : '';
      const modelType = modelTypeOf(component);
      const data = holdsData(component);
      const parentFull = parent?.fullPath ?? '';
      const parentPath = parent?.path ?? '';
      const node: FormNode = {
        component,
        key,
        type,
        modelType,
        holdsData: data,
        parent,
        children: [],
        arrayAncestor,
        fullPath: key ? (parentFull ? `${parentFull}.${key}` : key) : parentFull,
        path: data && key ? (parentPath ? `${parentPath}.${key}` : key) : parentPath,
        valueKind: valueKindOf(component, modelType, data),
        options: optionValues(component),
        field: errorField(component, key),
      };
      const repeats = modelType === 'nestedArray' || modelType === 'nestedDataArray';
      node.children.push(...build(childComponents(component), node, repeats ? node : arrayAncestor));
      return node;
    });
  return build(components, undefined, undefined);
}

/** Every node depth-first, parents first. */
export function allNodes(nodes: readonly FormNode[]): FormNode[] {
  const out: FormNode[] = [];
  const visit = (list: readonly FormNode[]) => {
    for (const node of list) {
      out.push(node);
      visit(node.children);
    }
  };
  visit(nodes);
  return out;
}

function valueKindOf(component: FormComponent, modelType: ModelType, data: boolean): ValueKind {
  if (!data) return 'none';
  const multiple = component.multiple === true;
  switch (component.type) {
    case 'textfield':
    case 'email':
    case 'password':
    case 'phoneNumber':
    case 'url':
      return multiple || component.allowMultipleMasks ? 'any' : 'text';
    case 'textarea':
      return multiple || component.as === 'json' ? 'any' : 'text';
    case 'datetime':
      return multiple ? 'any' : 'text';
    case 'number':
      return multiple ? 'any' : 'number';
    case 'currency':
      return multiple ? 'any' : 'currency';
    case 'checkbox':
      return component.inputType === 'radio' ? 'any' : 'boolean';
    case 'button':
      return 'boolean';
    case 'radio':
      return hasScalarOptions(component) ? 'choice' : 'any';
    case 'select':
      if (!hasScalarOptions(component) || component.dataType === 'object') return 'any';
      return multiple ? 'choices' : 'choice';
    case 'selectboxes':
      return hasScalarOptions(component) ? 'selectboxes' : 'any';
    case 'file':
      return 'files';
    default:
      if (modelType === 'nestedArray') return 'rows';
      if (component.type === 'container') return 'object';
      return 'any';
  }
}

function hasScalarOptions(component: FormComponent): boolean {
  const options = optionValues(component);
  return !!options && options.every((value) => ['string', 'number', 'boolean'].includes(typeof value));
}

/** Static option values, in the places the builder stores them; undefined for url/resource/custom sources. */
function optionValues(component: FormComponent): unknown[] | undefined {
  let list: unknown;
  if (component.type === 'radio' || component.type === 'selectboxes') {
    if (component.dataSrc === 'url') return undefined;
    list = component.values;
  } else if (component.type === 'select') {
    const data = isPlainObject(component.data) ? component.data : {};
    const source = component.dataSrc ?? (Object.hasOwn(data, 'values') ? 'values' : undefined);
    if (source !== 'values') return undefined;
    list = data.values;
  } else {
    return undefined;
  }
  if (!Array.isArray(list)) return undefined;
  return list.map((option) => (isPlainObject(option) ? option.value : undefined));
}

function errorField(component: FormComponent, key: string): string {
  for (const property of ['errorLabel', 'label', 'placeholder']) {
    const value = component[property];
    if (typeof value === 'string' && value) return value;
  }
  return key;
}
