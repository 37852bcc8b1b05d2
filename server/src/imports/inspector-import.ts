import { randomInt, randomUUID } from 'node:crypto';
import type { User, UserPost } from '@ddt/store';
import { passwordProblem } from '../auth/password-policy.js';
import type { ImportContext } from './import-context.js';
import type { Table } from './read-table.js';
import { CONTROL_CHARACTERS, RowErrors, USERNAME_PATTERN } from './row-errors.js';

export const INSPECTOR_COLUMNS = {
  username: '账号',
  name: '姓名',
  kind: '类型',
  password: '初始密码',
} as const;

const POSTS: Record<string, UserPost> = { 专职: 'full_time', 兼职: 'part_time' };

/** An inspector account to write: the record without its password hash, and the password to hash, if any. */
export interface InspectorDraft {
  user: Omit<User, 'passwordHash'> & { passwordHash: string | null };
  /** The new password (given in the sheet or generated for a new account); null keeps the stored one. */
  password: string | null;
  generated: boolean;
}

/**
 * Checks a sheet of inspectors (督学) of the import's office. A username that is already an inspector
 * of this office is updated; any other existing username is refused. A new account without an initial
 * password gets a generated one, reported once in the import result.
 */
export async function planInspectorImport(ctx: ImportContext, table: Table, now: Date) {
  const errors = new RowErrors();
  const drafts: InspectorDraft[] = [];
  let updated = 0;
  const c = INSPECTOR_COLUMNS;
  if (!errors.requireColumns(table, [c.username, c.name])) return { drafts, updated, errors: errors.list };
  errors.checkUnique(table, c.username, '账号');
  for (const { row, cells } of table.rows) {
    const before = errors.list.length;
    const username = cells[c.username] ?? '';
    const name = cells[c.name] ?? '';
    const kind = cells[c.kind] ?? '';
    const password = cells[c.password] ?? '';
    if (!USERNAME_PATTERN.test(username))
      errors.add(row, c.username, '账号须为 2–64 位字母、数字或 _ . @ -，以字母或数字开头');
    if (!name || name.length > 80 || CONTROL_CHARACTERS.test(name))
      errors.add(row, c.name, '姓名必填，且不超过 80 个字符');
    if (kind && !POSTS[kind]) errors.add(row, c.kind, '类型须为「专职」或「兼职」');
    const weak = password ? passwordProblem(password, username) : null;
    if (weak) errors.add(row, c.password, `初始密码不符合要求：${weak}`);
    const existing = USERNAME_PATTERN.test(username) ? await ctx.store.getUserByUsername(username) : null;
    if (existing && (existing.role !== 'inspector' || existing.officeId !== ctx.office.id))
      errors.add(row, c.username, '该账号已被使用');
    if (errors.list.length > before) continue;

    const post = kind ? POSTS[kind] : existing?.post;
    const generated = !existing && !password;
    if (existing) updated += 1;
    drafts.push({
      user: {
        id: existing?.id ?? `u_${randomUUID()}`,
        username,
        displayName: name,
        role: 'inspector',
        ...(post ? { post } : {}),
        officeId: ctx.office.id,
        schoolId: null,
        passwordHash: existing?.passwordHash ?? null,
        createdAt: existing?.createdAt ?? now.toISOString(),
      },
      password: password || (generated ? generatePassword() : null),
      generated,
    });
  }
  return { drafts, updated, errors: errors.list };
}

const LETTERS = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';

/** 12 characters from an alphabet without look-alikes, always with letters and digits. */
function generatePassword(): string {
  const all = LETTERS + DIGITS;
  const chars = [LETTERS[randomInt(LETTERS.length)]!, DIGITS[randomInt(DIGITS.length)]!];
  while (chars.length < 12) chars.push(all[randomInt(all.length)]!);
  return chars.join('');
}
