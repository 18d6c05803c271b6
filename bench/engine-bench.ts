/**
 * The engine's scale: department forms of 10 to 10,000 indicator rows (and as many tasks),
 * the median time to extract them (`extractForms`) and to check what was extracted
 * (`checkForms`, which is `checkWorkbook` minus extraction). Each check is of a fresh
 * extraction, as every real check is, so nothing one check derives from a form serves the next.
 */
import { checkForms } from '../src/core/check/check-forms';
import { extractForms } from '../src/core/extract';
import type { WorkbookSnapshot } from '../src/core/grid/grid';
import { departmentGrid } from './department-grid';
import { medianMs, medianMsOf, round } from './stats';

export interface EngineRow {
  readonly indicatorRows: number;
  readonly extractMs: number;
  readonly checkMs: number;
  /** Issues the check found (the generated forms carry a few mistakes per 40–50 rows). */
  readonly issues: number;
}

export interface EngineGrowth {
  readonly from: number;
  readonly to: number;
  /** How many times longer 10× the rows took. Linear is ~10 (less while fixed costs dominate). */
  readonly extract: number;
  readonly check: number;
}

export const ENGINE_SIZES: readonly number[] = [10, 100, 1_000, 10_000];

/** A fixed "today" so the date rules give the same issues on every run. */
const TODAY = new Date(2022, 0, 10);

function budgetFor(rows: number): { warmUp: number; minRuns: number; maxRuns: number; budgetMs: number } {
  if (rows >= 10_000) return { warmUp: 1, minRuns: 5, maxRuns: 9, budgetMs: 3_000 };
  if (rows >= 1_000) return { warmUp: 3, minRuns: 9, maxRuns: 41, budgetMs: 1_500 };
  return { warmUp: 20, minRuns: 21, maxRuns: 501, budgetMs: 700 };
}

export function benchEngineSize(rows: number): EngineRow {
  const workbook: WorkbookSnapshot = { sheets: [departmentGrid(rows, rows)] };
  const extracted = extractForms(workbook);
  const form = extracted.forms[0];
  if (!form || form.indicators.length !== rows || form.tasks.length !== rows) {
    throw new Error(`the generated form of ${rows} rows read back as ${form?.indicators.length ?? 0} indicators and ${form?.tasks.length ?? 0} tasks`);
  }
  const options = { today: TODAY };
  const issues = checkForms(extracted.forms, options).reduce((sum, result) => sum + result.issues.length, 0);
  const budget = budgetFor(rows);
  const extractMs = medianMs(() => void extractForms(workbook), budget);
  const checkMs = medianMsOf(() => extractForms(workbook).forms, (forms) => void checkForms(forms, options), budget);
  return { indicatorRows: rows, extractMs: round(extractMs, 3), checkMs: round(checkMs, 3), issues };
}

export function engineGrowth(rows: readonly EngineRow[]): EngineGrowth[] {
  const growth: EngineGrowth[] = [];
  for (let i = 1; i < rows.length; i++) {
    const before = rows[i - 1];
    const after = rows[i];
    growth.push({
      from: before.indicatorRows,
      to: after.indicatorRows,
      extract: round(after.extractMs / before.extractMs, 1),
      check: round(after.checkMs / before.checkMs, 1),
    });
  }
  return growth;
}

export function benchEngine(sizes: readonly number[] = ENGINE_SIZES): EngineRow[] {
  return sizes.map(benchEngineSize);
}
