/** Unit and integration tests: Node only, no browser, no LibreOffice. */
module.exports = {
  testEnvironment: 'node',
  // Jest's default leaves a core idle (cores - 1 workers); the suites are CPU-bound and independent.
  maxWorkers: '100%',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/', '<rootDir>/test/files/'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }],
  },
};
