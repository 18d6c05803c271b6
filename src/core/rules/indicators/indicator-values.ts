/**
 * 指标值 as a reviewer reads them: a quantitative value states its unit, a rate is a
 * percentage, the 计量单位 column agrees with the value, a 定性 value has no unit, and a cost
 * is a ceiling. Repeated findings under one 二级 are one issue naming every cell.
 */
import { cellText, foldWidthFast, isBlankValue, snippet } from '../cell-values';
import { createIssue } from '../create-issue';
import type { FormRuleSpec, IssueDeclaration } from '../types';
import { byLevel2 } from './indicator-structure';
import type { ResolvedIndicator } from './resolve-indicators';

const INDICATOR_UNIT_MISSING: IssueDeclaration<'indicator_unit_missing'> = {
  code: 'indicator_unit_missing',
  severity: 'warning',
  description: {
    'zh-CN': '数量、时效、成本、满意度指标（或指标值类型为“定量”）的指标值只有一个数字，没有单位，计量单位一栏和三级指标末尾的括号里也没有。同一二级指标下的多个这样的值合为一条提示。',
    'en-US': 'A 数量, 时效, 成本 or 满意度 value (or one whose 指标值类型 is 定量) is a bare number, with no unit, no 计量单位 beside it and none in brackets after the 三级. Several under one 二级 make one issue.',
  },
  example: { 'zh-CN': '数量指标的指标值为“2”（应为“2次”“2个”等）。', 'en-US': 'A 数量指标 value "2" (say "2次", "2个" …).' },
};

const INDICATOR_RATE_NOT_PERCENT: IssueDeclaration<'indicator_rate_not_percent'> = {
  code: 'indicator_rate_not_percent',
  severity: 'warning',
  description: {
    'zh-CN': '三级指标是一个比率（…率、…比例、…比重、满意度），指标值却不是百分比（分值如“≥90分”也可）。同一二级指标下的多个这样的值合为一条提示。',
    'en-US': 'A 三级 names a rate (…率, …比例, …比重, 满意度) but its value is no percentage (a score such as "≥90分" will do). Several under one 二级 make one issue.',
  },
  example: { 'zh-CN': '“验收合格率”的指标值为“1”（应为“100%”）。', 'en-US': '验收合格率 with the value "1" (say "100%").' },
};

const INDICATOR_UNIT_CONFLICT: IssueDeclaration<'indicator_unit_conflict'> = {
  code: 'indicator_unit_conflict',
  severity: 'warning',
  description: {
    'zh-CN': '计量单位一栏与指标值中写的单位不一致。',
    'en-US': 'The 计量单位 column contradicts the unit written in the value.',
  },
  example: { 'zh-CN': '指标值“28.8万元”，计量单位为“%”。', 'en-US': 'The value "28.8万元" with the unit "%".' },
};

const INDICATOR_QUALITATIVE_WITH_UNIT: IssueDeclaration<'indicator_qualitative_with_unit'> = {
  code: 'indicator_qualitative_with_unit',
  severity: 'warning',
  description: {
    'zh-CN': '指标值类型为“定性”，却填了计量单位：定性指标没有单位，或应改为“定量”。',
    'en-US': 'The 指标值类型 is 定性 but a 计量单位 is filled: a qualitative value has no unit, or the type should be 定量.',
  },
  example: { 'zh-CN': '指标值类型“定性”，指标值“明显提升”，计量单位“%”。', 'en-US': '指标值类型 定性, value "明显提升", unit "%".' },
};

const INDICATOR_COST_FLOOR: IssueDeclaration<'indicator_cost_floor'> = {
  code: 'indicator_cost_floor',
  severity: 'warning',
  description: {
    'zh-CN': '成本指标的指标值用了“≥”“>”“不低于”“以上”：成本是上限，应写“≤”“不超过”。节约、降低类的成本指标不在此列。',
    'en-US': 'A 成本 value is stated with ≥, >, 不低于 or 以上: a cost is a ceiling, so ≤ or 不超过. Savings and reductions are exempt.',
  },
  example: { 'zh-CN': '成本指标“活动经费”的指标值为“≥38.87万元”（应为“≤38.87万元”）。', 'en-US': '成本指标 活动经费 with "≥38.87万元" (say "≤38.87万元").' },
};

