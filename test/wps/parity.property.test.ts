/**
 * Cross-host parity under edits: the same random sequence of edits — typing into the forms'
 * input cells, pasting values, copying and pasting cells (formats, merges and highlights come
 * along), the user inserting and deleting rows, the pane adding task and indicator rows —
 * gives the same issues (codes and cells) and the same highlighted cells through the WPS host
 * (over the in-memory WPS) as through the Excel host (over the in-memory Excel).
 */
import fc from 'fast-check';
import type { WorkbookCheckResult } from '../../src/core/check/types';
import type { MemoryExcel } from '../../src/office-memory';
import type { MemoryWps } from '../../src/wps-memory';
import { hexFromBgr } from '../../src/wps/wps-api';
import { hostOver, newHost, ownedFills as excelFills } from '../excel/support/memory-host';
import { newWpsHost, ownedFills as wpsFills, wpsHostOver } from './support/wps-host';

const DEPARTMENT = '部门整体支出绩效目标';
const PROJECT = '项目绩效目标';
const CHECK_OPTIONS = { today: new Date(2022, 0, 10) };
const FORM_CELLS: Record<string, readonly string[]> = {
  [DEPARTMENT]: ['B4', 'D5', 'D7', 'D8', 'D9', 'F7', 'F8', 'B14', 'E14', 'F14', 'E15', 'F15', 'E17', 'F17', 'E18', 'D21', 'E21', 'E22', 'C25', 'E29', 'D35', 'F35'],
  [PROJECT]: ['B4', 'D6', 'D7', 'D8', 'B10', 'C12', 'D12', 'E12', 'E15', 'D20'],
};
const SHEETS = [DEPARTMENT, PROJECT];
type Cell = string | number | null;

const typedText = fc.oneof(
  fc.integer({ min: -500, max: 50000 }).map((n) => (n / 100).toString()),
  fc.constantFrom('141.74', '141.70', '38.87', '180.61', '0', '-3'),
  fc.constantFrom('１８０．６１', '180.61万元', '1,234.5', '', 'abc', '略', '满意度达到105%', '2022年1月5日', '=1/0', '#N/A'),
);

type Step =
  | { kind: 'type'; sheet: string; cell: string; text: string }
  | { kind: 'paste'; sheet: string; cell: string; values: Cell[][] }
  | { kind: 'insertRows'; sheet: string; row: number }
  | { kind: 'deleteRows'; sheet: string; row: number }
  | { kind: 'copyPaste'; sheet: string; source: string; cell: string }
  | { kind: 'addTaskRow'; sheet: string }
  | { kind: 'addIndicatorRow'; sheet: string; level1: string; level2: string | null };

const sheetArb = fc.constantFrom(...SHEETS);
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: sheetArb.chain((sheet) => fc.record({ kind: fc.constant('type' as const), sheet: fc.constant(sheet), cell: fc.constantFrom(...FORM_CELLS[sheet]), text: typedText })) },
  {
    weight: 2,
    arbitrary: sheetArb.chain((sheet) =>
      fc.record({
        kind: fc.constant('paste' as const),
        sheet: fc.constant(sheet),
        cell: fc.constantFrom(...FORM_CELLS[sheet]),
        values: fc.integer({ min: 1, max: 3 }).chain((width) => fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 99 }), fc.constantFrom<Cell>('文字', null, 1.5)), { minLength: width, maxLength: width }), { minLength: 1, maxLength: 3 })),
      }),
    ),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('insertRows' as const), sheet: sheetArb, row: fc.integer({ min: 4, max: 36 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteRows' as const), sheet: sheetArb, row: fc.integer({ min: 4, max: 36 }) }) },
  {
    weight: 1,
    arbitrary: sheetArb.chain((sheet) =>
      fc.record({ kind: fc.constant('copyPaste' as const), sheet: fc.constant(sheet), source: fc.constantFrom(...FORM_CELLS[sheet], 'D7:F8', 'B14:F15', 'A20:F22', 'C21:E24'), cell: fc.constantFrom(...FORM_CELLS[sheet], 'H3', 'J20') }),
    ),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('addTaskRow' as const), sheet: sheetArb }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('addIndicatorRow' as const),
      sheet: sheetArb,
      level1: fc.constantFrom('产出指标', '效益指标', '满意度指标'),
      level2: fc.constantFrom('数量指标', '质量指标', '社会效益指标', null),
    }),
  },
);

