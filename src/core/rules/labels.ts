/** Labels of table columns and composite amounts, as printed on the forms. */
export const TABLE_LABELS = {
  taskName: '任务名称',
  taskContent: '主要内容',
  taskTotal: '总额',
  taskFiscal: '财政拨款',
  taskTotalRowTotal: '金额合计（总额）',
  taskTotalRowFiscal: '金额合计（财政拨款）',
  taskColumnTotal: '各项任务的总额',
  taskColumnFiscal: '各项任务的财政拨款',
  level1: '一级指标',
  level2: '二级指标',
  level3: '三级指标',
  indicatorValue: '指标值',
} as const;
