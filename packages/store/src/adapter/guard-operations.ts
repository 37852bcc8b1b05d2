import { StoreError } from '../errors.js';

/**
 * Wraps every operation of an adapter so that (1) nothing runs before `init()` has finished and (2)
 * driver failures leave the store as coded `StoreError`s. `init`, `close` and `name` pass through.
 */
export function guardOperations<T extends object>(
  operations: T,
  isReady: () => boolean,
  translateError: (error: unknown) => unknown,
): T {
  const guarded: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(operations)) {
    if (typeof value !== 'function' || key === 'init' || key === 'close') {
      guarded[key] = value;
      continue;
    }
    const operation = value as (...args: unknown[]) => Promise<unknown>;
    guarded[key] = async (...args: unknown[]) => {
      if (!isReady())
        throw new StoreError('STORE_ERR_UNAVAILABLE', '存储尚未初始化或已关闭', { operation: key });
      try {
        return await operation(...args);
      } catch (error) {
        throw translateError(error);
      }
    };
  }
  return guarded as T;
}
