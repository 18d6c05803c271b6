/**
 * The shape of the 绩效指标 table as a reviewer reads it: the profile of the framework it
 * follows, a 一级 left blank (one issue for all its rows), 二级 rows nobody filled, and 三级
 * names that only repeat a category. docs/domain.md, "The indicator framework".
 */
import { INDICATOR_FRAMEWORK } from '../../indicators/framework';
import { FRAMEWORK_PROFILES } from '../../indicators/profiles';
import { normalizeLabel } from '../../text/normalize';
import type { FieldValue } from '../../forms/form-data';
import { cellText, isBlankValue } from '../cell-values';
import { createIssue } from '../create-issue';
import type { FormRuleSpec, IssueDeclaration } from '../types';
import { expectedOutputChildren } from './coverage';
import { indicatorKey, type ResolvedIndicator } from './resolve-indicators';

const INDICATOR_LEVEL1_MISSING: IssueDeclaration<'indicator_level1_missing'> = {
  code: 'indicator_level1_missing',
  severity: 'error',
  description: {
    'zh-CN': '绩效指标表的行没有填写一级指标（通常是表格开头几行）。所有这样的行合为一条提示；能由二级指标推断出一级指标时照常检查其余规则。',
    'en-US': 'Rows of the indicator table have no 一级 (usually the first rows). All such rows make one issue; where the 二级 implies the 一级, the other rules check the rows under it.',
  },
  example: { 'zh-CN': '第 41–44 行一级指标为空，二级指标为数量指标、质量指标（应为产出指标）。', 'en-US': 'Rows 41–44 have a blank 一级 under 数量指标 and 质量指标 (产出指标 implied).' },
};

const INDICATOR_PROFILE_OLD: IssueDeclaration<'indicator_profile_old'> = {
  code: 'indicator_profile_old',
  severity: 'warning',
  description: {
    'zh-CN': '仅供参考：指标表按已被替代的指标框架填写（财预〔2013〕53号：满意度指标是效益指标下的二级指标）。这种写法本身有效，其他规则按该框架判断；现行框架将满意度指标列为一级指标。',
    'en-US': 'For information only: the table follows a superseded framework (财预〔2013〕53号: 满意度 as a 二级 under 效益). That is valid, and the other rules judge the form by it; the current framework makes 满意度 a 一级.',
  },
  example: { 'zh-CN': '效益指标下有“社会公众或服务对象满意度指标”，表中没有满意度一级指标。', 'en-US': '效益指标 holds 社会公众或服务对象满意度指标, and no 满意度 一级 exists.' },
};

const INDICATOR_ROW_EMPTY: IssueDeclaration<'indicator_row_empty'> = {
  code: 'indicator_row_empty',
  severity: 'warning',
  description: {
    'zh-CN': '二级指标下的行既没有三级指标也没有指标值（无人填写的模板行）：请填写或删除。同一二级指标下的空行合为一条提示；整个一级指标或应有的产出二级指标没有填写时，由 indicator_missing 提示。',
    'en-US': 'A 二级 row holds neither a 三级 nor a value (a template row nobody filled): fill it or delete it. Empty rows of one 二级 make one issue; a whole 一级, or an expected 产出 二级, left unfilled is indicator_missing’s.',
  },
  example: { 'zh-CN': '社会效益指标已填写，经济效益指标一行空着。', 'en-US': '社会效益指标 is filled, the 经济效益指标 row is left empty.' },
};

const INDICATOR_CATEGORY_AS_NAME: IssueDeclaration<'indicator_category_as_name'> = {
  code: 'indicator_category_as_name',
  severity: 'warning',
  description: {
    'zh-CN': '三级指标只写了一个类别名称（一级或二级指标的名称），没有说明衡量什么。',
    'en-US': 'A 三级 is only a category name (a 一级 or 二级 name) and says nothing of what is measured.',
  },
  example: { 'zh-CN': '三级指标写成“数量指标”或“社会成本指标”。', 'en-US': 'A 三级 named 数量指标 or 社会成本指标.' },
};

/** Sheet rows (1-based) as ranges: 41–44、47. */
export function rowRanges(rows: readonly number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let start = 0; start < sorted.length; ) {
    let end = start;
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[end] + 1) end += 1;
    ranges.push(start === end ? String(sorted[start]) : `${sorted[start]}–${sorted[end]}`);
    start = end + 1;
  }
  return ranges.join('、');
}

export const indicatorLevel1MissingRule: FormRuleSpec = {
  id: 'indicator-level1-missing',
  family: 'indicators',
  issues: [INDICATOR_LEVEL1_MISSING],
  *check(_form, context) {
    const rows = context.indicators.filter((indicator) => indicator.level1Missing);
    if (rows.length === 0) return;
    const cells = [...new Set(rows.map((indicator) => indicator.row.level1.cell))];
    const inferred = [...new Set(rows.flatMap((indicator) => (indicator.level1Inferred && indicator.level1 ? [indicator.level1.name] : [])))];
    yield createIssue(INDICATOR_LEVEL1_MISSING, cells, { rows: rowRanges(rows.map((indicator) => indicator.row.row + 1)), count: rows.length, inferred: inferred.join('、') });
  },
};

