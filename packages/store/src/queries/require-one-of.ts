import { StoreError } from '../errors.js';

/** Refuses a query that gives none of the filters an index can start from. */
export function requireOneOf<T extends object>(
  args: T,
  keys: readonly (keyof T & string)[],
  what: string,
): void {
  if (keys.some((key) => args[key] !== undefined)) return;
  throw new StoreError('STORE_ERR_INVALID', `${what}无效：需要 ${keys.join(' 或 ')} 之一`, {
    what,
    path: `/${keys[0]}`,
  });
}
