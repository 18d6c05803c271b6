/**
 * Formulas saved without their results, worked out as Excel would for the sums a form uses:
 * SUM over cells and ranges, + - * /, numbers; anything else is not calculated (null), never 0.
 */
import { calculateFormulas, type FormulaCell } from '../../../src/core/formulas/calculate-formulas';
import { parseFormula } from '../../../src/core/formulas/parse-formula';
import type { CellScalar, GridCell } from '../../../src/core/grid/grid';

/** Column A holds `values` from row 1; the formula goes to B1. */
function resultOf(formula: string, values: readonly CellScalar[] = [1, 2, 3, 4]): number | string | null {
  const rows: (GridCell | null)[][] = values.map((value) => [value === null ? null : { value }]);
  rows[0] = [...(rows[0] ?? []), { value: null, formula }];
  return calculateFormulas(rows, [{ row: 0, col: 1, formula }])[0];
}

describe('the formulas worked out', () => {
  it.each([
    ['=SUM(A1:A4)', 10],
    ['=SUM($A$1:$A$4)', 10],
    ['=sum(A4:A1)', 10],
    ['=A1+A2+A3', 6],
    ['=A1+A2*A3', 7],
    ['=(A1+A2)*A3', 9],
    ['=-A1--A2', 1],
    ['=A4/A2-1', 1],
    ['=SUM(A1,A2:A3,5,A4*2)', 19],
    ['=SUM()', 0],
    ['= SUM( A1:A2 ) + 0.5 ', 3.5],
    ['=1.5E-3*1000', 1.5],
    ['=A9+1', 1],
  ])('%s is %p', (formula, expected) => {
    expect(resultOf(formula)).toBe(expected);
  });

  it.each([
    ['text and booleans in a range are skipped by SUM', '=SUM(A1:A4)', [1, '文字', true, 4], 5],
    ['text that is a number counts in +', '=A1+A2', [1, '2'], 3],
    ['text that is no number is #VALUE! in +', '=A1+A2', [1, '两'], '#VALUE!'],
    ['an error in a range is passed on', '=SUM(A1:A3)', [1, '#REF!', 3], '#REF!'],
    ['division by zero', '=A1/A2', [1, null], '#DIV/0!'],
  ])('%s', (_what, formula, values, expected) => {
    expect(resultOf(formula, values)).toBe(expected);
  });

  it.each([['=ROUND(A1,2)'], ['=A1&"元"'], ['=Sheet2!A1'], ["='其他表'!A1"], ['=A1>0'], ['=A1^2'], ['=A1%'], ['=总额'], ['=A:A'], ['=SUM(A1:A2'], ['=A1:A2'], ['=XFE1'], ['=A1048577'], ['=']])(
    '%s is not worked out',
    (formula) => {
      expect(resultOf(formula)).toBeNull();
    },
  );

  it('refuses to parse a nesting deeper than Excel allows', () => {
    expect(parseFormula(`${'('.repeat(65)}1${')'.repeat(65)}`)).toBeNull();
    expect(parseFormula(`${'('.repeat(60)}1${')'.repeat(60)}`)).not.toBeNull();
  });
});

describe('formulas that refer to each other', () => {
  it('works them out in dependency order, whatever order they come in', () => {
    const rows: (GridCell | null)[][] = [[{ value: 5 }, { value: null, formula: '=C1*2' }, { value: null, formula: '=A1+1' }]];
    const cells: FormulaCell[] = [
      { row: 0, col: 1, formula: '=C1*2' },
      { row: 0, col: 2, formula: '=A1+1' },
    ];
    expect(calculateFormulas(rows, cells)).toEqual([12, 6]);
  });

  it('leaves a cycle not calculated, and what depends on it', () => {
    const cells: FormulaCell[] = [
      { row: 0, col: 0, formula: '=B1+1' },
      { row: 0, col: 1, formula: '=A1+1' },
      { row: 0, col: 2, formula: '=A1+B1' },
      { row: 0, col: 3, formula: '=SUM(D1:D1)' },
    ];
    const rows: (GridCell | null)[][] = [cells.map((cell) => ({ value: null, formula: cell.formula }))];
    expect(calculateFormulas(rows, cells)).toEqual([null, null, null, null]);
  });

  it('follows a chain of 100,000 formulas without recursion', () => {
    const count = 100_000;
    const cells: FormulaCell[] = Array.from({ length: count }, (_, r) => ({ row: r, col: 0, formula: r === count - 1 ? '=1' : `=A${r + 2}+1` }));
    const rows: (GridCell | null)[][] = cells.map((cell) => [{ value: null, formula: cell.formula }]);
    expect(calculateFormulas(rows, cells)[0]).toBe(count);
  });

  it('stops at its work bound, leaving the rest not calculated', () => {
    const rows: (GridCell | null)[][] = Array.from({ length: 100 }, (_, r) => [{ value: r }]);
    const cells: FormulaCell[] = Array.from({ length: 20 }, (_, i) => ({ row: i, col: 1, formula: '=SUM(A1:A100)' }));
    cells.forEach((cell) => (rows[cell.row][1] = { value: null, formula: cell.formula }));
    const results = calculateFormulas(rows, cells, 1000);
    expect(results.slice(0, 9)).toEqual(new Array(9).fill(4950));
    expect(results.slice(10)).toEqual(new Array(10).fill(null));
  });
});
