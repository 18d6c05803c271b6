/**
 * Files through LibreOffice: the exported .xlsx printed to PDF and PNG, and saved back after
 * LibreOffice inserts rows. Needs Debian's libreoffice-calc, fonts-noto-cjk and poppler-utils.
 * One LibreOffice profile per run, so the tests run one after the other.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/files'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }],
  },
  maxWorkers: 1,
  testTimeout: 120000,
};
