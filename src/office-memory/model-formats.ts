/** Cell formats, borders, column widths and row heights, merges and names. */
import { MAX_COLUMNS, MAX_ROWS, isWholeColumns, isWholeRows, quoteSheetName, rectAbsoluteA1, rectsIntersect, type Rect } from './address';
import { ErrorCode, MemoryExcelError } from './errors';
import { RuleModel } from './model-rules';
import { cellKey, copyFormat, normalizeColor, rectArea, type BorderData, type BorderSide, type CellFormatData, type NameData, type SheetData } from './model-data';
import { MAX_CELLS_PER_READ } from './payload';

export class FormatModel extends RuleModel {
  // -------------------------------------------------------------- formats

  /**
   * Applies a change of format to every cell of a rectangle. `patch` receives each cell's format
   * and its position in the rectangle (to set edges). Whole rows and columns change the row or
   * column formats, so cells that have none of their own follow.
   */
  changeFormat(sheet: SheetData, rect: Rect, patch: (format: CellFormatData, position: { top: boolean; bottom: boolean; left: boolean; right: boolean }) => void, options: { raiseEvent?: boolean; checkProtection?: boolean } = {}): void {
    if (options.checkProtection !== false) this.assertFormatsEditable(sheet);
    const wholeRows = isWholeRows(rect);
    const wholeColumns = isWholeColumns(rect);
    const positionOf = (row: number, col: number) => ({ top: row === rect.top, bottom: row === rect.bottom, left: col === rect.left, right: col === rect.right });
    const touched = new Set<number>();
    const patchCell = (row: number, col: number): void => {
      const key = cellKey(row, col);
      if (touched.has(key)) return;
      touched.add(key);
      patch(this.writableCell(sheet, row, col).format, positionOf(row, col));
    };
    if (wholeRows && wholeColumns) {
      patch(sheet.defaultFormat, { top: false, bottom: false, left: false, right: false });
      for (const format of sheet.rowFormats.values()) patch(format, { top: false, bottom: false, left: false, right: false });
      for (const format of sheet.columnFormats.values()) patch(format, { top: false, bottom: false, left: false, right: false });
      for (const { row, col } of this.storedCellsIn(sheet, rect)) patchCell(row, col);
    } else if (wholeRows) {
      for (let row = rect.top; row <= rect.bottom; row += 1) {
        const format = sheet.rowFormats.get(row) ?? copyFormat(sheet.defaultFormat);
        patch(format, { top: row === rect.top, bottom: row === rect.bottom, left: false, right: false });
        sheet.rowFormats.set(row, format);
      }
      for (const { row, col } of this.storedCellsIn(sheet, rect)) patchCell(row, col);
    } else if (wholeColumns) {
      for (let col = rect.left; col <= rect.right; col += 1) {
        const format = sheet.columnFormats.get(col) ?? copyFormat(sheet.defaultFormat);
        patch(format, { top: false, bottom: false, left: col === rect.left, right: col === rect.right });
        sheet.columnFormats.set(col, format);
      }
      for (const { row, col } of this.storedCellsIn(sheet, rect)) patchCell(row, col);
    } else {
      if (rectArea(rect) > MAX_CELLS_PER_READ) {
        throw new MemoryExcelError(ErrorCode.invalidArgument, 'The range is too large: Excel limits a request to 5 MB.');
      }
      for (let row = rect.top; row <= rect.bottom; row += 1) for (let col = rect.left; col <= rect.right; col += 1) patchCell(row, col);
    }
    this.touch();
    // A change of format raises onFormatChanged, not onChanged (Office.js reference, Worksheet.onFormatChanged).
    if (options.raiseEvent !== false) this.record({ kind: 'formatChanged', sheetId: sheet.id, rect });
  }

  /**
   * Sets a border of a range (`EdgeTop`, `InsideHorizontal`, …). Neighbouring cells share an
   * edge in Excel, so the cell across the edge changes too.
   */
  setBorder(sheet: SheetData, rect: Rect, index: string, change: Partial<BorderData>, raiseEvent = true): void {
    const sides: { side: BorderSide; applies: (p: { top: boolean; bottom: boolean; left: boolean; right: boolean }) => boolean }[] = [];
    switch (index) {
      case 'EdgeTop':
        sides.push({ side: 'top', applies: (p) => p.top });
        break;
      case 'EdgeBottom':
        sides.push({ side: 'bottom', applies: (p) => p.bottom });
        break;
      case 'EdgeLeft':
        sides.push({ side: 'left', applies: (p) => p.left });
        break;
      case 'EdgeRight':
        sides.push({ side: 'right', applies: (p) => p.right });
        break;
      case 'InsideHorizontal':
        sides.push({ side: 'bottom', applies: (p) => !p.bottom }, { side: 'top', applies: (p) => !p.top });
        break;
      case 'InsideVertical':
        sides.push({ side: 'right', applies: (p) => !p.right }, { side: 'left', applies: (p) => !p.left });
        break;
      case 'DiagonalDown':
      case 'DiagonalUp':
        throw new MemoryExcelError(ErrorCode.notImplemented, `Border ${index} is not modelled by the in-memory Excel.`);
      default:
        throw new MemoryExcelError(ErrorCode.invalidArgument, `The argument is invalid or missing or has an incorrect format: border index '${index}'.`);
    }
    const normalized: Partial<BorderData> = { ...change };
    if (normalized.color !== undefined) normalized.color = normalizeColor(normalized.color);
    this.changeFormat(
      sheet,
      rect,
      (format, position) => {
        for (const { side, applies } of sides) if (applies(position)) Object.assign(format.borders[side], normalized);
      },
      { raiseEvent },
    );
    // The shared edge, seen from the neighbouring cell.
    const across: { side: BorderSide; rect: Rect | null } | null =
      index === 'EdgeTop' && rect.top > 0
        ? { side: 'bottom', rect: { ...rect, top: rect.top - 1, bottom: rect.top - 1 } }
        : index === 'EdgeBottom' && rect.bottom < MAX_ROWS - 1
          ? { side: 'top', rect: { ...rect, top: rect.bottom + 1, bottom: rect.bottom + 1 } }
          : index === 'EdgeLeft' && rect.left > 0
            ? { side: 'right', rect: { ...rect, left: rect.left - 1, right: rect.left - 1 } }
            : index === 'EdgeRight' && rect.right < MAX_COLUMNS - 1
              ? { side: 'left', rect: { ...rect, left: rect.right + 1, right: rect.right + 1 } }
              : null;
    if (across?.rect) {
      const side = across.side;
      this.changeFormat(sheet, across.rect, (format) => Object.assign(format.borders[side], normalized), { raiseEvent: false });
    }
  }

