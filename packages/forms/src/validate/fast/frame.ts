/** Where a component is being visited: its row, its path and what its ancestors decided. */
export interface Frame {
  /** The object holding this component's value (the root data, a datagrid row, a container value); null when missing. */
  row: Record<string, unknown> | null;
  /** Path segments of `row` from the root, for the rare writes into a missing row. */
  rowSegments: string[];
  /** Data path of `row` (`rooms[2]`, `cont`), empty at the root. */
  prefix: string;
  /** The current datagrid row (for conditions on a sibling in the same row); null outside rows. */
  arrayRow: Record<string, unknown> | null;
  /** Where this row's kept values go in the cleaned output. */
  slot: OutputSlot;
  parentConditionallyHidden: boolean;
  parentIntentionallyHidden: boolean;
}

/**
 * A place in the cleaned output that is created on first write, as lodash `set(filtered, path, …)` does in
 * @formio/core's filter processor (a row with no kept value leaves a hole in its array).
 */
export interface OutputSlot {
  /** The object, created (with its parents) if missing. */
  ensure(): Record<string, unknown>;
  /** The object if it exists, without creating it. */
  peek(): Record<string, unknown> | undefined;
}

export function rootSlot(root: Record<string, unknown>): OutputSlot {
  return { ensure: () => root, peek: () => root };
}

/** `parent[key]` as an object (or `parent[key][index]` for a row), created like lodash `set` would. */
export function childSlot(parent: OutputSlot, key: string, index?: number): OutputSlot {
  return {
    ensure() {
      const holder = parent.ensure();
      let value = holder[key];
      if (value === null || typeof value !== 'object') {
        value = index === undefined ? {} : [];
        holder[key] = value;
      }
      if (index === undefined) return value as Record<string, unknown>;
      const list = value as Record<string, unknown>;
      let row = list[index];
      if (row === null || typeof row !== 'object') {
        row = {};
        list[index] = row;
      }
      return row as Record<string, unknown>;
    },
    peek() {
      const holder = parent.peek();
      const value = holder?.[key];
      if (value === null || typeof value !== 'object') return undefined;
      if (index === undefined) return value as Record<string, unknown>;
      const row = (value as Record<string, unknown>)[index];
      return row !== null && typeof row === 'object' ? (row as Record<string, unknown>) : undefined;
    },
  };
}

const INDEX = /^(?:0|[1-9]\d*)$/;

/** lodash `set` for a path given as segments: missing parents become arrays before an index, objects otherwise. */
export function setDeep(root: Record<string, unknown>, segments: readonly string[], value: unknown): void {
  let holder: Record<string, unknown> = root;
  for (let index = 0; index < segments.length - 1; index++) {
    const key = segments[index]!;
    let next = holder[key];
    if (next === null || typeof next !== 'object') {
      next = INDEX.test(segments[index + 1]!) ? [] : {};
      holder[key] = next;
    }
    holder = next as Record<string, unknown>;
  }
  holder[segments[segments.length - 1]!] = value;
}

/** lodash `get` along segments. */
export function getDeep(root: unknown, segments: readonly string[]): unknown {
  let value = root;
  for (const segment of segments) {
    if (value === null || value === undefined) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}
