/**
 * End-to-end tests: the production build of the pages, served from dist/ by the tests
 * themselves, driven in Debian's Chromium through playwright-core. `npm run test:e2e`.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.ts'],
  globalSetup: '<rootDir>/test/e2e/support/global-setup.ts',
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }],
  },
  testTimeout: 60000,
  // One browser at a time keeps the machine responsive and the timings honest.
  maxWorkers: 1,
};
