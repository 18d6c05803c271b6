/**
 * Places each indicator row in the framework (src/core/indicators/framework.ts). Names
 * compare after trimming, width folding and dropping a trailing 指标 (数量 = 数量指标), with
 * the framework's synonyms. A 满意度 name may stand in the 一级 or the 二级 column, with no
 * separate 二级, and a 满意度 二级 may stand under 效益 (the 2013 profile) — wherever it stands,
 * the row is a 满意度 row. A blank 一级 is inferred from the 二级, so the other rules still apply.
 */
import type { IndicatorRow } from '../../forms/form-data';
import { INDICATOR_FRAMEWORK, type Level1Spec, type Level2Spec } from '../../indicators/framework';
import type { ProfileEvidence } from '../../indicators/profiles';
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
  /** As written, or as the 二级 implies when the 一级 is blank (`level1Inferred`). */
  readonly level1: Level1Spec | undefined;
  /** undefined for a 满意度 row without a 二级, and for rows whose names are not understood. */
  readonly level2: Level2Spec | undefined;
  /** The 一级 column is blank on a row with a 二级 or content (`level1` is then what the 二级 implies, if anything). */
  readonly level1Missing: boolean;
  /** The 一级 column was blank and `level1` comes from the 二级. */
  readonly level1Inferred: boolean;
  /** A 满意度 二级 written under 效益 (the 2013 profile). */
  readonly satisfactionUnderBenefit: boolean;
  /** The 三级 or the value holds something. */
  readonly hasContent: boolean;
  readonly hasName: boolean;
  readonly hasValue: boolean;
  readonly problem?: NameProblem;
}

export function findLevel1(name: string): Level1Spec | undefined {
  return LEVEL1_BY_KEY.get(indicatorKey(name));
}

/** The 一级 a 二级 name belongs to, when only one does (数量指标 → 产出指标). */
function impliedLevel1(level2Text: string): Level1Spec | undefined {
  const entries = LEVEL2_BY_KEY.get(indicatorKey(level2Text));
  return entries && entries.length === 1 ? entries[0].parent : undefined;
}

/** 一级 under which a 满意度 二级 may stand: 满意度 itself (2015, 2021) and 效益 (2013). */
const SATISFACTION_PARENTS: readonly string[] = ['satisfaction', 'benefit'];

function resolveSatisfaction(base: Base, written: Level1Spec | undefined, level2Text: string, level1Text: string): ResolvedIndicator {
  const resolved = { ...base, level1: SATISFACTION, level2: SATISFACTION?.children[0], satisfactionUnderBenefit: written?.id === 'benefit' };
  if (!written || SATISFACTION_PARENTS.includes(written.id)) return resolved;
  const expectedParent = INDICATOR_FRAMEWORK.filter((level1) => SATISFACTION_PARENTS.includes(level1.id)).map((level1) => level1.name).join(' / ');
  return { ...resolved, problem: { kind: 'wrongParent', cell: base.row.level2.cell, name: level2Text, parent: level1Text, expectedParent } };
}

type Base = Pick<ResolvedIndicator, 'row' | 'hasName' | 'hasValue' | 'hasContent' | 'level1Missing' | 'level1Inferred' | 'satisfactionUnderBenefit'>;

export function resolveIndicator(row: IndicatorRow): ResolvedIndicator {
  const hasName = !isBlankField(row.level3);
  const hasValue = !isBlankField(row.value);
  const level1Text = isBlankValue(row.level1.value) ? '' : cellText(row.level1.value).trim();
  const level2Text = isBlankValue(row.level2.value) ? '' : cellText(row.level2.value).trim();
  const inferred = !level1Text && level2Text ? impliedLevel1(level2Text) : undefined;
  const hasContent = hasName || hasValue;
  const level1Missing = !level1Text && (level2Text !== '' || hasContent);
  const base: Base = { row, hasName, hasValue, hasContent, level1Missing, level1Inferred: inferred !== undefined, satisfactionUnderBenefit: false };
  const level1 = level1Text ? findLevel1(level1Text) : inferred;

  if (level2Text && SATISFACTION_KEYS.has(indicatorKey(level2Text))) {
    // A 满意度 name may stand alone, in either column: no 一级 is missing.
    return resolveSatisfaction({ ...base, level1Missing: false, level1Inferred: false }, level1Text ? level1 : undefined, level2Text, level1Text);
  }
  if (!level1) {
    // With no 一级 to read it under, a 二级 is judged only when no 一级 has it.
    const problem: NameProblem | undefined = level1Text
      ? { kind: 'unknown', level: 1, cell: row.level1.cell, name: level1Text, parent: '' }
      : level2Text && !LEVEL2_BY_KEY.has(indicatorKey(level2Text))
        ? { kind: 'unknown', level: 2, cell: row.level2.cell, name: level2Text, parent: '' }
        : undefined;
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

/** Where the rows put 成本 and 满意度: what recogniseProfile reads. */
export function profileEvidence(indicators: readonly ResolvedIndicator[]): ProfileEvidence {
  let costAsLevel1 = false;
  let satisfactionAsLevel1 = false;
  let satisfactionUnderBenefit = false;
  for (const indicator of indicators) {
    if (indicator.level1Inferred) continue;
    if (indicator.level1?.id === 'cost') costAsLevel1 = true;
    if (indicator.satisfactionUnderBenefit) satisfactionUnderBenefit = true;
    else if (indicator.level1?.id === 'satisfaction') satisfactionAsLevel1 = true;
  }
  return { costAsLevel1, satisfactionAsLevel1, satisfactionUnderBenefit };
}
