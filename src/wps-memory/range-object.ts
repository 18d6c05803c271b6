/**
 * `Range`: one or more areas of a sheet. Reads give the first area (`Value2` of several cells is
 * a 2-D array, rows × columns, "Range.Value2 property (Excel)"), writes change every area, and
 * each member read, written or called is one crossing into WPS.
 */
import { cvErrorCode, XL_FORMAT_FROM, type WpsRange } from '../wps/wps-api';
import { absoluteAddress, isWholeRows, rectRows, relativeAddress, type Rect } from './address';
import { WpsErrorCode, WpsMemoryError } from './errors';
import { MemoryBorders, MemoryFont, MemoryInterior } from './format-objects';
import type { FormulaValue } from './formula';
import { requireBoolean, requireNumber, requireString, SheetObject, type WpsHost } from './object-base';
import { MemoryFormatConditions, MemoryValidation } from './rule-objects';
import type { CellFormat } from './sheet-data';

/** What `Value2` gives for one cell: an error as its CVErr number, an empty cell as undefined (VT_EMPTY). */
export type CellValue2 = number | string | boolean | undefined;

function value2Of(value: FormulaValue): CellValue2 {
  if (value === null) return undefined;
  if (typeof value === 'object') return cvErrorCode(value.error);
  return value;
}

function formulaTextOf(formula: string | null, value: FormulaValue): string {
  if (formula) return formula;
  if (value === null) return '';
  if (typeof value === 'object') return value.error;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  // A number as the cell keeps it: 15 significant digits.
  return typeof value === 'number' ? String(Number(value.toPrecision(15))) : value;
}

export class MemoryRange extends SheetObject implements WpsRange {
  protected readonly kind = 'Range';

  constructor(
    host: WpsHost,
    sheetId: number,
    readonly areas: readonly Rect[],
  ) {
    super(host, sheetId);
  }

  private get first(): Rect {
    return this.areas[0];
  }

  private grid<T>(read: (row: number, col: number) => T): T | T[][] {
    const area = this.first;
    if (area.top === area.bottom && area.left === area.right) return read(area.top, area.left);
    const lines: T[][] = [];
    for (let row = area.top; row <= area.bottom; row += 1) {
      const line: T[] = [];
      for (let col = area.left; col <= area.right; col += 1) line.push(read(row, col));
      lines.push(line);
    }
    return lines;
  }

  // -------------------------------------------------------------- contents

  /** A scalar for one cell, a 2-D array (rows × columns) for several. */
  get Value2(): CellValue2 | CellValue2[][] {
    return this.read('Value2', () => this.grid((row, col) => value2Of(this.model.valueAt(this.sheet, row, col))));
  }
  set Value2(value: unknown) {
    this.write('Value2', () => {
      for (const area of this.areas) this.model.write(this.sheet, area, value);
    });
  }

  /** The formula, or the constant as text, '' for an empty cell ("Range.Formula property (Excel)"). */
  get Formula(): string | string[][] {
    return this.read('Formula', () =>
      this.grid((row, col) => {
        const cell = this.model.cell(this.sheet, row, col);
        return formulaTextOf(cell?.formula ?? null, cell?.value ?? null);
      }),
    );
  }
  set Formula(value: unknown) {
    this.write('Formula', () => {
      for (const area of this.areas) this.model.write(this.sheet, area, value);
    });
  }

  // -------------------------------------------------------------- where it is

  /** `$A$1:$F$30` by default; `Address(false, false)` gives `A1:F30`. Areas are joined by commas. */
  Address(rowAbsolute = true, columnAbsolute = true): string {
    return this.invoke('Address', () =>
      this.areas
        .map((area) => {
          if (rowAbsolute && columnAbsolute) return absoluteAddress(area);
          if (!rowAbsolute && !columnAbsolute) return relativeAddress(area);
          const text = absoluteAddress(area);
          return rowAbsolute ? text.replace(/\$([A-Z]+)/g, '$1') : text.replace(/\$(\d+)/g, '$1');
        })
        .join(','),
    );
  }

  // -------------------------------------------------------------- rows

  private wholeRows(member: string): Rect {
    if (this.areas.length !== 1 || !isWholeRows(this.first)) {
      throw new WpsMemoryError(WpsErrorCode.invalidOperation, `Range.${member} is modelled for whole rows only (Range("5:5")).`);
    }
    return this.first;
  }

  /**
   * On whole rows: inserts as many rows above them (Shift does not matter for whole rows); they
   * take the formats of the row above, or of the row below with CopyOrigin xlFormatFromRightOrBelow.
   */
  Insert(_shift?: number, copyOrigin?: number): void {
    this.invoke('Insert', () => {
      const rows = this.wholeRows('Insert');
      if (copyOrigin !== undefined && copyOrigin !== XL_FORMAT_FROM.leftOrAbove && copyOrigin !== XL_FORMAT_FROM.rightOrBelow) {
        throw new WpsMemoryError(WpsErrorCode.invalidArgument, `${copyOrigin} is not an XlInsertFormatOrigin.`);
      }
      this.model.insertRows(this.sheet, rows.top, rectRows(rows), copyOrigin === XL_FORMAT_FROM.rightOrBelow);
    });
  }

  // -------------------------------------------------------------- merged areas

  /** True when the range is merged cells, false when none is, null when mixed. */
  get MergeCells(): boolean | null {
    return this.read('MergeCells', () => this.model.mergeCells(this.sheet, this.first));
  }
  set MergeCells(value: boolean | null) {
    this.write('MergeCells', () => {
      const merge = requireBoolean(value, 'Range.MergeCells');
      for (const area of this.areas) {
        if (merge) this.model.merge(this.sheet, area, false);
        else this.model.unmerge(this.sheet, area);
      }
    });
  }

