import type { Store, User } from '@ddt/store';

/** The office path a user belongs to (its office's, or its school's), for audit events; null if none. */
export async function officePathOfUser(store: Store, user: User | null): Promise<string | null> {
  if (!user) return null;
  if (user.role === 'school') {
    const school = user.schoolId ? await store.getSchool(user.schoolId) : null;
    return school?.officePath ?? null;
  }
  const office = user.officeId ? await store.getOffice(user.officeId) : null;
  return office?.path ?? null;
}
