/**
 * `Excel.Range` and `Excel.RangeAreas`, as proxies over the workbook model. Formats, data
 * validation and conditional formats hang off them (their own files).
 */
/* eslint-disable @typescript-eslint/no-unsafe-declaration-merging -- each proxy class merges with an interface of the Office.js properties its table installs on the prototype */
import { MAX_COLUMNS, MAX_ROWS, parseSheetAddress, quoteSheetName, rectA1, rectColumns, rectContains, rectIntersection, rectRows, type Rect } from './address';
import { ConditionalFormatCollectionProxy } from './conditional-format-proxies';
import type { MemoryRequestContext } from './context';
import { ErrorCode, MemoryExcelError } from './errors';
import { RangeFormatProxy } from './format-proxies';
import { BoundProxy, installProperties, type Loadable, type PropertyTable } from './proxy-base';
import { WorksheetProxy } from './sheet-proxies';
import { DataValidationProxy } from './validation-proxies';
import { apiValue, type SheetData, type ShiftDirection, type WorkbookModel } from './workbook-model';

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

export function invalidArgument(detail: string): MemoryExcelError {
  return new MemoryExcelError(ErrorCode.invalidArgument, `The argument is invalid or missing or has an incorrect format: ${detail}.`);
}

/** Parses an address on a sheet: `A1:B2`, or `Sheet1!A1` when it names this sheet. */
export function rectOnSheet(sheet: SheetData, address: string): Rect {
  const parsed = parseSheetAddress(address);
  if (!parsed || (parsed.sheet !== null && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase())) throw invalidArgument(`address '${address}'`);
  return parsed.rect;
}

function checkedRect(rect: Rect): Rect {
  if (rect.top < 0 || rect.left < 0 || rect.bottom >= MAX_ROWS || rect.right >= MAX_COLUMNS || rect.bottom < rect.top || rect.right < rect.left) {
    throw invalidArgument('the range would be off the sheet');
  }
  return rect;
}

/** "If the merged areas count in this range is more than 512, then this method will fail" (Range.getMergedAreasOrNullObject). */
const MAX_MERGED_AREAS = 512;

// ---------------------------------------------------------------- Range

const RANGE_PROPERTIES = {
  address: { read: ({ sheet, rect }: RangeTarget) => sheetAddress(sheet, rect) },
  rowIndex: { read: ({ rect }: RangeTarget) => rect.top },
  columnIndex: { read: ({ rect }: RangeTarget) => rect.left },
  rowCount: { read: ({ rect }: RangeTarget) => rectRows(rect) },
  values: {
    read: ({ sheet, rect }: RangeTarget, model: WorkbookModel) => model.grid(sheet, rect, (row, col) => apiValue(model.valueAt(sheet, row, col))),
    write: ({ sheet, rect }: RangeTarget, values: unknown, model: WorkbookModel) => model.writeValues(sheet, rect, values, 'values'),
  },
  formulas: {
    read: ({ sheet, rect }: RangeTarget, model: WorkbookModel) => model.grid(sheet, rect, (row, col) => model.formulaAt(sheet, row, col)),
    write: ({ sheet, rect }: RangeTarget, formulas: unknown, model: WorkbookModel) => model.writeValues(sheet, rect, formulas, 'formulas'),
  },
  numberFormat: {
    read: ({ sheet, rect }: RangeTarget, model: WorkbookModel) => model.grid(sheet, rect, (row, col) => model.numberFormatAt(sheet, row, col)),
    write: ({ sheet, rect }: RangeTarget, formats: unknown, model: WorkbookModel) => model.writeNumberFormats(sheet, rect, formats),
  },
  text: { read: ({ sheet, rect }: RangeTarget, model: WorkbookModel) => model.grid(sheet, rect, (row, col) => model.textAt(sheet, row, col)) },
} satisfies PropertyTable<RangeTarget>;

type RangeMethods = 'getCell' | 'getRow' | 'getColumn' | 'getUsedRangeOrNullObject' | 'getMergedAreasOrNullObject' | 'insert' | 'delete' | 'clear' | 'merge' | 'unmerge' | 'select';

export class RangeProxy extends BoundProxy<RangeTarget> implements SameParameters<Pick<Excel.Range, RangeMethods>> {
  protected readonly typeName = 'Range';
  private parts: { format?: RangeFormatProxy; validation?: DataValidationProxy; formats?: ConditionalFormatCollectionProxy; worksheet?: WorksheetProxy } = {};

  constructor(context: MemoryRequestContext, locate: () => RangeTarget | null, nullable = false) {
    super(context, () => {
      const found = locate();
      return found ? { sheet: found.sheet, rect: checkedRect(found.rect) } : null;
    }, nullable);
  }

  target(): RangeTarget {
    const { sheet, rect } = this.bound();
    return { sheet: this.model.requireSheet(sheet.id), rect };
  }

  #derived(compute: (target: RangeTarget) => Rect | null, nullable = false): RangeProxy {
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

  protected override children(): Readonly<Record<string, Loadable>> {
    return this.childrenWhenNamed('format', 'worksheet');
  }

