import { VersionNumber } from '../../contract/queries.js';
import { type ProgramVersion, ProgramVersionSchema } from '../../contract/records.js';
import type { Store } from '../../contract/store.js';
import { StoreError } from '../../errors.js';
import { assertValid } from '../../validation/assert-valid.js';
import { docOf, type SqliteContext } from '../context.js';

type ProgramOps = Pick<
  Store,
  | 'createProgramVersion'
  | 'getProgramVersion'
  | 'getLatestProgramVersion'
  | 'listProgramVersions'
  | 'setProgramVersionStatus'
>;

const ProgramKey = ProgramVersionSchema.properties.key;

export function programOps(ctx: SqliteContext): ProgramOps {
  return {
    async createProgramVersion(version) {
      assertValid(ProgramVersionSchema, version, '流程版本');
      if (version.id !== `${version.key}@${version.version}`) {
        throw new StoreError('STORE_ERR_INVALID', '流程版本无效：字段 /id 必须为「流程标识@版本号」', {
          what: '流程版本',
          path: '/id',
        });
      }
      await ctx.write(() =>
        ctx
          .statement('INSERT INTO program_versions (id, key, version, status, doc) VALUES (?, ?, ?, ?, ?)')
          .run(version.id, version.key, version.version, version.status, JSON.stringify(version)),
      );
    },
    async getProgramVersion(key, version) {
      assertValid(ProgramKey, key, '流程标识');
      assertValid(VersionNumber, version, '版本号');
      return docOf(
        ctx.statement('SELECT doc FROM program_versions WHERE key = ? AND version = ?').get(key, version),
      );
    },
    async getLatestProgramVersion(key) {
      assertValid(ProgramKey, key, '流程标识');
      return docOf(
        ctx
          .statement(
            "SELECT doc FROM program_versions WHERE key = ? AND status = 'active' ORDER BY version DESC LIMIT 1",
          )
          .get(key),
      );
    },
    async listProgramVersions(key) {
      if (key !== undefined) assertValid(ProgramKey, key, '流程标识');
      const rows =
        key === undefined
          ? ctx.statement('SELECT doc FROM program_versions ORDER BY key, version').all()
          : ctx.statement('SELECT doc FROM program_versions WHERE key = ? ORDER BY version').all(key);
      return rows.map((row) => docOf(row)!);
    },
    async setProgramVersionStatus(key, version, status) {
      assertValid(ProgramKey, key, '流程标识');
      assertValid(VersionNumber, version, '版本号');
      assertValid(ProgramVersionSchema.properties.status, status, '版本状态');
      const row = await ctx.write(() =>
        ctx
          .statement(
            `UPDATE program_versions SET status = ?, doc = json_set(doc, '$.status', ?)
           WHERE key = ? AND version = ? RETURNING doc`,
          )
          .get(status, status, key, version),
      );
      if (row === undefined) {
        throw new StoreError('STORE_ERR_NOT_FOUND', `流程版本不存在：${key}@${version}`, { key, version });
      }
      return docOf<ProgramVersion>(row)!;
    },
  };
}
