import type { Instance } from '@ddt/store';
import { readRuntimeState } from './instance-state.js';
import { userVariables } from './process-variables.js';

interface SavedDefinition {
  execution?: { processes?: { environment?: { variables?: Record<string, unknown> } }[] };
}

/**
 * The process variables an open task sees, read from the stored state without running an engine: what
 * earlier steps submitted (a 问题清单, a deadline, a score) for the server to pre-fill the task's form.
 */
export function taskVariables(instance: Instance, taskId: string): Record<string, unknown> {
  const state = readRuntimeState(instance.id, instance.state);
  const run = state.runs.find((candidate) => candidate.owns.includes(`task:${taskId}`));
  const processes = (run?.engine as SavedDefinition | undefined)?.execution?.processes ?? [];
  return Object.assign({}, ...processes.map((process) => userVariables(process.environment?.variables)));
}
