import { rangeToA1 } from '../../../src/core/grid/address';
import { buildLayoutPlan } from '../../../src/core/layout/build-layout-plan';
import type { LayoutPlan } from '../../../src/core/layout/layout-plan';
import { planToSnapshot, UnsupportedPlanFormulaError } from '../../../src/core/layout/plan-to-snapshot';
import { gridFromPlan, insertRows, moveForm, setCell, valueAt } from '../../helpers/grid-from-plan';

describe('planToSnapshot: the grid of a freshly inserted form', () => {
  const plan = buildLayoutPlan('department', { year: 2022, withSample: true });
  const sheet = planToSnapshot(plan);

  it('holds the plan’s values, on the plan’s sheet name, with its merges', () => {
    expect(sheet.name).toBe('部门整体支出绩效目标');
    expect(valueAt(sheet, 'A1')).toBe('部门整体支出绩效目标申报表');
    expect(valueAt(sheet, 'A2')).toBe('(2022 年度)');
    expect(valueAt(sheet, 'D5')).toBe(180.61);
    expect(valueAt(sheet, 'D8')).toBeNull();
    expect(sheet.merges?.map(rangeToA1)).toEqual(plan.merges.map(rangeToA1));
    expect(sheet.rows).toHaveLength(plan.extent.bottom + 1);
  });

  it('keeps 金额合计’s formulas with their computed value, exactly 38.87', () => {
    expect(sheet.rows[17]?.[4]).toEqual({ value: 38.87, formula: '=SUM(E14:E17)' });
    expect(sheet.rows[17]?.[5]).toEqual({ value: 38.87, formula: '=SUM(F14:F17)' });
  });

  it('computes 0 over blank task rows', () => {
    const blank = planToSnapshot(buildLayoutPlan('department', { year: 2022, withSample: false }));
    expect(blank.rows[17]?.[4]).toEqual({ value: 0, formula: '=SUM(E14:E17)' });
  });

  it('refuses a formula it cannot compute, by name', () => {
    const odd: LayoutPlan = { ...plan, cells: [...plan.cells, { row: 0, col: 7, formula: '=AVERAGE(E14:E17)', style: 'total', role: 'total' }] };
    expect(() => planToSnapshot(odd)).toThrow(UnsupportedPlanFormulaError);
  });
});

describe('grid helpers', () => {
  const plan = buildLayoutPlan('department', { year: 2022, withSample: true });

  it('sets cells by address and recomputes the sums', () => {
    const sheet = gridFromPlan(plan, { E14: 20 });
    expect(valueAt(sheet, 'E18')).toBe(41.19);
    expect(valueAt(setCell(sheet, 'E18', 1), 'E18')).toBe(1);
  });

  it('inserts rows as Excel does: the SUM range and the merges spanning the point grow', () => {
    const sheet = insertRows(gridFromPlan(plan), 16, 1, [[null, '新任务', '内容', null, 1.5, 1.5]]);
    expect(sheet.rows[18]?.[4]).toEqual({ value: 40.37, formula: '=SUM(E14:E18)' });
    // The new row has no merges of its own (as in Excel); the rows below keep theirs, one lower.
    expect(sheet.merges?.map(rangeToA1)).toEqual(expect.arrayContaining(['A12:A19', 'C15:D15', 'C17:D17', 'C18:D18']));
    expect(sheet.merges?.map(rangeToA1)).not.toContain('C16:D16');
  });

  it('moves the form to another top-left cell', () => {
    const sheet = moveForm(gridFromPlan(plan), 'C5');
    expect(valueAt(sheet, 'C5')).toBe('部门整体支出绩效目标申报表');
    expect(sheet.rows[21]?.[6]).toEqual({ value: 38.87, formula: '=SUM(G18:G21)' });
    expect(sheet.merges?.map(rangeToA1)).toContain('C9:C14');
  });
});
