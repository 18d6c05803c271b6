/// <reference types="wps-jsapi" />
/**
 * The part of the WPS Spreadsheets object model (`window.Application` in a WPS 加载项, the
 * VBA-like ET object model) that the project calls, typed as it behaves.
 *
 * The public declarations (`wps-jsapi`, namespace `Et`) are generated from COM type libraries:
 * many members are untyped, `Value2` is `number`, and methods that return an object are typed
 * `void` with the result as a trailing `RHS` parameter. The types here correct that, member by
 * member, after the Excel VBA object model reference (learn.microsoft.com, "Range object
 * (Excel)" and its member pages), which the ET object model mirrors; each corrected member says
 * what the declarations say. `AssertMembers` below proves at compile time that every member
 * named here exists on the matching `Et` interface, so a misspelt or invented member fails to
 * compile. Calls are synchronous and each crosses from the page into WPS: read and write whole
 * ranges, never cell by cell.
 */

// ------------------------------------------------------------------ values

/** An error value as `Value2` gives it: the COM error code 0x800A0000 + the `XlCVError` number. */
export type WpsErrorCode = number;

/**
 * One cell's `Value2`: text, a number (dates are serial numbers: `Value2` has no Date or
 * Currency), a boolean, an error as a negative CVErr code (see `CV_ERRORS`), or nothing for an
 * empty cell (COM's VT_EMPTY, `undefined` in the page; `null` accepted alike).
 */
export type WpsCellValue = string | number | boolean | null | undefined;

/** What `Value2` reads: a scalar for one cell, rows of cells (a 2-D array) for several. */
export type WpsValue2 = WpsCellValue | WpsCellValue[][];

/** What `Formula` reads: a cell's formula (`=SUM(A1:A3)`) or its constant as text (`''` when empty); rows of them for several cells. */
export type WpsFormula = string | string[][];

/** What `Value2` and `Formula` take: one value for every cell of the range, or rows matching its shape. */
export type WpsWritable = string | number | boolean | null | readonly (readonly (string | number | boolean | null)[])[];

// ------------------------------------------------------------------ constants

/**
 * `XlCVError` (Excel VBA reference, "XlCVError enumeration"), the numbers `CVErr` takes; through
 * COM an error cell's `Value2` is the error HRESULT `0x800A0000 | n`, which the page reads as a
 * negative number (#DIV/0!: 0x800A07D7 = -2146826281).
 */
export const XL_CV_ERROR = { '#NULL!': 2000, '#DIV/0!': 2007, '#VALUE!': 2015, '#REF!': 2023, '#NAME?': 2029, '#NUM!': 2036, '#N/A': 2042 } as const satisfies Record<string, Et.EtXlCVError>;

export type WpsErrorText = keyof typeof XL_CV_ERROR;

const COM_ERROR_BASE = -2146828288; // 0x800A0000 as a signed 32-bit integer

/** The `Value2` codes of the error values: #NULL! -2146826288, #DIV/0! -2146826281, #VALUE! -2146826273, #REF! -2146826265, #NAME? -2146826259, #NUM! -2146826252, #N/A -2146826246. */
export const CV_ERRORS: ReadonlyMap<WpsErrorCode, WpsErrorText> = new Map(
  (Object.entries(XL_CV_ERROR) as [WpsErrorText, number][]).map(([text, number]) => [COM_ERROR_BASE + number, text]),
);

/** The error code `Value2` carries for an error text (the inverse of `CV_ERRORS`). */
export function cvErrorCode(text: WpsErrorText): WpsErrorCode {
  return COM_ERROR_BASE + XL_CV_ERROR[text];
}

/** `XlFormatConditionType.xlExpression`: a condition given by a formula. */
export const XL_EXPRESSION = 2 satisfies Et.EtXlFormatConditionType.xlExpression;

