/**
 * Funding as a reviewer reads it, beside the sums: a total whose breakdown is left blank
 * cannot be checked, and a part thousands of times its whole (or a whole thousands of times
 * its parts) was typed in 元 where 万元 is asked. Both follow the template's field sums.
 */
import { formatScaled, scaledToNumber } from '../../amounts/decimal';
import { createIssue } from '../create-issue';
import type { FormRuleSpec, IssueDeclaration } from '../types';
import { fieldSums, yuanSuspects, type FieldAmount } from './yuan-suspects';

const BREAKDOWN_BLANK: IssueDeclaration<'breakdown_blank'> = {
  code: 'breakdown_blank',
  severity: 'warning',
  description: {
    'zh-CN': '填了合计（如资金总额），它的分项却全部空着（如财政拨款、其他资金；部门表的收入性质分项），合计无从核对。表上没有这些分项的版式不提示。',
    'en-US': 'A total is filled (资金总额) but every part of its breakdown is blank (财政拨款 and 其他资金; the department form’s income split), so the total cannot be checked. Layouts without those parts are not asked for them.',
  },
  example: { 'zh-CN': '资金总额 38.87，财政拨款、其他资金均为空。', 'en-US': '资金总额 38.87 with 财政拨款 and 其他资金 both blank.' },
};

const AMOUNT_IN_YUAN: IssueDeclaration<'amount_in_yuan'> = {
  code: 'amount_in_yuan',
  severity: 'warning',
  description: {
    'zh-CN': '一个不小于 10000 的分项是其合计的一千倍以上（或合计是各分项之和的一千倍以上），而除以一万后与之相称：多半是按“元”填写，而本表以“万元”为单位。快速修复把它换算为万元。换算后即相符的合计不再另报 sum_mismatch。',
    'en-US': 'A part of at least 10,000 is over a thousand times its total (or a total over a thousand times its parts) and fits once divided by 10,000: most likely typed in 元 where 万元 is asked. The quick fix converts it. A sum that holds once it is converted is not reported again as sum_mismatch.',
  },
  example: { 'zh-CN': '资金总额 180.61，公共财政拨款 1806100 → 应为 180.61。', 'en-US': '资金总额 180.61 with 公共财政拨款 1806100 → 180.61.' },
};

const isBlank = (field: FieldAmount): boolean => field.source.value === null || (typeof field.source.value === 'string' && field.source.value.trim() === '');

export const breakdownBlankRule: FormRuleSpec = {
  id: 'breakdown-blank',
  family: 'funding',
  issues: [BREAKDOWN_BLANK],
  *check(form, context) {
    for (const { whole, parts } of fieldSums(form, context)) {
      if (whole.amount === null || whole.amount <= 0n || !parts.every(isBlank)) continue;
      yield createIssue(BREAKDOWN_BLANK, [parts[0].source.cell, whole.source.cell, ...parts.slice(1).map((part) => part.source.cell)], {
        whole: whole.label,
        wholeValue: formatScaled(whole.amount),
        parts: parts.map((part) => part.label),
      });
    }
  },
};

export const amountInYuanRule: FormRuleSpec = {
  id: 'amount-in-yuan',
  family: 'funding',
  issues: [AMOUNT_IN_YUAN],
  *check(form, context) {
    for (const { field, amount, inWan, other, otherValue } of yuanSuspects(form, context)) {
      const fix = field.isNumber && !field.source.formula ? { cell: field.source.cell, value: scaledToNumber(inWan) } : undefined;
      yield createIssue(AMOUNT_IN_YUAN, [field.source.cell], { field: field.label, value: formatScaled(amount), other, otherValue: formatScaled(otherValue), suggestion: formatScaled(inWan) }, fix);
    }
  },
};

export const FUNDING_RULES: readonly FormRuleSpec[] = [breakdownBlankRule, amountInYuanRule];