export const indicatorProfileRule: FormRuleSpec = {
  id: 'indicator-profile',
  family: 'indicators',
  issues: [INDICATOR_PROFILE_OLD],
  *check(_form, context) {
    const { profile } = context;
    if (!profile.supersededBy) return;
    const current = FRAMEWORK_PROFILES[profile.supersededBy];
    const evidence = context.indicators.find((indicator) => indicator.satisfactionUnderBenefit);
    if (!evidence) return;
    yield createIssue(INDICATOR_PROFILE_OLD, [evidence.row.level2.cell], { profile: profile.id, source: profile.source, current: current.id, currentSource: current.source });
  },
};

/**
 * The 二级 a row stands under, as the framework knows it, else as written: rows of one 二级
 * group together whether the sheet merges its name or repeats it on every row. The 中期 and
 * 年度 sets of the national layout never share a group.
 */
function groupKey(indicator: ResolvedIndicator): string {
  const written = (source: FieldValue): string => (isBlankValue(source.value) ? '' : indicatorKey(cellText(source.value)));
  return `${indicator.row.period ?? 'annual'}|${indicator.level1?.id ?? written(indicator.row.level1)}|${indicator.level2?.id ?? written(indicator.row.level2)}`;
}

/** Rows by the 二级 they stand under, each group in form order. */
export function byLevel2(indicators: readonly ResolvedIndicator[]): ResolvedIndicator[][] {
  const groups = new Map<string, ResolvedIndicator[]>();
  for (const indicator of indicators) {
    const key = groupKey(indicator);
    const group = groups.get(key);
    if (group) group.push(indicator);
    else groups.set(key, [indicator]);
  }
  return [...groups.values()];
}

export const indicatorRowEmptyRule: FormRuleSpec = {
  id: 'indicator-row-empty',
  family: 'indicators',
  issues: [INDICATOR_ROW_EMPTY],
  *check(_form, context) {
    const empty = context.indicators.filter((indicator) => !indicator.hasContent && indicator.level1 && (indicator.level2 || indicator.level1.id === 'satisfaction'));
    if (empty.length === 0) return;
    const valuedLevel1 = new Set<string>();
    const filledLevel2 = new Set<string>();
    for (const { hasValue, hasContent, level1, level2 } of context.indicators) {
      if (hasValue && level1) valuedLevel1.add(level1.id);
      if (hasContent && level2) filledLevel2.add(level2.id);
      if (hasContent && level1?.id === 'cost') filledLevel2.add('outputCost');
    }
    const expected = expectedOutputChildren(context.settings);
    for (const group of byLevel2(empty)) {
      const [first] = group;
      const level1 = first.level1;
      // A 一级 with nothing filled, or an expected 产出 二级 with nothing filled: indicator_missing says so.
      if (!level1 || !valuedLevel1.has(level1.id)) continue;
      if (first.level2 && level1.id === 'output' && expected.includes(first.level2.id) && !filledLevel2.has(first.level2.id)) continue;
      const cells = [first.row.level3.cell, first.row.value.cell, ...group.slice(1).map((indicator) => indicator.row.level3.cell)];
      yield createIssue(INDICATOR_ROW_EMPTY, cells, { level1: level1.name, level2: first.level2?.name ?? '', count: group.length });
    }
  },
};

/** Keys of every 一级 and 二级 name, synonyms included. */
const CATEGORY_KEYS = new Set(
  INDICATOR_FRAMEWORK.flatMap((level1) => [level1.name, ...level1.synonyms, ...level1.children.flatMap((child) => [child.name, ...child.synonyms])]).map(indicatorKey),
);

/** A 三级 that is a category name written out with its 指标 (数量指标): 满意度 alone names a measure. */
export function isCategoryName(level3: string): boolean {
  if (!level3.includes('指标')) return false;
  const name = normalizeLabel(level3).replace(/[。.;；]+$/u, '');
  return name.endsWith('指标') && CATEGORY_KEYS.has(indicatorKey(name));
}

export const indicatorCategoryNameRule: FormRuleSpec = {
  id: 'indicator-category-name',
  family: 'indicators',
  issues: [INDICATOR_CATEGORY_AS_NAME],
  *check(_form, context) {
    for (const { row, hasName } of context.indicators) {
      if (!hasName || typeof row.level3.value !== 'string' || !isCategoryName(row.level3.value)) continue;
      yield createIssue(INDICATOR_CATEGORY_AS_NAME, [row.level3.cell], { name: row.level3.value.trim() });
    }
  },
};

export const INDICATOR_STRUCTURE_RULES: readonly FormRuleSpec[] = [indicatorLevel1MissingRule, indicatorProfileRule, indicatorRowEmptyRule, indicatorCategoryNameRule];
