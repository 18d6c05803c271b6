/**
 * Reads one form, as one template, from an area of a sheet: each field from the cell beside or
 * below its label, the task table from its header row to 金额合计, each indicator table from its
 * header row to the next table, the review row or the next field label. Only labels count,
 * never addresses. Never throws on user data: what cannot be found is `undefined` or left out.
 */
import { columnLetters, toA1 } from '../grid/address';
import type { CellRange } from '../grid/grid';
import type { ExtractedForm, FieldValue, IndicatorRow, TaskRow } from '../forms/form-data';
import type { IndicatorColumnKey, IndicatorPeriod, TaskColumnKey } from '../templates/form-template';
import { foldWidth } from '../text/normalize';
import type { LabelHit, Position, SheetIndex } from './sheet-index';
import { columnOf, readHeader, tableAnchors, type TableHeader } from './table-header';
import { REVIEW_KEY, UNDECLARED } from './template-keys';
import type { FieldKeys, IndicatorTableKeys, TemplateKeys } from './template-keys';

/** How far right of a label a value is looked for when the sheet's merges are unknown. */
const MAX_VALUE_GAP = 6;
/** Rows under the title where the year line "(2022 年度)" may stand. */
const YEAR_ROWS = 4;
const YEAR_PATTERN = /((?:19|20)\d{2})\s*年\s*度/u;

export interface FormReading {
  readonly form: ExtractedForm;
  /** How many of the template's labels and tables were found: the layout that finds most is the form's. */
  readonly found: number;
}

interface IndicatorSet {
  readonly header: TableHeader<IndicatorColumnKey>;
  readonly table: IndicatorTableKeys;
  readonly period: IndicatorPeriod;
  /** 0 for a table's own columns, 1 for the repeat of a side-by-side table. */
  readonly set: number;
  /** Side by side with one 一级 column for both: a row is one set's only where its own columns hold something. */
  readonly sharesLevel1: boolean;
  readonly end: number;
}

export class FormReader {
  constructor(
    private readonly index: SheetIndex,
    private readonly template: TemplateKeys,
    private readonly area: CellRange,
    /** The title cell, or where the form's first label is when the sheet has no title. */
    private readonly title: Position,
  ) {}

