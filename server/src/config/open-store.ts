import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createMongoStore, createSqliteStore, type Store } from '@ddt/store';
import type { ServerConfig } from './server-config.js';

/** The embedded SQLite store by default; MongoDB when MONGODB_URL is set. Nothing else differs. */
export async function openStore(config: ServerConfig): Promise<Store> {
  if (!config.mongodbUrl) await mkdir(config.dataDir, { recursive: true });
  const store = config.mongodbUrl
    ? createMongoStore({ url: config.mongodbUrl, dbName: config.mongodbDb })
    : createSqliteStore({ path: join(config.dataDir, 'ddt.sqlite') });
  await store.init();
  return store;
}