/** `XlDVType` (Validation.Add's Type). */
export const XL_VALIDATE = { decimal: 2, list: 3, textLength: 6 } as const satisfies Record<string, Et.EtXlDVType>;
/** `XlDVAlertStyle.xlValidAlertStop`. */
export const XL_VALID_ALERT_STOP = 1 satisfies Et.EtXlDVAlertStyle.xlValidAlertStop;
/** `XlFormatConditionOperator` (Validation.Add's Operator). */
export const XL_OPERATOR = { greaterEqual: 7, lessEqual: 8 } as const satisfies Record<string, Et.EtXlFormatConditionOperator>;

/** `XlBordersIndex`: the four edges and the lines inside a range. */
export const XL_BORDER = { edgeTop: 8, edgeBottom: 9, edgeLeft: 7, edgeRight: 10, insideVertical: 11, insideHorizontal: 12 } as const satisfies Record<string, Et.EtXlBordersIndex>;
/** `XlLineStyle.xlContinuous`. */
export const XL_CONTINUOUS = 1 satisfies Et.EtXlLineStyle.xlContinuous;
/** `XlBorderWeight.xlThin` (Excel VBA reference, "XlBorderWeight enumeration"; the ET declarations omit the enumeration). */
export const XL_THIN = 2;

/** `XlHAlign` / `XlVAlign`: xlHAlignLeft, xlHAlignCenter (also xlVAlignCenter), xlHAlignRight, xlVAlignTop, xlVAlignBottom (the ET declarations list them under `EtConstants`). */
export const XL_ALIGN = { left: -4131, center: -4108, right: -4152, top: -4160, bottom: -4107 } as const satisfies Record<string, Et.EtConstants>;

/** `XlPageOrientation`, `XlPaperSize.xlPaperA4`. */
export const XL_ORIENTATION = { portrait: 1, landscape: 2 } as const satisfies Record<string, Et.EtXlPageOrientation>;
export const XL_PAPER_A4 = 9 satisfies Et.EtXlPaperSize.xlPaperA4;

/** `XlInsertShiftDirection.xlShiftDown`. */
export const XL_SHIFT_DOWN = -4121 satisfies Et.EtXlInsertShiftDirection.xlShiftDown;
/** `XlInsertFormatOrigin`: where inserted cells take their formats from. */
export const XL_FORMAT_FROM = { leftOrAbove: 0, rightOrBelow: 1 } as const satisfies Record<string, Et.EtXlInsertFormatOrigin>;

// ------------------------------------------------------------------ colours

/** A colour as `Interior.Color` and `Font.Color` hold it: a number 0xBBGGRR (blue in the high byte). */
export type WpsColor = number;

/** `#RRGGBB` → the BGR number WPS keeps (`#FFC7CE` → 0xCEC7FF). */
export function bgrFromHex(hex: string): WpsColor {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new RangeError(`not a #RRGGBB colour: ${hex}`);
  const [red, green, blue] = [match[1], match[2], match[3]].map((part) => parseInt(part, 16));
  return (blue << 16) | (green << 8) | red;
}

/** The BGR number WPS keeps → `#RRGGBB`. */
export function hexFromBgr(color: WpsColor): string {
  const red = color & 0xff;
  const green = (color >> 8) & 0xff;
  const blue = (color >> 16) & 0xff;
  return `#${[red, green, blue].map((part) => part.toString(16).padStart(2, '0').toUpperCase()).join('')}`;
}

// ------------------------------------------------------------------ the object model

/** `Application` (Et.EtApplication). */
export interface WpsApplication {
  /** The declarations: `EtWorkbook`. Null when no workbook is open (the official templates test `if (Application.ActiveWorkbook)`). */
  readonly ActiveWorkbook: WpsWorkbook | null;
  /**
   * Not on `EtApplication` in the declarations, which declare it as the namespace `wps.ApiEvent`;
   * the official templates call it as `window.Application.ApiEvent`.
   */
  readonly ApiEvent: WpsApiEvent;
  /** While false, no event handler runs: the add-in's own writes raise no `SheetChange`. */
  EnableEvents: boolean;
  /** The declarations: `number`. Boolean, as in VBA ("Application.ScreenUpdating property"). */
  ScreenUpdating: boolean;
}

