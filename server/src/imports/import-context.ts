import type { Office, Store, User } from '@ddt/store';
import type { AccessScope } from '../scope/access-scope.js';
import type { RowErrors } from './row-errors.js';

/** What every import plan reads: the admin's scope and the office the rows are imported into. */
export interface ImportContext {
  store: Store;
  scope: AccessScope;
  office: Office;
}

/**
 * The inspector a row names by username, if it may be 责任督学 of a school of the import's office: an
 * inspector of an office in the admin's subtree at or above the school's office. Reports the row otherwise.
 */
export async function inspectorNamed(
  ctx: ImportContext,
  errors: RowErrors,
  row: number,
  column: string,
  username: string,
): Promise<User | null> {
  const user = await ctx.store.getUserByUsername(username);
  const office = user?.officeId ? await ctx.store.getOffice(user.officeId) : null;
  if (
    user?.role !== 'inspector' ||
    !office ||
    !ctx.scope.coversPath(office.path) ||
    !ctx.office.path.startsWith(office.path)
  ) {
    errors.add(row, column, `督学账号「${username}」不存在或不在本级管辖范围`);
    return null;
  }
  return user;
}
