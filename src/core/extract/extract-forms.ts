/**
 * Finds the forms on a sheet and reads them. A form is recognised by its title family and its
 * labels, never by one layout: each title names the layouts it may be (one title may be shared),
 * and the layout whose labels are found best is the form's. A sheet without any title (a
 * system's export) holds a form when the labels of one layout are clearly there.
 */
import type { CellRange, SheetSnapshot, WorkbookSnapshot } from '../grid/grid';
import type { ExtractedForm } from '../forms/form-data';
import { formAreas } from './form-areas';
import { FormReader, type FormReading } from './form-reader';
import { SheetIndex } from './sheet-index';
import type { Position } from './sheet-index';
import { TEMPLATE_KEYS, type TemplateKeys } from './template-keys';

export interface WorkbookExtraction {
  readonly forms: ExtractedForm[];
  /** Names of the sheets that hold no form. */
  readonly otherSheets: string[];
}

/** Labels besides the title that a form must show: a note that merely names a form is not one. */
const MIN_LABELS_FOUND = 2;
/** Without a title, a form must show its indicator table and this many more of its labels. */
const MIN_LABELS_UNTITLED = 4;

export function extractForms(workbook: WorkbookSnapshot): WorkbookExtraction {
  const forms: ExtractedForm[] = [];
  const otherSheets: string[] = [];
  for (const sheet of workbook.sheets) {
    const found = extractSheet(sheet);
    if (found.length === 0) otherSheets.push(sheet.name);
    forms.push(...found);
  }
  return { forms, otherSheets };
}

/** Whether a form's title stands anywhere on the sheet (a cheap look: the labels are not read). */
export function showsFormTitle(sheet: SheetSnapshot): boolean {
  return new SheetIndex(sheet).titles.length > 0;
}

export function extractSheet(sheet: SheetSnapshot): ExtractedForm[] {
  const index = new SheetIndex(sheet);
  let lastCol = 0;
  for (const row of sheet.rows) if (row && row.length - 1 > lastCol) lastCol = row.length - 1;
  const lastRow = Math.max(0, sheet.rows.length - 1);
  if (index.titles.length === 0) {
    const untitled = readUntitled(index, { top: 0, left: 0, bottom: lastRow, right: lastCol });
    return untitled ? [untitled] : [];
  }
  return formAreas(index.titles, lastRow, lastCol)
    .map(({ title, area }) => bestReading(index, title.templates, area, title))
    .filter((reading) => reading.found >= MIN_LABELS_FOUND)
    .map((reading) => reading.form);
}

/** The reading of the layout that finds most of its labels; on a tie, the one declared first (the reference). */
function bestReading(index: SheetIndex, templates: readonly TemplateKeys[], area: CellRange, title: Position): FormReading {
  let best: FormReading | undefined;
  for (const template of templates) {
    const reading = new FormReader(index, template, area, title).read();
    if (!best || reading.found > best.found) best = reading;
  }
  if (!best) throw new Error('a title names at least one template');
  return best;
}

function readUntitled(index: SheetIndex, area: CellRange): ExtractedForm | undefined {
  const start = index.firstLabel(area);
  if (!start) return undefined;
  const reading = bestReading(index, TEMPLATE_KEYS, area, start);
  const hasIndicators = reading.form.indicatorHeaderCell !== undefined;
  return hasIndicators && reading.found >= MIN_LABELS_UNTITLED + 1 ? reading.form : undefined;
}
