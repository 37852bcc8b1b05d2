export * from './bundle.js';
export * from './manifest.js';
