import type { School } from '@ddt/store';
import { ownershipFromName, SCHOOL_TYPE_NAMES, schoolTypeFromName } from '../organisation/school-types.js';
import { type ImportContext, inspectorNamed } from './import-context.js';
import type { Table } from './read-table.js';
import { CONTROL_CHARACTERS, ID_PATTERN, RowErrors } from './row-errors.js';

export const SCHOOL_COLUMNS = {
  id: '学校标识码',
  name: '学校名称',
  type: '学校类型',
  ownership: '办学性质',
  district: '责任区',
  inspector: '责任督学账号',
  address: '地址',
  contact: '联系方式',
} as const;

/**
 * Checks a sheet of schools for one county office and turns it into the school records to write. A
 * school code already in the office is updated; a code used by another office is refused. Optional
 * columns left out of the sheet keep the stored values.
 */
export async function planSchoolImport(ctx: ImportContext, table: Table) {
  const errors = new RowErrors();
  const records: School[] = [];
  let updated = 0;
  const c = SCHOOL_COLUMNS;
  if (!errors.requireColumns(table, [c.id, c.name, c.type, c.ownership, c.district]))
    return { records, updated, errors: errors.list };
  if (ctx.office.level !== 'county') {
    errors.add(1, c.district, '学校只能导入到县级督导室');
    return { records, updated, errors: errors.list };
  }
  errors.checkUnique(table, c.id, '学校标识码');
  const districts = new Map((await ctx.store.listDistricts(ctx.office.id)).map((d) => [d.name, d.id]));
  const has = (column: string) => table.header.includes(column);

  for (const { row, cells } of table.rows) {
    const before = errors.list.length;
    const id = cells[c.id] ?? '';
    const name = cells[c.name] ?? '';
    if (!ID_PATTERN.test(id)) errors.add(row, c.id, '学校标识码须为 1–128 位字母、数字或 _ . : @ -');
    if (!name || name.length > 200 || CONTROL_CHARACTERS.test(name))
      errors.add(row, c.name, '学校名称必填，且不超过 200 个字符');
    const type = schoolTypeFromName(cells[c.type] ?? '');
    if (!type)
      errors.add(row, c.type, `学校类型须为以下之一：${Object.values(SCHOOL_TYPE_NAMES).join('、')}`);
    const ownership = ownershipFromName(cells[c.ownership] ?? '');
    if (!ownership) errors.add(row, c.ownership, '办学性质须为「公办」或「民办」');
    const districtId = districts.get(cells[c.district] ?? '');
    if (!districtId) errors.add(row, c.district, `责任区「${cells[c.district] ?? ''}」不存在于本督导室`);
    const address = cells[c.address] ?? '';
    const contact = cells[c.contact] ?? '';
    if (address.length > 500) errors.add(row, c.address, '地址不超过 500 个字符');
    if (contact.length > 200) errors.add(row, c.contact, '联系方式不超过 200 个字符');

    const existing = ID_PATTERN.test(id) ? await ctx.store.getSchool(id) : null;
    if (existing && existing.officeId !== ctx.office.id)
      errors.add(row, c.id, '该学校标识码已被其他督导室的学校使用');
    let inspectorId = existing?.inspectorId ?? null;
    const username = cells[c.inspector] ?? '';
    if (has(c.inspector)) {
      inspectorId = null;
      if (username) {
        const inspector = await inspectorNamed(ctx, errors, row, c.inspector, username);
        if (inspector && (await ctx.store.hasConflict(inspector.id, id)))
          errors.add(row, c.inspector, `督学「${username}」已声明回避该校，不能担任责任督学`);
        inspectorId = inspector?.id ?? null;
      }
    }
    if (errors.list.length > before || !type || !ownership || !districtId) continue;

    const school: School = {
      id,
      name,
      type,
      ownership,
      officeId: ctx.office.id,
      officePath: ctx.office.path,
      districtId,
      inspectorId,
    };
    const keptAddress = has(c.address) ? address : existing?.address;
    const keptContact = has(c.contact) ? contact : existing?.contact;
    if (keptAddress) school.address = keptAddress;
    if (keptContact) school.contact = keptContact;
    if (existing) updated += 1;
    records.push(school);
  }
  return { records, updated, errors: errors.list };
}
