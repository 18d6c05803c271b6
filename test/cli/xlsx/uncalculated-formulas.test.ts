/**
 * Files saved by programs that keep formulas but not their results (openpyxl writes
 * `<f>SUM(D21:D24)</f><v></v>`; other tools leave out `<v>`): the sums a form uses are worked
 * out, so the verdict is the one Excel's saved file gets; other formulas are reported as not
 * calculated, never read as 0. Both readers read such files alike.
 */
import { checkWorkbook } from '../../../src/core/check/check-workbook';
import type { Issue } from '../../../src/core/issues/issue';
import type { WorkbookSnapshot } from '../../../src/core/grid/grid';
import { toA1 } from '../../../src/core/grid/address';
import { buildLayoutPlan } from '../../../src/core/layout/build-layout-plan';
import { readWorkbookBytes } from '../../../src/cli/xlsx/read-workbook';
import { readSnapshotBytes } from '../../../src/cli/xlsx/snapshot-reader/read-snapshot';
import { departmentFieldCell, editedForm, formBytes } from '../../hardening/support/hostile-packages';

const TODAY = new Date(2022, 0, 10);
const SHEET = 'xl/worksheets/sheet1.xml';
const RESULT_AFTER_FORMULA = /(<f>[^<]*<\/f>|<f [^>]*\/>|<f [^>]*>[^<]*<\/f>)<v>[^<]*<\/v>/g;

async function bothSnapshots(bytes: Buffer): Promise<WorkbookSnapshot> {
  const fast = readSnapshotBytes(bytes);
  const full = await readWorkbookBytes(bytes);
  if (!fast.ok || !full.ok) throw new Error(`unreadable: ${fast.ok ? '' : fast.detail} ${full.ok ? '' : full.detail}`);
  expect(fast.snapshot).toEqual(full.snapshot);
  return fast.snapshot;
}

function issuesOf(snapshot: WorkbookSnapshot): Pick<Issue, 'code' | 'cells' | 'fix'>[] {
  return checkWorkbook(snapshot, { today: TODAY }).forms.flatMap((form) => form.issues.map(({ code, cells, fix }) => ({ code, cells, fix })));
}

/** The form with the cell at `address` replaced by a formula cell without a result. */
function withFormula(form: Buffer, address: string, formula: string): Buffer {
  return editedForm(form, (name, text) =>
    name === SHEET ? text.replace(new RegExp(`<c r="${address}"([^>]*?)(?:/>|>.*?</c>)`), (_cell, attributes: string) => `<c r="${address}"${attributes.replace(/ t="[^"]*"/, '')}><f>${formula}</f><v></v></c>`) : text,
  );
}

describe('a form saved without the results of its formulas', () => {
  let form: Buffer;
  let expected: Pick<Issue, 'code' | 'cells' | 'fix'>[];
  beforeAll(async () => {
    form = await formBytes();
    expected = issuesOf(await bothSnapshots(form));
  });

  it.each([
    ['as openpyxl saves it (an empty <v>)', '$1<v></v>'],
    ['with no <v> at all', '$1'],
  ])('gets the verdict Excel’s own file gets, %s', async (_what, replacement) => {
    const stripped = editedForm(form, (name, text) => (name === SHEET ? text.replace(RESULT_AFTER_FORMULA, replacement) : text));
    expect(stripped.toString('latin1')).not.toMatch(/<f>SUM\([^<]*<\/f><v>\d/);
    expect(issuesOf(await bothSnapshots(stripped))).toEqual(expected);
  });

  it('works out a 资金总额 written as the sum of its parts: no false required_missing or sum_mismatch', async () => {
    const parts = ['publicFinance', 'governmentFund', 'specialAccountNonTax', 'otherFunds'].map(departmentFieldCell);
    const totalFunds = departmentFieldCell('totalFunds');
    const snapshot = await bothSnapshots(withFormula(form, totalFunds, parts.join('+')));
    expect(issuesOf(snapshot)).toEqual(expected);
  });

  it('reports a formula it cannot work out as not calculated, and compares no sum with it', async () => {
    const totalFunds = departmentFieldCell('totalFunds');
    const snapshot = await bothSnapshots(withFormula(form, totalFunds, 'ROUND(D6+D7,2)'));
    const issues = issuesOf(snapshot);
    expect(issues).toContainEqual({ code: 'formula_not_calculated', cells: [totalFunds], fix: undefined });
    expect(issues.filter((issue) => issue.code !== 'formula_not_calculated')).toEqual(expected);
  });

  it('proposes no quick fix that is the formula already in 金额合计', async () => {
    // 金额合计 with its SUM formula and a stale result of 0: the sum differs, the formula is right.
    const total = buildLayoutPlan('department', { year: 2022, withSample: true }).cells.find((cell) => cell.role === 'total' && cell.formula !== undefined);
    if (!total) throw new Error('no 金额合计 formula');
    const address = toA1(total.row, total.col);
    const stale = editedForm(form, (name, text) => (name === SHEET ? text.replace(new RegExp(`(<c r="${address}"[^>]*><f>[^<]*</f>)<v>[^<]*</v>`), '$1<v>0</v>') : text));
    const mismatch = issuesOf(await bothSnapshots(stale)).find((issue) => issue.code === 'sum_mismatch' && issue.cells[0] === address);
    expect(mismatch).toMatchObject({ code: 'sum_mismatch', fix: undefined });
  });
});
