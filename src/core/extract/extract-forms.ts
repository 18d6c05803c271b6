/**
 * Finds the forms on a sheet by their labels and reads them: each field from the cell beside
 * its label, the task and indicator tables from their header rows to their terminators. The
 * layout may have moved (rows inserted, a form at C5, a form typed by hand): only the labels
 * count. Never throws on user data: what cannot be found is `undefined` or left out.
 */
import { columnLetters, toA1 } from '../grid/address';
import type { CellRange, SheetSnapshot, WorkbookSnapshot } from '../grid/grid';
import type { ExtractedForm, FieldValue, IndicatorRow, TaskRow } from '../forms/form-data';
import { foldWidth } from '../text/normalize';
import { formAreas } from './form-areas';
import { SheetIndex } from './sheet-index';
import type { LabelHit, Position, TitleHit } from './sheet-index';
import { REVIEW_KEY, VALUE_HEADING } from './template-keys';
import type { FieldKeys, TableColumnKeys, TemplateKeys } from './template-keys';

export interface WorkbookExtraction {
  readonly forms: ExtractedForm[];
  /** Names of the sheets that hold no form. */
  readonly otherSheets: string[];
}

/** How far right of a label a value is looked for when the sheet's merges are unknown. */
const MAX_VALUE_GAP = 6;
/** Rows under the title where the year line "(2022 年度)" may stand. */
const YEAR_ROWS = 4;
const YEAR_PATTERN = /((?:19|20)\d{2})\s*年\s*度/u;

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
  if (index.titles.length === 0) return [];
  let lastCol = 0;
  for (const row of sheet.rows) if (row && row.length - 1 > lastCol) lastCol = row.length - 1;
  const lastRow = Math.max(0, sheet.rows.length - 1);
  return formAreas(index.titles, lastRow, lastCol)
    .map(({ title, area }) => new FormReader(index, title, area).read())
    .filter(looksLikeAForm);
}

/** Labels besides the title that a form must show: a note that merely names a form is not one. */
const MIN_LABELS_FOUND = 2;

function looksLikeAForm(form: ExtractedForm): boolean {
  let found = form.indicatorHeaderCell === undefined ? 0 : 1;
  for (const id in form.fields) if (form.fields[id] !== undefined) found++;
  return found >= MIN_LABELS_FOUND;
}

class FormReader {
  private readonly template: TemplateKeys;

  constructor(
    private readonly index: SheetIndex,
    private readonly title: TitleHit,
    private readonly area: CellRange,
  ) {
    this.template = title.template;
  }

  read(): ExtractedForm {
    const fields: Record<string, FieldValue | undefined> = {};
    for (const field of this.template.fields) fields[field.id] = this.readField(field);
    const tasks = this.readTasks();
    const indicators = this.readIndicators();
    return {
      template: this.template.id,
      sheet: this.index.sheet.name,
      year: this.readYear(),
      titleCell: toA1(this.title.row, this.title.col),
      fields,
      tasks: tasks?.rows ?? [],
      ...(tasks?.total ? { taskTotal: tasks.total } : {}),
      indicators: indicators?.rows ?? [],
      ...(indicators ? { indicatorHeaderCell: indicators.headerCell } : {}),
    };
  }

  /** Column letters by index, computed once per column: tables ask for the same few columns many times. */
  private readonly letters: string[] = [];

  private address(row: number, col: number): string {
    const letters = (this.letters[col] ??= columnLetters(col));
    return `${letters}${row + 1}`;
  }

  private value(row: number, col: number): FieldValue {
    const cell = this.index.cell(row, col);
    const address = this.address(row, col);
    if (cell.formula === undefined) return { cell: address, value: cell.value ?? null };
    return cell.uncalculated ? { cell: address, value: null, formula: cell.formula, uncalculated: true } : { cell: address, value: cell.value ?? null, formula: cell.formula };
  }

  /** The top-left cell of the merge covering this one, or the cell itself. */
  private origin(row: number, col: number): Position {
    const merge = this.index.mergeCovering(row, col);
    return merge ? { row: merge.top, col: merge.left } : { row, col };
  }

