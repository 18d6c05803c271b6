// Lint: TypeScript's recommended rules plus the layer boundaries of docs/architecture.md.
// core ← host ← excel, wps; core ← cli; host ← taskpane ← addin, wps-entry, preview; imports only ever point inward.
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
// The in-memory hosts stand in for Excel and WPS: only the tests and the preview may use them.
// The folders themselves too: `import '../wps-memory'` names the folder's index.
const fakeHosts = ['**/office-memory', '**/office-memory/**', '**/wps-memory', '**/wps-memory/**'];
// Each entry is a gitignore-style group (a group may carry `!` exceptions: `['**/host/*', '!**/host/form-host']`),
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
    rules: restrict([...nodeImports, ...uiImports, ...officeImports, 'exceljs', '**/host/**', '**/excel/**', '**/wps/**', '**/cli/**', '**/taskpane/**', '**/preview/**', ...fakeHosts]),
  },
  {
    // What every host shares (the FormHost interface, the live-check schedule, serial work):
    // core and nothing of any host's API.
    files: ['src/host/**/*.ts'],
    rules: restrict([...nodeImports, ...uiImports, ...officeImports, 'exceljs', '**/excel/**', '**/wps/**', '**/cli/**', '**/taskpane/**', '**/preview/**', '**/addin/**', ...fakeHosts, coreInternals]),
  },
  {
    // The in-memory Excel is a stand-in for Office.js: it knows nothing of the project, except
    // core's A1 address module, which imports nothing.
    files: ['src/office-memory/**/*.ts'],
    rules: restrict([...nodeImports, ...uiImports, 'exceljs', coreBarrel, ['**/core/*', '!**/core/grid', '**/core/grid/*', '!**/core/grid/address'], '**/host/**', '**/excel/**', '**/wps/**', '**/wps-memory/**', '**/cli/**', '**/taskpane/**', '**/preview/**']),
  },
  {
    files: ['src/excel/**/*.ts'],
    rules: restrict([...nodeImports, ...uiImports, 'exceljs', '**/wps/**', '**/cli/**', '**/taskpane/**', '**/preview/**', ...fakeHosts, coreInternals]),
  },
  {
    // The add-in's adapter over the WPS object model (window.Application), beside the Excel one.
    files: ['src/wps/**/*.ts'],
    rules: restrict([...nodeImports, ...uiImports, ...officeImports, 'exceljs', '**/excel/**', '**/cli/**', '**/taskpane/**', '**/preview/**', '**/addin/**', '**/wps-addin/**', ...fakeHosts, coreInternals]),
  },
  {
    // The in-memory WPS stands in for WPS Spreadsheets: it knows nothing of the project, except
    // the WPS object model's types (src/wps/wps-api.ts) and core's A1 address module.
    files: ['src/wps-memory/**/*.ts'],
    rules: restrict([...nodeImports, ...uiImports, ...officeImports, 'exceljs', coreBarrel, ['**/core/*', '!**/core/grid', '**/core/grid/*', '!**/core/grid/address'], '**/host/**', '**/excel/**', ['**/wps/*', '!**/wps/wps-api'], '**/office-memory/**', '**/cli/**', '**/taskpane/**', '**/preview/**', '**/addin/**', '**/wps-addin/**']),
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: restrict([...uiImports, ...officeImports, '**/host/**', '**/excel/**', '**/wps/**', '**/taskpane/**', '**/preview/**', ...fakeHosts, coreInternals]),
  },
  {
    // The pane talks to its host (Excel or WPS) only through the interface in src/host/form-host.ts.
    files: ['src/taskpane/**/*.ts', 'src/taskpane/**/*.tsx'],
    rules: restrict([...nodeImports, ...officeImports, 'exceljs', '**/cli/**', '**/preview/**', ...fakeHosts, '**/addin/**', '**/excel/**', '**/wps/**', ['**/host/*', '!**/host/form-host'], coreInternals]),
  },
  {
    // The composition roots: the add-in page (pane + Office adapter) and the preview (pane +
    // adapter + in-memory Excel). Nothing imports them.
    files: ['src/addin/**/*.ts', 'src/addin/**/*.tsx'],
    rules: restrict([...nodeImports, 'exceljs', '**/cli/**', '**/preview/**', '**/wps/**', '**/wps-addin/**', ...fakeHosts, coreInternals]),
  },
  {
    // The WPS add-in's pages (ribbon and task pane): the pane over the WPS adapter. No office.js.
    files: ['src/wps-addin/**/*.ts', 'src/wps-addin/**/*.tsx'],
    rules: restrict([...nodeImports, ...officeImports, 'exceljs', '**/cli/**', '**/preview/**', '**/excel/**', '**/addin/**', ...fakeHosts, coreInternals]),
  },
  {
    files: ['src/preview/**/*.ts', 'src/preview/**/*.tsx'],
    rules: restrict([...nodeImports, 'exceljs', '**/cli/**', '**/addin/**', '**/wps-addin/**', coreInternals]),
  },
);
