/** English messages: which field, which numbers, what to do. Labels stay as printed on the form. */
import type { MessageTable } from './message-table';

const fixHint = (fix: { value: number | string } | undefined): string =>
  fix === undefined ? '' : typeof fix.value === 'string' ? ` The quick fix restores the formula ${fix.value}.` : ` The quick fix writes ${fix.value}.`;

const level = (n: number): string => (n === 1 ? 'level-1 (一级)' : 'level-2 (二级)');

export const EN_US: MessageTable = {
  sum_mismatch: (p, issue) =>
    `${p.whole} (${p.wholeValue}) does not equal ${p.parts.length === 1 ? p.parts[0] : `the sum of ${p.parts.join(' + ')}`} (${p.partsSum}); the difference is ${p.difference} 万元. Please check the amounts.${fixHint(issue.fix)}`,
  part_exceeds_whole: (p) =>
    `In task ${p.task ? `"${p.task}"` : 'row'}, 财政拨款 (${p.fiscal}) is larger than 总额 (${p.total}). 财政拨款 is part of 总额: please check both amounts.`,
  cross_form_mismatch: (p) =>
    `项目支出 (${p.departmentValue}) does not equal the sum of 资金总额 of the ${p.projectCount} project form(s) of the same year in this workbook (${p.projectsSum}); the difference is ${p.difference} 万元 (${p.projects.join(', ')}). Please check the department and project forms.`,
  amount_mismatch_in_text: (p) =>
    `"${p.text}" states ${p.amount} 万元, which equals none of the amounts on this form. Please check it, or use the amount of 资金总额 or another field.`,
  required_missing: (p) =>
    p.labelMissing ? `The form has no ${p.field} field. Please add it, as in the template, and fill it in.` : `${p.field} is not filled in (blank or a placeholder). Please fill it in.`,
  task_incomplete: (p) =>
    `Task ${p.task ? `"${p.task}"` : 'row'} lacks ${p.missing}. ${p.missing === '主要内容' ? 'Please describe the task.' : 'Please fill it in, or delete the row.'}`,
  duplicate_task: (p) => `The task name "${p.task}" appears twice (first in ${p.firstCell}). Please merge the rows or name them differently.`,
  not_a_number: (p) =>
    p.suggestion
      ? `${p.field} holds the text "${p.text}", not a number. Please enter the number in 万元 only: ${p.suggestion} (quick fix available).`
      : `${p.field} holds "${p.text}", which cannot be read as an amount. Please enter a number in 万元, such as 180.61.`,
  unit_mismatch: (p) => `${p.field} "${p.text}" is in 元, but this form asks for 万元: it should be ${p.suggestion} (quick fix available).`,
  negative_amount: (p) => `${p.field} is negative (${p.value}). Amounts cannot be below 0: please check it.`,
  too_many_decimals: (p) => `${p.field} (${p.value}) has ${p.decimals} decimals, more than 4 (1 元). Consider rounding it to ${p.suggestion} (quick fix available).`,
  formula_not_calculated: (p) => `${p.field}: the formula ${p.formula} is not calculated (the file holds no result for it). Open and save the file in Excel or WPS, then check it again.`,
  formula_error: (p) => `${p.field} shows the error ${p.error}, usually a formula pointing at a deleted or invalid cell. Please correct the formula or type the content.`,
  indicator_missing: (p) =>
    p.level2
      ? `${p.level1} has no ${p.level2} row. Please add one with its value.`
      : `${p.level1} is missing: at least one 三级 indicator with a value is needed. Please add it to the indicator table.`,
  indicator_unknown: (p) =>
    p.name
      ? `The ${level(p.level)} indicator "${p.name}" is not in the indicator framework${p.parent ? ` (under ${p.parent})` : ''}. Please choose a standard name from the list.`
      : `This row has content but no ${level(p.level)} indicator${p.parent ? ` (under ${p.parent})` : ''}. Please fill in the name it belongs to.`,
  indicator_wrong_parent: (p) => `The 二级 indicator "${p.name}" does not belong under "${p.parent}" but under "${p.expectedParent}". Please move it.`,
  indicator_value_missing: (p) => `The 三级 indicator "${p.indicator}" has no value (blank or a placeholder). Please enter a target, with a number.`,
  indicator_name_missing: (p) => `The value "${p.value}" has no 三级 indicator name. Please fill in the name beside it.`,
  indicator_unquantified: (p) => `The ${p.category} value "${p.value}" states no number. Such indicators should be measurable, e.g. "1次", "100%", "≥90%", "6月底前".`,
  percent_out_of_range: (p) => `The percentage ${p.percent} in "${p.value}" is outside 0%–100%. Please check it.`,
  indicator_level1_missing: (p) =>
    `Row(s) ${p.rows} (${p.count} in all) have no 一级 indicator${p.inferred ? `; their 二级 implies ${p.inferred}` : ''}. Please fill in the 一级.`,
  indicator_profile_old: (p) =>
    `For information: the indicators follow the ${p.profile} framework (${p.source}), with 满意度 under 效益. That is valid; the framework of ${p.current} on (${p.currentSource}) makes 满意度 a 一级, should you wish to follow it.`,
  indicator_row_empty: (p) =>
    `${p.count} row(s) under ${p.level1}${p.level2 ? ` · ${p.level2}` : ''} hold neither a 三级 nor a value. Please fill them in or delete them.`,
  indicator_unit_missing: (p) =>
    `The ${p.category} value "${p.value}"${p.count > 1 ? ` and ${p.count - 1} more` : ''} is a bare number with no unit. Please state the unit, e.g. "2次", "88%", "6个月".`,
  indicator_rate_not_percent: (p) =>
    `The 三级 "${p.indicator}" is a rate, but its value "${p.value}"${p.count > 1 ? ` (and ${p.count - 1} more)` : ''} is no percentage. Please write a percentage, e.g. "100%", "≥95%".`,
  indicator_category_as_name: (p) => `The 三级 "${p.name}" is only a category name. Please say what is measured, e.g. "举办培训班次数".`,
  indicator_unit_conflict: (p) => `The unit "${p.unit}" contradicts the unit "${p.valueUnit}" in the value "${p.value}". Please correct one of them.`,
  indicator_qualitative_with_unit: (p) => `The value "${p.value}" is 定性 (qualitative) but has the unit "${p.unit}". Please remove the unit, or make the type 定量.`,
  indicator_cost_floor: (p) =>
    `The 成本 value "${p.value}"${p.count > 1 ? ` and ${p.count - 1} more` : ''} is stated as a floor (≥, 以上). A cost is a ceiling: please write ≤ or 不超过.`,
  breakdown_blank: (p) => `${p.whole} (${p.wholeValue}) is filled but ${p.parts.join(', ')} are all blank, so it cannot be checked. Please fill in the parts.`,
  amount_in_yuan: (p) =>
    `${p.field} (${p.value}) is over a thousand times ${p.other} (${p.otherValue}): most likely typed in 元. This form asks for 万元: it should be ${p.suggestion}.`,
  phone_invalid: (p) => `${p.field} "${p.value}" does not look like a telephone number. Please enter a mobile (11 digits), a landline with area code (e.g. 0734-8866810) or a local 7–8 digit number.`,
  date_invalid: (p) => `${p.field} "${p.value}" is not a valid date. Please enter a date such as 2022年1月5日 or 2022-01-05.`,
  date_out_of_range: (p) =>
    p.reason === 'future'
      ? `${p.field} (${p.date}) is later than today (${p.to}). Please check the date.`
      : `${p.field} (${p.date}) is not between ${p.from} and ${p.to} (the budget year and the year before). Please check the date or the year in the title.`,
  markup_in_text: (p) => `${p.field} contains the web markup ${p.tag}, most likely pasted in; it prints as it is. Consider removing the tags.`,
  text_too_long: (p) => `${p.field} has ${p.length} characters, over the budget system's limit of ${p.max}. Please shorten it.`,
};
