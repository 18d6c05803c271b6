import type { TaskMoneyColumn } from '../templates/template';

/** Labels of table columns and composite amounts, as printed on the forms. */
export const TABLE_LABELS = {
  taskName: '任务名称',
  taskContent: '主要内容',
  taskTotal: '总额',
  taskFiscal: '财政拨款',
  taskOther: '其他资金',
  taskTotalRowTotal: '金额合计（总额）',
  taskTotalRowFiscal: '金额合计（财政拨款）',
  taskTotalRowOther: '金额合计（其他资金）',
  taskColumnTotal: '各项任务的总额',
  taskColumnFiscal: '各项任务的财政拨款',
  taskColumnOther: '各项任务的其他资金',
  level1: '一级指标',
  level2: '二级指标',
  level3: '三级指标',
  indicatorValue: '指标值',
} as const;

const MONEY_LABELS: Readonly<Record<TaskMoneyColumn, { readonly cell: string; readonly totalRow: string; readonly column: string }>> = {
  total: { cell: TABLE_LABELS.taskTotal, totalRow: TABLE_LABELS.taskTotalRowTotal, column: TABLE_LABELS.taskColumnTotal },
  fiscal: { cell: TABLE_LABELS.taskFiscal, totalRow: TABLE_LABELS.taskTotalRowFiscal, column: TABLE_LABELS.taskColumnFiscal },
  other: { cell: TABLE_LABELS.taskOther, totalRow: TABLE_LABELS.taskTotalRowOther, column: TABLE_LABELS.taskColumnOther },
};

/** A money column's label: one task's cell (总额), the 金额合计 row's cell, or the column over every task. */
export function taskMoneyLabel(column: TaskMoneyColumn, as: 'cell' | 'totalRow' | 'column'): string {
  return MONEY_LABELS[column][as];
}