const text = (indicator: ResolvedIndicator, key: 'valueKind' | 'unit'): string => {
  const source = indicator.row[key];
  return source && !isBlankValue(source.value) ? foldWidthFast(cellText(source.value)).trim() : '';
};

/** 指标值类型 as the form states it, when its layout prints the column. */
export function valueKindOf(indicator: ResolvedIndicator): '定量' | '定性' | undefined {
  const kind = text(indicator, 'valueKind');
  return kind.includes('定量') ? '定量' : kind.includes('定性') ? '定性' : undefined;
}

/** Whether the value must state a number: 定量, or a 数量, 时效, 成本 or 满意度 row. */
export function isQuantitative(indicator: ResolvedIndicator): boolean {
  if (valueKindOf(indicator) === '定量') return true;
  if (!indicator.level1) return false;
  return indicator.level2 ? indicator.level2.quantitative : indicator.level1.id === 'satisfaction';
}

/** A number alone, perhaps after a comparator: no unit. */
const BARE_NUMBER = /^(?:[≥≤<>=]|约|不低于|不少于|不高于|不超过|至少|达到|大于|小于|等于)*\s*[+-]?\d+(?:\.\d+)?$/u;

/** A 三级 that names a rate. */
const RATE_NAME = /(?:率|比例|比重|满意度|占比)$/u;
/** A percentage, or a score (满意度≥90分), which some provinces ask for. */
const PERCENT_LIKE = /[%‰]|百分|\d分/u;
const HAS_DIGIT = /\d/;

const VALUE_TEXTS = new WeakMap<ResolvedIndicator, string>();

/** The value folded and without spaces, as the value rules compare it: computed once per row. */
function valueText(indicator: ResolvedIndicator): string {
  const known = VALUE_TEXTS.get(indicator);
  if (known !== undefined) return known;
  const folded = foldWidthFast(cellText(indicator.row.value.value)).replace(/\s+/g, '');
  VALUE_TEXTS.set(indicator, folded);
  return folded;
}

function namesRate(indicator: ResolvedIndicator): boolean {
  return indicator.hasName && RATE_NAME.test(foldWidthFast(cellText(indicator.row.level3.value)).trim().replace(/[。.;；,，\s]+$/u, ''));
}

function isPercentRate(indicator: ResolvedIndicator): boolean {
  return PERCENT_LIKE.test(valueText(indicator)) || PERCENT_LIKE.test(text(indicator, 'unit'));
}

/** A 三级 that carries its unit in brackets: 培训人数（人）. */
const UNIT_IN_NAME = /[（(][^（）()]{1,6}[)）]$/u;

function unitInName(indicator: ResolvedIndicator): boolean {
  return UNIT_IN_NAME.test(foldWidthFast(cellText(indicator.row.level3.value)).trim());
}

const categoryOf = (indicator: ResolvedIndicator): string => indicator.level2?.name ?? indicator.level1?.name ?? '';

export const indicatorUnitMissingRule: FormRuleSpec = {
  id: 'indicator-unit-missing',
  family: 'indicators',
  issues: [INDICATOR_UNIT_MISSING],
  *check(_form, context) {
    // A rate without its % is indicator_rate_not_percent's.
    const bare = context.indicators.filter(
      (indicator) =>
        indicator.hasValue && BARE_NUMBER.test(valueText(indicator)) && isQuantitative(indicator) && !text(indicator, 'unit') && !unitInName(indicator) && !namesRate(indicator),
    );
    for (const group of byLevel2(bare)) {
      const cells = group.map((indicator) => indicator.row.value.cell);
      yield createIssue(INDICATOR_UNIT_MISSING, cells, { category: categoryOf(group[0]), value: snippet(cellText(group[0].row.value.value)), count: group.length });
    }
  },
};

