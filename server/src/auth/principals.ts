import type { User } from '@ddt/store';

/** The principal keys a user acts as; a task is theirs when its audience holds one of them. */
export function principalKeys(user: User): string[] {
  const keys = [`user:${user.id}`];
  if (user.role === 'school' && user.schoolId) keys.push(`school:${user.schoolId}`);
  if (user.role === 'office' && user.officeId) keys.push(`office:${user.officeId}`);
  return keys;
}
