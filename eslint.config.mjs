// Lint: TypeScript's recommended rules plus the layer boundaries of docs/architecture.md.
// core ← excel, cli ← taskpane ← preview; imports only ever point inward.
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'worker_threads', 'url', 'crypto', 'stream', 'util', 'zlib', 'http', 'https'];
const nodeImports = ['node:*', ...nodeBuiltins, ...nodeBuiltins.map((m) => `${m}/*`)];
const uiImports = ['react', 'react/*', 'react-dom', 'react-dom/*', '@fluentui/*'];
const officeImports = ['@microsoft/office-js', 'office-addin-*'];

const LAYER_MESSAGE = 'This import crosses a layer boundary (see docs/architecture.md).';
// The outer layers see core through its public surface only: src/core/index.ts.
const coreInternals = { group: ['**/core/**'], message: "Import core through its public surface, src/core/index.ts ('../core'), not its internals." };
// The barrel itself ('../core'): a gitignore pattern for `core` would also match everything under it.
const coreBarrel = { regex: '(^|/)core(/index)?$', message: LAYER_MESSAGE };
// Each entry is a gitignore-style group (a group may carry `!` exceptions: `['**/excel/*', '!**/excel/host']`),
// or a pattern object with its own message.
const restrict = (patterns) => ({
  'no-restricted-imports': [
    'error',
    { patterns: patterns.map((group) => (typeof group === 'object' && !Array.isArray(group) ? group : { group: Array.isArray(group) ? group : [group], message: LAYER_MESSAGE })) },
  ],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // core is pure: no Office, no React, no Node, no ExcelJS, and nothing of the outer layers.
    files: ['src/core/**/*.ts'],
    rules: restrict([...nodeImports, ...uiImports, ...officeImports, 'exceljs', '**/excel/**', '**/cli/**', '**/taskpane/**', '**/preview/**', '**/office-memory/**']),
  },
  {
    // The in-memory Excel is a stand-in for Office.js: it knows nothing of the project, except
    // core's A1 address module, which imports nothing.
    files: ['src/office-memory/**/*.ts'],
    rules: restrict([...nodeImports, ...uiImports, 'exceljs', coreBarrel, ['**/core/*', '!**/core/grid', '**/core/grid/*', '!**/core/grid/address'], '**/excel/**', '**/cli/**', '**/taskpane/**', '**/preview/**']),
  },
  {
    files: ['src/excel/**/*.ts'],
    rules: restrict([...nodeImports, ...uiImports, 'exceljs', '**/cli/**', '**/taskpane/**', '**/preview/**', '**/office-memory/**', coreInternals]),
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: restrict([...uiImports, ...officeImports, '**/excel/**', '**/taskpane/**', '**/preview/**', '**/office-memory/**', coreInternals]),
  },
  {
    // The pane talks to Excel only through the host interface in src/excel/host.ts.
    files: ['src/taskpane/**/*.ts', 'src/taskpane/**/*.tsx'],
    rules: restrict([...nodeImports, ...officeImports, 'exceljs', '**/cli/**', '**/preview/**', '**/office-memory/**', '**/addin/**', ['**/excel/*', '!**/excel/host'], coreInternals]),
  },
  {
    // The composition roots: the add-in page (pane + Office adapter) and the preview (pane +
    // adapter + in-memory Excel). Nothing imports them.
    files: ['src/addin/**/*.ts', 'src/addin/**/*.tsx'],
    rules: restrict([...nodeImports, 'exceljs', '**/cli/**', '**/preview/**', '**/office-memory/**', coreInternals]),
  },
  {
    files: ['src/preview/**/*.ts', 'src/preview/**/*.tsx'],
    rules: restrict([...nodeImports, 'exceljs', '**/cli/**', '**/addin/**', coreInternals]),
  },
);
