import { MongoError, MongoNetworkError, MongoServerError, MongoServerSelectionError } from 'mongodb';
import { StoreError } from '../errors.js';

export const DUPLICATE_KEY = 11000;

export function isDuplicateKey(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === DUPLICATE_KEY;
}

/** Turns a driver failure into a coded `StoreError`; anything else passes through unchanged. */
export function translateMongoError(error: unknown): unknown {
  if (error instanceof StoreError) return error;
  if (isDuplicateKey(error)) {
    return new StoreError('STORE_ERR_DUPLICATE', '记录已存在（唯一键重复）', { cause: String(error) });
  }
  if (error instanceof MongoNetworkError || error instanceof MongoServerSelectionError) {
    return new StoreError('STORE_ERR_UNAVAILABLE', '数据库暂不可用，请稍后重试', { cause: String(error) });
  }
  if (error instanceof MongoError && error.hasErrorLabel('RetryableWriteError')) {
    return new StoreError('STORE_ERR_UNAVAILABLE', '数据库暂不可用，请稍后重试', { cause: String(error) });
  }
  return error;
}
