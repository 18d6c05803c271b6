/**
 * Amount cells (every amount field, each task's 总额 and 财政拨款, 金额合计): what the
 * parser read, turned into issues with quick fixes.
 */
import { AMOUNT_DECIMALS, formatScaled } from '../../amounts/decimal';
import type { Issue } from '../../issues/issue';
import { createIssue } from '../create-issue';
import type { AmountCell, FormRuleSpec, IssueDeclaration } from '../types';

const NOT_A_NUMBER: IssueDeclaration<'not_a_number'> = {
  code: 'not_a_number',
  severity: 'error',
  description: {
    'zh-CN': '金额单元格中是文字而不是数字。能读出数字时（如“180.61万元”、全角“１８０．６１”、“1,234.5”），快速修复写入该数字。',
    'en-US': 'An amount cell holds text instead of a number. Where a number can be read ("180.61万元", full-width "１８０．６１", "1,234.5"), the quick fix writes it.',
  },
  example: { 'zh-CN': '资金总额填“180.61万元” → 改为 180.61。', 'en-US': '资金总额 holds "180.61万元" → write 180.61.' },
};

const UNIT_MISMATCH: IssueDeclaration<'unit_mismatch'> = {
  code: 'unit_mismatch',
  severity: 'error',
  description: {
    'zh-CN': '金额以“元”填写，而表格要求以“万元”为单位；快速修复换算为万元。',
    'en-US': 'An amount is written in 元 where 万元 is asked; the quick fix converts it.',
  },
  example: { 'zh-CN': '“1806100元” → 180.61（万元）。', 'en-US': '"1806100元" → 180.61 (万元).' },
};

const NEGATIVE_AMOUNT: IssueDeclaration<'negative_amount'> = {
  code: 'negative_amount',
  severity: 'error',
  description: { 'zh-CN': '金额小于 0。', 'en-US': 'An amount is below 0.' },
  example: { 'zh-CN': '其他资金填 -5。', 'en-US': '其他资金 holds -5.' },
};

const TOO_MANY_DECIMALS: IssueDeclaration<'too_many_decimals'> = {
  code: 'too_many_decimals',
  severity: 'warning',
  description: {
    'zh-CN': '金额超过 4 位小数（精确到元以下）；快速修复四舍五入到 4 位小数。',
    'en-US': 'An amount has more than 4 decimals (finer than 1 元); the quick fix rounds it to 4 decimals.',
  },
  example: { 'zh-CN': '17.681234 → 17.6812。', 'en-US': '17.681234 → 17.6812.' },
};

export const AMOUNT_FORMULA_ERROR: IssueDeclaration<'formula_error'> = {
  code: 'formula_error',
  severity: 'error',
  description: {
    'zh-CN': '单元格显示 Excel 错误值（#REF!、#VALUE!、#DIV/0!、#N/A、#NAME? 等），通常是公式引用了被删除或无效的单元格。',
    'en-US': 'A cell shows an Excel error (#REF!, #VALUE!, #DIV/0!, #N/A, #NAME? …), usually a formula pointing at a deleted or invalid cell.',
  },
  example: { 'zh-CN': '金额合计显示 #REF!。', 'en-US': '金额合计 shows #REF!.' },
};

export const FORMULA_NOT_CALCULATED: IssueDeclaration<'formula_not_calculated'> = {
  code: 'formula_not_calculated',
  severity: 'warning',
  description: {
    'zh-CN': '金额单元格的公式未计算：文件只保存了公式、没有保存结果（由不计算公式的程序保存，如 openpyxl 等工具或某些系统导出），且不是检查能算出的求和公式（SUM、+、-、*、/ 与数字）。涉及该单元格的合计不再核对，也不当作 0。',
    'en-US': 'An amount cell holds a formula without its result: the file was saved by a program that does not calculate (openpyxl and other tools, some system exports), and the formula is not one of the sums the check works out itself (SUM, + - * / and numbers). Sums with this cell are not compared, and the cell is not read as 0.',
  },
  example: { 'zh-CN': '资金总额 =ROUND(D6+D7,2)，文件中没有结果。', 'en-US': '资金总额 =ROUND(D6+D7,2), with no result in the file.' },
};

/** The field as messages name it: the label, with the task for a task row's cell. */
export function amountFieldName(amountCell: AmountCell): string {
  return amountCell.task ? `${amountCell.task} · ${amountCell.label}` : amountCell.label;
}

function checkAmountCell(amountCell: AmountCell): Issue | undefined {
  const { reading, cell } = amountCell;
  const field = amountFieldName(amountCell);
  switch (reading.kind) {
    case 'blank':
      return undefined;
    case 'uncalculated':
      return createIssue(FORMULA_NOT_CALCULATED, [cell], { field, formula: amountCell.source.formula ?? '' });
    case 'error':
      return createIssue(AMOUNT_FORMULA_ERROR, [cell], { field, error: reading.text });
    case 'notANumber':
      return createIssue(NOT_A_NUMBER, [cell], { field, text: reading.text, suggestion: '' });
    case 'textNumber':
      return createIssue(NOT_A_NUMBER, [cell], { field, text: reading.text, suggestion: formatScaled(reading.scaled) }, { cell, value: reading.value });
    case 'yuan':
      return createIssue(UNIT_MISMATCH, [cell], { field, text: reading.text, suggestion: formatScaled(reading.scaled) }, { cell, value: reading.value });
    case 'number':
      if (reading.scaled < 0n) return createIssue(NEGATIVE_AMOUNT, [cell], { field, value: formatScaled(reading.scaled) });
      if (reading.decimals > AMOUNT_DECIMALS) {
        const written = typeof amountCell.source.value === 'number' ? String(Number(amountCell.source.value.toPrecision(15))) : String(amountCell.source.value);
        // A formula's result is rounded in the formula (ROUND), not by overwriting it with a number.
        const fix = amountCell.source.formula ? undefined : { cell, value: reading.value };
        return createIssue(TOO_MANY_DECIMALS, [cell], { field, value: written, decimals: reading.decimals, suggestion: formatScaled(reading.scaled) }, fix);
      }
      return undefined;
  }
}

export const amountCellRule: FormRuleSpec = {
  id: 'amount-cells',
  family: 'amounts',
  issues: [NOT_A_NUMBER, UNIT_MISMATCH, NEGATIVE_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_FORMULA_ERROR, FORMULA_NOT_CALCULATED],
  *check(_form, context) {
    for (const amountCell of context.amountCells) {
      const issue = checkAmountCell(amountCell);
      if (issue) yield issue;
    }
  },
};

export const AMOUNT_RULES: readonly FormRuleSpec[] = [amountCellRule];