  setColumnWidth(sheet: SheetData, rect: Rect, width: number): void {
    if (!Number.isFinite(width) || width < 0) throw new MemoryExcelError(ErrorCode.invalidArgument, `The argument is invalid or missing or has an incorrect format: columnWidth ${width}.`);
    if (sheet.protection.protected && !sheet.protection.options.allowFormatColumns) this.assertFormatsEditable(sheet);
    if (isWholeRows(rect)) {
      sheet.defaultColumnWidth = width;
      sheet.columnWidths.clear();
    } else {
      for (let col = rect.left; col <= rect.right; col += 1) sheet.columnWidths.set(col, width);
    }
    this.touch();
  }

  setRowHeight(sheet: SheetData, rect: Rect, height: number): void {
    if (!Number.isFinite(height) || height < 0 || height > 409) throw new MemoryExcelError(ErrorCode.invalidArgument, `The argument is invalid or missing or has an incorrect format: rowHeight ${height}.`);
    if (sheet.protection.protected && !sheet.protection.options.allowFormatRows) this.assertFormatsEditable(sheet);
    if (isWholeColumns(rect)) {
      sheet.defaultRowHeight = height;
      sheet.rowHeights.clear();
    } else {
      for (let row = rect.top; row <= rect.bottom; row += 1) sheet.rowHeights.set(row, height);
    }
    this.touch();
  }

  columnWidthAt(sheet: SheetData, col: number): number {
    return sheet.columnWidths.get(col) ?? sheet.defaultColumnWidth;
  }

  rowHeightAt(sheet: SheetData, row: number): number {
    return sheet.rowHeights.get(row) ?? sheet.defaultRowHeight;
  }

  // -------------------------------------------------------------- merges

  merge(sheet: SheetData, rect: Rect, across: boolean): void {
    this.assertFormatsEditable(sheet);
    const areas: Rect[] = [];
    if (across) for (let row = rect.top; row <= rect.bottom; row += 1) areas.push({ ...rect, top: row, bottom: row });
    else areas.push(rect);
    for (const area of areas) {
      if (rectArea(area) < 2) continue;
      sheet.merges = sheet.merges.filter((merge) => !rectsIntersect(merge, area));
      // Excel keeps the top-left value and drops the rest.
      for (const { row, col, cell } of this.storedCellsIn(sheet, area)) {
        if (row === area.top && col === area.left) continue;
        cell.value = null;
        cell.formula = null;
      }
      sheet.merges.push(area);
    }
    this.touch();
  }

  unmerge(sheet: SheetData, rect: Rect): void {
    this.assertFormatsEditable(sheet);
    sheet.merges = sheet.merges.filter((merge) => !rectsIntersect(merge, rect));
    this.touch();
  }

  mergesIn(sheet: SheetData, rect: Rect): Rect[] {
    return sheet.merges.filter((merge) => rectsIntersect(merge, rect));
  }

  // -------------------------------------------------------------- names

  addName(scope: SheetData, name: string, formula: string, comment: string): NameData {
    if (!/^[A-Za-z_\\\u00C0-\uFFFF][A-Za-z0-9_.\\\u00C0-\uFFFF]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^(R|C)$/i.test(name) || name.length > 255) {
      throw new MemoryExcelError(ErrorCode.invalidArgument, `The argument is invalid or missing or has an incorrect format: name '${name}'.`);
    }
    if (scope.names.some((existing) => existing.name.toLowerCase() === name.toLowerCase())) {
      throw new MemoryExcelError(ErrorCode.itemAlreadyExists, `A resource with the same name or identifier already exists: name '${name}'.`);
    }
    const item: NameData = { name, formula: formula.startsWith('=') ? formula : `=${formula}`, comment, visible: true };
    scope.names.push(item);
    this.touch();
    return item;
  }

  static referenceFormula(sheet: SheetData, rect: Rect): string {
    return `=${quoteSheetName(sheet.name)}!${rectAbsoluteA1(rect)}`;
  }
}
