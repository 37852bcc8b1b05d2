import { StoreError } from '../errors.js';

/** Turns a better-sqlite3 failure into a coded `StoreError`; anything else passes through unchanged. */
export function translateSqliteError(error: unknown): unknown {
  if (error instanceof StoreError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return error;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return new StoreError('STORE_ERR_DUPLICATE', '记录已存在（唯一键重复）', {
      sqliteCode: code,
      cause: String(error),
    });
  }
  // Other constraint failures are bugs in the adapter, not conditions a caller can handle.
  if (code.startsWith('SQLITE_CONSTRAINT')) return error;
  return new StoreError('STORE_ERR_UNAVAILABLE', '数据库暂不可用，请稍后重试', {
    sqliteCode: code,
    cause: String(error),
  });
}
