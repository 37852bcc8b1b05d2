export * from './contract/indexes.js';
export * from './contract/queries.js';
export * from './contract/records.js';
export * from './contract/store.js';
export * from './errors.js';
export {
  createSqliteStore,
  type SqliteStore,
  type SqliteStoreOptions,
} from './sqlite/create-sqlite-store.js';
