/** `Workbook`, `Sheets`, `Worksheet`, `PageSetup`, `Names` and `Name`. */
import type { WpsName, WpsNames, WpsPageSetup, WpsSheets, WpsWorkbook, WpsWorksheet } from '../wps/wps-api';
import { MAX_COLUMNS, MAX_ROWS, parseAreas, type Rect } from './address';
import { WpsErrorCode, WpsMemoryError } from './errors';
import { requireBoolean, requireNumber, requireString, SheetObject, WpsObject, type WpsHost } from './object-base';
import { MemoryRange } from './range-object';
import type { PageSetupData } from './sheet-data';

const WHOLE_SHEET: Rect = { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 };

type PageKey = keyof PageSetupData;

/** `Worksheet.PageSetup`: the print setup, read and written property by property. */
export class MemoryPageSetup extends SheetObject implements WpsPageSetup {
  protected readonly kind = 'PageSetup';

  private property<K extends PageKey>(key: K, member: string, check: (value: unknown) => PageSetupData[K]) {
    return {
      get: (): PageSetupData[K] => this.read(member, () => this.sheet.pageSetup[key]),
      set: (value: unknown): void =>
        this.write(member, () => {
          this.model.assertEditable(this.sheet);
          this.sheet.pageSetup[key] = check(value);
          this.model.touch();
        }),
    };
  }

  private static numberOrFalse(member: string) {
    return (value: unknown): number | false => (value === false ? false : requireNumber(value, `PageSetup.${member}`));
  }

  private readonly orientation = this.property('orientation', 'Orientation', (v) => requireNumber(v, 'PageSetup.Orientation'));
  private readonly paperSize = this.property('paperSize', 'PaperSize', (v) => requireNumber(v, 'PageSetup.PaperSize'));
  private readonly zoom = this.property('zoom', 'Zoom', MemoryPageSetup.numberOrFalse('Zoom'));
  private readonly wide = this.property('fitToPagesWide', 'FitToPagesWide', MemoryPageSetup.numberOrFalse('FitToPagesWide'));
  private readonly tall = this.property('fitToPagesTall', 'FitToPagesTall', MemoryPageSetup.numberOrFalse('FitToPagesTall'));
  private readonly printArea = this.property('printArea', 'PrintArea', (v) => requireString(v, 'PageSetup.PrintArea'));
  private readonly titleRows = this.property('printTitleRows', 'PrintTitleRows', (v) => requireString(v, 'PageSetup.PrintTitleRows'));
  private readonly margins = {
    top: this.property('topMargin', 'TopMargin', (v) => requireNumber(v, 'PageSetup.TopMargin')),
    bottom: this.property('bottomMargin', 'BottomMargin', (v) => requireNumber(v, 'PageSetup.BottomMargin')),
    left: this.property('leftMargin', 'LeftMargin', (v) => requireNumber(v, 'PageSetup.LeftMargin')),
    right: this.property('rightMargin', 'RightMargin', (v) => requireNumber(v, 'PageSetup.RightMargin')),
    header: this.property('headerMargin', 'HeaderMargin', (v) => requireNumber(v, 'PageSetup.HeaderMargin')),
    footer: this.property('footerMargin', 'FooterMargin', (v) => requireNumber(v, 'PageSetup.FooterMargin')),
  };
  private readonly center = this.property('centerHorizontally', 'CenterHorizontally', (v) => requireBoolean(v, 'PageSetup.CenterHorizontally'));

  /** XlPageOrientation: xlPortrait 1, xlLandscape 2. */
  get Orientation(): number {
    return this.orientation.get();
  }
  set Orientation(value: number) {
    this.orientation.set(value);
  }
  /** XlPaperSize: xlPaperA4 9. */
  get PaperSize(): number {
    return this.paperSize.get();
  }
  set PaperSize(value: number) {
    this.paperSize.set(value);
  }
  /** A percentage, or false when FitToPagesWide/Tall decide ("PageSetup.Zoom property (Excel)"). */
  get Zoom(): number | false {
    return this.zoom.get();
  }
  set Zoom(value: number | false) {
    this.zoom.set(value);
  }
  get FitToPagesWide(): number | false {
    return this.wide.get();
  }
  set FitToPagesWide(value: number | false) {
    this.wide.set(value);
  }
  get FitToPagesTall(): number | false {
    return this.tall.get();
  }
  set FitToPagesTall(value: number | false) {
    this.tall.set(value);
  }
  /** An A1 reference (`$A$1:$F$30`), '' for the whole sheet. */
  get PrintArea(): string {
    return this.printArea.get();
  }
  set PrintArea(value: string) {
    this.printArea.set(value);
  }
  get PrintTitleRows(): string {
    return this.titleRows.get();
  }
  set PrintTitleRows(value: string) {
    this.titleRows.set(value);
  }
  /** Margins in points. */
  get TopMargin(): number {
    return this.margins.top.get();
  }
  set TopMargin(value: number) {
    this.margins.top.set(value);
  }
  get BottomMargin(): number {
    return this.margins.bottom.get();
  }
  set BottomMargin(value: number) {
    this.margins.bottom.set(value);
  }
  get LeftMargin(): number {
    return this.margins.left.get();
  }
  set LeftMargin(value: number) {
    this.margins.left.set(value);
  }
  get RightMargin(): number {
    return this.margins.right.get();
  }
  set RightMargin(value: number) {
    this.margins.right.set(value);
  }
  get HeaderMargin(): number {
    return this.margins.header.get();
  }
  set HeaderMargin(value: number) {
    this.margins.header.set(value);
  }
  get FooterMargin(): number {
    return this.margins.footer.get();
  }
  set FooterMargin(value: number) {
    this.margins.footer.set(value);
  }
  get CenterHorizontally(): boolean {
    return this.center.get();
  }
  set CenterHorizontally(value: boolean) {
    this.center.set(value);
  }
}

