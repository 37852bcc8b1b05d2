/** A Form.io component as stored in forms/<id>.json (only the fields the linter and simulator read). */
export interface FormComponent {
  type?: string;
  key?: string;
  label?: string;
  input?: boolean;
  disabled?: boolean;
  multiple?: boolean;
  values?: { value: string; label: string }[];
  data?: { values?: { value: string; label: string }[] };
  validate?: Record<string, unknown>;
  properties?: Record<string, unknown>;
  conditional?: { show?: unknown; when?: unknown; eq?: unknown; json?: unknown };
  components?: FormComponent[];
  columns?: { components?: FormComponent[] }[];
  [field: string]: unknown;
}

export interface FormDefinition {
  title?: unknown;
  display?: unknown;
  components?: FormComponent[];
}

const LAYOUTS = new Set(['panel', 'fieldset', 'columns', 'well', 'table', 'tabs', 'htmlelement', 'content']);
const GRIDS = new Set(['datagrid', 'editgrid']);

/** Visits every component, depth first, saying whether it sits in a data-grid row (row keys are not process variables). */
export function walkComponents(
  components: FormComponent[] | undefined,
  visit: (component: FormComponent, insideGrid: boolean) => void,
  insideGrid = false,
): void {
  for (const component of components ?? []) {
    visit(component, insideGrid);
    const nested = insideGrid || GRIDS.has(component.type ?? '');
    if (component.components) walkComponents(component.components, visit, nested);
    for (const column of component.columns ?? []) walkComponents(column.components, visit, nested);
  }
}

/** Whether a component holds a value in the submission (not a layout, not a button). */
export function holdsData(component: FormComponent): boolean {
  return component.input === true && component.type !== 'button' && !LAYOUTS.has(component.type ?? '');
}

/** Top-level value components by key: what a completed task can merge into the process. */
export function topLevelFields(form: FormDefinition): Map<string, FormComponent> {
  const fields = new Map<string, FormComponent>();
  walkComponents(form.components, (component, insideGrid) => {
    if (!insideGrid && holdsData(component) && component.key) fields.set(component.key, component);
  });
  return fields;
}

/** The option values of a radio, select or selectboxes component. */
export function optionValues(component: FormComponent): string[] {
  return (component.values ?? component.data?.values ?? []).map((option) => String(option.value));
}

/** The keys a component's condition reads (simple `when`, or `data.<key>` in JSONLogic). */
export function conditionFields(component: FormComponent): string[] {
  const conditional = component.conditional ?? {};
  const keys: string[] = [];
  if (typeof conditional.when === 'string' && conditional.when !== '') keys.push(conditional.when);
  if (conditional.json !== undefined) {
    for (const [, key] of JSON.stringify(conditional.json).matchAll(
      /"var":"(?:data|row)\.([A-Za-z0-9_]+)/g,
    )) {
      keys.push(String(key));
    }
  }
  return keys;
}
