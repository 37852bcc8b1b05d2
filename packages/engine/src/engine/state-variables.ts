/**
 * Separates a saved bpmn-elements state into its structure and its variables. bpmn-elements keeps the
 * variables in `environment.variables` objects (of the definition, the process, each sub-process);
 * everything else — brokers, queues, execution ids — is the structure, which is the same for every
 * instance that took the same path (see `launch-template.ts`, `step-template.ts`).
 */

export interface VariableSlot {
  /** Path of the `environment` object whose `variables` this slot holds. */
  path: string[];
  variables: Record<string, unknown>;
}

export interface CutState {
  /** The state as JSON with every `environment.variables` replaced by null. */
  structure: string;
  slots: VariableSlot[];
}

export function cutState(state: unknown): CutState {
  const copy = JSON.parse(JSON.stringify(state)) as unknown;
  const slots: VariableSlot[] = [];
  cut(copy, [], slots);
  return { structure: JSON.stringify(copy), slots };
}

/**
 * `cutState` without the deep copy, for a state the caller owns, that is plain JSON data (as parsed from
 * the store) and that nobody changes while the slots are in use: the slots are its own variables
 * objects. The state is left exactly as it was.
 */
export function cutOwnedState(state: unknown): CutState {
  const slots: VariableSlot[] = [];
  cut(state, [], slots);
  let structure: string;
  try {
    structure = JSON.stringify(state);
  } finally {
    for (const slot of slots) {
      let node = state as Record<string, unknown>;
      for (const key of slot.path) node = node[key] as Record<string, unknown>;
      node.variables = slot.variables;
    }
  }
  return { structure, slots };
}

/** Rebuilds a state from its structure and one variables object per slot (in the order of `cutState`). */
export function restoreState(structure: string, slots: VariableSlot[]): Record<string, unknown> {
  const state = JSON.parse(structure) as Record<string, unknown>;
  for (const slot of slots) {
    let node = state;
    for (const key of slot.path) node = node[key] as Record<string, unknown>;
    node.variables = slot.variables;
  }
  return state;
}

/** Whether any string value of `variables` (two characters or more) occurs in the structure. */
export function structureMentions(structure: string, variables: unknown): boolean {
  for (const value of leafStrings(variables, [])) {
    if (structure.includes(JSON.stringify(value))) return true;
  }
  return false;
}

/** The slot of the process itself (not the definition's, not a sub-process's). */
export function processSlot(slots: VariableSlot[]): VariableSlot | undefined {
  return slots.find((slot) => slot.path.length === 4 && slot.path[1] === 'processes');
}

function cut(node: unknown, path: string[], slots: VariableSlot[]): void {
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    const environment = value as { variables?: unknown } | null;
    if (
      key === 'environment' &&
      environment &&
      typeof environment.variables === 'object' &&
      environment.variables
    ) {
      slots.push({ path: [...path, key], variables: environment.variables as Record<string, unknown> });
      environment.variables = null;
    }
    cut(value, [...path, key], slots);
  }
}

function leafStrings(value: unknown, into: string[]): string[] {
  if (typeof value === 'string') {
    if (value.length >= 2) into.push(value);
  } else if (value && typeof value === 'object') {
    for (const entry of Object.values(value)) leafStrings(entry, into);
  }
  return into;
}
