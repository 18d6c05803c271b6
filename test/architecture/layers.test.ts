/**
 * The layers of docs/architecture.md, held by lint: each row is an import that must be refused (or
 * allowed) in a file of that layer. Linting text under a virtual path runs the project's
 * own eslint.config.mjs, so a rule that stops matching fails here.
 */
import { execFileSync } from 'node:child_process';

// ESLint loads its ESM config by dynamic import, which jest's module system cannot do: lint
// every case in one plain Node process instead.
const LINT_CASES = `
const { ESLint } = require('eslint');
const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));
(async () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const counts = [];
  for (const [filePath, source] of cases) {
    const [result] = await eslint.lintText(source + '\\nexport const probe = 1;\\n', { filePath });
    counts.push(result.messages.filter((m) => m.ruleId === 'no-restricted-imports').length);
  }
  process.stdout.write(JSON.stringify(counts));
})().catch((error) => { console.error(error); process.exit(1); });
`;

const CASES: ReadonlyArray<readonly [string, string, 'refused' | 'allowed']> = [
  ['src/core/probe.ts', "import 'react';", 'refused'],
  ['src/core/probe.ts', "import 'node:fs';", 'refused'],
  ['src/core/probe.ts', "import 'fs';", 'refused'],
  ['src/core/probe.ts', "import 'exceljs';", 'refused'],
  ['src/core/probe.ts', "import '../excel/excel-host';", 'refused'],
  ['src/core/probe.ts', "import './grid/grid';", 'allowed'],
  ['src/excel/probe.ts', "import '../taskpane/view-model';", 'refused'],
  ['src/excel/probe.ts', "import '../cli/main';", 'refused'],
  ['src/excel/probe.ts', "import { checkWorkbook } from '../core';", 'allowed'],
  ['src/excel/probe.ts', "import '../core/check/check-workbook';", 'refused'],
  ['src/excel/probe.ts', "import '../core/rules/indicators/resolve-indicators';", 'refused'],
  ['src/cli/probe.ts', "import '../excel/excel-host';", 'refused'],
  ['src/cli/probe.ts', "import 'react';", 'refused'],
  ['src/cli/probe.ts', "import 'exceljs';", 'allowed'],
  ['src/cli/check/probe.ts', "import { checkWorkbook } from '../../core';", 'allowed'],
  ['src/cli/check/probe.ts', "import '../../core/messages';", 'refused'],
  ['src/taskpane/probe.ts', "import '../excel/excel-host';", 'refused'],
  ['src/taskpane/probe.ts', "import '../office-memory/memory-excel';", 'refused'],
  ['src/taskpane/probe.ts', "import '../host/form-host';", 'allowed'],
  ['src/taskpane/probe.ts', "import { formatIssue } from '../core';", 'allowed'],
  ['src/taskpane/probe.ts', "import '../core/messages';", 'refused'],
  ['src/taskpane/components/probe.tsx', "import type { TemplateId } from '../../core/templates/template';", 'refused'],
  ['src/preview/probe.ts', "import '../core/grid/address';", 'refused'],
  ['src/preview/probe.ts', "import { toA1 } from '../core';", 'allowed'],
  ['src/addin/probe.ts', "import '../core/check/check-workbook';", 'refused'],
  ['src/core/rules/probe.ts', "import '../grid/address';", 'allowed'],
  ['src/office-memory/probe.ts', "import '../core/grid/grid';", 'refused'],
  ['src/office-memory/probe.ts', "import '../core';", 'refused'],
  ['src/office-memory/probe.ts', "import '../core/check/check-workbook';", 'refused'],
  ['src/office-memory/probe.ts', "import { columnIndex } from '../core/grid/address';", 'allowed'],
  ['src/addin/probe.ts', "import '../office-memory/memory-excel';", 'refused'],
  ['src/addin/probe.ts', "import '../excel/office-entry';", 'allowed'],
  ['src/taskpane/probe.ts', "import '../host/serial-work';", 'refused'],
  ['src/taskpane/probe.ts', "import '../wps/wps-host';", 'refused'],
  ['src/host/probe.ts', "import { checkWorkbook } from '../core';", 'allowed'],
  ['src/host/probe.ts', "import '../excel/excel-host';", 'refused'],
  ['src/host/probe.ts', "import '@microsoft/office-js';", 'refused'],
  ['src/excel/probe.ts', "import '../host/serial-work';", 'allowed'],
  ['src/excel/probe.ts', "import '../wps/wps-host';", 'refused'],
  ['src/core/probe.ts', "import '../host/form-host';", 'refused'],
  ['src/wps-addin/probe.ts', "import '../wps/wps-host';", 'allowed'],
  ['src/wps-addin/probe.ts', "import '../taskpane/mount-pane';", 'allowed'],
  ['src/wps-addin/probe.ts', "import '../excel/excel-host';", 'refused'],
  ['src/wps-addin/probe.ts', "import '../wps-memory';", 'refused'],
  ['src/wps-addin/probe.ts', "import '@microsoft/office-js';", 'refused'],
  ['src/wps-addin/probe.ts', "import '../core/check/check-workbook';", 'refused'],
  ['src/preview/probe.ts', "import '../wps-memory';", 'allowed'],
  ['src/preview/probe.ts', "import '../wps-addin/ribbon';", 'refused'],
  ['src/addin/probe.ts', "import '../wps-addin/ribbon';", 'refused'],
  ['src/addin/probe.ts', "import '../office-memory';", 'refused'],
];

describe('layer boundaries', () => {
  let counts: number[] = [];
  beforeAll(() => {
    const output = execFileSync(process.execPath, ['-e', LINT_CASES], { input: JSON.stringify(CASES), encoding: 'utf8' });
    counts = JSON.parse(output) as number[];
  }, 60_000);

  it.each(CASES.map((row, index) => [...row, index] as const))('%s: %s is %s', (_filePath, _source, verdict, index) => {
    expect(counts[index] > 0 ? 'refused' : 'allowed').toBe(verdict);
  });
});
