import { VersionNumber } from '../../contract/queries.js';
import { ProgramVersionSchema } from '../../contract/records.js';
import type { Store } from '../../contract/store.js';
import { StoreError } from '../../errors.js';
import { assertValid } from '../../validation/assert-valid.js';
import { CODECS } from '../codecs.js';
import type { MongoContext } from '../context.js';

type ProgramOps = Pick<
  Store,
  | 'createProgramVersion'
  | 'getProgramVersion'
  | 'getLatestProgramVersion'
  | 'listProgramVersions'
  | 'setProgramVersionStatus'
>;

const ProgramKey = ProgramVersionSchema.properties.key;

export function programOps(ctx: MongoContext): ProgramOps {
  const versions = ctx.collection('programVersions');
  return {
    async createProgramVersion(version) {
      assertValid(ProgramVersionSchema, version, '流程版本');
      if (version.id !== `${version.key}@${version.version}`) {
        throw new StoreError('STORE_ERR_INVALID', '流程版本无效：字段 /id 必须为「流程标识@版本号」', {
          what: '流程版本',
          path: '/id',
        });
      }
      await versions.insertOne(CODECS.programVersions.toDoc(version));
    },
    async getProgramVersion(key, version) {
      assertValid(ProgramKey, key, '流程标识');
      assertValid(VersionNumber, version, '版本号');
      const doc = await versions.findOne({ key, version });
      return doc ? CODECS.programVersions.fromDoc(doc) : null;
    },
    async getLatestProgramVersion(key) {
      assertValid(ProgramKey, key, '流程标识');
      const doc = await versions
        .find({ key, status: 'active' })
        .sort({ key: 1, version: -1 })
        .limit(1)
        .next();
      return doc ? CODECS.programVersions.fromDoc(doc) : null;
    },
    async listProgramVersions(key) {
      if (key !== undefined) assertValid(ProgramKey, key, '流程标识');
      const docs = await versions
        .find(key === undefined ? {} : { key })
        .sort({ key: 1, version: 1 })
        .toArray();
      return docs.map((doc) => CODECS.programVersions.fromDoc(doc));
    },
    async setProgramVersionStatus(key, version, status) {
      assertValid(ProgramKey, key, '流程标识');
      assertValid(VersionNumber, version, '版本号');
      assertValid(ProgramVersionSchema.properties.status, status, '版本状态');
      const doc = await versions.findOneAndUpdate(
        { key, version },
        { $set: { status } },
        { returnDocument: 'after' },
      );
      if (!doc)
        throw new StoreError('STORE_ERR_NOT_FOUND', `流程版本不存在：${key}@${version}`, { key, version });
      return CODECS.programVersions.fromDoc(doc);
    },
  };
}
