/**
 * Places each indicator row in the framework (src/core/indicators/framework.ts). Names
 * compare after trimming, width folding and dropping a trailing 指标 (数量 = 数量指标), with
 * the framework's synonyms. A 满意度 name may stand in the 一级 or the 二级 column, with no
 * separate 二级: wherever it stands, the row is a 满意度 row.
 */
import type { IndicatorRow } from '../../forms/form-data';
import { INDICATOR_FRAMEWORK, type Level1Spec, type Level2Spec } from '../../indicators/framework';
import { normalizeLabel } from '../../text/normalize';
import { cellText, isBlankField, isBlankValue } from '../cell-values';

const KEY_CACHE = new Map<string, string>();
const KEY_CACHE_LIMIT = 4096;

/** A name as compared: normalised, without a final full stop or 指标. Memoised: merged names repeat on every row. */
export function indicatorKey(name: string): string {
  const known = KEY_CACHE.get(name);
  if (known !== undefined) return known;
  const key = normalizeLabel(name).replace(/[。.]+$/u, '').replace(/指标$/u, '');
  if (KEY_CACHE.size >= KEY_CACHE_LIMIT) KEY_CACHE.clear();
  KEY_CACHE.set(name, key);
  return key;
}

interface Level2Entry {
  readonly spec: Level2Spec;
  readonly parent: Level1Spec;
}

const LEVEL1_BY_KEY = new Map<string, Level1Spec>();
const LEVEL2_BY_KEY = new Map<string, Level2Entry[]>();
for (const level1 of INDICATOR_FRAMEWORK) {
  for (const name of [level1.name, ...level1.synonyms]) LEVEL1_BY_KEY.set(indicatorKey(name), level1);
  for (const level2 of level1.children) {
    for (const name of [level2.name, ...level2.synonyms]) {
      const key = indicatorKey(name);
      const entries = LEVEL2_BY_KEY.get(key) ?? [];
      if (!entries.some((entry) => entry.spec.id === level2.id)) entries.push({ spec: level2, parent: level1 });
      LEVEL2_BY_KEY.set(key, entries);
    }
  }
}

/** 二级 keys of each 一级, to find a child without normalising the framework's names per row. */
const CHILD_BY_KEY = new Map<Level1Spec, Map<string, Level2Spec>>(
  INDICATOR_FRAMEWORK.map((level1) => [level1, new Map(level1.children.flatMap((child) => [child.name, ...child.synonyms].map((name) => [indicatorKey(name), child] as const)))]),
);

const SATISFACTION = INDICATOR_FRAMEWORK.find((level1) => level1.id === 'satisfaction');
const SATISFACTION_KEYS = new Set<string>(
  SATISFACTION ? [SATISFACTION.name, ...SATISFACTION.synonyms, ...SATISFACTION.children.flatMap((child) => [child.name, ...child.synonyms])].map(indicatorKey) : [],
);

export type NameProblem =
  | { readonly kind: 'unknown'; readonly level: 1 | 2; readonly cell: string; readonly name: string; readonly parent: string }
  | { readonly kind: 'wrongParent'; readonly cell: string; readonly name: string; readonly parent: string; readonly expectedParent: string };

export interface ResolvedIndicator {
  readonly row: IndicatorRow;
  readonly level1: Level1Spec | undefined;
  /** undefined for a 满意度 row without a 二级, and for rows whose names are not understood. */
  readonly level2: Level2Spec | undefined;
  /** The 三级 or the value holds something. */
  readonly hasContent: boolean;
  readonly hasName: boolean;
  readonly hasValue: boolean;
  readonly problem?: NameProblem;
}

export function findLevel1(name: string): Level1Spec | undefined {
  return LEVEL1_BY_KEY.get(indicatorKey(name));
}

export function resolveIndicator(row: IndicatorRow): ResolvedIndicator {
  const hasName = !isBlankField(row.level3);
  const hasValue = !isBlankField(row.value);
  const base = { row, hasName, hasValue, hasContent: hasName || hasValue };
  const level1Text = isBlankValue(row.level1.value) ? '' : cellText(row.level1.value).trim();
  const level2Text = isBlankValue(row.level2.value) ? '' : cellText(row.level2.value).trim();

  if (level2Text && SATISFACTION_KEYS.has(indicatorKey(level2Text))) {
    return { ...base, level1: SATISFACTION, level2: SATISFACTION?.children[0] };
  }
  const level1 = level1Text ? findLevel1(level1Text) : undefined;
  if (!level1) {
    const problem: NameProblem | undefined =
      level1Text || base.hasContent ? { kind: 'unknown', level: 1, cell: row.level1.cell, name: level1Text, parent: '' } : undefined;
    return problem ? { ...base, level1: undefined, level2: undefined, problem } : { ...base, level1: undefined, level2: undefined };
  }
  if (!level2Text) {
    if (level1.id === 'satisfaction' || !base.hasContent) return { ...base, level1, level2: undefined };
    return { ...base, level1, level2: undefined, problem: { kind: 'unknown', level: 2, cell: row.level2.cell, name: '', parent: level1Text } };
  }
  const key = indicatorKey(level2Text);
  const child = CHILD_BY_KEY.get(level1)?.get(key);
  if (child) return { ...base, level1, level2: child };
  const elsewhere = LEVEL2_BY_KEY.get(key);
  if (elsewhere && elsewhere.length > 0) {
    const expectedParent = elsewhere.map((entry) => entry.parent.name).join(' / ');
    return { ...base, level1, level2: undefined, problem: { kind: 'wrongParent', cell: row.level2.cell, name: level2Text, parent: level1Text, expectedParent } };
  }
  return { ...base, level1, level2: undefined, problem: { kind: 'unknown', level: 2, cell: row.level2.cell, name: level2Text, parent: level1Text } };
}
