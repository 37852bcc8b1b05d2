/** Keys bpmn-elements copies into a process's variables from its run message; they are not ours. */
const engineKeys = new Set(['fields', 'content', 'properties']);

export function userVariables(variables: Record<string, unknown> | undefined): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(variables ?? {})) {
    if (!engineKeys.has(key)) result[key] = value;
  }
  return result;
}
