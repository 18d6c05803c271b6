/** A quick fix: the number or formula an issue offers, written into its cell in one sync. */
import type { IssueFix } from '../core';

/** Queues the fix on the sheet; the caller syncs. */
export function queueFix(sheet: Excel.Worksheet, fix: IssueFix): void {
  const range = sheet.getRange(fix.cell);
  if (typeof fix.value === 'string' && fix.value.startsWith('=')) range.formulas = [[fix.value]];
  else range.values = [[fix.value]];
}