  /** The merged area holding the top-left cell, or that cell when it is not merged ("Range.MergeArea property (Excel)"). */
  get MergeArea(): MemoryRange {
    return this.read('MergeArea', () => {
      const { top, left } = this.first;
      return new MemoryRange(this.host, this.sheetId, [this.model.mergeAt(this.sheet, top, left) ?? { top, left, bottom: top, right: left }]);
    });
  }

  Merge(across?: boolean): void {
    this.invoke('Merge', () => {
      for (const area of this.areas) this.model.merge(this.sheet, area, across === true);
    });
  }

  UnMerge(): void {
    this.invoke('UnMerge', () => {
      for (const area of this.areas) this.model.unmerge(this.sheet, area);
    });
  }

  // -------------------------------------------------------------- formats

  get Interior(): MemoryInterior {
    return this.read('Interior', () => new MemoryInterior(this.host, this.sheetId, this.areas));
  }
  get Font(): MemoryFont {
    return this.read('Font', () => new MemoryFont(this.host, this.sheetId, this.areas));
  }
  get Borders(): MemoryBorders {
    return this.read('Borders', () => new MemoryBorders(this.host, this.sheetId, this.areas));
  }
  get FormatConditions(): MemoryFormatConditions {
    return this.read('FormatConditions', () => new MemoryFormatConditions(this.host, this.sheetId, this.areas));
  }
  get Validation(): MemoryValidation {
    return this.read('Validation', () => new MemoryValidation(this.host, this.sheetId, this.areas));
  }

  private formatProperty<T>(member: string, read: (format: CellFormat) => T, check: (value: unknown, member: string) => T, apply: (format: CellFormat, value: T) => void) {
    return {
      get: (): T | null =>
        this.read(member, () => {
          const values = this.areas.map((area) => this.model.common(this.sheet, area, read));
          return values.every((value) => value === values[0]) ? values[0] : null;
        }),
      set: (value: unknown): void =>
        this.write(member, () => {
          const checked = check(value, `Range.${member}`);
          for (const area of this.areas) this.model.changeFormat(this.sheet, area, (format) => apply(format, checked));
        }),
    };
  }

  private readonly horizontal = this.formatProperty('HorizontalAlignment', (f) => f.horizontalAlignment, requireNumber, (f, v) => (f.horizontalAlignment = v));
  private readonly vertical = this.formatProperty('VerticalAlignment', (f) => f.verticalAlignment, requireNumber, (f, v) => (f.verticalAlignment = v));
  private readonly wrap = this.formatProperty('WrapText', (f) => f.wrapText, requireBoolean, (f, v) => (f.wrapText = v));
  private readonly numberFormat = this.formatProperty('NumberFormat', (f) => f.numberFormat, requireString, (f, v) => (f.numberFormat = v));

  /** XlHAlign: xlGeneral 1, xlLeft -4131, xlCenter -4108, xlRight -4152. */
  get HorizontalAlignment(): number | null {
    return this.horizontal.get();
  }
  set HorizontalAlignment(value: number | null) {
    this.horizontal.set(value);
  }
  /** XlVAlign: xlTop -4160, xlCenter -4108, xlBottom -4107. */
  get VerticalAlignment(): number | null {
    return this.vertical.get();
  }
  set VerticalAlignment(value: number | null) {
    this.vertical.set(value);
  }
  get WrapText(): boolean | null {
    return this.wrap.get();
  }
  set WrapText(value: boolean | null) {
    this.wrap.set(value);
  }
  get NumberFormat(): string | null {
    return this.numberFormat.get();
  }
  set NumberFormat(value: string | null) {
    this.numberFormat.set(value);
  }

  /** In characters of the standard font; null when the columns differ ("Range.ColumnWidth property (Excel)"). */
  get ColumnWidth(): number | null {
    return this.read('ColumnWidth', () => {
      const { left, right } = this.first;
      const width = this.model.columnWidthAt(this.sheet, left);
      for (let col = left; col <= right; col += 1) if (this.model.columnWidthAt(this.sheet, col) !== width) return null;
      return width;
    });
  }
  set ColumnWidth(value: number | null) {
    this.write('ColumnWidth', () => {
      const width = requireNumber(value, 'Range.ColumnWidth');
      for (const area of this.areas) this.model.setColumnWidth(this.sheet, area, width);
    });
  }

  /** In points; null when the rows differ. */
  get RowHeight(): number | null {
    return this.read('RowHeight', () => {
      const { top, bottom } = this.first;
      const height = this.model.rowHeightAt(this.sheet, top);
      for (let row = top; row <= bottom; row += 1) if (this.model.rowHeightAt(this.sheet, row) !== height) return null;
      return height;
    });
  }
  set RowHeight(value: number | null) {
    this.write('RowHeight', () => {
      const height = requireNumber(value, 'Range.RowHeight');
      for (const area of this.areas) this.model.setRowHeight(this.sheet, area, height);
    });
  }

  // -------------------------------------------------------------- selection

  private assertActiveSheet(member: string): void {
    // "Select method of Range class failed": a range is selected on the active sheet only.
    if (this.model.activeSheetId !== this.sheetId) throw new WpsMemoryError(WpsErrorCode.invalidOperation, `Range.${member} failed: the range's sheet is not the active sheet.`);
  }

  Select(): void {
    this.invoke('Select', () => {
      this.assertActiveSheet('Select');
      this.model.select(this.sheet, this.first);
    });
  }
}
