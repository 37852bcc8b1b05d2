import type { Store } from './contract/store.js';
import { createMongoStore } from './mongodb/create-mongo-store.js';
import { createSqliteStore } from './sqlite/create-sqlite-store.js';

/**
 * Picks the adapter from configuration alone: MongoDB when `MONGODB_URL` is set (database
 * `MONGODB_DB`, default `ddt`), otherwise the embedded SQLite file in `DDT_DATA_DIR` (default `data`).
 * Call `init()` on the result.
 */
export function createStoreFromEnv(env: Record<string, string | undefined> = process.env): Store {
  const url = env.MONGODB_URL;
  if (url) return createMongoStore({ url, dbName: env.MONGODB_DB ?? 'ddt' });
  return createSqliteStore({ dir: env.DDT_DATA_DIR ?? 'data' });
}
