import { type Document, MongoBulkWriteError } from 'mongodb';
import { FindInstancesArgsSchema, type InstanceSummary, VersionNumber } from '../../contract/queries.js';
import { Id } from '../../contract/records.js';
import type { Store } from '../../contract/store.js';
import { StoreError } from '../../errors.js';
import { assertValidInstance } from '../../instances/assert-valid-instance.js';
import { assertValidInstances } from '../../instances/assert-valid-instances.js';
import { prefixRange } from '../../queries/prefix-range.js';
import { requireOneOf } from '../../queries/require-one-of.js';
import { assertValid } from '../../validation/assert-valid.js';
import { CODECS } from '../codecs.js';
import type { MongoContext } from '../context.js';
import { findPage } from '../find-page.js';
import { DUPLICATE_KEY, isDuplicateKey } from '../translate-error.js';

type InstanceOps = Pick<
  Store,
  'createInstance' | 'createInstances' | 'getInstance' | 'updateInstance' | 'findInstances'
>;

/**
 * Instances are one document each: engine state (as JSON text), open tasks, timers and awaited
 * messages together, so a workflow step is one `replaceOne` filtered on `{ _id, version }` — atomic on
 * a standalone server, a replica set and a sharded cluster alike, with no multi-document transaction.
 */
export function instanceOps(ctx: MongoContext): InstanceOps {
  const instances = ctx.collection('instances');
  const codec = CODECS.instances;
  return {
    async createInstance(instance) {
      assertValidInstance(instance);
      try {
        await instances.insertOne(codec.toDoc(instance));
        return { created: true, instance };
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        const stored = await instances.findOne({ _id: instance.id });
        if (!stored) throw error;
        return { created: false, instance: codec.fromDoc(stored) };
      }
    },
    async createInstances(batch) {
      assertValidInstances(batch);
      try {
        const result = await instances.insertMany(
          batch.map((instance) => codec.toDoc(instance)),
          { ordered: false },
        );
        return { created: result.insertedCount, existingIds: [] };
      } catch (error) {
        if (!(error instanceof MongoBulkWriteError)) throw error;
        const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
        if (writeErrors.some((e) => e.code !== DUPLICATE_KEY) || error.err) throw error;
        const existing = new Set(writeErrors.map((e) => e.index));
        return {
          created: error.insertedCount,
          existingIds: batch.filter((_, i) => existing.has(i)).map((instance) => instance.id),
        };
      }
    },
    async getInstance(id) {
      assertValid(Id, id, '流程实例编号');
      const doc = await instances.findOne({ _id: id });
      return doc ? codec.fromDoc(doc) : null;
    },
    async updateInstance(instance, expectedVersion) {
      assertValidInstance(instance);
      assertValid(VersionNumber, expectedVersion, '期望版本号');
      const next = { ...instance, version: expectedVersion + 1 };
      const result = await instances.replaceOne(
        { _id: instance.id, version: expectedVersion },
        codec.toDoc(next),
      );
      if (result.matchedCount === 1) return next;
      const current = await instances.findOne({ _id: instance.id }, { projection: { version: 1 } });
      if (!current)
        throw new StoreError('STORE_ERR_NOT_FOUND', `流程实例不存在：${instance.id}`, { id: instance.id });
      throw new StoreError('STORE_ERR_CONFLICT', '流程实例已被其他操作修改，请重新读取后再试', {
        id: instance.id,
        expectedVersion,
        actualVersion: current.version,
      });
    },
    async findInstances(args) {
      assertValid(FindInstancesArgsSchema, args, '流程实例查询');
      requireOneOf(args, ['campaignId', 'schoolId'], '流程实例查询');
      const filter: Document = {};
      if (args.campaignId !== undefined) filter.campaignId = args.campaignId;
      if (args.schoolId !== undefined) filter.schoolId = args.schoolId;
      if (args.status !== undefined) filter.status = args.status;
      if (args.scope !== undefined) filter.scope = args.scope;
      if (args.districtId !== undefined) filter.districtId = args.districtId;
      if (args.schoolType !== undefined) filter.schoolType = args.schoolType;
      if (args.officePathPrefix !== undefined) {
        const range = prefixRange(args.officePathPrefix);
        filter.officePath = { $gte: range.from, $lt: range.to };
      }
      return findPage(instances, {
        filter,
        sort: ['createdAt', '_id'],
        limit: args.limit,
        cursor: args.cursor,
        projection: { stateJson: 0 },
        decode: (doc) => codec.fromDoc(doc) as InstanceSummary,
        keyOf: (instance) => [instance.createdAt, instance.id],
      });
    },
  };
}
