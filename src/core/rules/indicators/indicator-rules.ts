/**
 * The 绩效指标 table: names within the framework, complete rows, the three required 一级,
 * the expected 产出 二级, numbers where the indicator is quantitative, sane percentages, and
 * amounts in 万元 that match the form.
 */
import { equalWithin, formatScaled, parseDecimalText, type ScaledAmount } from '../../amounts/decimal';
import { isReadableAmount } from '../../amounts/parse-amount';
import { INDICATOR_FRAMEWORK, type Level2Id } from '../../indicators/framework';
import { cellText, foldWidthFast, snippet } from '../cell-values';
import { createIssue } from '../create-issue';
import type { Issue } from '../../issues/issue';
import type { TemplateSettings } from '../../templates/template';
import type { FormRuleSpec, IssueDeclaration } from '../types';
import { expectedOutputChildren } from './coverage';
import { INDICATOR_STRUCTURE_RULES } from './indicator-structure';
import { INDICATOR_VALUE_RULES, isQuantitative } from './indicator-values';
import type { ResolvedIndicator } from './resolve-indicators';

const INDICATOR_MISSING_ERROR: IssueDeclaration<'indicator_missing'> = {
  code: 'indicator_missing',
  severity: 'error',
  description: {
    'zh-CN': '产出指标、效益指标、满意度指标三者中，有一个下面没有任何填了指标值的三级指标。',
    'en-US': 'One of 产出指标, 效益指标 and 满意度指标 has no 三级 row with a value under it.',
  },
  example: { 'zh-CN': '表中没有满意度指标。', 'en-US': 'The table has no 满意度指标 row.' },
};

const INDICATOR_MISSING_WARNING: IssueDeclaration<'indicator_missing'> = {
  code: 'indicator_missing',
  severity: 'warning',
  description: {
    'zh-CN': '产出指标下缺少数量指标、质量指标、时效指标或成本指标（成本指标按模板设置；作为一级指标的成本指标也算）。',
    'en-US': '产出指标 lacks a 数量指标, 质量指标, 时效指标 or 成本指标 row (成本 as the template asks; 成本 as its own 一级 counts too).',
  },
  example: { 'zh-CN': '产出指标下只有数量指标和质量指标，没有时效指标。', 'en-US': '产出指标 has 数量 and 质量 rows but no 时效指标.' },
};

const INDICATOR_UNKNOWN: IssueDeclaration<'indicator_unknown'> = {
  code: 'indicator_unknown',
  severity: 'error',
  description: {
    'zh-CN': '一级或二级指标名称不在指标体系内（含同义名称；比较时忽略空格、全角/半角差异和末尾的“指标”二字），或已填写内容的行没有一级/二级指标。满意度指标可以没有二级指标。',
    'en-US': 'A 一级 or 二级 name is outside the framework (synonyms included; compared ignoring spaces, width and a trailing 指标), or a filled row has no 一级/二级 name. A 满意度 row needs no 二级.',
  },
  example: { 'zh-CN': '二级指标写成“进度指标”。', 'en-US': 'A 二级 named 进度指标.' },
};

const INDICATOR_WRONG_PARENT: IssueDeclaration<'indicator_wrong_parent'> = {
  code: 'indicator_wrong_parent',
  severity: 'error',
  description: { 'zh-CN': '二级指标放在了错误的一级指标下。', 'en-US': 'A 二级 stands under the wrong 一级.' },
  example: { 'zh-CN': '数量指标放在效益指标下。', 'en-US': '数量指标 under 效益指标.' },
};

const INDICATOR_VALUE_MISSING: IssueDeclaration<'indicator_value_missing'> = {
  code: 'indicator_value_missing',
  severity: 'error',
  description: { 'zh-CN': '三级指标没有指标值，或指标值只是占位符（*、-、_、/、无、略）。', 'en-US': 'A 三级 indicator has no value, or only a placeholder (*, -, _, /, 无, 略).' },
  example: { 'zh-CN': '三级指标“按时完成比率”的指标值为“-”。', 'en-US': '三级 按时完成比率 with the value "-".' },
};

const INDICATOR_NAME_MISSING: IssueDeclaration<'indicator_name_missing'> = {
  code: 'indicator_name_missing',
  severity: 'error',
  description: { 'zh-CN': '填了指标值，却没有三级指标名称。', 'en-US': 'A value is filled with no 三级 name beside it.' },
  example: { 'zh-CN': '指标值“1次”左边的三级指标为空。', 'en-US': 'The value "1次" with an empty 三级.' },
};

const INDICATOR_UNQUANTIFIED: IssueDeclaration<'indicator_unquantified'> = {
  code: 'indicator_unquantified',
  severity: 'warning',
  description: {
    'zh-CN': '数量、时效、成本、满意度指标（或指标值类型为“定量”）的指标值中没有数字（阿拉伯数字，全角也算；“一”“十”等汉字数字不算，因为它们常出现在“一系列”“进一步”等普通词语里）。质量、效益指标可以定性描述。',
    'en-US': 'A 数量, 时效, 成本 or 满意度 value (or one whose 指标值类型 is 定量) states no number (Arabic digits, full-width included; Chinese numerals such as 一 do not count, as they appear in everyday words like 一系列, 进一步). 质量 and 效益 values may be qualitative.',
  },
  example: { 'zh-CN': '成本指标的指标值“略有节余”（参考表中的真实情况）。', 'en-US': 'The 成本指标 value 略有节余 (a real finding on the reference form).' },
};

