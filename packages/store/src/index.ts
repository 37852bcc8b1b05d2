export * from './contract/records.js';
export * from './contract/store.js';
export * from './errors.js';
