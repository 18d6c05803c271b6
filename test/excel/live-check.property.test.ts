/**
 * Whatever the user does — formats, typed values of every kind, pastes, rows inserted and
 * deleted — once the edits settle: the issues equal a fresh full check of the workbook, the
 * highlighted cells are exactly the issues' cells (error red winning over warning yellow),
 * and every value and format the user sees is what it would be without the add-in.
 */
import { highlightPlan } from '../../src/core/check/attention';
import fc from 'fast-check';
import { checkWorkbook } from '../../src/core/check/check-workbook';
import type { WorkbookCheckResult } from '../../src/core/check/types';
import type { CellRange, GridCell, SheetSnapshot } from '../../src/core/grid/grid';
import { parseA1, toA1 } from '../../src/core/grid/address';
import type { MemoryExcel, TypedValue, UserFormat } from '../../src/office-memory';
import { hostOver, newHost, ownedFills, type TestHost } from './support/memory-host';

const DEPARTMENT = '部门整体支出绩效目标';
const PROJECT = '项目绩效目标';
const CHECK_OPTIONS = { today: new Date(2022, 0, 10) };
const FILL = { error: '#FFC7CE', warning: '#FFEB9C' } as const;

const FORM_CELLS: Record<string, readonly string[]> = {
  [DEPARTMENT]: ['B4', 'D5', 'D7', 'D8', 'D9', 'F7', 'F8', 'B14', 'E14', 'F14', 'E15', 'F15', 'E17', 'F17', 'E18', 'D21', 'E21', 'E22', 'C25', 'E29', 'D35', 'F35'],
  [PROJECT]: ['B4', 'D6', 'D7', 'D8', 'B10', 'C12', 'D12', 'E12', 'E15', 'D20'],
};
const SHEETS = [DEPARTMENT, PROJECT];

const typedText = fc.oneof(
  fc.integer({ min: -500, max: 50000 }).map((n) => (n / 100).toString()),
  fc.constantFrom('141.74', '141.70', '38.87', '180.61', '0', '-3', '12.34567'),
  fc.constantFrom('１８０．６１', '５０', '180.61万元', '1806100元', '1,234.5'),
  fc.constantFrom('#REF!', '#N/A', '=1/0', '=SUM(E14:E17)', '', 'abc', '略', '*', '满意度达到105%', '<p>文字</p>', '8866810', '2022年1月5日', '2031/1/1'),
);

const userFormat: fc.Arbitrary<UserFormat> = fc.record(
  {
    fill: fc.constantFrom('#DDEBF7', '#E2EFDA', null),
    font: fc.record({ bold: fc.boolean(), italic: fc.boolean(), color: fc.constantFrom('#FF0000', '#1F4E78') }, { requiredKeys: [] }),
    horizontalAlignment: fc.constantFrom('Left', 'Center', 'Right'),
    numberFormat: fc.constantFrom('0.00', 'General', '0.0000'),
  },
  { requiredKeys: [] },
);

