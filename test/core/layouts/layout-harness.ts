/**
 * What every layout's own test does with its filled form: draw it from its template and sample,
 * read it back as the layout it is, check it, and write it to .xlsx and read the file as the
 * command line does, expecting the same form.
 */
import { checkWorkbook } from '../../../src/core/check/check-workbook';
import type { WorkbookCheckResult } from '../../../src/core/check/types';
import { extractSheet } from '../../../src/core/extract';
import type { ExtractedForm } from '../../../src/core/forms/form-data';
import type { SheetSnapshot } from '../../../src/core/grid/grid';
import { buildLayoutPlan } from '../../../src/core/layout/build-layout-plan';
import type { LayoutPlan } from '../../../src/core/layout/layout-plan';
import { getSample } from '../../../src/core/sample';
import type { TemplateId } from '../../../src/core/templates/template';
import { workbookToBuffer } from '../../../src/cli/xlsx/save-workbook';
import { readSnapshotBytes } from '../../../src/cli/xlsx/snapshot-reader/read-snapshot';
import { templateWorkbook } from '../../../src/cli/xlsx/write-plan';
import { gridFromPlan } from '../../helpers/grid-from-plan';

export interface FilledLayout {
  readonly plan: LayoutPlan;
  readonly grid: SheetSnapshot;
  readonly year: number;
}

export function filledLayout(id: TemplateId): FilledLayout {
  const year = getSample(id).year;
  const plan = buildLayoutPlan(id, { year, withSample: true });
  return { plan, grid: gridFromPlan(plan), year };
}

export function readOnly(sheet: SheetSnapshot): ExtractedForm {
  const forms = extractSheet(sheet);
  expect(forms).toHaveLength(1);
  return forms[0];
}

/** Checked on a day the form may be filled (1 January of its budget year). */
export function checkSheet(sheet: SheetSnapshot, year: number): WorkbookCheckResult {
  return checkWorkbook({ sheets: [sheet] }, { today: new Date(year, 0, 10) });
}

/** The exported .xlsx as the command line's reader sees it. */
export async function roundTrip(id: TemplateId): Promise<SheetSnapshot> {
  const bytes = await workbookToBuffer(templateWorkbook(id, { year: getSample(id).year, withSample: true }));
  const read = readSnapshotBytes(bytes);
  if (!read.ok) throw new Error(`the exported ${id} form cannot be read back`);
  return read.snapshot.sheets[0];
}

/** Fields as `{ id: [cell, value] }`, for compact expectations. */
export function fieldTable(form: ExtractedForm): Record<string, [string, unknown] | undefined> {
  return Object.fromEntries(Object.entries(form.fields).map(([id, field]) => [id, field ? [field.cell, field.value] : undefined]));
}

/** Replaces a row's texts (the title, a label) in a sheet, keeping everything else. */
export function editTexts(sheet: SheetSnapshot, edit: (text: string) => string | null): SheetSnapshot {
  return { ...sheet, rows: sheet.rows.map((row) => row?.map((cell) => (typeof cell?.value === 'string' ? { ...cell, value: edit(cell.value) } : cell))) };
}
