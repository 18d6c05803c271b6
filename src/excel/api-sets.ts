/**
 * The ExcelApi requirement sets the adapter uses, and what each one unlocks. Checked with
 * `isSetSupported` before use, so a host that lacks one degrades instead of failing.
 *
 * - 1.6: conditional formats (the highlights) — below it the add-in cannot highlight or insert.
 * - 1.7: `Worksheet.onChanged` — the live check.
 * - 1.8: data validation on inserted forms, `runtime.enableEvents` around the add-in's writes.
 * - 1.9: multi-area ranges (one highlight per severity per sheet), page layout of inserted
 *   forms, `worksheets.onChanged`, `onFormatChanged` and `onSelectionChanged` for all sheets at
 *   once, `fill.pattern` (an added row copies "no fill" exactly; below it a white fill stands
 *   in). The manifest requires it; the levels under it stay handled (tests run the adapter there).
 * - 1.13: merged areas read with the grid (the extractor then knows merges instead of
 *   carrying blank 一级/二级 cells down); row insertion extends merges exactly.
 * - 1.17: `onNameChanged`, so a renamed sheet is rechecked at once.
 */
export const API_SET = 'ExcelApi';

export const REQUIRED_VERSION = {
  conditionalFormats: '1.6',
  onChanged: '1.7',
  dataValidation: '1.8',
  enableEvents: '1.8',
  multiAreaRanges: '1.9',
  pageLayout: '1.9',
  fillPattern: '1.9',
  worksheetsOnChanged: '1.9',
  mergedAreas: '1.13',
  nameChanged: '1.17',
} as const;

/** The minimum manifest.xml declares: the highlights' multi-area ranges and the all-sheet events. */
export const MANIFEST_MIN_VERSION = REQUIRED_VERSION.multiAreaRanges;

export type ApiFeature = keyof typeof REQUIRED_VERSION;

/** What the host supports, asked once per host. */
export class ApiLevel {
  private readonly answers = new Map<ApiFeature, boolean>();
  constructor(private readonly isSetSupported: (name: string, version: string) => boolean) {}

  has(feature: ApiFeature): boolean {
    let answer = this.answers.get(feature);
    if (answer === undefined) {
      answer = this.isSetSupported(API_SET, REQUIRED_VERSION[feature]);
      this.answers.set(feature, answer);
    }
    return answer;
  }
}
