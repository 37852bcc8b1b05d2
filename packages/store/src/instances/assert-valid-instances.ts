import type { Instance } from '../contract/records.js';
import { StoreError } from '../errors.js';
import { assertValidInstance } from './assert-valid-instance.js';

/** Checks a batch before any of it is written; the error path starts with the failing item's index. */
export function assertValidInstances(values: unknown): asserts values is Instance[] {
  if (!Array.isArray(values) || values.length === 0 || values.length > 5000) {
    throw new StoreError('STORE_ERR_INVALID', '流程实例批量写入无效：需要 1–5000 个实例', { path: '/' });
  }
  const ids = new Set<string>();
  values.forEach((value, i) => {
    try {
      assertValidInstance(value);
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
      const path = `/${i}${String(error.detail?.path ?? '')}`;
      throw new StoreError('STORE_ERR_INVALID', `第 ${i + 1} 个${error.message}`, { ...error.detail, path });
    }
    if (ids.has(value.id)) {
      throw new StoreError('STORE_ERR_INVALID', `第 ${i + 1} 个流程实例编号重复：${value.id}`, {
        path: `/${i}/id`,
      });
    }
    ids.add(value.id);
  });
}