export const indicatorRateRule: FormRuleSpec = {
  id: 'indicator-rate',
  family: 'indicators',
  issues: [INDICATOR_RATE_NOT_PERCENT],
  *check(_form, context) {
    const notPercent = context.indicators.filter((indicator) => indicator.hasValue && namesRate(indicator) && HAS_DIGIT.test(valueText(indicator)) && !isPercentRate(indicator));
    for (const group of byLevel2(notPercent)) {
      const cells = group.map((indicator) => indicator.row.value.cell);
      const [first] = group;
      yield createIssue(INDICATOR_RATE_NOT_PERCENT, cells, { indicator: snippet(cellText(first.row.level3.value)), value: snippet(cellText(first.row.value.value)), count: group.length });
    }
  },
};

/** Units as written after a number, longest first so that 万元 is read before 元. */
const KNOWN_UNITS = ['平方米', '人次', '万元', '亿元', '千米', '公里', '小时', '元/人', '%', '‰', '元', '次', '个', '人', '台', '件', '篇', '天', '日', '月', '年', '户', '家', '项', '场', '期', '份', '所', '名', '座', '米', '亩', '吨', '分'];

function unitAfterNumber(value: string): string | undefined {
  let found: string | undefined;
  for (const match of value.matchAll(/\d(?:[\d.,]*\d)?/g)) {
    const rest = value.slice((match.index ?? 0) + match[0].length);
    found = KNOWN_UNITS.find((unit) => rest.startsWith(unit)) ?? found;
  }
  return found;
}

export const indicatorUnitColumnRule: FormRuleSpec = {
  id: 'indicator-unit-column',
  family: 'indicators',
  issues: [INDICATOR_UNIT_CONFLICT, INDICATOR_QUALITATIVE_WITH_UNIT],
  *check(_form, context) {
    for (const indicator of context.indicators) {
      const unit = text(indicator, 'unit');
      const unitCell = indicator.row.unit?.cell;
      if (!unit || !unitCell) continue;
      const value = cellText(indicator.row.value.value).trim();
      if (valueKindOf(indicator) === '定性') {
        yield createIssue(INDICATOR_QUALITATIVE_WITH_UNIT, [unitCell, indicator.row.valueKind?.cell ?? indicator.row.value.cell], { value: snippet(value), unit });
        continue;
      }
      const written = unitAfterNumber(valueText(indicator));
      const declared = KNOWN_UNITS.find((known) => unit === known);
      if (written && declared && written !== declared) {
        yield createIssue(INDICATOR_UNIT_CONFLICT, [unitCell, indicator.row.value.cell], { value: snippet(value), valueUnit: written, unit });
      }
    }
  },
};

const FLOOR = /≥|>=|>|不低于|不少于|以上|至少|大于/u;
/** A saving or a reduction is rightly a floor (成本节约率≥5%). */
const SAVING = /节约|节省|降低|下降|减少/u;

function isCost(indicator: ResolvedIndicator): boolean {
  return indicator.level2?.id === 'outputCost' || indicator.level1?.id === 'cost';
}

export const indicatorCostFloorRule: FormRuleSpec = {
  id: 'indicator-cost-floor',
  family: 'indicators',
  issues: [INDICATOR_COST_FLOOR],
  *check(_form, context) {
    const floors = context.indicators.filter(
      (indicator) =>
        indicator.hasValue && isCost(indicator) && FLOOR.test(valueText(indicator)) && !SAVING.test(`${cellText(indicator.row.level3.value)}${valueText(indicator)}`),
    );
    for (const group of byLevel2(floors)) {
      yield createIssue(INDICATOR_COST_FLOOR, group.map((indicator) => indicator.row.value.cell), { value: snippet(cellText(group[0].row.value.value)), count: group.length });
    }
  },
};

export const INDICATOR_VALUE_RULES: readonly FormRuleSpec[] = [indicatorUnitMissingRule, indicatorRateRule, indicatorUnitColumnRule, indicatorCostFloorRule];
