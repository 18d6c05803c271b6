/** 中文提示：说清是哪一栏、数字是多少、怎样改。 */
import type { MessageTable } from './message-table';

const fixHint = (fix: { value: number | string } | undefined): string =>
  fix === undefined ? '' : typeof fix.value === 'string' ? `可使用快速修复恢复公式 ${fix.value}。` : `可使用快速修复改为 ${fix.value}。`;

const where = (field: string): string => `“${field}”`;

export const ZH_CN: MessageTable = {
  sum_mismatch: (p, issue) =>
    `${p.whole}（${p.wholeValue}）不等于 ${p.parts.length === 1 ? p.parts[0] : `${p.parts.join(' + ')} 之和`}（${p.partsSum}），相差 ${p.difference} 万元。请核对各项金额。${fixHint(issue.fix)}`,
  part_exceeds_whole: (p) =>
    `任务${p.task ? `“${p.task}”` : ''}的财政拨款（${p.fiscal}）大于其总额（${p.total}）。财政拨款是总额的一部分，请核对这两个金额。`,
  cross_form_mismatch: (p) =>
    `项目支出（${p.departmentValue}）不等于本工作簿中 ${p.projectCount} 张同年度项目表的资金总额之和（${p.projectsSum}），相差 ${p.difference} 万元（${p.projects.join('、')}）。请核对部门表与项目表。`,
  amount_mismatch_in_text: (p) =>
    `“${p.text}”中写的 ${p.amount} 万元与本表的任何金额都不相等。请核对该金额，或改为与资金总额等一致的数字。`,
  required_missing: (p) =>
    p.labelMissing ? `表中找不到${where(p.field)}一栏。请按模板补上这一栏及其内容。` : `${where(p.field)}未填写（空白或只有占位符）。请填写后再提交。`,
  task_incomplete: (p) =>
    `年度主要任务${p.task ? `“${p.task}”` : '中有一行'}缺少${where(p.missing)}。${p.missing === '主要内容' ? '建议补充该任务的主要内容。' : '请补充，或删除这一行。'}`,
  duplicate_task: (p) => `任务名称“${p.task}”出现了两次（第一次在 ${p.firstCell}）。请合并这两行，或改用不同的名称。`,
  not_a_number: (p) =>
    p.suggestion
      ? `${where(p.field)}填的是文字“${p.text}”，不是数字。请只填写以万元为单位的数字：${p.suggestion}（可使用快速修复）。`
      : `${where(p.field)}填的是“${p.text}”，无法识别为金额。请填写以万元为单位的数字，如 180.61。`,
  unit_mismatch: (p) => `${where(p.field)}“${p.text}”是以元为单位的金额，本表以万元为单位，应为 ${p.suggestion}（可使用快速修复）。`,
  negative_amount: (p) => `${where(p.field)}为负数（${p.value}）。金额不能小于 0，请核对。`,
  too_many_decimals: (p) => `${where(p.field)}（${p.value}）有 ${p.decimals} 位小数，超过 4 位（1 元）。建议四舍五入为 ${p.suggestion}（可使用快速修复）。`,
  formula_not_calculated: (p) => `${where(p.field)}的公式 ${p.formula} 未计算：文件中没有保存公式的结果。请在 Excel 或 WPS 中打开并保存后再检查。`,
  formula_error: (p) => `${where(p.field)}显示错误值 ${p.error}，通常是公式引用的单元格已被删除或无效。请修改公式或直接填写内容。`,
  indicator_missing: (p) =>
    p.level2
      ? `${p.level1}下没有${p.level2}。建议补充一行${p.level2}及其指标值。`
      : `缺少${p.level1}：至少需要一个填写了指标值的三级指标。请在绩效指标表中补充。`,
  indicator_unknown: (p) =>
    p.name
      ? `${p.level === 1 ? '一级' : '二级'}指标“${p.name}”不在指标体系内${p.parent ? `（所属一级指标：${p.parent}）` : ''}。请从下拉列表中选择规范名称。`
      : `这一行填了内容，但没有${p.level === 1 ? '一级' : '二级'}指标${p.parent ? `（一级指标：${p.parent}）` : ''}。请填写所属的指标名称。`,
  indicator_wrong_parent: (p) => `二级指标“${p.name}”不应放在“${p.parent}”下，它属于“${p.expectedParent}”。请移到正确的一级指标下。`,
  indicator_value_missing: (p) => `三级指标“${p.indicator}”没有填写指标值（空白或只有占位符）。请填写包含数字的目标值。`,
  indicator_name_missing: (p) => `指标值“${p.value}”没有对应的三级指标名称。请在左侧填写三级指标。`,
  indicator_unquantified: (p) => `${p.category}的指标值“${p.value}”中没有数字。此类指标应量化，如“1次”“100%”“≥90%”“6月底前”。`,
  percent_out_of_range: (p) => `指标值“${p.value}”中的百分比 ${p.percent} 不在 0%–100% 之间。请核对。`,
  indicator_level1_missing: (p) =>
    `第 ${p.rows} 行（共 ${p.count} 行）没有填写一级指标${p.inferred ? `，按二级指标应为${p.inferred}` : ''}。请补上一级指标。`,
  indicator_profile_old: (p) =>
    `仅供参考：本表的绩效指标按 ${p.profile} 年的指标框架（${p.source}）填写，满意度指标在效益指标之下。这种写法有效；${p.current} 年起的框架（${p.currentSource}）将满意度指标列为一级指标，可按需调整。`,
  indicator_row_empty: (p) =>
    `${p.level1}${p.level2 ? `下的${p.level2}` : ''}有 ${p.count} 行既没有三级指标也没有指标值。请填写，或删除这些空行。`,
  indicator_unit_missing: (p) =>
    `${p.category}的指标值“${p.value}”${p.count > 1 ? `等 ${p.count} 项` : ''}只有数字，没有单位。请写明单位，如“2次”“88%”“6个月”。`,
  indicator_rate_not_percent: (p) =>
    `三级指标“${p.indicator}”是比率，指标值“${p.value}”${p.count > 1 ? `等 ${p.count} 项` : ''}却不是百分比。请写成百分比，如“100%”“≥95%”。`,
  indicator_category_as_name: (p) => `三级指标“${p.name}”只是一个类别名称。请写明具体衡量什么，如“举办培训班次数”。`,
  indicator_unit_conflict: (p) => `计量单位“${p.unit}”与指标值“${p.value}”中的单位“${p.valueUnit}”不一致。请改正其中之一。`,
  indicator_qualitative_with_unit: (p) => `指标值“${p.value}”的类型为定性，却填了计量单位“${p.unit}”。请删去单位，或把指标值类型改为定量。`,
  indicator_cost_floor: (p) =>
    `成本指标的指标值“${p.value}”${p.count > 1 ? `等 ${p.count} 项` : ''}用了“≥”“以上”等下限写法。成本是上限，请改为“≤”或“不超过”。`,
  breakdown_blank: (p) => `填了${p.whole}（${p.wholeValue}），${p.parts.join('、')}却都空着，无法核对。请填写各分项。`,
  amount_in_yuan: (p) =>
    `${where(p.field)}（${p.value}）是${where(p.other)}（${p.otherValue}）的一千倍以上，多半是按元填写；本表以万元为单位，应改为 ${p.suggestion}。`,
  phone_invalid: (p) => `${where(p.field)}填的“${p.value}”不像电话号码。请填写手机号（11 位）、带区号的座机（如 0734-8866810）或 7–8 位本地号码。`,
  date_invalid: (p) => `${where(p.field)}填的“${p.value}”不是有效日期。请填写如 2022年1月5日 或 2022-01-05 的日期。`,
  date_out_of_range: (p) =>
    p.reason === 'future'
      ? `${where(p.field)}（${p.date}）晚于今天（${p.to}）。请核对日期。`
      : `${where(p.field)}（${p.date}）不在 ${p.from} 至 ${p.to} 之间（预算年度及其上一年）。请核对日期或表头年度。`,
  markup_in_text: (p) => `${where(p.field)}中含有网页标签 ${p.tag}，多为复制粘贴带入，打印时会原样显示。建议删除这些标签。`,
  text_too_long: (p) => `${where(p.field)}有 ${p.length} 字，超过预算系统的上限 ${p.max} 字。请精简。`,
};