const PERCENT_OUT_OF_RANGE: IssueDeclaration<'percent_out_of_range'> = {
  code: 'percent_out_of_range',
  severity: 'error',
  description: { 'zh-CN': '指标值中的百分比小于 0 或大于 100。', 'en-US': 'A percentage in an indicator value is below 0 or above 100.' },
  example: { 'zh-CN': '“满意度达到105%”。', 'en-US': '"满意度达到105%".' },
};

const AMOUNT_MISMATCH_IN_TEXT: IssueDeclaration<'amount_mismatch_in_text'> = {
  code: 'amount_mismatch_in_text',
  severity: 'warning',
  description: {
    'zh-CN': '三级指标名称或指标值中写了“…万元”的金额，但它与本表的任何金额（资金总额、各分项、各任务金额、金额合计）都不相等。',
    'en-US': 'A 三级 name or value states an amount in 万元 that equals none of the form’s amounts (资金总额, its parts, the task amounts, 金额合计).',
  },
  example: { 'zh-CN': '成本指标写“200万元”，而资金总额是 180.61 万元（写“180.61万元”则不提示）。', 'en-US': '成本指标 says 200万元 while 资金总额 is 180.61 (180.61万元 would pass).' },
};


export const indicatorNamesRule: FormRuleSpec = {
  id: 'indicator-names',
  family: 'indicators',
  issues: [INDICATOR_UNKNOWN, INDICATOR_WRONG_PARENT],
  *check(_form, context) {
    const reported = new Set<string>();
    for (const indicator of context.indicators) {
      const problem = indicator.problem;
      if (!problem || reported.has(problem.cell)) continue;
      reported.add(problem.cell);
      if (problem.kind === 'unknown') {
        yield createIssue(INDICATOR_UNKNOWN, [problem.cell], { level: problem.level, name: problem.name, parent: problem.parent });
      } else {
        yield createIssue(INDICATOR_WRONG_PARENT, [problem.cell], { name: problem.name, parent: problem.parent, expectedParent: problem.expectedParent });
      }
    }
  },
};

export const indicatorRowsRule: FormRuleSpec = {
  id: 'indicator-rows',
  family: 'indicators',
  issues: [INDICATOR_VALUE_MISSING, INDICATOR_NAME_MISSING],
  *check(_form, context) {
    for (const { row, hasName, hasValue } of context.indicators) {
      if (hasName && !hasValue) {
        yield createIssue(INDICATOR_VALUE_MISSING, [row.value.cell, row.level3.cell], { indicator: snippet(cellText(row.level3.value)) });
      } else if (hasValue && !hasName) {
        yield createIssue(INDICATOR_NAME_MISSING, [row.level3.cell, row.value.cell], { value: snippet(cellText(row.value.value)) });
      }
    }
  },
};

export const indicatorCoverageRule: FormRuleSpec = {
  id: 'indicator-coverage',
  family: 'indicators',
  issues: [INDICATOR_MISSING_ERROR, INDICATOR_MISSING_WARNING],
  *check(form, context) {
    // The national layout's 中期 and 年度 sets are each a whole table of their own.
    const sets = new Map<string, ResolvedIndicator[]>([['annual', []]]);
    for (const indicator of context.indicators) {
      const period = indicator.row.period ?? 'annual';
      const set = sets.get(period);
      if (set) set.push(indicator);
      else sets.set(period, [indicator]);
    }
    for (const set of sets.values()) yield* coverageIssues(set, form.indicatorHeaderCell ?? form.titleCell, context.settings);
  },
};

function* coverageIssues(resolved: readonly ResolvedIndicator[], fallbackCell: string, settings: TemplateSettings): Generator<Issue> {
  for (const level1 of INDICATOR_FRAMEWORK) {
    if (!level1.required) continue;
    const rows = resolved.filter((indicator) => indicator.level1?.id === level1.id);
    if (rows.some((indicator) => indicator.hasValue)) continue;
    const cell = rows.length > 0 ? rows[0].row.level1.cell : fallbackCell;
    yield createIssue(INDICATOR_MISSING_ERROR, [cell], { level1: level1.name, level2: '', rowExists: false });
  }

  const output = INDICATOR_FRAMEWORK.find((level1) => level1.id === 'output');
  const outputRows = resolved.filter((indicator) => indicator.level1?.id === 'output');
  if (!output || !outputRows.some((indicator) => indicator.hasContent)) return;
  const present = new Set<Level2Id>();
  for (const indicator of resolved) {
    if (!indicator.hasContent) continue;
    if (indicator.level2) present.add(indicator.level2.id);
    if (indicator.level1?.id === 'cost') present.add('outputCost');
  }
  for (const id of expectedOutputChildren(settings)) {
    if (present.has(id)) continue;
    const spec = output.children.find((child) => child.id === id);
    // A row of that 二级 already on the form, still empty: point at it, to be filled.
    const emptyRow = outputRows.find((indicator) => indicator.level2?.id === id);
    const cells = emptyRow ? [emptyRow.row.level3.cell, emptyRow.row.value.cell] : [outputRows[0].row.level1.cell];
    yield createIssue(INDICATOR_MISSING_WARNING, cells, { level1: output.name, level2: spec?.name ?? id, rowExists: emptyRow !== undefined });
  }
}