/** The events the add-in listens to, with their arguments (`wps.ApiEvent` in the declarations). */
export interface WpsEventHandlers {
  /** Cells of a sheet changed, by the user or by an external link; `Target` is the changed range (Excel VBA, "Workbook.SheetChange event"). */
  SheetChange: (Sh: WpsWorksheet, Target: WpsRange) => void;
  /** A sheet was activated (Excel VBA, "Workbook.SheetActivate event"). */
  SheetActivate: (Sh: WpsWorksheet) => void;
}

export type WpsEventName = keyof WpsEventHandlers;

/** `Application.ApiEvent`. */
export interface WpsApiEvent {
  /** The declarations type the arguments `object`; they are the worksheet and the range. */
  AddApiEventListener<E extends WpsEventName>(eventName: E, callback: WpsEventHandlers[E]): void;
  /** The declarations take the name alone; the official templates pass the callback too, to remove that one listener. */
  RemoveApiEventListener<E extends WpsEventName>(eventName: E, callback: WpsEventHandlers[E]): void;
}

/** `Workbook` (Et.EtWorkbook). */
export interface WpsWorkbook {
  readonly Name: string;
  /** The declarations: `number`. The path and name of the file (VBA, "Workbook.FullName property"). */
  readonly FullName: string;
  readonly Worksheets: WpsSheets;
  readonly Names: WpsNames;
}

/** `Worksheets` (Et.EtSheets). */
export interface WpsSheets {
  readonly Count: number;
  /** The declarations: `Item(Index?, RHS?): void`. Returns the sheet by 1-based position or by name. */
  Item(Index: number | string): WpsWorksheet;
  /** The declarations: `void` with `RHS`. Returns the new sheet, placed after `After` (VBA, "Sheets.Add method"). */
  Add(Before?: WpsWorksheet, After?: WpsWorksheet): WpsWorksheet;
}

/** `Worksheet` (Et.EtWorksheet). */
export interface WpsWorksheet {
  Name: string;
  /** The declarations: `Range(Cell1?, Cell2?, RHS?: EtRange): void`. Returns the range of an A1 address (several areas joined by commas; at most 255 characters, VBA "Worksheet.Range property"). */
  Range(Cell1: string): WpsRange;
  /** Every cell of the sheet: its `FormatConditions` are all the sheet's conditional formats. */
  readonly Cells: WpsRange;
  /** The declarations: `number`. A range from the first to the last used cell (VBA, "Worksheet.UsedRange property"); A1 alone on an empty sheet. */
  readonly UsedRange: WpsRange;
  readonly PageSetup: WpsPageSetup;
  /** The names scoped to this sheet. */
  readonly Names: WpsNames;
  /** The declarations: `number`. True when the sheet's cells are protected (VBA, "Worksheet.ProtectContents property"). */
  readonly ProtectContents: boolean;
  Activate(): void;
}

