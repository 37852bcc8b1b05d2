export * from './contract/indexes.js';
export * from './contract/queries.js';
export * from './contract/records.js';
export * from './contract/store.js';
export { createStoreFromEnv } from './create-store-from-env.js';
export * from './errors.js';
export { createMongoStore, type MongoStore, type MongoStoreOptions } from './mongodb/create-mongo-store.js';
export {
  createSqliteStore,
  type SqliteStore,
  type SqliteStoreOptions,
} from './sqlite/create-sqlite-store.js';
