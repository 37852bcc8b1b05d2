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
