/** A Form.io component as stored in forms/<id>.json (only the fields the checks read). */
export interface FormComponent {
  type?: string;
  key?: string;
  input?: boolean;
  values?: { value: string; label: string }[];
  validate?: Record<string, unknown>;
  properties?: Record<string, unknown>;
  conditional?: Record<string, unknown>;
  components?: FormComponent[];
  columns?: { components?: FormComponent[] }[];
  [field: string]: unknown;
}

export interface FormDefinition {
  title?: unknown;
  display?: unknown;
  components?: FormComponent[];
}

/** Visits every component, depth first, with the data-grid rows it sits in (row keys are not process variables). */
export function walkComponents(
  components: FormComponent[],
  visit: (component: FormComponent, insideGrid: boolean) => void,
  insideGrid = false,
): void {
  for (const component of components) {
    visit(component, insideGrid);
    const nestedInGrid = insideGrid || ['datagrid', 'editgrid'].includes(component.type ?? '');
    if (component.components) walkComponents(component.components, visit, nestedInGrid);
    for (const column of component.columns ?? [])
      walkComponents(column.components ?? [], visit, nestedInGrid);
  }
}

/** Keys a submission of this form can carry at top level (what a completed task merges into the process). */
export function topLevelDataKeys(form: FormDefinition): Set<string> {
  const keys = new Set<string>();
  walkComponents(form.components ?? [], (component, insideGrid) => {
    if (!insideGrid && component.input && component.type !== 'button' && component.key)
      keys.add(component.key);
  });
  return keys;
}

/** Where a form would run JavaScript: string-valued custom logic (JSONLogic objects are fine). */
export function javascriptStrings(form: FormDefinition): string[] {
  const found: string[] = [];
  walkComponents(form.components ?? [], (component) => {
    const where = component.key ?? component.type ?? '?';
    for (const field of ['customConditional', 'calculateValue', 'customDefaultValue']) {
      if (typeof component[field] === 'string' && component[field] !== '') found.push(`${where}.${field}`);
    }
    const custom = component.validate?.custom;
    if (typeof custom === 'string' && custom !== '') found.push(`${where}.validate.custom`);
    const logic = component.logic;
    if (Array.isArray(logic) && JSON.stringify(logic).includes('"javascript"')) found.push(`${where}.logic`);
    const json = component.conditional?.json;
    if (json !== undefined && (typeof json !== 'object' || json === null))
      found.push(`${where}.conditional.json`);
  });
  return found;
}