  private readYear(): number | null {
    const { row, col } = this.title;
    const rightEnd = Math.min(this.area.right, col + 20);
    for (let r = row; r <= Math.min(this.area.bottom, row + YEAR_ROWS); r++) {
      for (let c = r === row ? col : this.area.left; c <= rightEnd; c++) {
        const match = YEAR_PATTERN.exec(foldWidth(this.index.text(r, c)));
        if (match) return Number(match[1]);
      }
    }
    return null;
  }

  private readField(field: FieldKeys): FieldValue | undefined {
    const label = this.index.firstIn(field.keys, this.area);
    if (!label) return undefined;
    if (label.inlineValue !== undefined) return { cell: toA1(label.row, label.col), value: label.inlineValue };
    const merge = this.index.mergeFrom(label.row, label.col);
    if (field.placement === 'below') {
      const at = this.origin((merge?.bottom ?? label.row) + 1, label.col);
      return this.value(at.row, at.col);
    }
    return this.valueRightOf(label, (merge?.right ?? label.col) + 1);
  }

  private valueRightOf(label: LabelHit, col: number): FieldValue {
    const at = this.origin(label.row, col);
    if (!this.index.isBlank(at.row, at.col) || this.index.knowsMerges) return this.value(at.row, at.col);
    // Merges unknown (a grid typed by hand or read without them): the value may sit a few
    // cells further right; stop at the next label, which means the value is blank.
    for (let c = col + 1; c <= Math.min(this.area.right, col + MAX_VALUE_GAP); c++) {
      if (this.index.isBlank(label.row, c)) continue;
      if (this.index.isStructural(label.row, c, this.template)) break;
      return this.value(label.row, c);
    }
    return this.value(at.row, at.col);
  }

  /** The first row at or after `from` in the form where one of `keys` stands, or the row after the form. */
  private firstRowWith(keys: readonly string[], from: number): number {
    let end = this.area.bottom + 1;
    for (const key of keys) {
      for (const hit of this.index.hitsIn(key, this.area)) {
        if (hit.row >= from && hit.row < end) {
          end = hit.row;
          break;
        }
      }
    }
    return end;
  }

  /** Finds a table's columns from its header row (headings may sit one or two rows lower, under a group heading). */
  private tableColumns<K extends string>(
    columns: readonly TableColumnKeys<K>[],
    headerKey: (column: TableColumnKeys<K>) => string,
  ): { header: LabelHit; columns: Map<K, number>; bodyStart: number } | undefined {
    const first = columns[0];
    const header = this.index.firstIn([headerKey(first)], this.area);
    if (!header) return undefined;
    const band: CellRange = { top: header.row, left: this.area.left, bottom: Math.min(this.area.bottom, header.row + 2), right: this.area.right };
    const found = new Map<K, number>();
    let bodyStart = (this.index.mergeFrom(header.row, header.col)?.bottom ?? header.row) + 1;
    for (const column of columns) {
      const hit = column === first ? header : this.index.hitsIn(headerKey(column), band).find((h) => h.col > header.col && h.inlineValue === undefined);
      if (!hit) continue;
      found.set(column.key, hit.col);
      bodyStart = Math.max(bodyStart, (this.index.mergeFrom(hit.row, hit.col)?.bottom ?? hit.row) + 1);
    }
    // A heading that is missing keeps its declared place relative to the first column.
    for (const column of columns) if (!found.has(column.key)) found.set(column.key, header.col + column.offset);
    return { header, columns: found, bodyStart };
  }