export class MemoryWorksheet extends SheetObject implements WpsWorksheet {
  protected readonly kind = 'Worksheet';

  constructor(host: WpsHost, sheetId: number) {
    super(host, sheetId);
  }

  /** Unique in the workbook, ignoring case; at most 31 characters, none of \ / ? * [ ] :. */
  get Name(): string {
    return this.read('Name', () => this.sheet.name);
  }
  set Name(value: string) {
    this.write('Name', () => this.model.renameSheet(this.sheet, requireString(value, 'Worksheet.Name')));
  }

  /** `Range("A1:F30")`, `Range("A1:B2,D5")`, `Range("5:7")`; throws on anything that is not a reference. */
  Range(address: string, cell2?: string): MemoryRange {
    return this.invoke('Range', () => {
      const text = requireString(address, 'Worksheet.Range');
      const areas = parseAreas(cell2 === undefined ? text : `${text}:${requireString(cell2, 'Worksheet.Range')}`);
      if (!areas) throw new WpsMemoryError(WpsErrorCode.invalidArgument, `Method 'Range' of object 'Worksheet' failed: ${JSON.stringify(text)} is not a reference.`);
      return new MemoryRange(this.host, this.sheetId, areas);
    });
  }

  /** Every cell of the sheet; `Cells.Item(row, column)` is one cell, 1-based. */
  get Cells(): MemoryRange {
    return this.read('Cells', () => new MemoryRange(this.host, this.sheetId, [WHOLE_SHEET]));
  }

  /** From the first to the last cell holding a value or a format ("Worksheet.UsedRange property (Excel)"). */
  get UsedRange(): MemoryRange {
    return this.read('UsedRange', () => new MemoryRange(this.host, this.sheetId, [this.model.usedRect(this.sheet)]));
  }

  get PageSetup(): MemoryPageSetup {
    return this.read('PageSetup', () => new MemoryPageSetup(this.host, this.sheetId));
  }

  get Names(): MemoryNames {
    return this.read('Names', () => new MemoryNames(this.host, this.sheetId));
  }

  /** Makes the sheet the active one; SheetActivate is raised when it was not. */
  Activate(): void {
    this.invoke('Activate', () => this.model.activate(this.sheet));
  }

  /** True while the sheet's contents are protected: writes to it throw. */
  get ProtectContents(): boolean {
    return this.read('ProtectContents', () => this.sheet.protectContents);
  }
}

/** What `Names.Add` returns: the adapter reads nothing of a name, so the fake offers nothing. */
export class MemoryName extends WpsObject implements WpsName {
  protected readonly kind = 'Name';
}

/** `Workbook.Names` adds names of the workbook; `Worksheet.Names` of the sheet (worksheet-level names). */
export class MemoryNames extends WpsObject implements WpsNames {
  protected readonly kind = 'Names';

  constructor(
    host: WpsHost,
    private readonly sheetId: number | null,
  ) {
    super(host);
  }

  /** In this collection's scope: on a sheet's Names, a worksheet-level name. */
  Add(name: string, refersTo: string): MemoryName {
    return this.invoke('Add', () => {
      this.model.addName(requireString(name, 'Names.Add Name'), requireString(refersTo, 'Names.Add RefersTo'), this.sheetId);
      return new MemoryName(this.host);
    });
  }
}

export class MemorySheets extends WpsObject implements WpsSheets {
  protected readonly kind = 'Sheets';

  get Count(): number {
    return this.read('Count', () => this.model.sheets.length);
  }

  /** 1-based index or name (ignoring case); throws when there is no such sheet. */
  Item(nameOrIndex: string | number): MemoryWorksheet {
    return this.invoke('Item', () => new MemoryWorksheet(this.host, this.model.requireSheet(nameOrIndex).id));
  }

  /** A new sheet, before the active sheet, or before `before` or after `after`; it becomes the active sheet. */
  Add(before?: WpsWorksheet, after?: WpsWorksheet): MemoryWorksheet {
    return this.invoke('Add', () => {
      if (before !== undefined && after !== undefined) throw new WpsMemoryError(WpsErrorCode.invalidArgument, 'Sheets.Add takes Before or After, not both.');
      const anchor = after ?? before;
      if (anchor !== undefined && !(anchor instanceof MemoryWorksheet)) throw new WpsMemoryError(WpsErrorCode.invalidArgument, 'Sheets.Add takes a worksheet of this workbook.');
      const index = anchor ? this.model.sheets.indexOf(this.model.sheetById(anchor.sheetId)) + (after ? 1 : 0) : undefined;
      return new MemoryWorksheet(this.host, this.model.addSheet(undefined, index).id);
    });
  }
}

export class MemoryWorkbook extends WpsObject implements WpsWorkbook {
  protected readonly kind = 'Workbook';

  constructor(
    host: WpsHost,
    private readonly fileName: string,
  ) {
    super(host);
  }

  get Name(): string {
    return this.read('Name', () => this.fileName);
  }
  /** A workbook never saved has no folder: its FullName is its Name ("Workbook.FullName property (Excel)"). */
  get FullName(): string {
    return this.read('FullName', () => this.fileName);
  }
  get Worksheets(): MemorySheets {
    return this.read('Worksheets', () => new MemorySheets(this.host));
  }
  get Names(): MemoryNames {
    return this.read('Names', () => new MemoryNames(this.host, null));
  }
}