/** Arabic digits, half- or full-width (the text is width folded first). */
const HAS_DIGIT = /\d/;

export const indicatorQuantifiedRule: FormRuleSpec = {
  id: 'indicator-quantified',
  family: 'indicators',
  issues: [INDICATOR_UNQUANTIFIED],
  *check(_form, context) {
    for (const indicator of context.indicators) {
      const { row, level1, level2, hasValue } = indicator;
      if (!hasValue || !level1 || !isQuantitative(indicator)) continue;
      const value = cellText(row.value.value);
      if (HAS_DIGIT.test(foldWidthFast(value))) continue;
      yield createIssue(INDICATOR_UNQUANTIFIED, [row.value.cell, row.level3.cell], { category: level2?.name ?? level1.name, value: snippet(value) });
    }
  },
};

const PERCENT = /(\d+(?:\.\d+)?)\s*%/g;

/** The percentages stated in a text, signed: “-5%” is -5, but “90-100%” is 90 and 100. */
export function percentagesIn(text: string): { readonly text: string; readonly value: number }[] {
  const folded = foldWidthFast(text);
  const found: { text: string; value: number }[] = [];
  for (const match of folded.matchAll(PERCENT)) {
    const start = match.index ?? 0;
    const before = folded[start - 1];
    const beforeSign = folded[start - 2];
    const negative = (before === '-' || before === '负' || before === '−') && !(beforeSign !== undefined && /\d/.test(beforeSign));
    const value = Number(match[1]) * (negative ? -1 : 1);
    found.push({ text: `${negative ? '-' : ''}${match[1]}%`, value });
  }
  return found;
}

export const percentRangeRule: FormRuleSpec = {
  id: 'percent-range',
  family: 'indicators',
  issues: [PERCENT_OUT_OF_RANGE],
  *check(form) {
    for (const row of form.indicators) {
      if (typeof row.value.value !== 'string' || !/[%％]/.test(row.value.value)) continue;
      const outOfRange = percentagesIn(row.value.value).find((percent) => percent.value < 0 || percent.value > 100);
      if (outOfRange) yield createIssue(PERCENT_OUT_OF_RANGE, [row.value.cell], { percent: outOfRange.text, value: snippet(row.value.value) });
    }
  },
};

const AMOUNT_IN_WAN = /(\d+(?:,\d{3})*(?:\.\d+)?)\s*万元/g;

/** The amounts in 万元 stated in a text, exactly. */
export function wanAmountsIn(text: string): { readonly text: string; readonly scaled: ScaledAmount }[] {
  const found: { text: string; scaled: ScaledAmount }[] = [];
  for (const match of foldWidthFast(text).matchAll(AMOUNT_IN_WAN)) {
    const reading = parseDecimalText(match[1].replace(/,/g, ''));
    if (reading) found.push({ text: match[1], scaled: reading.scaled });
  }
  return found;
}

export const amountInTextRule: FormRuleSpec = {
  id: 'amount-in-text',
  family: 'indicators',
  issues: [AMOUNT_MISMATCH_IN_TEXT],
  *check(form, context) {
    const { tolerance } = context;
    const formAmounts: ScaledAmount[] = [];
    for (const amountCell of context.amountCells) if (isReadableAmount(amountCell.reading)) formAmounts.push(amountCell.reading.scaled);
    formAmounts.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    // Binary search for the first form amount ≥ amount − tolerance: a form may have thousands of task amounts.
    const matchesForm = (amount: ScaledAmount): boolean => {
      let low = 0;
      let high = formAmounts.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (formAmounts[middle] < amount - tolerance) low = middle + 1;
        else high = middle;
      }
      return low < formAmounts.length && equalWithin(formAmounts[low], amount, tolerance);
    };
    for (const row of form.indicators) {
      for (const source of [row.level3, row.value]) {
        if (typeof source.value !== 'string' || !source.value.includes('万')) continue;
        const stray = wanAmountsIn(source.value).find((amount) => !matchesForm(amount.scaled));
        if (stray) yield createIssue(AMOUNT_MISMATCH_IN_TEXT, [source.cell], { amount: formatScaled(stray.scaled), text: snippet(source.value) });
      }
    }
  },
};

export const INDICATOR_RULES: readonly FormRuleSpec[] = [
  indicatorCoverageRule,
  indicatorNamesRule,
  indicatorRowsRule,
  indicatorQuantifiedRule,
  percentRangeRule,
  amountInTextRule,
  ...INDICATOR_STRUCTURE_RULES,
  ...INDICATOR_VALUE_RULES,
];