/** `Range` (Et.EtRange). */
export interface WpsRange {
  /** The declarations: `number`. One cell's value, or rows of values for several (VBA, "Range.Value2 property": no Date, no Currency). */
  get Value2(): WpsValue2;
  set Value2(value: WpsWritable);
  /** The declarations: `number`. One cell's formula or constant as text, or rows of them; a constant written is taken as typed (VBA, "Range.Formula property"). */
  get Formula(): WpsFormula;
  set Formula(value: WpsWritable);
  /** The declarations: `void` with `RHS: string`. Returns the address, absolute (`$A$1:$C$4`, areas joined by commas) unless told otherwise. */
  Address(RowAbsolute?: boolean, ColumnAbsolute?: boolean): string;
  /** The declarations leave it untyped. True when every cell is in a merged area, false when none is, null when some are (VBA, "Range.MergeCells property"). */
  readonly MergeCells: boolean | null;
  /** The merged area holding the range's first cell; that cell alone when it is not merged. */
  readonly MergeArea: WpsRange;
  /** Merges each area of the range (several areas: each on its own). */
  Merge(Across?: boolean): void;
  UnMerge(): void;
  readonly Interior: WpsInterior;
  readonly Font: WpsFont;
  readonly Borders: WpsBorders;
  /** The declarations leave it untyped. An `XlHAlign` number (`XL_ALIGN`). */
  get HorizontalAlignment(): number | null;
  set HorizontalAlignment(value: number);
  /** The declarations leave it untyped. An `XlVAlign` number (`XL_ALIGN`). */
  get VerticalAlignment(): number | null;
  set VerticalAlignment(value: number);
  /** The declarations leave it untyped. */
  get WrapText(): boolean | null;
  set WrapText(value: boolean);
  /** The declarations leave it untyped. One format for every cell (`0.00`, `@`). */
  get NumberFormat(): string | null;
  set NumberFormat(value: string);
  /** The declarations leave it untyped. Characters of the standard font's digit, as Excel's column dialog shows (VBA, "Range.ColumnWidth property"). */
  get ColumnWidth(): number | null;
  set ColumnWidth(value: number);
  /** The declarations leave it untyped. Points. */
  get RowHeight(): number | null;
  set RowHeight(value: number);
  /**
   * The declarations: `Insert(Shift?, CopyOrigin?, RHS?): void`. Shifts cells down
   * (`XL_SHIFT_DOWN`); the new cells take the formats of the row above, or below with
   * `XL_FORMAT_FROM.rightOrBelow` (VBA, "Range.Insert method"); merges, conditional formats and
   * validations strictly across the new row grow with it.
   */
  Insert(Shift?: number, CopyOrigin?: number): void;
  /** The declarations: `Select(RHS?): void`. */
  Select(): void;
  /** The conditional formats over the range, in priority order, 1-based. */
  readonly FormatConditions: WpsFormatConditions;
  readonly Validation: WpsValidation;
}

/** `Interior` (Et.EtInterior). */
export interface WpsInterior {
  /** The declarations leave it untyped. A BGR number (`bgrFromHex`); null over cells whose fills differ. */
  get Color(): WpsColor | null;
  set Color(value: WpsColor);
}

/** `Font` (Et.EtFont). */
export interface WpsFont {
  /** The declarations leave all four untyped. Each reads null over cells that differ. */
  get Bold(): boolean | null;
  set Bold(value: boolean);
  get Size(): number | null;
  set Size(value: number);
  get Name(): string | null;
  set Name(value: string);
  /** A BGR number. */
  get Color(): WpsColor | null;
  set Color(value: WpsColor);
}

/** `Borders` (Et.EtBorders). */
export interface WpsBorders {
  /** The declarations: `Item(Index?: EtXlBordersIndex, RHS?: EtBorder): void`. Returns one edge (`XL_BORDER`). */
  Item(Index: number): WpsBorder;
}

/** `Border` (Et.EtBorder). */
export interface WpsBorder {
  /** The declarations leave all three untyped. `XL_CONTINUOUS`, `XL_THIN`, a BGR colour; each reads null over cells that differ. */
  get LineStyle(): number | null;
  set LineStyle(value: number);
  get Weight(): number | null;
  set Weight(value: number);
  get Color(): WpsColor | null;
  set Color(value: WpsColor);
}

/** `FormatConditions` (Et.EtFormatConditions). */
export interface WpsFormatConditions {
  readonly Count: number;
  /** The declarations: `Item(Index?, RHS?): void`. Returns the condition at a 1-based position (the top priority first). */
  Item(Index: number): WpsFormatCondition;
  /** The declarations: `void` with `RHS`. Adds a condition over the range (at the top priority) and returns it; `xlExpression` takes `Formula1` alone. */
  Add(Type: typeof XL_EXPRESSION, Operator: undefined, Formula1: string): WpsFormatCondition;
}

