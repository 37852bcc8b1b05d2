export type StoreErrorCode =
  | 'STORE_ERR_CONFLICT'
  | 'STORE_ERR_DUPLICATE'
  | 'STORE_ERR_INVALID'
  | 'STORE_ERR_NOT_FOUND'
  | 'STORE_ERR_UNAVAILABLE';

/** Every failure a store reports on purpose carries one of these codes; callers branch on `code`. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    readonly detail?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export function isStoreError(error: unknown, code?: StoreErrorCode): error is StoreError {
  return error instanceof StoreError && (code === undefined || error.code === code);
}
