// One Jest run for the whole monorepo. TypeScript is transpiled by swc (type-checking is `turbo run
// typecheck`), tests run as native ESM, and workspace packages resolve to their sources through the
// `source` export condition, so no package has to be built before its dependants are tested.
export default {
  testEnvironment: 'node',
  testEnvironmentOptions: { customExportConditions: ['source', 'node', 'node-addons'] },
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: {
    '^.+\\.tsx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2023' } }],
    '/node_modules/(cookie|content-disposition)/.+\\.js$': ['@swc/jest', { jsc: { target: 'es2023' } }],
  },
  // Fastify's light-my-request and @fastify/static `require()` the ESM-only `cookie` 2 and
  // `content-disposition` 3; Node 20 can, Jest's runtime cannot, so those two are compiled to CommonJS.
  transformIgnorePatterns: [
    '/node_modules/(?!(cookie|content-disposition)/)(?!.*/node_modules/(cookie|content-disposition)/)',
  ],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/{packages,server,tests,designer}/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  setupFiles: ['<rootDir>/tests/setup/jest-env.js'],
  testTimeout: 60000,
};
