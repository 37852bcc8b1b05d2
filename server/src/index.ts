export { type AppOptions, createServer, platform } from './app.js';
export { createServices } from './create-services.js';
export type { Services } from './plugins/services.js';
export { DEMO_PASSWORD, seedDemoCounty } from './seed/demo-county.js';
