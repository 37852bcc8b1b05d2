/** A Form.io component as stored in form JSON; only the fields this package reads are typed. */
export interface FormComponent {
  type?: string;
  key?: string;
  label?: string;
  input?: boolean;
  components?: FormComponent[];
  columns?: { components?: FormComponent[] }[];
  rows?: { components?: FormComponent[] }[][];
  [property: string]: unknown;
}

export type ModelType =
  | 'nestedArray'
  | 'nestedDataArray'
  | 'dataObject'
  | 'object'
  | 'map'
  | 'content'
  | 'string'
  | 'number'
  | 'boolean'
  | 'none'
  | 'any';

// Same table as @formio/core 2.8 `MODEL_TYPES_OF_KNOWN_COMPONENTS`, so paths and data shapes agree with it.
const MODEL_TYPES: Record<string, ModelType> = {};
for (const [modelType, types] of Object.entries({
  nestedArray: ['datagrid', 'editgrid', 'datatable', 'dynamicWizard'],
  nestedDataArray: ['tagpad'],
  dataObject: ['form'],
  object: ['container', 'address'],
  map: ['datamap'],
  content: ['htmlelement', 'content'],
  string: ['textfield', 'password', 'email', 'url', 'phoneNumber', 'day', 'datetime', 'time', 'signature'],
  number: ['number', 'currency'],
  boolean: ['checkbox', 'radio'],
  none: ['table', 'well', 'columns', 'fieldset', 'panel', 'tabs'],
} satisfies Record<string, string[]>)) {
  for (const type of types) MODEL_TYPES[type] = modelType as ModelType;
}

export function modelTypeOf(component: FormComponent): ModelType {
  if (typeof component.modelType === 'string') return component.modelType as ModelType;
  const known = component.type ? MODEL_TYPES[component.type] : undefined;
  if (known) return known;
  if (component.input === false || (Array.isArray(component.components) && !component.input)) return 'none';
  return 'any';
}

/** True when the component holds a value in the submission data (not a layout or content component). */
export function holdsData(component: FormComponent): boolean {
  const modelType = modelTypeOf(component);
  return !!component.type && modelType !== 'none' && modelType !== 'content';
}

/** A JSON-like object: its prototype is an `Object.prototype` (of any realm: Jest and vm contexts have their own) or null. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}