  private readTasks(): { rows: TaskRow[]; total?: ExtractedForm['taskTotal'] } | undefined {
    const table = this.template.taskTable;
    if (!table) return undefined;
    const found = this.tableColumns(table.columns, (c) => c.heading);
    if (!found) return undefined;
    const { columns, bodyStart } = found;
    const col = (key: 'name' | 'content' | 'total' | 'fiscal'): number => columns.get(key) ?? found.header.col;
    const totalRow = this.firstRowWith(table.totalKeys, bodyStart);
    // Without a 金额合计 row, the table ends at the next label of the form.
    const otherLabels = [...this.template.structural].filter((k) => !table.columns.some((c) => c.heading === k));
    const end = Math.min(totalRow, this.firstRowWith(otherLabels, bodyStart));
    const rows: TaskRow[] = [];
    for (let r = bodyStart; r < end; r++) {
      const cells = [col('name'), col('content'), col('total'), col('fiscal')];
      if (cells.every((c) => this.index.isBlank(r, c))) continue;
      rows.push({ row: r, name: this.value(r, cells[0]), content: this.value(r, cells[1]), total: this.value(r, cells[2]), fiscal: this.value(r, cells[3]) });
    }
    if (totalRow !== end || totalRow > this.area.bottom) return { rows };
    const label = this.index.hitsIn(table.totalKeys[0], this.area).find((h) => h.row === totalRow) ?? this.index.hitsIn(table.totalKeys[1], this.area).find((h) => h.row === totalRow);
    return {
      rows,
      total: {
        labelCell: toA1(totalRow, label?.col ?? col('name')),
        total: this.value(totalRow, col('total')),
        fiscal: this.value(totalRow, col('fiscal')),
      },
    };
  }

  private readIndicators(): { rows: IndicatorRow[]; headerCell: string } | undefined {
    const table = this.template.indicatorTable;
    if (!table) return undefined;
    const found = this.tableColumns(table.columns, (c) => (c.key === 'value' ? VALUE_HEADING : c.heading));
    if (!found) return undefined;
    const { columns, bodyStart } = found;
    const footerKeys = this.template.fields.filter((f) => ['preparer', 'phone', 'fillDate'].includes(f.id)).flatMap((f) => f.keys);
    const end = Math.min(this.firstRowWith([REVIEW_KEY], bodyStart), this.firstRowWith(footerKeys, bodyStart));
    const [c1, c2, c3, c4] = (['level1', 'level2', 'level3', 'value'] as const).map((key) => columns.get(key) ?? found.header.col);
    // 一级 and 二级 carry down: through their merged cell where the sheet has merges, otherwise
    // (or below a merge, in rows inserted under it) from the last name above. A 二级 carries
    // only while the 一级 does: a row that names its own 一级 starts a new group.
    const merged1 = this.mergedNames(c1, bodyStart, end);
    const merged2 = this.mergedNames(c2, bodyStart, end);
    const rows: IndicatorRow[] = [];
    let last1: FieldValue | undefined;
    let last2: FieldValue | undefined;
    for (let r = bodyStart; r < end; r++) {
      const own1 = !this.index.isBlank(r, c1);
      const own2 = !this.index.isBlank(r, c2);
      if (!own1 && !own2 && this.index.isBlank(r, c3) && this.index.isBlank(r, c4)) continue;
      const fromMerge1 = merged1[r - bodyStart];
      const fromMerge2 = merged2[r - bodyStart];
      let level1: FieldValue;
      if (own1) {
        level1 = this.value(r, c1);
        last2 = undefined;
      } else level1 = fromMerge1 ?? last1 ?? this.value(r, c1);
      let level2: FieldValue;
      if (own2) level2 = this.value(r, c2);
      else level2 = fromMerge2 ?? (own1 ? undefined : last2) ?? this.value(r, c2);
      if (!isBlankValue(level1)) last1 = level1;
      if (!isBlankValue(level2)) last2 = level2;
      rows.push({ row: r, level1, level2, level3: this.value(r, c3), value: this.value(r, c4) });
    }
    return { rows, headerCell: toA1(found.header.row, found.header.col) };
  }

  /**
   * For the rows `from`..`to - 1` of one column: the name written in the top-left cell of the
   * merge that covers the row from above (one shared value per merge), or undefined.
   */
  private mergedNames(col: number, from: number, to: number): (FieldValue | undefined)[] {
    const names: (FieldValue | undefined)[] = new Array<FieldValue | undefined>(Math.max(0, to - from)).fill(undefined);
    for (const merge of this.index.merges) {
      if (merge.left > col || merge.right < col || merge.bottom < from || merge.top >= to) continue;
      const name = this.value(merge.top, merge.left);
      for (let r = Math.max(from, merge.top + 1); r <= Math.min(to - 1, merge.bottom); r++) names[r - from] = name;
    }
    return names;
  }
}

function isBlankValue(field: FieldValue): boolean {
  // JavaScript's \s includes the ideographic space U+3000.
  return field.value === null || (typeof field.value === 'string' && /^\s*$/u.test(field.value));
}
