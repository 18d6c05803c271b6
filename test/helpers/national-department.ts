/**
 * The national department form (部门（单位）整体支出绩效目标申报表), made from the reference
 * department form and its sample: the national title and 部门（单位）名称, and a 其他资金 column
 * after 财政拨款 in the 年度主要任务 table (总额 | 财政拨款 | 其他资金 under 预算金额（万元）),
 * closed by its own 金额合计. 海外联谊 is paid 2 万元 from other funds, which the income split
 * above says too. The edits are addresses and values, so a grid and an ExcelJS sheet take them alike.
 */
import type { CellRange, CellScalar } from '../../src/core/grid/grid';
import { toA1 } from '../../src/core/grid/address';
import type { LayoutPlan } from '../../src/core/layout/layout-plan';

export interface NationalDepartmentEdits {
  /** Cell values by A1 address (a formula as `{ formula, value }`). */
  readonly cells: Readonly<Record<string, CellScalar | { readonly formula: string; readonly value: number }>>;
  /** 预算金额（万元） over 总额, 财政拨款 and now 其他资金: the merge it replaces, and the new one. */
  readonly groupMerge: { readonly from: CellRange; readonly to: CellRange };
  /** The 其他资金 column, its task rows and its 金额合计 cell. */
  readonly other: { readonly column: number; readonly firstRow: number; readonly lastRow: number; readonly totalRow: number };
}

/** 其他资金 of each task of the sample, in order: 海外联谊 2 of its 17.68, the rest none. */
export const OTHER_FUNDS = [2, 0, 0, 0] as const;

function cellOf(plan: LayoutPlan, test: (cell: LayoutPlan['cells'][number]) => boolean, what: string): LayoutPlan['cells'][number] {
  const found = plan.cells.find(test);
  if (!found) throw new Error(`the reference plan has no ${what}`);
  return found;
}

export function nationalDepartmentEdits(plan: LayoutPlan): NationalDepartmentEdits {
  const fiscalHeading = cellOf(plan, (cell) => cell.role === 'header' && cell.value === '财政拨款', '财政拨款 heading');
  const group = cellOf(plan, (cell) => cell.role === 'header' && cell.value === '预算金额（万元）', 'group heading');
  const total = cellOf(plan, (cell) => cell.role === 'total' && cell.col === fiscalHeading.col, '金额合计 of 财政拨款');
  const field = (id: string) => cellOf(plan, (cell) => cell.field === id, id);
  const column = fiscalHeading.col + 1;
  const firstRow = fiscalHeading.row + 1;
  const lastRow = total.row - 1;
  const at = (row: number, col: number) => toA1(row, col);
  const cells: Record<string, NationalDepartmentEdits['cells'][string]> = {
    [at(fiscalHeading.row, column)]: '其他资金',
    // 海外联谊: 17.68 = 15.68 from the budget + 2 from other funds.
    [at(firstRow, fiscalHeading.col)]: 15.68,
    [at(total.row, fiscalHeading.col)]: { formula: `=SUM(${at(firstRow, fiscalHeading.col)}:${at(lastRow, fiscalHeading.col)})`, value: 36.87 },
    [at(total.row, column)]: { formula: `=SUM(${at(firstRow, column)}:${at(lastRow, column)})`, value: 2 },
    [at(field('publicFinance').row, field('publicFinance').col)]: 178.61,
    [at(field('otherFunds').row, field('otherFunds').col)]: 2,
  };
  OTHER_FUNDS.forEach((amount, i) => {
    cells[at(firstRow + i, column)] = amount;
  });
  const title = cellOf(plan, (cell) => cell.role === 'title', 'title');
  cells[at(title.row, title.col)] = '部门（单位）整体支出绩效目标申报表';
  const nameLabel = cellOf(plan, (cell) => cell.role === 'label' && cell.value === '部门名称', '部门名称 label');
  cells[at(nameLabel.row, nameLabel.col)] = '部门（单位）名称';
  const groupMerge = { top: group.row, bottom: group.row, left: group.col, right: fiscalHeading.col };
  return { cells, groupMerge: { from: groupMerge, to: { ...groupMerge, right: column } }, other: { column, firstRow, lastRow, totalRow: total.row } };
}