function issueList(result: WorkbookCheckResult | undefined): string[] {
  return (result?.forms ?? []).flatMap((form) => form.issues.map((issue) => `${form.form.sheet}|${issue.code}|${issue.severity}|${issue.cells.join(',')}`)).sort();
}

/** Runs a step on both; a pane action's refusal (no such table) must be the same on both. */
async function both(step: Step, excel: ReturnType<typeof hostOver>, wps: ReturnType<typeof wpsHostOver>): Promise<void> {
  switch (step.kind) {
    case 'type':
      excel.memory.user.type(step.sheet, step.cell, step.text);
      wps.wps.user.type(step.sheet, step.cell, step.text);
      return;
    case 'paste':
      excel.memory.user.paste(step.sheet, step.cell, step.values);
      wps.wps.user.paste(step.sheet, step.cell, step.values);
      return;
    case 'insertRows':
      excel.memory.user.insertRows(step.sheet, step.row, 1);
      wps.wps.user.insertRows(step.sheet, step.row, 1);
      return;
    case 'deleteRows':
      excel.memory.user.deleteRows(step.sheet, step.row, 1);
      wps.wps.user.deleteRows(step.sheet, step.row, 1);
      return;
    case 'copyPaste':
      excel.memory.user.copyPaste(step.sheet, step.source, step.cell);
      wps.wps.user.copyPaste(step.sheet, step.source, step.cell);
      return;
    case 'addTaskRow':
    case 'addIndicatorRow': {
      const act = (host: typeof excel.host | typeof wps.host) => (step.kind === 'addTaskRow' ? host.addTaskRow(step.sheet) : host.addIndicatorRow(step.sheet, step.level1, step.level2));
      const outcomes = await Promise.all([excel.host, wps.host].map((host) => act(host).then(() => 'done', (error: { problem?: { code: string } }) => error.problem?.code ?? String(error))));
      expect(outcomes[1]).toBe(outcomes[0]);
    }
  }
}

function highlighted(excel: MemoryExcel, wps: MemoryWps, sheet: string): [Record<string, string | null>, Record<string, string | null>] {
  const fromWps = Object.fromEntries([...wpsFills(wps, sheet)].map(([cell, fill]) => [cell, fill === null ? null : hexFromBgr(fill)]));
  return [Object.fromEntries(excelFills(excel, sheet)), fromWps];
}

let excelBase: MemoryExcel;
let wpsBase: MemoryWps;
beforeAll(async () => {
  const excel = newHost({ checkOptions: () => CHECK_OPTIONS });
  const wps = newWpsHost({}, { checkOptions: () => CHECK_OPTIONS });
  for (const t of [excel, wps]) {
    await t.host.start();
    await t.host.insert({ template: 'department', year: 2022, withSample: true });
    await t.host.insert({ template: 'project', year: 2022, withSample: true });
    await t.settle();
    await t.host.dispose();
  }
  excelBase = excel.memory;
  wpsBase = wps.wps;
});

test('the same edits give the same issues and highlights on both hosts', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 6 }), async (steps) => {
      const excel = hostOver(excelBase.clone(), { debounceMs: 1, checkOptions: () => CHECK_OPTIONS });
      const wps = wpsHostOver(wpsBase.clone(), { debounceMs: 1, checkOptions: () => CHECK_OPTIONS });
      await Promise.all([excel.host.start(), wps.host.start()]);
      for (const [index, step] of steps.entries()) {
        await both(step, excel, wps);
        await Promise.all([excel.settle(), wps.settle()]);
        const context = `${index}: ${JSON.stringify(step)}`;
        expect({ context, issues: issueList(wps.host.lastCheck()?.result) }).toEqual({ context, issues: issueList(excel.host.lastCheck()?.result) });
        for (const sheet of SHEETS) {
          const [fromExcel, fromWps] = highlighted(excel.memory, wps.wps, sheet);
          expect({ context, sheet, fills: fromWps }).toEqual({ context, sheet, fills: fromExcel });
        }
      }
      expect(wps.problems).toEqual(excel.problems);
      // The merges the WPS host kept through the edits are the ones a fresh read finds.
      const fresh = wpsHostOver(wps.wps.clone(), { debounceMs: 1, checkOptions: () => CHECK_OPTIONS });
      await fresh.host.start();
      await fresh.settle();
      expect(wps.host.lastCheck()?.result.forms.map((form) => form.form)).toEqual(fresh.host.lastCheck()?.result.forms.map((form) => form.form));
      await Promise.all([excel.host.dispose(), wps.host.dispose(), fresh.host.dispose()]);
    }),
    { numRuns: 40 },
  );
}, 120_000);
