/**
 * `Excel.Range`, `Excel.RangeAreas` and what hangs off them (formats, borders, data
 * validation, conditional formats), as proxies over the workbook model.
 */
import {
  MAX_COLUMNS,
  MAX_ROWS,
  boundingRect,
  isWholeColumns,
  isWholeRows,
  parseSheetAddress,
  quoteSheetName,
  rectA1,
  rectAbsoluteA1,
  rectColumns,
  rectContains,
  rectIntersection,
  rectRows,
  type Rect,
} from './address';
import type { MemoryRequestContext } from './context';
import { ErrorCode, MemoryExcelError } from './errors';
import { CollectionProxy, MemoryClientResult, ProxyObject } from './proxy-base';
import { ConditionalFormatCollectionProxy } from './conditional-format-proxies';
import { WorksheetProxy } from './sheet-proxies';
import {
  apiValue,
  normalizeColor,
  valueTypeOf,
  type BorderData,
  type BorderSide,
  type CellFormatData,
  type SheetData,
  type ValidationData,
  type ValidationRuleData,
  type ValidationType,
  type WorkbookModel,
} from './workbook-model';

/** The parameters of a real Office.js member (its last overload), whatever it returns. */
export type SameParameters<T> = { [K in keyof T]: T[K] extends (...args: infer A) => unknown ? (...args: A) => unknown : T[K] };

export interface RangeTarget {
  readonly sheet: SheetData;
  readonly rect: Rect;
}

export interface AreasTarget {
  readonly sheet: SheetData;
  readonly rects: readonly Rect[];
}

export function sheetAddress(sheet: SheetData, rect: Rect): string {
  return `${quoteSheetName(sheet.name)}!${rectA1(rect)}`;
}

function invalidArgument(detail: string): MemoryExcelError {
  return new MemoryExcelError(ErrorCode.invalidArgument, `The argument is invalid or missing or has an incorrect format: ${detail}.`);
}

/** Parses an address on a sheet: `A1:B2`, or `Sheet1!A1` when it names this sheet. */
export function rectOnSheet(sheet: SheetData, address: string): Rect {
  const parsed = parseSheetAddress(address);
  if (!parsed || (parsed.sheet !== null && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase())) throw invalidArgument(`address '${address}'`);
  return parsed.rect;
}

/** Resolves a `Range | string` argument to a rectangle on the given sheet. */
function otherRect(context: MemoryRequestContext, sheet: SheetData, other: unknown): Rect {
  if (typeof other === 'string') return rectOnSheet(sheet, other);
  if (other instanceof RangeProxy) {
    context.assertSameContext(other);
    const target = other.target();
    if (target.sheet !== sheet) throw invalidArgument('the ranges are on different worksheets');
    return target.rect;
  }
  throw invalidArgument('a Range or an address is expected');
}

function checkedRect(rect: Rect): Rect {
  if (rect.top < 0 || rect.left < 0 || rect.bottom >= MAX_ROWS || rect.right >= MAX_COLUMNS || rect.bottom < rect.top || rect.right < rect.left) {
    throw invalidArgument('the range would be off the sheet');
  }
  return rect;
}

const UNIFORM_SCAN_LIMIT = 200_000;
const MAX_MERGED_AREAS = 512;

/** One value when all cells agree, else null (as Excel reports mixed formats). */
function uniform<T>(model: WorkbookModel, sheet: SheetData, rects: readonly Rect[], read: (format: CellFormatData, row: number, col: number) => T): T | null {
  let first = true;
  let result: T | null = null;
  const visit = (value: T): boolean => {
    if (first) {
      result = value;
      first = false;
      return true;
    }
    return JSON.stringify(value) === JSON.stringify(result);
  };
  for (const rect of rects) {
    if (rectRows(rect) * rectColumns(rect) <= UNIFORM_SCAN_LIMIT) {
      for (let row = rect.top; row <= rect.bottom; row += 1) {
        for (let col = rect.left; col <= rect.right; col += 1) if (!visit(read(model.formatAt(sheet, row, col), row, col))) return null;
      }
      continue;
    }
    // A large range: its cells' own formats, then the row, column and sheet formats that the
    // cells without their own show (a cell's own format wins, then its row's, then its column's).
    const probes: { format: CellFormatData; row: number; col: number }[] = [];
    for (const { row, col, cell } of model.storedCellsIn(sheet, rect)) probes.push({ format: cell.format, row, col });
    const rowFormats = [...sheet.rowFormats].filter(([row]) => row >= rect.top && row <= rect.bottom);
    for (const [row, format] of rowFormats) probes.push({ format, row, col: rect.left });
    if (rowFormats.length < rectRows(rect)) {
      const columnFormats = [...sheet.columnFormats].filter(([col]) => col >= rect.left && col <= rect.right);
      for (const [col, format] of columnFormats) probes.push({ format, row: rect.top, col });
      if (columnFormats.length < rectColumns(rect)) probes.push({ format: sheet.defaultFormat, row: rect.top, col: rect.left });
    }
    for (const probe of probes) if (!visit(read(probe.format, probe.row, probe.col))) return null;
  }
  return result;
}

// ---------------------------------------------------------------- Range

type RangeMembers =
  | 'address'
  | 'addressLocal'
  | 'cellCount'
  | 'columnCount'
  | 'columnIndex'
  | 'formulas'
  | 'formulasLocal'
  | 'isEntireColumn'
  | 'isEntireRow'
  | 'numberFormat'
  | 'numberFormatLocal'
  | 'rowCount'
  | 'rowIndex'
  | 'text'
  | 'values'
  | 'valueTypes';

type RangeMethods =
  | 'clear'
  | 'delete'
  | 'getBoundingRect'
  | 'getCell'
  | 'getCellProperties'
  | 'getColumn'
  | 'getEntireColumn'
  | 'getEntireRow'
  | 'getIntersection'
  | 'getIntersectionOrNullObject'
  | 'getLastCell'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getOffsetRange'
  | 'getResizedRange'
  | 'getRow'
  | 'getUsedRange'
  | 'getUsedRangeOrNullObject'
  | 'getMergedAreasOrNullObject'
  | 'insert'
  | 'merge'
  | 'unmerge'
  | 'select';

export class RangeProxy extends ProxyObject implements Pick<Excel.Range, RangeMembers>, SameParameters<Pick<Excel.Range, RangeMethods>> {
  protected readonly typeName = 'Range';
  private binding: { sheetId: string; rect: Rect } | null = null;
  private formatProxy: RangeFormatProxy | undefined;
  private validationProxy: DataValidationProxy | undefined;
  private conditionalFormatsProxy: ConditionalFormatCollectionProxy | undefined;
  private worksheetProxy: WorksheetProxy | undefined;