type Step =
  | { kind: 'type'; sheet: string; cell: string; text: string }
  | { kind: 'paste'; sheet: string; cell: string; values: TypedValue[][] }
  | { kind: 'insertRows'; sheet: string; row: number }
  | { kind: 'deleteRows'; sheet: string; row: number };

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
        values: fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 99 }), fc.constantFrom<TypedValue>('文字', null, 1.5)), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }).map((rows) => {
          const width = Math.min(...rows.map((row) => row.length));
          return rows.map((row) => row.slice(0, width));
        }),
      }),
    ),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('insertRows' as const), sheet: sheetArb, row: fc.integer({ min: 4, max: 36 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteRows' as const), sheet: sheetArb, row: fc.integer({ min: 4, max: 36 }) }) },
);

function apply(memory: MemoryExcel, step: Step): void {
  switch (step.kind) {
    case 'type':
      memory.user.type(step.sheet, step.cell, step.text);
      return;
    case 'paste':
      memory.user.paste(step.sheet, step.cell, step.values);
      return;
    case 'insertRows':
      memory.user.insertRows(step.sheet, step.row, 1);
      return;
    case 'deleteRows':
      memory.user.deleteRows(step.sheet, step.row, 1);
  }
}

function usedArea(memory: MemoryExcel, sheet: string): CellRange | null {
  const used = memory.inspect.usedRange(sheet);
  if (!used) return null;
  const [from, to = from] = used.replace(/^.*!/, '').replace(/\$/g, '').split(':');
  const start = parseA1(from);
  const end = parseA1(to);
  return start && end ? { top: 0, left: 0, bottom: end.row, right: end.col } : null;
}

/** The workbook as plain data, read through the inspector (not the adapter). */
function snapshotOf(memory: MemoryExcel): SheetSnapshot[] {
  return memory.inspect.sheetNames().map((name) => {
    const area = usedArea(memory, name);
    const rows: (GridCell | null)[][] = [];
    if (area) {
      for (let row = 0; row <= area.bottom; row++) {
        const cells: (GridCell | null)[] = [];
        for (let col = 0; col <= area.right; col++) {
          const cell = memory.inspect.cell(name, toA1(row, col));
          const value = cell.value === '' ? null : cell.value;
          cells.push(value === null && !cell.formula ? null : cell.formula ? { value, formula: cell.formula } : { value });
        }
        rows.push(cells);
      }
    }
    const merges = memory.inspect.merges(name).map((address) => {
      const [from, to = from] = address.split(':');
      const start = parseA1(from);
      const end = parseA1(to);
      if (!start || !end) throw new Error(address);
      return { top: start.row, left: start.col, bottom: end.row, right: end.col };
    });
    return { name, rows, merges };
  });
}

function issueList(result: WorkbookCheckResult | undefined): string[] {
  return (result?.forms ?? []).flatMap((form) => form.issues.map((issue) => `${form.form.sheet}|${issue.code}|${issue.severity}|${issue.sheet ?? ''}|${issue.cells.join(',')}`)).sort();
}

/** Each planned issue cell's expected colour: the first cell on `issue.sheet` when given, errors over warnings. */
function expectedFills(result: WorkbookCheckResult): Map<string, Record<string, string>> {
  const bySheet = new Map<string, Record<string, string>>();
  for (const form of result.forms) {
    for (const issue of form.issues) {
      issue.cells.forEach((cell, index) => {
        const sheet = index === 0 && issue.sheet ? issue.sheet : form.form.sheet;
        const fills = bySheet.get(sheet) ?? {};
        if (fills[cell] !== FILL.error) fills[cell] = FILL[issue.severity];
        bySheet.set(sheet, fills);
      });
    }
  }
  return bySheet;
}

/** What the user sees in every cell (values, formulas, number formats, every format property, merges), one JSON text per cell. */
function visibleState(memory: MemoryExcel): string[] {
  const state: string[] = [];
  for (const name of memory.inspect.sheetNames()) {
    state.push(JSON.stringify({ name, merges: memory.inspect.merges(name) }));
    const area = usedArea(memory, name);
    if (!area) continue;
    for (let row = 0; row <= area.bottom + 1; row++) {
      for (let col = 0; col <= area.right + 1; col++) state.push(JSON.stringify({ at: `${name}!${toA1(row, col)}`, cell: memory.inspect.cell(name, toA1(row, col)) }));
    }
  }
  return state;
}

async function expectConsistent(t: TestHost, shadow: MemoryExcel, context: string): Promise<void> {
  const expected = checkWorkbook({ sheets: snapshotOf(t.memory) }, CHECK_OPTIONS);
  expect({ context, issues: issueList(t.host.lastCheck()?.result) }).toEqual({ context, issues: issueList(expected) });
  // Highlights follow the core's plan: a sum colours its cell to change; "to fill" cells wait.
  const fills = expectedFills(highlightPlan(expected, { fullCheck: false }));
  for (const sheet of t.memory.inspect.sheetNames()) {
    expect({ context, sheet, highlighted: Object.fromEntries(ownedFills(t.memory, sheet)) }).toEqual({ context, sheet, highlighted: fills.get(sheet) ?? {} });
  }
  const seen = visibleState(t.memory);
  const untouched = visibleState(shadow);
  if (seen.length !== untouched.length || seen.some((cell, index) => cell !== untouched[index])) {
    const index = seen.findIndex((cell, i) => cell !== untouched[i]);
    expect({ context, cell: JSON.parse(seen[index] ?? 'null') as unknown }).toEqual({ context, cell: JSON.parse(untouched[index] ?? 'null') as unknown });
  }
}

/** The two sample forms, inserted once; each run reopens a copy of this workbook. */
let base: MemoryExcel;
beforeAll(async () => {
  const t = newHost({ checkOptions: () => CHECK_OPTIONS });
  await t.host.start();
  await t.host.insert({ template: 'department', year: 2022, withSample: true });
  await t.host.insert({ template: 'project', year: 2022, withSample: true });
  await t.settle();
  await t.host.dispose();
  base = t.memory;
});

test('after any sequence of edits, issues and highlights equal a fresh full check, and the user’s cells are untouched', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.record({ sheet: sheetArb, cell: fc.constantFrom(...FORM_CELLS[DEPARTMENT]), format: userFormat }), { maxLength: 4 }),
      fc.array(stepArb, { minLength: 1, maxLength: 6 }),
      async (formats, steps) => {
        const t = hostOver(base.clone(), { debounceMs: 1, checkOptions: () => CHECK_OPTIONS });
        await t.host.start();
        await t.settle();
        const shadow = t.memory.clone();
        for (const { sheet, cell, format } of formats) {
          t.memory.user.setFormat(sheet, cell, format);
          shadow.user.setFormat(sheet, cell, format);
        }
        await t.settle();
        await expectConsistent(t, shadow, 'formats');
        for (const [index, step] of steps.entries()) {
          apply(t.memory, step);
          apply(shadow, step);
          await t.settle();
          await expectConsistent(t, shadow, `step ${index}: ${JSON.stringify(step)}`);
        }
        expect(t.problems).toEqual([]);
        expect(t.memory.handlerErrors).toEqual([]);
      },
    ),
    { seed: 20220105, numRuns: 8 },
  );
}, 60_000);