  read(): FormReading {
    const fields: Record<string, FieldValue | undefined> = {};
    let found = 0;
    for (const field of this.template.fields) {
      fields[field.id] = this.readField(field);
      if (fields[field.id]) found++;
    }
    const tasks = this.readTasks();
    const sets = this.indicatorSets();
    const indicators = sets.flatMap((set) => this.readIndicatorSet(set));
    if (tasks) found++;
    if (sets.length > 0) found++;
    const form: ExtractedForm = {
      template: this.template.id,
      sheet: this.index.sheet.name,
      year: this.readYear(),
      titleCell: toA1(this.title.row, this.title.col),
      fields,
      tasks: tasks?.rows ?? [],
      ...(tasks?.total ? { taskTotal: tasks.total } : {}),
      indicators,
      ...(sets.length > 0 ? { indicatorHeaderCell: toA1(sets[0].header.anchor.row, sets[0].header.anchor.col) } : {}),
    };
    return { form, found };
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
    const label = field.occurrence === 1 ? this.index.firstIn(field.keys, this.area) : this.index.nthIn(field.keys, this.area, field.occurrence);
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
    if (this.index.isBlank(at.row, at.col) && this.aloneInRow(label, col)) {
      // A label alone in its row has its value on the next row (exports put long texts there).
      const below = this.origin((this.index.mergeFrom(label.row, label.col)?.bottom ?? label.row) + 1, label.col);
      if (!this.index.isBlank(below.row, below.col) && !this.rowHasLabel(below.row)) return this.value(below.row, below.col);
    }
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

  private aloneInRow(label: LabelHit, from: number): boolean {
    for (let c = from; c <= this.area.right; c++) if (!this.index.isBlank(label.row, c)) return false;
    return true;
  }

  /** Whether a row holds any label of the form (then a cell in it is some other label's value). */
  private rowHasLabel(row: number): boolean {
    for (let c = this.area.left; c <= this.area.right; c++) if (this.index.isStructural(row, c, this.template)) return true;
    return false;
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

  private readTasks(): { rows: TaskRow[]; total?: ExtractedForm['taskTotal'] } | undefined {
    const table = this.template.taskTable;
    if (!table) return undefined;
    const [anchor] = tableAnchors(this.index, table.columns[0], this.area);
    if (!anchor) return undefined;
    const header = readHeader(this.index, table.columns, anchor, this.area, this.area.bottom);
    const { bodyStart } = header;
    const col = (key: TaskColumnKey): number | undefined => {
      const column = table.columns.find((c) => c.key === key);
      // A column read only where present has no declared place to fall back on.
      if (!column || (column.offset === UNDECLARED && !header.columns.has(key))) return undefined;
      return columnOf(header, column, 0);
    };
    const [name, content, total, fiscal] = (['name', 'content', 'total', 'fiscal'] as const).map((key) => col(key) ?? anchor.col);
    const other = col('other');
    const totalRow = this.firstRowWith(table.totalKeys, bodyStart);
    // Without a 金额合计 row, the table ends at the next label of the form.
    const headings = new Set(table.columns.flatMap((c) => c.headings));
    const otherLabels = [...this.template.structural].filter((k) => !headings.has(k));
    const end = Math.min(totalRow, this.firstRowWith(otherLabels, bodyStart));
    const rows: TaskRow[] = [];
    for (let r = bodyStart; r < end; r++) {
      const cells = other === undefined ? [name, content, total, fiscal] : [name, content, total, fiscal, other];
      if (cells.every((c) => this.index.isBlank(r, c))) continue;
      const row: TaskRow = { row: r, name: this.value(r, name), content: this.value(r, content), total: this.value(r, total), fiscal: this.value(r, fiscal) };
      rows.push(other === undefined ? row : { ...row, other: this.value(r, other) });
    }
    if (totalRow !== end || totalRow > this.area.bottom) return { rows };
    const label = this.index.hitsIn(table.totalKeys[0], this.area).find((h) => h.row === totalRow) ?? this.index.hitsIn(table.totalKeys[1], this.area).find((h) => h.row === totalRow);
    return {
      rows,
      total: {
        labelCell: toA1(totalRow, label?.col ?? name),
        total: this.value(totalRow, total),
        fiscal: this.value(totalRow, fiscal),
        ...(other === undefined ? {} : { other: this.value(totalRow, other) }),
        firstBodyRow: bodyStart,
      },
    };
  }

  /** 中期 or 年度, from the section label beside the header (`中期绩效指标`), else the declared order. */
  private periodOf(anchor: LabelHit, order: number): IndicatorPeriod {
    for (let c = this.area.left; c < anchor.col; c++) {
      const at = this.origin(anchor.row, c);
      const text = this.index.text(at.row, at.col);
      if (text.includes('中期')) return 'midTerm';
      if (text.includes('年度')) return 'annual';
    }
    return this.template.indicatorTables[order]?.period ?? 'annual';
  }

  /** Every indicator table of the form, and each set of a side-by-side one. */
  private indicatorSets(): IndicatorSet[] {
    const tables = this.template.indicatorTables;
    if (tables.length === 0) return [];
    const anchors = tableAnchors(this.index, tables[0].columns[0], this.area);
    const stopKeys = [REVIEW_KEY, ...this.template.fields.flatMap((f) => f.keys)];
    const sets: IndicatorSet[] = [];
    anchors.forEach((anchor, i) => {
      const next = anchors[i + 1]?.row ?? this.area.bottom + 1;
      const table = tables[Math.min(i, tables.length - 1)];
      const header = readHeader(this.index, table.columns, anchor, this.area, next - 1);
      const end = Math.min(next, this.firstRowWith(stopKeys, header.bodyStart));
      const repeated = (header.columns.get('level3')?.length ?? 0) > 1 && tables.some((t) => t.period === 'midTerm');
      if (!repeated) {
        sets.push({ header, table, period: this.periodOf(anchor, i), set: 0, sharesLevel1: false, end });
        return;
      }
      // Side by side: 中期 on the left, 年度 on the right, as the national form prints them; each
      // with its own 一级 column, or sharing the left one where 一级指标 stands once.
      const sharesLevel1 = (header.columns.get('level1')?.length ?? 0) < 2;
      sets.push({ header, table, period: 'midTerm', set: 0, sharesLevel1, end }, { header, table, period: 'annual', set: 1, sharesLevel1, end });
    });
    return sets;
  }

  private readIndicatorSet(set: IndicatorSet): IndicatorRow[] {
    const { header, table, end } = set;
    const col = (key: IndicatorColumnKey): number | undefined => {
      const column = table.columns.find((c) => c.key === key);
      return column && (key === 'level1' && set.sharesLevel1 ? columnOf(header, column, 0) : columnOf(header, column, set.set));
    };
    const [c1, c2, c3, c4] = (['level1', 'level2', 'level3', 'value'] as const).map((key) => col(key) ?? header.anchor.col);
    const extras = table.columns.filter((c) => !['level1', 'level2', 'level3', 'value'].includes(c.key) && header.columns.has(c.key)).map((c) => [c.key, columnOf(header, c, set.set)] as const);
    const { bodyStart } = header;
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
      const ownRest = !this.index.isBlank(r, c3) || !this.index.isBlank(r, c4);
      let level1: FieldValue;
      if (own1) {
        level1 = this.value(r, c1);
        last2 = undefined;
      } else level1 = merged1[r - bodyStart] ?? last1 ?? this.value(r, c1);
      if (!isBlankValue(level1)) last1 = level1;
      if (!own2 && !ownRest && (set.sharesLevel1 || !own1)) continue;
      const level2 = own2 ? this.value(r, c2) : (merged2[r - bodyStart] ?? (own1 ? undefined : last2) ?? this.value(r, c2));
      if (!isBlankValue(level2)) last2 = level2;
      // Built in place: spreading per row is most of the time on a long table.
      const row: Mutable<IndicatorRow> = { row: r, level1, level2, level3: this.value(r, c3), value: this.value(r, c4) };
      for (const [key, c] of extras) row[key] = this.value(r, c);
      if (set.period === 'midTerm') row.period = 'midTerm';
      rows.push(row);
    }
    return rows;
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

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function isBlankValue(field: FieldValue): boolean {
  // JavaScript's \s includes the ideographic space U+3000.
  return field.value === null || (typeof field.value === 'string' && /^\s*$/u.test(field.value));
}
