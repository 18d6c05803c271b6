/**
 * The headings a table column goes by on forms of any layout, besides the heading its template
 * prints: the vocabulary the extractor finds tables with. A province's new wording of a heading
 * is one more string here (or in the template's own `aliases`, for one layout only).
 */
import type { IndicatorColumnKey, TaskColumnKey } from './form-template';

export const INDICATOR_COLUMN_HEADINGS: Readonly<Record<IndicatorColumnKey, readonly string[]>> = {
  level1: ['一级指标'],
  level2: ['二级指标'],
  level3: ['三级指标', '指标内容', '三级指标名称', '指标名称'],
  // Any other heading starting with 指标值 is the value too (指标值（包含数字及文字描述）).
  value: ['指标值', '目标值', '指标值及单位', '绩效指标值', '年度指标值', '预期目标值'],
  valueKind: ['指标值类型', '指标类型', '指标性质'],
  unit: ['计量单位', '度量单位'],
  explanation: ['指标解释', '指标说明', '指标值说明'],
  scoring: ['评(扣)分标准', '评分标准', '扣分标准', '评价标准'],
  standard: ['绩效标准', '指标值设定依据', '目标值设定依据'],
  score: ['分值', '权重', '指标权重'],
  remark: ['备注'],
};

export const TASK_COLUMN_HEADINGS: Readonly<Record<TaskColumnKey, readonly string[]>> = {
  name: ['任务名称', '主要任务'],
  content: ['主要内容', '任务内容'],
  total: ['总额'],
  fiscal: ['财政拨款'],
  other: ['其他资金'],
};