  constructor(context: MemoryRequestContext, locate: () => RangeTarget | null, nullable = false) {
    super(context);
    this.enqueue(() => {
      const target = locate();
      if (!target) {
        if (!nullable) throw new MemoryExcelError(ErrorCode.itemNotFound, 'The requested resource does not exist.');
        this.markNull(true);
        return;
      }
      this.binding = { sheetId: target.sheet.id, rect: checkedRect(target.rect) };
      this.markNull(false);
    });
  }

  /** The sheet and rectangle, inside a sync. */
  target(): RangeTarget {
    if (!this.binding) {
      throw new MemoryExcelError(this.knownNull ? ErrorCode.itemNotFound : ErrorCode.invalidArgument, 'The range does not exist (a null object, or a range from another request).');
    }
    return { sheet: this.model.requireSheet(this.binding.sheetId), rect: this.binding.rect };
  }

  private derived(compute: (target: RangeTarget) => Rect | null, nullable = false): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const target = this.target();
        const rect = compute(target);
        return rect ? { sheet: target.sheet, rect } : null;
      },
      nullable,
    );
  }

  protected readers(): Readonly<Record<string, () => unknown>> {
    const grid = <T>(read: (sheet: SheetData, row: number, col: number) => T) => () => {
      const { sheet, rect } = this.target();
      return this.model.grid(sheet, rect, (row, col) => read(sheet, row, col));
    };
    return {
      address: () => sheetAddress(this.target().sheet, this.target().rect),
      addressLocal: () => sheetAddress(this.target().sheet, this.target().rect),
      cellCount: () => rectRows(this.target().rect) * rectColumns(this.target().rect),
      rowCount: () => rectRows(this.target().rect),
      columnCount: () => rectColumns(this.target().rect),
      rowIndex: () => this.target().rect.top,
      columnIndex: () => this.target().rect.left,
      isEntireRow: () => isWholeRows(this.target().rect),
      isEntireColumn: () => isWholeColumns(this.target().rect),
      values: grid((sheet, row, col) => apiValue(this.model.valueAt(sheet, row, col))),
      formulas: grid((sheet, row, col) => this.model.formulaAt(sheet, row, col)),
      formulasLocal: grid((sheet, row, col) => this.model.formulaAt(sheet, row, col)),
      numberFormat: grid((sheet, row, col) => this.model.numberFormatAt(sheet, row, col)),
      numberFormatLocal: grid((sheet, row, col) => this.model.numberFormatAt(sheet, row, col)),
      text: grid((sheet, row, col) => this.model.textAt(sheet, row, col)),
      valueTypes: grid((sheet, row, col) => valueTypeOf(this.model.valueAt(sheet, row, col))),
    };
  }

  protected override children(): Readonly<Record<string, ProxyObject>> {
    return { format: this.format, worksheet: this.worksheet };
  }

  get address(): string {
    return this.read('address');
  }
  get addressLocal(): string {
    return this.read('addressLocal');
  }
  get cellCount(): number {
    return this.read('cellCount');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get isEntireRow(): boolean {
    return this.read('isEntireRow');
  }
  get isEntireColumn(): boolean {
    return this.read('isEntireColumn');
  }
  get text(): string[][] {
    return this.read('text');
  }
  get valueTypes(): Excel.RangeValueType[][] {
    return this.read('valueTypes');
  }

  get values(): (string | number | boolean)[][] {
    return this.read('values');
  }
  set values(values: unknown) {
    this.write('values', values, () => {
      const { sheet, rect } = this.target();
      this.model.writeValues(sheet, rect, values, 'values');
    });
  }

  get formulas(): (string | number | boolean)[][] {
    return this.read('formulas');
  }
  set formulas(formulas: unknown) {
    this.write('formulas', formulas, () => {
      const { sheet, rect } = this.target();
      this.model.writeValues(sheet, rect, formulas, 'formulas');
    });
  }

  get formulasLocal(): (string | number | boolean)[][] {
    return this.read('formulasLocal');
  }
  set formulasLocal(formulas: unknown) {
    this.write('formulasLocal', formulas, () => {
      const { sheet, rect } = this.target();
      this.model.writeValues(sheet, rect, formulas, 'formulas');
    });
  }

  get numberFormat(): string[][] {
    return this.read('numberFormat');
  }
  set numberFormat(formats: unknown) {
    this.write('numberFormat', formats, () => {
      const { sheet, rect } = this.target();
      this.model.writeNumberFormats(sheet, rect, formats);
    });
  }

  get numberFormatLocal(): string[][] {
    return this.read('numberFormatLocal');
  }
  set numberFormatLocal(formats: unknown) {
    this.write('numberFormatLocal', formats, () => {
      const { sheet, rect } = this.target();
      this.model.writeNumberFormats(sheet, rect, formats);
    });
  }

  get format(): RangeFormatProxy {
    this.formatProxy ??= new RangeFormatProxy(this.context, () => {
      const { sheet, rect } = this.target();
      return { sheet, rects: [rect] };
    });
    return this.formatProxy;
  }

  get dataValidation(): DataValidationProxy {
    this.requireApi('1.8', 'dataValidation');
    this.validationProxy ??= new DataValidationProxy(this.context, () => this.target());
    return this.validationProxy;
  }

  get conditionalFormats(): ConditionalFormatCollectionProxy {
    this.requireApi('1.6', 'conditionalFormats');
    this.conditionalFormatsProxy ??= new ConditionalFormatCollectionProxy(this.context, () => {
      const { sheet, rect } = this.target();
      return { sheet, rects: [rect] };
    });
    return this.conditionalFormatsProxy;
  }

  get worksheet(): WorksheetProxy {
    this.worksheetProxy ??= new WorksheetProxy(this.context, () => this.target().sheet, false);
    return this.worksheetProxy;
  }

  getCell(row: number, column: number): RangeProxy {
    return this.derived(({ rect }) => ({ top: rect.top + row, left: rect.left + column, bottom: rect.top + row, right: rect.left + column }));
  }

  getRow(row: number): RangeProxy {
    return this.derived(({ rect }) => {
      if (row < 0 || row >= rectRows(rect)) throw invalidArgument(`row ${row}`);
      return { ...rect, top: rect.top + row, bottom: rect.top + row };
    });
  }

  getColumn(column: number): RangeProxy {
    return this.derived(({ rect }) => {
      if (column < 0 || column >= rectColumns(rect)) throw invalidArgument(`column ${column}`);
      return { ...rect, left: rect.left + column, right: rect.left + column };
    });
  }

  getLastRow(): RangeProxy {
    return this.derived(({ rect }) => ({ ...rect, top: rect.bottom }));
  }

  getLastColumn(): RangeProxy {
    return this.derived(({ rect }) => ({ ...rect, left: rect.right }));
  }

  getLastCell(): RangeProxy {
    return this.derived(({ rect }) => ({ top: rect.bottom, left: rect.right, bottom: rect.bottom, right: rect.right }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this.derived(({ rect }) => ({ top: rect.top + rowOffset, left: rect.left + columnOffset, bottom: rect.bottom + rowOffset, right: rect.right + columnOffset }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this.derived(({ rect }) => ({ ...rect, bottom: rect.bottom + deltaRows, right: rect.right + deltaColumns }));
  }

  getEntireRow(): RangeProxy {
    return this.derived(({ rect }) => ({ top: rect.top, bottom: rect.bottom, left: 0, right: MAX_COLUMNS - 1 }));
  }

  getEntireColumn(): RangeProxy {
    return this.derived(({ rect }) => ({ top: 0, bottom: MAX_ROWS - 1, left: rect.left, right: rect.right }));
  }

  getIntersection(anotherRange: Excel.Range | RangeProxy | string): RangeProxy {
    return this.derived(({ sheet, rect }) => {
      const cut = rectIntersection(rect, otherRect(this.context, sheet, anotherRange));
      if (!cut) throw new MemoryExcelError(ErrorCode.itemNotFound, 'The ranges do not intersect.');
      return cut;
    });
  }

  getIntersectionOrNullObject(anotherRange: Excel.Range | RangeProxy | string): RangeProxy {
    this.requireApi('1.4', 'getIntersectionOrNullObject');
    return this.derived(({ sheet, rect }) => rectIntersection(rect, otherRect(this.context, sheet, anotherRange)), true);
  }

  getBoundingRect(anotherRange: Excel.Range | RangeProxy | string): RangeProxy {
    return this.derived(({ sheet, rect }) => boundingRect([rect, otherRect(this.context, sheet, anotherRange)]));
  }

  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return this.derived(({ sheet, rect }) => {
      const used = this.model.usedRect(sheet, valuesOnly === true);
      const cut = used ? rectIntersection(rect, used) : null;
      if (!cut) throw new MemoryExcelError(ErrorCode.itemNotFound, 'The range has no used cells.');
      return cut;
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    this.requireApi('1.4', 'getUsedRangeOrNullObject');
    return this.derived(({ sheet, rect }) => {
      const used = this.model.usedRect(sheet, valuesOnly === true);
      return used ? rectIntersection(rect, used) : null;
    }, true);
  }

  /**
   * The merged areas whose top-left cell is in the range (office-js #3611: the others are
   * missed). "If the merged areas count in this range is more than 512, then this method will
   * fail to return the result" (Office.js reference); the error code is not documented:
   * GeneralException here.
   */
  getMergedAreasOrNullObject(): RangeAreasProxy {
    this.requireApi('1.13', 'getMergedAreasOrNullObject');
    return new RangeAreasProxy(
      this.context,
      () => {
        const { sheet, rect } = this.target();
        const merges = this.model.mergesIn(sheet, rect).filter((merge) => rectContains(rect, merge.top, merge.left));
        if (merges.length > MAX_MERGED_AREAS) throw new MemoryExcelError(ErrorCode.generalException, `An internal error has occurred: the range has ${merges.length} merged areas, more than ${MAX_MERGED_AREAS}.`);
        return merges.length > 0 ? { sheet, rects: merges } : null;
      },
      true,
    );
  }

  insert(shift: 'Down' | 'Right' | Excel.InsertShiftDirection): RangeProxy {
    const direction = String(shift);
    if (direction !== 'Down' && direction !== 'Right') {
      this.enqueue(() => {
        throw invalidArgument(`shift '${direction}'`);
      });
    }
    this.enqueue(() => {
      const { sheet, rect } = this.target();
      this.model.shift(sheet, rect, direction === 'Down' ? 'Down' : 'Right');
    });
    // The inserted range is where the old one was.
    return this.derived(({ rect }) => rect);
  }

  delete(shift: 'Up' | 'Left' | Excel.DeleteShiftDirection): void {
    const direction = String(shift);
    this.enqueue(() => {
      if (direction !== 'Up' && direction !== 'Left') throw invalidArgument(`shift '${direction}'`);
      const { sheet, rect } = this.target();
      this.model.shift(sheet, rect, direction);
    });
  }

  clear(applyTo?: 'All' | 'Formats' | 'Contents' | 'Hyperlinks' | 'RemoveHyperlinks' | 'ResetContents' | Excel.ClearApplyTo): void {
    this.enqueue(() => {
      const { sheet, rect } = this.target();
      this.model.clear(sheet, rect, applyTo === undefined ? 'All' : String(applyTo));
    });
  }

  merge(across?: boolean): void {
    this.enqueue(() => {
      const { sheet, rect } = this.target();
      this.model.merge(sheet, rect, across === true);
    });
  }

  unmerge(): void {
    this.enqueue(() => {
      const { sheet, rect } = this.target();
      this.model.unmerge(sheet, rect);
    });
  }

  select(): void {
    this.enqueue(() => {
      const { sheet, rect } = this.target();
      this.model.select(sheet, rect);
    });
  }

  /**
   * Formats of every cell in one call (ExcelApi 1.9), with only the requested fields, as
   * `Excel.CellProperties[][]`: address, fill, font, alignment, wrap, indent, borders, protection.
   */
  getCellProperties(options: Excel.CellPropertiesLoadOptions): MemoryClientResult<Excel.CellProperties[][]> {
    this.requireApi('1.9', 'getCellProperties');
    const result = new MemoryClientResult<Excel.CellProperties[][]>(this.context);
    this.enqueue(() => {
      const { sheet, rect } = this.target();
      result.set(this.model.grid(sheet, rect, (row, col) => cellProperties(sheet, this.model.formatAt(sheet, row, col), row, col, options)));
    });
    return result;
  }

  /** `range.set({ values, numberFormat, format: { fill: { color }, font: { bold } … } })`. */
  set(properties: RangeUpdate): void {
    if (properties.values !== undefined) this.values = properties.values;
    if (properties.formulas !== undefined) this.formulas = properties.formulas;
    if (properties.numberFormat !== undefined) this.numberFormat = properties.numberFormat;
    if (properties.format !== undefined) this.format.set(properties.format);
  }
}

function pick<T extends object>(source: T, wanted: Partial<Record<keyof T, boolean | undefined>> | undefined): Partial<T> {
  const out: Partial<T> = {};
  if (!wanted) return out;
  for (const key of Object.keys(source) as (keyof T)[]) if (wanted[key] === true) out[key] = source[key];
  return out;
}

function cellProperties(sheet: SheetData, format: CellFormatData, row: number, col: number, options: Excel.CellPropertiesLoadOptions): Excel.CellProperties {
  const properties: Excel.CellProperties = {};
  if (options.address) properties.address = sheetAddress(sheet, { top: row, left: col, bottom: row, right: col });
  if (options.addressLocal) properties.addressLocal = sheetAddress(sheet, { top: row, left: col, bottom: row, right: col });
  const wanted = options.format;
  if (!wanted) return properties;
  const out: Excel.CellPropertiesFormat = {};
  if (wanted.horizontalAlignment) out.horizontalAlignment = format.horizontalAlignment as Excel.CellPropertiesFormat['horizontalAlignment'];
  if (wanted.verticalAlignment) out.verticalAlignment = format.verticalAlignment as Excel.CellPropertiesFormat['verticalAlignment'];
  if (wanted.wrapText) out.wrapText = format.wrapText;
  if (wanted.indentLevel) out.indentLevel = format.indentLevel;
  if (wanted.protection) out.protection = { locked: format.locked, formulaHidden: format.formulaHidden };
  if (wanted.fill) out.fill = pick({ color: format.fill ?? '#FFFFFF', pattern: format.fill === null ? 'None' : 'Solid' } as Excel.CellPropertiesFill, wanted.fill);
  if (wanted.font) out.font = pick({ ...format.font } as Excel.CellPropertiesFont, wanted.font);
  if (wanted.borders) {
    const border = (data: BorderData): Excel.CellBorder => pick({ ...data } as Excel.CellBorder, wanted.borders);
    out.borders = { top: border(format.borders.top), bottom: border(format.borders.bottom), left: border(format.borders.left), right: border(format.borders.right) };
  }
  properties.format = out;
  return properties;
}

/** The subset of `Excel.Interfaces.RangeUpdateData` that `Range.set` accepts here. */
export interface RangeUpdate {
  values?: unknown;
  formulas?: unknown;
  numberFormat?: unknown;
  format?: RangeFormatUpdate;
}

export interface RangeFormatUpdate {
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  columnWidth?: number;
  rowHeight?: number;
  indentLevel?: number;
  fill?: { color?: string };
  font?: { bold?: boolean; italic?: boolean; size?: number; name?: string; color?: string; underline?: string; strikethrough?: boolean };
  protection?: { locked?: boolean; formulaHidden?: boolean };
  borders?: Partial<Record<string, { style?: string; color?: string; weight?: string }>>;
}

// ---------------------------------------------------------------- RangeAreas

export class RangeAreasProxy extends ProxyObject implements Pick<Excel.RangeAreas, 'address' | 'addressLocal' | 'areaCount' | 'cellCount' | 'isEntireRow' | 'isEntireColumn'> {
  protected readonly typeName = 'RangeAreas';
  private binding: { sheetId: string; rects: Rect[] } | null = null;
  private formatProxy: RangeFormatProxy | undefined;
  private conditionalFormatsProxy: ConditionalFormatCollectionProxy | undefined;
  private areasProxy: RangeCollectionProxy | undefined;

  constructor(context: MemoryRequestContext, locate: () => AreasTarget | null, nullable = false) {
    super(context);
    this.enqueue(() => {
      const target = locate();
      if (!target) {
        if (!nullable) throw new MemoryExcelError(ErrorCode.itemNotFound, 'The requested resource does not exist.');
        this.markNull(true);
        return;
      }
      this.binding = { sheetId: target.sheet.id, rects: target.rects.map(checkedRect) };
      this.markNull(false);
    });
  }

  target(): AreasTarget {
    if (!this.binding) throw new MemoryExcelError(ErrorCode.itemNotFound, 'The ranges do not exist (a null object, or ranges from another request).');
    return { sheet: this.model.requireSheet(this.binding.sheetId), rects: this.binding.rects };
  }

  protected readers(): Readonly<Record<string, () => unknown>> {
    const address = () => {
      const { sheet, rects } = this.target();
      return rects.map((rect) => sheetAddress(sheet, rect)).join(', ');
    };
    return {
      address,
      addressLocal: address,
      areaCount: () => this.target().rects.length,
      cellCount: () => this.target().rects.reduce((total, rect) => total + rectRows(rect) * rectColumns(rect), 0),
      isEntireRow: () => this.target().rects.every(isWholeRows),
      isEntireColumn: () => this.target().rects.every(isWholeColumns),
    };
  }

  protected override children(): Readonly<Record<string, ProxyObject>> {
    return { format: this.format, areas: this.areas, conditionalFormats: this.conditionalFormats };
  }

  get address(): string {
    return this.read('address');
  }
  get addressLocal(): string {
    return this.read('addressLocal');
  }
  get areaCount(): number {
    return this.read('areaCount');
  }
  get cellCount(): number {
    return this.read('cellCount');
  }
  get isEntireRow(): boolean {
    return this.read('isEntireRow');
  }
  get isEntireColumn(): boolean {
    return this.read('isEntireColumn');
  }

  get areas(): RangeCollectionProxy {
    this.areasProxy ??= new RangeCollectionProxy(this.context, () => this.target());
    return this.areasProxy;
  }

  get format(): RangeFormatProxy {
    this.formatProxy ??= new RangeFormatProxy(this.context, () => this.target());
    return this.formatProxy;
  }

  get conditionalFormats(): ConditionalFormatCollectionProxy {
    this.conditionalFormatsProxy ??= new ConditionalFormatCollectionProxy(this.context, () => this.target());
    return this.conditionalFormatsProxy;
  }

  clear(applyTo?: 'All' | 'Formats' | 'Contents' | 'Hyperlinks' | 'RemoveHyperlinks' | 'ResetContents' | Excel.ClearApplyTo): void {
    this.enqueue(() => {
      const { sheet, rects } = this.target();
      for (const rect of rects) this.model.clear(sheet, rect, applyTo === undefined ? 'All' : String(applyTo));
    });
  }
}

export class RangeCollectionProxy extends CollectionProxy<RangeProxy> {
  protected readonly typeName = 'RangeCollection';

  constructor(
    context: MemoryRequestContext,
    private readonly locate: () => AreasTarget,
  ) {
    super(context);
  }

  protected currentItems(): RangeProxy[] {
    const { sheet, rects } = this.locate();
    return rects.map((rect) => boundRange(this.context, sheet, rect));
  }

  getCount(): MemoryClientResult<number> {
    const result = new MemoryClientResult<number>(this.context);
    this.enqueue(() => result.set(this.locate().rects.length));
    return result;
  }

  getItemAt(index: number): RangeProxy {
    return new RangeProxy(this.context, () => {
      const { sheet, rects } = this.locate();
      const rect = rects[index];
      if (!rect) throw invalidArgument(`index ${index}`);
      return { sheet, rect };
    });
  }
}

/**
 * A range proxy bound at once, for items made inside a sync (collection items). Its binding
 * command is run immediately so the proxy is usable right after the sync.
 */
export function boundRange(context: MemoryRequestContext, sheet: SheetData, rect: Rect): RangeProxy {
  return context.runNow(() => new RangeProxy(context, () => ({ sheet, rect })));
}

// ---------------------------------------------------------------- formats

type FormatTarget = () => AreasTarget;

export class RangeFormatProxy
  extends ProxyObject
  implements Pick<Excel.RangeFormat, 'horizontalAlignment' | 'verticalAlignment' | 'wrapText' | 'columnWidth' | 'rowHeight' | 'indentLevel'>, SameParameters<Pick<Excel.RangeFormat, 'autofitRows' | 'autofitColumns'>>
{
  protected readonly typeName = 'RangeFormat';
  readonly fill: RangeFillProxy;
  readonly font: RangeFontProxy;
  readonly borders: RangeBorderCollectionProxy;
  readonly protection: FormatProtectionProxy;

  constructor(
    context: MemoryRequestContext,
    private readonly locate: FormatTarget,
  ) {
    super(context);
    this.fill = new RangeFillProxy(context, locate);
    this.font = new RangeFontProxy(context, locate);
    this.borders = new RangeBorderCollectionProxy(context, locate);
    this.protection = new FormatProtectionProxy(context, locate);
  }

  protected readers(): Readonly<Record<string, () => unknown>> {
    const of = <T>(read: (format: CellFormatData) => T) => () => {
      const { sheet, rects } = this.locate();
      return uniform(this.model, sheet, rects, read);
    };
    return {
      horizontalAlignment: of((format) => format.horizontalAlignment),
      verticalAlignment: of((format) => format.verticalAlignment),
      wrapText: of((format) => format.wrapText),
      indentLevel: of((format) => format.indentLevel),
      columnWidth: () => {
        const { sheet, rects } = this.locate();
        const widths = new Set<number>();
        for (const rect of rects) for (let col = rect.left; col <= rect.right && widths.size < 2; col += 1) widths.add(this.model.columnWidthAt(sheet, col));
        return widths.size === 1 ? [...widths][0] : null;
      },
      rowHeight: () => {
        const { sheet, rects } = this.locate();
        const heights = new Set<number>();
        for (const rect of rects) for (let row = rect.top; row <= rect.bottom && heights.size < 2; row += 1) heights.add(this.model.rowHeightAt(sheet, row));
        return heights.size === 1 ? [...heights][0] : null;
      },
    };
  }

  protected override children(): Readonly<Record<string, ProxyObject>> {
    return { fill: this.fill, font: this.font, borders: this.borders, protection: this.protection };
  }

  private change(name: string, value: unknown, patch: (format: CellFormatData) => void): void {
    this.write(name, value, () => {
      const { sheet, rects } = this.locate();
      for (const rect of rects) this.model.changeFormat(sheet, rect, patch);
    });
  }

  get horizontalAlignment(): Excel.HorizontalAlignment | 'General' | 'Left' | 'Center' | 'Right' | 'Fill' | 'Justify' | 'CenterAcrossSelection' | 'Distributed' {
    return this.read('horizontalAlignment');
  }
  set horizontalAlignment(value: string) {
    const allowed = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'];
    this.change('horizontalAlignment', value, (format) => {
      if (!allowed.includes(value)) throw invalidArgument(`horizontalAlignment '${value}'`);
      format.horizontalAlignment = value;
    });
  }

  get verticalAlignment(): Excel.VerticalAlignment | 'Top' | 'Center' | 'Bottom' | 'Justify' | 'Distributed' {
    return this.read('verticalAlignment');
  }
  set verticalAlignment(value: string) {
    const allowed = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];
    this.change('verticalAlignment', value, (format) => {
      if (!allowed.includes(value)) throw invalidArgument(`verticalAlignment '${value}'`);
      format.verticalAlignment = value;
    });
  }

  get wrapText(): boolean {
    return this.read('wrapText');
  }
  set wrapText(value: boolean) {
    this.change('wrapText', value, (format) => {
      format.wrapText = value;
    });
  }

  get indentLevel(): number {
    return this.read('indentLevel');
  }
  set indentLevel(value: number) {
    this.change('indentLevel', value, (format) => {
      format.indentLevel = value;
    });
  }

  get columnWidth(): number {
    return this.read('columnWidth');
  }
  set columnWidth(value: number) {
    this.write('columnWidth', value, () => {
      const { sheet, rects } = this.locate();
      for (const rect of rects) this.model.setColumnWidth(sheet, rect, value);
    });
  }

  get rowHeight(): number {
    return this.read('rowHeight');
  }
  set rowHeight(value: number) {
    this.write('rowHeight', value, () => {
      const { sheet, rects } = this.locate();
      for (const rect of rects) this.model.setRowHeight(sheet, rect, value);
    });
  }

  autofitRows(): void {
    this.enqueue(() => {
      const { sheet, rects } = this.locate();
      for (const rect of rects) this.model.autofitRows(sheet, rect);
    });
  }

  /** Widths from the longest text of each column (CJK characters count double). */
  autofitColumns(): void {
    this.enqueue(() => {
      const { sheet, rects } = this.locate();
      for (const rect of rects) {
        const bottom = Math.min(rect.bottom, this.model.usedRect(sheet, true)?.bottom ?? rect.top);
        for (let col = rect.left; col <= rect.right && col <= (this.model.usedRect(sheet, true)?.right ?? rect.left); col += 1) {
          let widest = 0;
          for (let row = rect.top; row <= bottom; row += 1) {
            if (this.model.mergeAt(sheet, row, col)) continue;
            const text = this.model.textAt(sheet, row, col);
            let units = 0;
            for (const ch of text) units += /[\u1100-\uFFFF]/.test(ch) ? 2 : 1;
            widest = Math.max(widest, units * this.model.formatAt(sheet, row, col).font.size * 0.55 + 5);
          }
          if (widest > 0) this.model.setColumnWidth(sheet, { ...rect, left: col, right: col }, Math.min(widest, 1000));
        }
      }
    });
  }

  set(update: RangeFormatUpdate): void {
    if (update.horizontalAlignment !== undefined) this.horizontalAlignment = update.horizontalAlignment;
    if (update.verticalAlignment !== undefined) this.verticalAlignment = update.verticalAlignment;
    if (update.wrapText !== undefined) this.wrapText = update.wrapText;
    if (update.indentLevel !== undefined) this.indentLevel = update.indentLevel;
    if (update.columnWidth !== undefined) this.columnWidth = update.columnWidth;
    if (update.rowHeight !== undefined) this.rowHeight = update.rowHeight;
    if (update.fill?.color !== undefined) this.fill.color = update.fill.color;
    if (update.font) this.font.set(update.font);
    if (update.protection?.locked !== undefined) this.protection.locked = update.protection.locked;
    if (update.protection?.formulaHidden !== undefined) this.protection.formulaHidden = update.protection.formulaHidden;
    for (const [index, border] of Object.entries(update.borders ?? {})) {
      if (!border) continue;
      const item = this.borders.getItem(index as Excel.BorderIndex);
      if (border.style !== undefined) item.style = border.style;
      if (border.color !== undefined) item.color = border.color;
      if (border.weight !== undefined) item.weight = border.weight;
    }
  }
}

export class RangeFillProxy extends ProxyObject implements Pick<Excel.RangeFill, 'color'>, SameParameters<Pick<Excel.RangeFill, 'clear'>> {
  protected readonly typeName = 'RangeFill';

  constructor(
    context: MemoryRequestContext,
    private readonly locate: FormatTarget,
  ) {
    super(context);
  }

  protected readers(): Readonly<Record<string, () => unknown>> {
    const of = <T>(read: (format: CellFormatData) => T) => () => {
      const { sheet, rects } = this.locate();
      return uniform(this.model, sheet, rects, read);
    };
    return {
      // Excel reports white for cells without a fill; `pattern` tells the two apart.
      color: of((format) => format.fill ?? '#FFFFFF'),
      pattern: of((format) => (format.fill === null ? 'None' : 'Solid')),
    };
  }

  get color(): string {
    return this.read('color');
  }
  set color(value: string) {
    this.write('color', value, () => {
      const color = normalizeColor(value);
      const { sheet, rects } = this.locate();
      for (const rect of rects) {
        this.model.changeFormat(sheet, rect, (format) => {
          format.fill = color;
        });
      }
    });
  }

  get pattern(): string {
    return this.read('pattern');
  }

  clear(): void {
    this.state.delete('color');
    this.enqueue(() => {
      const { sheet, rects } = this.locate();
      for (const rect of rects) {
        this.model.changeFormat(sheet, rect, (format) => {
          format.fill = null;
        });
      }
    });
  }
}

type FontMember = 'bold' | 'italic' | 'size' | 'name' | 'color' | 'underline' | 'strikethrough';

export class RangeFontProxy extends ProxyObject implements Pick<Excel.RangeFont, 'bold' | 'italic' | 'size' | 'name' | 'color' | 'strikethrough'> {
  protected readonly typeName = 'RangeFont';

  constructor(
    context: MemoryRequestContext,
    private readonly locate: FormatTarget,
  ) {
    super(context);
  }

  protected readers(): Readonly<Record<string, () => unknown>> {
    const of = (member: FontMember) => () => {
      const { sheet, rects } = this.locate();
      return uniform(this.model, sheet, rects, (format) => format.font[member]);
    };
    return { bold: of('bold'), italic: of('italic'), size: of('size'), name: of('name'), color: of('color'), underline: of('underline'), strikethrough: of('strikethrough') };
  }

  private change(member: FontMember, value: string | number | boolean): void {
    this.write(member, value, () => {
      const normalized = member === 'color' ? normalizeColor(String(value)) : value;
      if (member === 'size' && (typeof value !== 'number' || value < 1 || value > 409)) throw invalidArgument(`font size ${String(value)}`);
      const { sheet, rects } = this.locate();
      for (const rect of rects) {
        this.model.changeFormat(sheet, rect, (format) => {
          Object.assign(format.font, { [member]: normalized });
        });
      }
    });
  }

  get bold(): boolean {
    return this.read('bold');
  }
  set bold(value: boolean) {
    this.change('bold', value);
  }
  get italic(): boolean {
    return this.read('italic');
  }
  set italic(value: boolean) {
    this.change('italic', value);
  }
  get size(): number {
    return this.read('size');
  }
  set size(value: number) {
    this.change('size', value);
  }
  get name(): string {
    return this.read('name');
  }
  set name(value: string) {
    this.change('name', value);
  }
  get color(): string {
    return this.read('color');
  }
  set color(value: string) {
    this.change('color', value);
  }
  get underline(): string {
    return this.read('underline');
  }
  set underline(value: string) {
    this.change('underline', value);
  }
  get strikethrough(): boolean {
    return this.read('strikethrough');
  }
  set strikethrough(value: boolean) {
    this.change('strikethrough', value);
  }

  set(update: { bold?: boolean; italic?: boolean; size?: number; name?: string; color?: string; underline?: string; strikethrough?: boolean }): void {
    for (const member of ['bold', 'italic', 'size', 'name', 'color', 'underline', 'strikethrough'] as const) {
      const value = update[member];
      if (value !== undefined) this.change(member, value);
    }
  }
}

export class FormatProtectionProxy extends ProxyObject implements Pick<Excel.FormatProtection, 'locked' | 'formulaHidden'> {
  protected readonly typeName = 'FormatProtection';

  constructor(
    context: MemoryRequestContext,
    private readonly locate: FormatTarget,
  ) {
    super(context);
  }

  protected readers(): Readonly<Record<string, () => unknown>> {
    const of = (member: 'locked' | 'formulaHidden') => () => {
      const { sheet, rects } = this.locate();
      return uniform(this.model, sheet, rects, (format) => format[member]);
    };
    return { locked: of('locked'), formulaHidden: of('formulaHidden') };
  }

  private change(member: 'locked' | 'formulaHidden', value: boolean): void {
    this.write(member, value, () => {
      const { sheet, rects } = this.locate();
      for (const rect of rects) {
        this.model.changeFormat(sheet, rect, (format) => {
          format[member] = value;
        });
      }
    });
  }

  get locked(): boolean {
    return this.read('locked');
  }
  set locked(value: boolean) {
    this.change('locked', value);
  }
  get formulaHidden(): boolean {
    return this.read('formulaHidden');
  }
  set formulaHidden(value: boolean) {
    this.change('formulaHidden', value);
  }
}

const BORDER_INDEXES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const;
type ModelledBorderIndex = (typeof BORDER_INDEXES)[number];

export class RangeBorderCollectionProxy extends CollectionProxy<RangeBorderProxy> {
  protected readonly typeName = 'RangeBorderCollection';

  constructor(
    context: MemoryRequestContext,
    private readonly locate: FormatTarget,
  ) {
    super(context);
  }

  protected currentItems(): RangeBorderProxy[] {
    return BORDER_INDEXES.map((index) => new RangeBorderProxy(this.context, this.locate, index));
  }

  get count(): number {
    return BORDER_INDEXES.length;
  }

  getItem(index: Excel.BorderIndex | 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal' | 'DiagonalDown' | 'DiagonalUp'): RangeBorderProxy {
    const name = String(index);
    if (!(BORDER_INDEXES as readonly string[]).includes(name)) {
      this.enqueue(() => {
        throw new MemoryExcelError(name === 'DiagonalDown' || name === 'DiagonalUp' ? ErrorCode.notImplemented : ErrorCode.invalidArgument, `Border index '${name}' is not available here.`);
      });
    }
    return new RangeBorderProxy(this.context, this.locate, name as ModelledBorderIndex);
  }
}

export class RangeBorderProxy extends ProxyObject implements Pick<Excel.RangeBorder, 'color'> {
  protected readonly typeName = 'RangeBorder';

  constructor(
    context: MemoryRequestContext,
    private readonly locate: FormatTarget,
    private readonly index: ModelledBorderIndex,
  ) {
    super(context);
  }

  /** The cells whose edge this border is, and which side of them. */
  private edgeOf(rect: Rect): { cells: Rect; side: BorderSide } | null {
    switch (this.index) {
      case 'EdgeTop':
        return { cells: { ...rect, bottom: rect.top }, side: 'top' };
      case 'EdgeBottom':
        return { cells: { ...rect, top: rect.bottom }, side: 'bottom' };
      case 'EdgeLeft':
        return { cells: { ...rect, right: rect.left }, side: 'left' };
      case 'EdgeRight':
        return { cells: { ...rect, left: rect.right }, side: 'right' };
      case 'InsideHorizontal':
        return rect.bottom > rect.top ? { cells: { ...rect, bottom: rect.bottom - 1 }, side: 'bottom' } : null;
      case 'InsideVertical':
        return rect.right > rect.left ? { cells: { ...rect, right: rect.right - 1 }, side: 'right' } : null;
    }
  }

  private member(member: keyof BorderData): () => unknown {
    return () => {
      const { sheet, rects } = this.locate();
      const edges = rects.map((rect) => this.edgeOf(rect)).filter((edge): edge is { cells: Rect; side: BorderSide } => edge !== null);
      // A range with no inside edge (one row for InsideHorizontal) reports no border.
      if (edges.length === 0) return member === 'style' ? 'None' : member === 'color' ? '#000000' : 'Thin';
      let result: string | null | undefined;
      for (const { cells, side } of edges) {
        const value = uniform(this.model, sheet, [cells], (format) => format.borders[side][member]);
        if (result === undefined) result = value;
        else if (result !== value) return null;
      }
      return result ?? null;
    };
  }

  protected readers(): Readonly<Record<string, () => unknown>> {
    return { sideIndex: () => this.index, style: this.member('style'), color: this.member('color'), weight: this.member('weight') };
  }

  private change(member: keyof BorderData, value: string): void {
    this.write(member, value, () => {
      const { sheet, rects } = this.locate();
      for (const rect of rects) this.model.setBorder(sheet, rect, this.index, { [member]: value });
    });
  }

  get sideIndex(): string {
    return this.read('sideIndex');
  }
  get style(): string {
    return this.read('style');
  }
  set style(value: string) {
    const allowed = ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'];
    if (!allowed.includes(value)) {
      this.enqueue(() => {
        throw invalidArgument(`border style '${value}'`);
      });
      return;
    }
    this.change('style', value);
  }
  get color(): string {
    return this.read('color');
  }
  set color(value: string) {
    this.change('color', value);
  }
  get weight(): string {
    return this.read('weight');
  }
  set weight(value: string) {
    const allowed = ['Hairline', 'Thin', 'Medium', 'Thick'];
    if (!allowed.includes(value)) {
      this.enqueue(() => {
        throw invalidArgument(`border weight '${value}'`);
      });
      return;
    }
    this.change('weight', value);
  }
}

// ---------------------------------------------------------------- data validation

const BASIC_RULES: Readonly<Record<string, ValidationType>> = { decimal: 'Decimal', wholeNumber: 'WholeNumber', textLength: 'TextLength', date: 'Date', time: 'Time' };

function formulaText(value: unknown, field: string, context: MemoryRequestContext): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  if (value instanceof RangeProxy) {
    context.assertSameContext(value);
    const { sheet, rect } = value.target();
    return `=${quoteSheetName(sheet.name)}!${rectAbsoluteA1(rect)}`;
  }
  throw invalidArgument(`${field} must be a number, a string or a Range`);
}

/** Reads an `Excel.DataValidationRule` into the model's form. */
function ruleData(rule: unknown, context: MemoryRequestContext): ValidationRuleData {
  if (rule === null || typeof rule !== 'object') throw invalidArgument('the data validation rule');
  const entries = Object.entries(rule as Record<string, unknown>).filter(([, value]) => value !== undefined && value !== null);
  if (entries.length !== 1) throw invalidArgument('a data validation rule has exactly one kind');
  const [kind, body] = entries[0];
  if (body === null || typeof body !== 'object') throw invalidArgument(`data validation rule '${kind}'`);
  const fields = body as Record<string, unknown>;
  const type = BASIC_RULES[kind];
  if (type) {
    const operator = String(fields.operator ?? '');
    const operators = ['Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan', 'GreaterThanOrEqualTo', 'LessThanOrEqualTo'];
    if (!operators.includes(operator)) throw invalidArgument(`data validation operator '${operator}'`);
    if (fields.formula1 === undefined) throw invalidArgument('formula1 is required');
    const needsTwo = operator === 'Between' || operator === 'NotBetween';
    if (needsTwo && fields.formula2 === undefined) throw invalidArgument('formula2 is required for Between');
    return { type, operator, formula1: formulaText(fields.formula1, 'formula1', context), formula2: needsTwo ? formulaText(fields.formula2, 'formula2', context) : null, inCellDropDown: false };
  }
  if (kind === 'list') {
    if (fields.source === undefined) throw invalidArgument('list.source is required');
    return { type: 'List', operator: null, formula1: formulaText(fields.source, 'source', context), formula2: null, inCellDropDown: fields.inCellDropDown !== false };
  }
  if (kind === 'custom') {
    if (typeof fields.formula !== 'string') throw invalidArgument('custom.formula is required');
    return { type: 'Custom', operator: null, formula1: fields.formula, formula2: null, inCellDropDown: false };
  }
  throw invalidArgument(`data validation rule '${kind}'`);
}

/** The model's rule back in the shape of `Excel.DataValidationRule`. */
export function ruleObject(rule: ValidationRuleData): Record<string, unknown> {
  switch (rule.type) {
    case 'List':
      return { list: { inCellDropDown: rule.inCellDropDown, source: rule.formula1 } };
    case 'Custom':
      return { custom: { formula: rule.formula1 } };
    default: {
      const kind = Object.entries(BASIC_RULES).find(([, type]) => type === rule.type)?.[0] ?? 'decimal';
      return { [kind]: rule.formula2 === null ? { formula1: rule.formula1, operator: rule.operator } : { formula1: rule.formula1, formula2: rule.formula2, operator: rule.operator } };
    }
  }
}

export class DataValidationProxy extends ProxyObject implements SameParameters<Pick<Excel.DataValidation, 'clear'>> {
  protected readonly typeName = 'DataValidation';

  constructor(
    context: MemoryRequestContext,
    private readonly locate: () => RangeTarget,
  ) {
    super(context);
  }

  private validations(): ValidationData[] {
    const { sheet, rect } = this.locate();
    return this.model.validationsIn(sheet, rect);
  }

  protected readers(): Readonly<Record<string, () => unknown>> {
    const single = <T>(read: (validation: ValidationData) => T, fallback: T) => () => {
      const validations = this.validations();
      if (validations.length === 0) return fallback;
      const values = validations.map((validation) => JSON.stringify(read(validation)));
      return values.every((value) => value === values[0]) ? read(validations[0]) : null;
    };
    return {
      type: () => {
        const { rect } = this.locate();
        const validations = this.validations();
        if (validations.length === 0) return 'None';
        const covered = validations.reduce((total, validation) => total + validation.ranges.reduce((sum, range) => {
          const cut = rectIntersection(range, rect);
          return sum + (cut ? rectRows(cut) * rectColumns(cut) : 0);
        }, 0), 0);
        if (covered < rectRows(rect) * rectColumns(rect) || !validations.every((validation) => validation.rule.type === validations[0].rule.type)) return 'Inconsistent';
        if (validations.length > 1 && !validations.every((validation) => JSON.stringify(validation.rule) === JSON.stringify(validations[0].rule))) return 'MixedCriteria';
        return validations[0].rule.type;
      },
      rule: single((validation) => ruleObject(validation.rule), {}),
      prompt: single((validation) => ({ ...validation.prompt }), { message: '', showPrompt: true, title: '' }),
      errorAlert: single((validation) => ({ ...validation.errorAlert }), { message: '', showAlert: true, style: 'Stop', title: '' }),
      ignoreBlanks: single((validation) => validation.ignoreBlanks, true),
      valid: () => {
        const { sheet, rect } = this.locate();
        for (const validation of this.validations()) {
          for (const range of validation.ranges) {
            const cut = rectIntersection(range, rect);
            if (!cut) continue;
            for (let row = cut.top; row <= cut.bottom; row += 1) for (let col = cut.left; col <= cut.right; col += 1) if (!this.model.isCellValid(sheet, row, col)) return false;
          }
        }
        return true;
      },
    };
  }

  get type(): string {
    return this.read('type');
  }
  get valid(): boolean {
    return this.read('valid');
  }

  get rule(): Excel.DataValidationRule {
    return this.read('rule');
  }
  set rule(rule: Excel.DataValidationRule) {
    this.write('rule', rule, () => {
      const { sheet, rect } = this.locate();
      this.model.setValidationRule(sheet, rect, ruleData(rule, this.context));
    });
  }

  get prompt(): Excel.DataValidationPrompt {
    return this.read('prompt');
  }
  set prompt(prompt: Excel.DataValidationPrompt) {
    this.write('prompt', prompt, () => {
      const { sheet, rect } = this.locate();
      this.model.changeValidations(sheet, rect, (validation) => {
        validation.prompt = { message: prompt.message ?? validation.prompt.message, showPrompt: prompt.showPrompt ?? validation.prompt.showPrompt, title: prompt.title ?? validation.prompt.title };
      });
    });
  }

  get errorAlert(): Excel.DataValidationErrorAlert {
    return this.read('errorAlert');
  }
  set errorAlert(alert: Excel.DataValidationErrorAlert) {
    this.write('errorAlert', alert, () => {
      const { sheet, rect } = this.locate();
      this.model.changeValidations(sheet, rect, (validation) => {
        validation.errorAlert = {
          message: alert.message ?? validation.errorAlert.message,
          showAlert: alert.showAlert ?? validation.errorAlert.showAlert,
          style: alert.style === undefined ? validation.errorAlert.style : String(alert.style),
          title: alert.title ?? validation.errorAlert.title,
        };
      });
    });
  }

  get ignoreBlanks(): boolean {
    return this.read('ignoreBlanks');
  }
  set ignoreBlanks(value: boolean) {
    this.write('ignoreBlanks', value, () => {
      const { sheet, rect } = this.locate();
      this.model.changeValidations(sheet, rect, (validation) => {
        validation.ignoreBlanks = value;
      });
    });
  }

  clear(): void {
    this.enqueue(() => {
      const { sheet, rect } = this.locate();
      this.model.clearValidation(sheet, rect);
    });
  }
}
