/**
 * A fuzz test of the add-in on the in-memory Excel: long random sequences of what users do to
 * a filled department form and a project form — typed values of every kind (numbers, text,
 * full-width digits, 万元/元, formulas, error values, very long text, HTML), pastes, rows
 * inserted and deleted, sheets renamed, formats changed by hand. After every step, once the
 * live check has settled:
 *   - nothing failed: no problem reported by the host, no error thrown by an event handler;
 *   - the issues the host reports equal a fresh full `checkWorkbook` of the workbook as it is;
 *   - the add-in's highlights cover exactly the issues' cells, by severity;
 *   - the user's values and formats are exactly as the user left them (a shadow copy of every
 *     cell is taken right after the user's action, before the add-in reacts to it).
 *
 * Seeded, so a failure replays: FUZZ_SEED=… to choose the seed, FUZZ_RUNS=… for long runs
 * (e.g. FUZZ_RUNS=200 npx jest test/hardening/fuzz-live-check).
 */
import fc from 'fast-check';
import { MemoryExcelError, type MemoryExcel, type TypedValue, type UserFormat } from '../../src/office-memory';
import { toA1 } from '../../src/core/grid/address';
import { DEPARTMENT_SAMPLE, DEPARTMENT_SHEET, PROJECT_SAMPLE, PROJECT_SHEET, expectedHighlights, freshCheck, lastResult, ownedHighlights, withForms, type Workbench } from './support/workbench';

const SEED = Number(process.env.FUZZ_SEED ?? 20_220_105);
const RUNS = Number(process.env.FUZZ_RUNS ?? 3);
const MAX_STEPS = Number(process.env.FUZZ_STEPS ?? 20);

/** The area users act on: the forms' extent and a little beyond. */
const LAST_ROW = 42;
const LAST_COL = 6;

// ------------------------------------------------------------------ what users type

const fullWidth = (text: string): string => text.replace(/[0-9.]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));

const amountText = fc.tuple(fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 0, max: 99 })).map(([whole, cents]) => `${whole}.${String(cents).padStart(2, '0')}`);

const typedText: fc.Arbitrary<string> = fc.oneof(
  amountText,
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
  fc.double({ min: -1e9, max: 1e12, noNaN: true, noDefaultInfinity: true }).map((value) => String(value)),
  amountText.map((amount) => `${amount}万元`),
  fc.integer({ min: 1, max: 99_999_999 }).map((yuan) => `${yuan}元`),
  amountText.map(fullWidth),
  fc.tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 999 })).map(([a, b]) => `${a},${String(b).padStart(3, '0')}.5`),
  fc.constantFrom('=SUM(E14:E17)', '=D7+D8', '=1/0', '=A1', '=H99*2', '=NA()', '="文字"', '=SUM(', '=F7-F8'),
  fc.constantFrom('#REF!', '#N/A', '#VALUE!', '#DIV/0!', '#NAME?'),
  fc.constantFrom('产出指标', '效益指标', '满意度指标', '数量指标', '质量指标', '经济效益指标', '成本指标', '可持续影响指标', '无', '*', '-', '略', ''),
  fc.constantFrom('1次', '≥95%', '满意度达到105%', '6月底前', '略有节余', '180.61万元', '100%', '-5%'),
  fc.constantFrom('2022年1月5日', '2022-13-01', '2021/2/30', '2022.1.5', '8866810', '15873406651', '12345', '0734-8866810转123'),
  fc.constantFrom('<p>部门职责</p>', '<ol style="list-style-type: none"><li>一</li></ol>', '<script>alert(1)</script>', '<b>加粗</b>'),
  fc.integer({ min: 101, max: 3_000 }).map((length) => '很长的文字'.repeat(Math.ceil(length / 5)).slice(0, length)),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);

const pastedValue: fc.Arbitrary<TypedValue> = fc.oneof(
  typedText,
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -100, max: 100_000 }),
  fc.constant(null),
  fc.boolean(),
);

// ------------------------------------------------------------------ steps

type SheetChoice = 'department' | 'project';

type Step =
  | { readonly kind: 'type'; readonly sheet: SheetChoice; readonly row: number; readonly col: number; readonly input: string }
  | { readonly kind: 'paste'; readonly sheet: SheetChoice; readonly row: number; readonly col: number; readonly values: TypedValue[][] }
  | { readonly kind: 'insertRows' | 'deleteRows'; readonly sheet: SheetChoice; readonly row: number; readonly count: number }
  | { readonly kind: 'rename'; readonly sheet: SheetChoice; readonly name: string }
  | { readonly kind: 'format'; readonly sheet: SheetChoice; readonly row: number; readonly col: number; readonly rows: number; readonly cols: number; readonly format: UserFormat }
  | { readonly kind: 'clear'; readonly sheet: SheetChoice; readonly row: number; readonly col: number };

const sheetChoice = fc.constantFrom<SheetChoice>('department', 'department', 'project');
const row = fc.integer({ min: 0, max: LAST_ROW });
const col = fc.integer({ min: 0, max: LAST_COL });

