import { type FormComponent, holdsData, isPlainObject, modelTypeOf } from './form-component.js';

export interface ComponentVisit {
  component: FormComponent;
  /** Keys of every ancestor and the component, layouts included (`page1.rooms.room`): where to find it in the builder. */
  fullPath: string;
  /** Data path without row indexes (`rooms.room`); empty for layout components. */
  dataPath: string;
  /** The nearest ancestor that repeats its children per row (datagrid, editgrid), if any. */
  arrayAncestor: FormComponent | undefined;
  parent: FormComponent | undefined;
}

/** Children of a component in the three shapes Form.io uses: components, columns[], rows[][]. */
export function childComponents(component: FormComponent): FormComponent[] {
  const children: FormComponent[] = [];
  if (Array.isArray(component.columns)) {
    for (const column of component.columns) {
      if (isPlainObject(column) && Array.isArray(column.components)) children.push(...column.components);
    }
  } else if (Array.isArray(component.rows)) {
    for (const row of component.rows) {
      if (!Array.isArray(row)) continue;
      for (const cell of row) {
        if (isPlainObject(cell) && Array.isArray(cell.components)) children.push(...cell.components);
      }
    }
  } else if (Array.isArray(component.components)) {
    children.push(...component.components);
  }
  return children.filter(isPlainObject) as FormComponent[];
}

/** Visits every component depth-first (parents before children). */
export function walkComponents(components: unknown, visit: (entry: ComponentVisit) => void): void {
  if (!Array.isArray(components)) return;
  const step = (
    list: FormComponent[],
    parent: FormComponent | undefined,
    parentFullPath: string,
    parentDataPath: string,
    arrayAncestor: FormComponent | undefined,
  ) => {
    for (const component of list) {
      if (!isPlainObject(component)) continue;
      const key = typeof component.key === 'string' ? component.key : '';
      const fullPath = joinPath(parentFullPath, key);
      const dataPath = holdsData(component) ? joinPath(parentDataPath, key) : parentDataPath;
      visit({ component, fullPath, dataPath: holdsData(component) ? dataPath : '', arrayAncestor, parent });
      const repeats =
        modelTypeOf(component) === 'nestedArray' || modelTypeOf(component) === 'nestedDataArray';
      step(childComponents(component), component, fullPath, dataPath, repeats ? component : arrayAncestor);
    }
  };
  step(components.filter(isPlainObject) as FormComponent[], undefined, '', '', undefined);
}

function joinPath(parent: string, key: string): string {
  if (!key) return parent;
  return parent ? `${parent}.${key}` : key;
}