/** `FormatCondition` (Et.EtFormatCondition). */
export interface WpsFormatCondition {
  /** The declarations: `number`. An `XlFormatConditionType`. */
  readonly Type: number;
  /** The formula, as written (`=N("perf-target-forms:error")=0`). */
  readonly Formula1: string;
  readonly Interior: WpsInterior;
  readonly Font: WpsFont;
  /** The cells the condition covers. */
  readonly AppliesTo: WpsRange;
  Delete(): void;
  /** Moves the condition to the top of the sheet's list, priority 1, renumbering the others (VBA, "FormatCondition.SetFirstPriority method"). */
  SetFirstPriority(): void;
}

/** `Validation` (Et.EtValidation). */
export interface WpsValidation {
  /** The declarations leave the arguments untyped: the type (`XL_VALIDATE`), the alert style, the operator, the first formula (a number, or a list's items joined by commas). */
  Add(Type: number, AlertStyle?: number, Operator?: number, Formula1?: string): void;
  /** Reading any of these where no rule exists is an error in VBA. */
  InCellDropdown: boolean;
  IgnoreBlank: boolean;
  ShowInput: boolean;
  InputTitle: string;
  InputMessage: string;
  ShowError: boolean;
  ErrorTitle: string;
  ErrorMessage: string;
}

/** `Names` (Et.EtNames). */
export interface WpsNames {
  /** The declarations: `void` with `RHS: EtName`. `RefersTo` is a formula: `=$B$2` (on the sheet whose Names this is). */
  Add(Name: string, RefersTo: string): WpsName;
}

/** `Name` (Et.EtName): what `Names.Add` returns; the adapter reads nothing of it. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface WpsName {}

/** `PageSetup` (Et.EtPageSetup). */
export interface WpsPageSetup {
  Orientation: number;
  PaperSize: number;
  /** The declarations leave it untyped. A percentage, or false to fit to `FitToPagesWide` × `FitToPagesTall`. */
  Zoom: number | false;
  /** The declarations leave both untyped. A page count, or false: as many as needed. */
  FitToPagesWide: number | false;
  FitToPagesTall: number | false;
  /** Rows repeated on each page, `$1:$4`. */
  PrintTitleRows: string;
  PrintArea: string;
  /** Points, all six. */
  TopMargin: number;
  BottomMargin: number;
  LeftMargin: number;
  RightMargin: number;
  HeaderMargin: number;
  FooterMargin: number;
  CenterHorizontally: boolean;
}

// ------------------------------------------------------------------ the compile-time check

/** Compiles only when every member of `Ours` exists on `Theirs` (the public declarations). */
type AssertMembers<Ours, Theirs> = Exclude<keyof Ours, keyof Theirs> extends never ? true : ['not in the declarations:', Exclude<keyof Ours, keyof Theirs>];
type Holds<T extends true> = T;

export type MembersExist = [
  Holds<AssertMembers<Omit<WpsApplication, 'ApiEvent'>, Et.EtApplication>>,
  Holds<AssertMembers<WpsApiEvent, typeof wps.ApiEvent>>,
  Holds<AssertMembers<WpsWorkbook, Et.EtWorkbook>>,
  Holds<AssertMembers<WpsSheets, Et.EtSheets>>,
  Holds<AssertMembers<WpsWorksheet, Et.EtWorksheet>>,
  Holds<AssertMembers<WpsRange, Et.EtRange>>,
  Holds<AssertMembers<WpsInterior, Et.EtInterior>>,
  Holds<AssertMembers<WpsFont, Et.EtFont>>,
  Holds<AssertMembers<WpsBorders, Et.EtBorders>>,
  Holds<AssertMembers<WpsBorder, Et.EtBorder>>,
  Holds<AssertMembers<WpsFormatConditions, Et.EtFormatConditions>>,
  Holds<AssertMembers<WpsFormatCondition, Et.EtFormatCondition>>,
  Holds<AssertMembers<WpsValidation, Et.EtValidation>>,
  Holds<AssertMembers<WpsNames, Et.EtNames>>,
  Holds<AssertMembers<WpsName, Et.EtName>>,
  Holds<AssertMembers<WpsPageSetup, Et.EtPageSetup>>,
];
