import { VersionNumber } from '../../contract/queries.js';
import { Id, type Instance } from '../../contract/records.js';
import type { Store } from '../../contract/store.js';
import { StoreError } from '../../errors.js';
import { assertValidInstance } from '../../instances/assert-valid-instance.js';
import { assertValid } from '../../validation/assert-valid.js';
import { docOf, type SqliteContext } from '../context.js';
import { insertInstanceRow, updateInstanceRowIfVersion } from '../instance-rows.js';

type InstanceOps = Pick<Store, 'createInstance' | 'getInstance' | 'updateInstance'>;

export function instanceOps(ctx: SqliteContext): InstanceOps {
  const getStored = (id: string) =>
    docOf<Instance>(ctx.statement('SELECT doc FROM instances WHERE id = ?').get(id));

  const create = ctx.db.transaction((instance: Instance) => {
    const existing = getStored(instance.id);
    if (existing) return { created: false, instance: existing };
    insertInstanceRow(ctx, instance);
    return { created: true, instance };
  });

  const update = ctx.db.transaction((instance: Instance, expectedVersion: number) => {
    if (updateInstanceRowIfVersion(ctx, instance, expectedVersion)) return instance;
    const current = ctx.statement('SELECT version FROM instances WHERE id = ?').get(instance.id) as
      | { version: number }
      | undefined;
    if (!current)
      throw new StoreError('STORE_ERR_NOT_FOUND', `流程实例不存在：${instance.id}`, { id: instance.id });
    throw new StoreError('STORE_ERR_CONFLICT', '流程实例已被其他操作修改，请重新读取后再试', {
      id: instance.id,
      expectedVersion,
      actualVersion: current.version,
    });
  });

  return {
    async createInstance(instance) {
      assertValidInstance(instance);
      return create.immediate(instance);
    },
    async getInstance(id) {
      assertValid(Id, id, '流程实例编号');
      return getStored(id);
    },
    async updateInstance(instance, expectedVersion) {
      assertValidInstance(instance);
      assertValid(VersionNumber, expectedVersion, '期望版本号');
      return update.immediate({ ...instance, version: expectedVersion + 1 }, expectedVersion);
    },
  };
}