  get format(): RangeFormatProxy {
    this.parts.format ??= new RangeFormatProxy(this.context, () => {
      const { sheet, rect } = this.target();
      return { sheet, rects: [rect] };
    });
    return this.parts.format;
  }

  get dataValidation(): DataValidationProxy {
    this.requireApi('1.8', 'dataValidation');
    this.parts.validation ??= new DataValidationProxy(this.context, () => this.target());
    return this.parts.validation;
  }

  get conditionalFormats(): ConditionalFormatCollectionProxy {
    this.requireApi('1.6', 'conditionalFormats');
    this.parts.formats ??= new ConditionalFormatCollectionProxy(this.context, () => {
      const { sheet, rect } = this.target();
      return { sheet, rects: [rect] };
    });
    return this.parts.formats;
  }

  get worksheet(): WorksheetProxy {
    this.parts.worksheet ??= new WorksheetProxy(this.context, () => this.target().sheet);
    return this.parts.worksheet;
  }

  getCell(row: number, column: number): RangeProxy {
    return this.#derived(({ rect }) => ({ top: rect.top + row, left: rect.left + column, bottom: rect.top + row, right: rect.left + column }));
  }

  getRow(row: number): RangeProxy {
    return this.#derived(({ rect }) => {
      if (row < 0 || row >= rectRows(rect)) throw invalidArgument(`row ${row}`);
      return { ...rect, top: rect.top + row, bottom: rect.top + row };
    });
  }

  getColumn(column: number): RangeProxy {
    return this.#derived(({ rect }) => {
      if (column < 0 || column >= rectColumns(rect)) throw invalidArgument(`column ${column}`);
      return { ...rect, left: rect.left + column, right: rect.left + column };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    this.requireApi('1.4', 'getUsedRangeOrNullObject');
    return this.#derived(({ sheet, rect }) => {
      const used = this.model.usedRect(sheet, valuesOnly === true);
      return used ? rectIntersection(rect, used) : null;
    }, true);
  }

  /**
   * The merged areas whose top-left cell is in the range (office-js #3611: the others are
   * missed); more than 512 fail. The error code is not documented: GeneralException here.
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
    this.#shiftCells(String(shift), ['Down', 'Right']);
    // The inserted range is where the old one was.
    return this.#derived(({ rect }) => rect);
  }

  delete(shift: 'Up' | 'Left' | Excel.DeleteShiftDirection): void {
    this.#shiftCells(String(shift), ['Up', 'Left']);
  }

  /** Shifts the cells around the range (`Range.insert`, `Range.delete`): `direction` must be one the call takes. */
  #shiftCells(direction: string, accepted: readonly ShiftDirection[]): void {
    this.enqueue(() => {
      const shift = accepted.find((one) => one === direction);
      if (shift === undefined) throw invalidArgument(`shift '${direction}'`);
      const { sheet, rect } = this.target();
      this.model.shift(sheet, rect, shift);
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
}

// Declaration merging: the accessors come from RANGE_PROPERTIES (installProperties), typed as Office.js's.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RangeProxy extends Pick<Excel.Range, keyof typeof RANGE_PROPERTIES> {}
installProperties(RangeProxy, RANGE_PROPERTIES);

/** Resolves a `Range | string` argument to a rectangle on the given sheet. */
export function rangeArgument(context: MemoryRequestContext, sheet: SheetData, value: unknown): Rect {
  if (typeof value === 'string') return rectOnSheet(sheet, value);
  if (value instanceof RangeProxy) {
    context.assertSameContext(value);
    const target = value.target();
    if (target.sheet !== sheet) throw invalidArgument('the ranges are on different worksheets');
    return target.rect;
  }
  throw invalidArgument('a Range or an address is expected');
}

// ---------------------------------------------------------------- RangeAreas

const AREAS_PROPERTIES = {
  address: { read: ({ sheet, rects }: AreasTarget) => rects.map((rect) => sheetAddress(sheet, rect)).join(', ') },
} satisfies PropertyTable<AreasTarget>;

export class RangeAreasProxy extends BoundProxy<AreasTarget> {
  protected readonly typeName = 'RangeAreas';
  private formats: ConditionalFormatCollectionProxy | undefined;

  constructor(context: MemoryRequestContext, locate: () => AreasTarget | null, nullable = false) {
    super(context, () => {
      const found = locate();
      return found ? { sheet: found.sheet, rects: found.rects.map(checkedRect) } : null;
    }, nullable);
  }

  target(): AreasTarget {
    const { sheet, rects } = this.bound();
    return { sheet: this.model.requireSheet(sheet.id), rects };
  }

  get conditionalFormats(): ConditionalFormatCollectionProxy {
    this.formats ??= new ConditionalFormatCollectionProxy(this.context, () => this.target());
    return this.formats;
  }
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RangeAreasProxy extends Pick<Excel.RangeAreas, keyof typeof AREAS_PROPERTIES> {}
installProperties(RangeAreasProxy, AREAS_PROPERTIES);
