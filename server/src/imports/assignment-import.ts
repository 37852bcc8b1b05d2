import type { School } from '@ddt/store';
import { type ImportContext, inspectorNamed } from './import-context.js';
import type { Table } from './read-table.js';
import { RowErrors } from './row-errors.js';

export const ASSIGNMENT_COLUMNS = { school: '学校标识码', inspector: '责任督学账号' } as const;

/**
 * Checks a sheet of 挂牌 assignments (school code → inspector username; an empty inspector removes the
 * assignment) for the schools under the import's office, and turns it into the updated school records.
 */
export async function planAssignmentImport(ctx: ImportContext, table: Table) {
  const errors = new RowErrors();
  const records: School[] = [];
  const c = ASSIGNMENT_COLUMNS;
  if (!errors.requireColumns(table, [c.school, c.inspector]))
    return { records, updated: 0, errors: errors.list };
  errors.checkUnique(table, c.school, '学校标识码');
  for (const { row, cells } of table.rows) {
    const before = errors.list.length;
    const schoolId = cells[c.school] ?? '';
    const school = schoolId.length <= 128 && schoolId ? await ctx.store.getSchool(schoolId) : null;
    if (!school?.officePath.startsWith(ctx.office.path) || !ctx.scope.coversPath(school.officePath)) {
      errors.add(row, c.school, `学校「${schoolId}」不存在或不在本级管辖范围`);
      continue;
    }
    const username = cells[c.inspector] ?? '';
    let inspectorId: string | null = null;
    if (username) {
      const inspector = await inspectorNamed(
        { ...ctx, office: { ...ctx.office, path: school.officePath } },
        errors,
        row,
        c.inspector,
        username,
      );
      if (inspector && (await ctx.store.hasConflict(inspector.id, school.id)))
        errors.add(row, c.inspector, `督学「${username}」已声明回避该校，不能担任责任督学`);
      inspectorId = inspector?.id ?? null;
    }
    if (errors.list.length > before) continue;
    records.push({ ...school, inspectorId });
  }
  return { records, updated: records.length, errors: errors.list };
}
