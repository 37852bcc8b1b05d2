import { FindInstancesArgsSchema, type InstanceSummary, VersionNumber } from '../../contract/queries.js';
import { Id, type Instance } from '../../contract/records.js';
import type { Store } from '../../contract/store.js';
import { StoreError } from '../../errors.js';
import { assertValidInstance } from '../../instances/assert-valid-instance.js';
import { assertValidInstances } from '../../instances/assert-valid-instances.js';
import { prefixRange } from '../../queries/prefix-range.js';
import { requireOneOf } from '../../queries/require-one-of.js';
import { assertValid } from '../../validation/assert-valid.js';
import { docOf, type SqliteContext } from '../context.js';
import {
  type InstanceRow,
  insertInstanceRowIfAbsent,
  instanceRowOf,
  updateInstanceRowIfVersion,
} from '../instance-rows.js';
import { type Condition, selectPage } from '../select-page.js';

type InstanceOps = Pick<
  Store,
  'createInstance' | 'createInstances' | 'getInstance' | 'updateInstance' | 'findInstances'
>;

export function instanceOps(ctx: SqliteContext): InstanceOps {
  const getStored = (id: string) =>
    docOf<Instance>(ctx.statement('SELECT doc FROM instances WHERE id = ?').get(id));

  const create = (row: InstanceRow) => {
    if (insertInstanceRowIfAbsent(ctx, row)) return { created: true, instance: row.instance };
    return { created: false, instance: getStored(row.instance.id)! };
  };

  const createMany = (rows: InstanceRow[]) => {
    let created = 0;
    const existingIds: string[] = [];
    for (const row of rows) {
      if (insertInstanceRowIfAbsent(ctx, row)) created++;
      else existingIds.push(row.instance.id);
    }
    return { created, existingIds };
  };

  const update = (row: InstanceRow, expectedVersion: number) => {
    const outcome = updateInstanceRowIfVersion(ctx, row, expectedVersion);
    const { id } = row.instance;
    if (outcome === 'updated') return row.instance;
    if (outcome === 'missing') {
      throw new StoreError('STORE_ERR_NOT_FOUND', `流程实例不存在：${id}`, { id });
    }
    throw new StoreError('STORE_ERR_CONFLICT', '流程实例已被其他操作修改，请重新读取后再试', {
      id,
      expectedVersion,
    });
  };

  // Rows are prepared (validated, serialised) when the write is asked for, so a caller that changes
  // its object afterwards cannot change what is written; the group commit only runs the statements.
  return {
    async createInstance(instance) {
      assertValidInstance(instance);
      const row = instanceRowOf(instance);
      return ctx.write(() => create(row));
    },
    async createInstances(instances) {
      assertValidInstances(instances);
      const rows = instances.map(instanceRowOf);
      return ctx.write(() => createMany(rows));
    },
    async getInstance(id) {
      assertValid(Id, id, '流程实例编号');
      return getStored(id);
    },
    async updateInstance(instance, expectedVersion) {
      assertValidInstance(instance);
      assertValid(VersionNumber, expectedVersion, '期望版本号');
      const row = instanceRowOf({ ...instance, version: expectedVersion + 1 });
      return ctx.write(() => update(row, expectedVersion));
    },
    async findInstances(args) {
      assertValid(FindInstancesArgsSchema, args, '流程实例查询');
      requireOneOf(args, ['campaignId', 'schoolId'], '流程实例查询');
      const where: Condition[] = [];
      if (args.campaignId !== undefined) where.push(['campaign_id = ?', args.campaignId]);
      if (args.schoolId !== undefined) where.push(['school_id = ?', args.schoolId]);
      if (args.status !== undefined) where.push(['status = ?', args.status]);
      if (args.scope !== undefined) where.push(['scope = ?', args.scope]);
      if (args.districtId !== undefined) where.push(['district_id = ?', args.districtId]);
      if (args.schoolType !== undefined) where.push(['school_type = ?', args.schoolType]);
      if (args.officePathPrefix !== undefined) {
        const range = prefixRange(args.officePathPrefix);
        where.push(['office_path >= ? AND office_path < ?', range.from, range.to]);
      }
      // SQLite drops the engine state before the row reaches JavaScript: lists never parse it.
      return selectPage(ctx, {
        from: "json_remove(doc, '$.state') AS doc FROM instances",
        where,
        orderBy: ['created_at', 'id'],
        limit: args.limit,
        cursor: args.cursor,
        parse: (row) => docOf<InstanceSummary>(row)!,
        keyOf: (instance) => [instance.createdAt, instance.id],
      });
    },
  };
}
