/**
 * Every layout's extract + check time: its sample form, with its (年度) indicator table grown
 * to N rows drawn by the layout itself (`planFromTemplate` over a sample of N rows), so each
 * layout's columns, merges and extra columns are in the measure.
 */
import { checkForms } from '../src/core/check/check-forms';
import { extractForms } from '../src/core/extract';
import { planFromTemplate } from '../src/core/layout/build-layout-plan';
import { planToSnapshot } from '../src/core/layout/plan-to-snapshot';
import { getSample, type SampleIndicator } from '../src/core/sample';
import { getTemplate } from '../src/core/templates';
import { TEMPLATE_IDS, type TemplateId } from '../src/core/templates/template';
import { medianMs, round } from './stats';

export interface LayoutRow {
  readonly layout: TemplateId;
  readonly indicatorRows: number;
  readonly extractMs: number;
  readonly checkMs: number;
}

export const LAYOUT_SIZES: readonly number[] = [100, 1_000];

/** The sample's annual indicators repeated (三级 numbered) up to `rows`; its 中期 rows kept. */
function grownIndicators(id: TemplateId, rows: number): SampleIndicator[] {
  const sample = getSample(id).indicators;
  const annual = sample.filter((i) => i.period === undefined);
  const grown = Array.from({ length: rows }, (_, i) => ({ ...annual[Math.floor((i * annual.length) / rows)], level3: `指标${i + 1}` }));
  return [...sample.filter((i) => i.period !== undefined), ...grown];
}

export function benchLayoutSize(id: TemplateId, rows: number): LayoutRow {
  const sample = getSample(id);
  const plan = planFromTemplate(getTemplate(id), sample.year, { ...sample, indicators: grownIndicators(id, rows) });
  const workbook = { sheets: [planToSnapshot(plan)] };
  const extracted = extractForms(workbook);
  const form = extracted.forms[0];
  if (form?.template !== id || form.indicators.filter((i) => i.period === undefined).length !== rows) {
    throw new Error(`the ${id} form of ${rows} rows read back as ${form?.template ?? 'nothing'} with ${form?.indicators.length ?? 0} indicators`);
  }
  const options = { today: new Date(sample.year, 0, 10) };
  const budget = rows >= 1_000 ? { warmUp: 3, minRuns: 9, maxRuns: 41, budgetMs: 1_000 } : { warmUp: 10, minRuns: 21, maxRuns: 201, budgetMs: 500 };
  const extractMs = medianMs(() => void extractForms(workbook), budget);
  const checkMs = medianMs(() => void checkForms(extracted.forms, options), budget);
  return { layout: id, indicatorRows: rows, extractMs: round(extractMs, 3), checkMs: round(checkMs, 3) };
}

export function benchLayouts(sizes: readonly number[] = LAYOUT_SIZES): LayoutRow[] {
  return TEMPLATE_IDS.flatMap((id) => sizes.map((rows) => benchLayoutSize(id, rows)));
}