const userFormat: fc.Arbitrary<UserFormat> = fc.oneof(
  fc.constantFrom('#FFFF00', '#C6EFCE', '#FFC7CE', '#FFEB9C', '#D9D9D9', null).map((fill): UserFormat => ({ fill })),
  fc.record({ bold: fc.boolean(), italic: fc.boolean(), color: fc.constantFrom('#FF0000', '#0000FF', '#000000') }).map((font): UserFormat => ({ font })),
  fc.constantFrom('0.00', '0.0000', '#,##0.00', '@', 'General', 'yyyy"年"m"月"d"日"').map((numberFormat): UserFormat => ({ numberFormat })),
  fc.constantFrom<UserFormat['horizontalAlignment']>('Left', 'Center', 'Right').map((horizontalAlignment): UserFormat => ({ horizontalAlignment, wrapText: true })),
  fc.constant<UserFormat>({ borders: { EdgeBottom: { style: 'Double', color: '#FF0000' } } }),
);

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('type' as const), sheet: sheetChoice, row, col, input: typedText }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('paste' as const),
      sheet: sheetChoice,
      row,
      col,
      values: fc.integer({ min: 1, max: 4 }).chain((width) => fc.array(fc.array(pastedValue, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 })),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('insertRows' as const, 'deleteRows' as const), sheet: sheetChoice, row: fc.integer({ min: 1, max: LAST_ROW + 1 }), count: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rename' as const), sheet: sheetChoice, name: fc.constantFrom('部门表', '项目表', '2022 申报', "侨联's 表", '表（一）', 'Sheet 9') }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('format' as const), sheet: sheetChoice, row, col, rows: fc.integer({ min: 1, max: 4 }), cols: fc.integer({ min: 1, max: 3 }), format: userFormat }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('clear' as const), sheet: sheetChoice, row, col }) },
);

// ------------------------------------------------------------------ the run

interface CellShadow {
  readonly value: string | number | boolean;
  readonly formula: string | null;
  readonly numberFormat: string;
  readonly format: unknown;
  readonly mergedArea: string | null;
}

/** Every cell users act on, as the inspector sees it: values, formulas, number formats and the cells' own formats. */
function shadowOf(excel: MemoryExcel): Map<string, CellShadow> {
  const shadow = new Map<string, CellShadow>();
  for (const sheet of excel.inspect.sheetNames()) {
    for (let r = 0; r <= LAST_ROW + 6; r++) {
      for (let c = 0; c <= LAST_COL + 1; c++) {
        const { value, formula, numberFormat, format, mergedArea } = excel.inspect.cell(sheet, toA1(r, c));
        shadow.set(`${sheet}!${toA1(r, c)}`, { value, formula, numberFormat, format, mergedArea });
      }
    }
  }
  return shadow;
}

class Session {
  readonly names: Record<SheetChoice, string> = { department: DEPARTMENT_SHEET, project: PROJECT_SHEET };
  readonly log: string[] = [];

  constructor(readonly bench: Workbench) {}

  /** Does what the user does. Returns false when Excel itself refuses it (a locked cell, part of a merge…). */
  act(step: Step): boolean {
    const user = this.bench.excel.user;
    const sheet = this.names[step.sheet];
    this.log.push(JSON.stringify(step).slice(0, 300));
    try {
      switch (step.kind) {
        case 'type':
          user.type(sheet, toA1(step.row, step.col), step.input);
          return true;
        case 'paste':
          user.paste(sheet, toA1(step.row, step.col), step.values);
          return true;
        case 'insertRows':
          user.insertRows(sheet, step.row, step.count);
          return true;
        case 'deleteRows':
          user.deleteRows(sheet, step.row, step.count);
          return true;
        case 'rename': {
          const taken = this.bench.excel.inspect.sheetNames();
          if (taken.includes(step.name)) return false;
          user.renameSheet(sheet, step.name);
          this.names[step.sheet] = step.name;
          return true;
        }
        case 'format':
          user.setFormat(sheet, `${toA1(step.row, step.col)}:${toA1(step.row + step.rows - 1, step.col + step.cols - 1)}`, step.format);
          return true;
        case 'clear':
          user.clear(sheet, toA1(step.row, step.col));
          return true;
      }
    } catch (error) {
      // Excel's own refusal of the action is not the add-in's failure.
      if (error instanceof MemoryExcelError) return false;
      throw error;
    }
  }

  /** The invariants, after the live check has settled. */
  verify(userLeft: Map<string, CellShadow>): void {
    const { bench } = this;
    const context = `after:\n${this.log.join('\n')}`;
    expect({ context, problems: bench.problems, handlerErrors: bench.excel.handlerErrors.map(String) }).toEqual({ context, problems: [], handlerErrors: [] });

    const reported = lastResult(bench);
    const fresh = freshCheck(bench.excel);
    const shape = (result: typeof reported) => ({ forms: result.forms.map((form) => ({ sheet: form.form.sheet, template: form.form.template, issues: form.issues })) });
    expect({ context, ...shape(reported) }).toEqual({ context, ...shape(fresh) });

    const expected = expectedHighlights(reported);
    for (const sheet of bench.excel.inspect.sheetNames()) {
      const want = [...(expected.get(sheet) ?? new Map())].sort();
      expect({ context, sheet, highlighted: [...ownedHighlights(bench.excel, sheet)].sort() }).toEqual({ context, sheet, highlighted: want });
    }

    const now = shadowOf(bench.excel);
    const changed = [...userLeft].filter(([cell, before]) => JSON.stringify(now.get(cell)) !== JSON.stringify(before)).map(([cell]) => cell);
    expect({ context, changedByTheAddIn: changed }).toEqual({ context, changedByTheAddIn: [] });
  }
}

describe('fuzz: the live check under random user actions', () => {
  test(`after every step the host reports a fresh check's issues, highlights exactly their cells and leaves the user's cells alone (seed ${SEED}, ${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: Math.min(8, MAX_STEPS), maxLength: MAX_STEPS, size: 'max' }), async (steps) => {
        const session = new Session(await withForms(DEPARTMENT_SAMPLE, PROJECT_SAMPLE));
        for (const action of steps) {
          session.act(action);
          const userLeft = shadowOf(session.bench.excel);
          await session.bench.settle();
          session.verify(userLeft);
        }
        await session.bench.host.dispose();
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  }, 600_000);
});
