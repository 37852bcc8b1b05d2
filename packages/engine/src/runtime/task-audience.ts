import type { UserTaskMeta } from '../definition/element-meta.js';
import { evaluateFeel, isFeel } from '../expressions/feel.js';

export interface InstanceParties {
  schoolId: string | null;
  inspectorId: string | null;
  officeId: string;
}

export interface ResolvedAssignment {
  assignee: string | null;
  candidateGroups: string[];
  audience: string[];
}

/**
 * Resolves a user task's assignment into principal keys once, when the task opens, so that an inbox is
 * one indexed lookup. Roles are relative to the instance: `school` is its school's users, `inspector`
 * the school's 责任督学, `office` the launching 督导室's admins.
 */
export function resolveAssignment(
  meta: UserTaskMeta,
  variables: Record<string, unknown>,
  parties: InstanceParties,
  now: Date,
): ResolvedAssignment {
  const audience = new Set<string>();
  let assignee: string | null = null;
  if (meta.assignee) {
    const value = isFeel(meta.assignee) ? evaluateFeel(meta.assignee, variables, now) : meta.assignee;
    if (typeof value === 'string' && value !== '') {
      assignee = value;
      audience.add(value === parties.schoolId ? `school:${value}` : `user:${value}`);
    }
  }
  const candidateGroups = listOf(meta.candidateGroups, variables, now);
  for (const group of candidateGroups) {
    if (group === 'school' && parties.schoolId) audience.add(`school:${parties.schoolId}`);
    else if (group === 'inspector' && parties.inspectorId) audience.add(`user:${parties.inspectorId}`);
    else if (group === 'office') audience.add(`office:${parties.officeId}`);
  }
  return { assignee, candidateGroups, audience: [...audience] };
}

function listOf(expression: string | null, variables: Record<string, unknown>, now: Date): string[] {
  if (!expression) return [];
  const value = isFeel(expression) ? evaluateFeel(expression, variables, now) : expression;
  const items = Array.isArray(value) ? value : String(value ?? '').split(',');
  return items.map((item) => String(item).trim()).filter((item) => item !== '');
}
