/** `Workbook`, `Sheets`, `Worksheet`, `PageSetup`, `Names` and `Name`. */
import { MAX_COLUMNS, MAX_ROWS, parseAreas, type Rect } from './address';
import { WpsErrorCode, WpsMemoryError } from './errors';
import { requireBoolean, requireNumber, requireString, SheetObject, WpsObject, type WpsHost } from './object-base';
import { MemoryRange } from './range-object';
import type { NameData, PageSetupData } from './sheet-data';

const WHOLE_SHEET: Rect = { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 };

type PageKey = keyof PageSetupData;

/** `Worksheet.PageSetup`: the print setup, read and written property by property. */
export class MemoryPageSetup extends SheetObject {
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
  get CenterHorizontally(): boolean {
    return this.center.get();
  }
  set CenterHorizontally(value: boolean) {
    this.center.set(value);
  }
}

export class MemoryWorksheet extends SheetObject {
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

  /** 1-based position in the workbook. */
  get Index(): number {
    return this.read('Index', () => this.model.sheets.indexOf(this.sheet) + 1);
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

  get Rows(): MemoryRange {
    return this.read('Rows', () => new MemoryRange(this.host, this.sheetId, [WHOLE_SHEET], 'rows'));
  }

  get Columns(): MemoryRange {
    return this.read('Columns', () => new MemoryRange(this.host, this.sheetId, [WHOLE_SHEET], 'columns'));
  }

  /** From the first to the last cell holding a value or a format ("Worksheet.UsedRange property (Excel)"). */
  get UsedRange(): MemoryRange {
    return this.read('UsedRange', () => new MemoryRange(this.host, this.sheetId, [this.model.usedRect(this.sheet)]));
  }

  get PageSetup(): MemoryPageSetup {
    return this.read('PageSetup', () => new MemoryPageSetup(this.host, this.sheetId));
  }

  /** Makes the sheet the active one; SheetActivate is raised when it was not. */
  Activate(): void {
    this.invoke('Activate', () => this.model.activate(this.sheet));
  }

  /** True while the sheet's contents are protected: writes to it throw. */
  get ProtectContents(): boolean {
    return this.read('ProtectContents', () => this.sheet.protectContents);
  }

  Protect(_password?: string): void {
    this.invoke('Protect', () => {
      this.sheet.protectContents = true;
      this.model.touch();
    });
  }

  Unprotect(_password?: string): void {
    this.invoke('Unprotect', () => {
      this.sheet.protectContents = false;
      this.model.touch();
    });
  }
}

export class MemoryName extends WpsObject {
  protected readonly kind = 'Name';

  constructor(
    host: WpsHost,
    private readonly item: NameData,
  ) {
    super(host);
  }

  get Name(): string {
    return this.read('Name', () => this.item.name);
  }
  /** With its `=`: `=申报表!$A$1`. */
  get RefersTo(): string {
    return this.read('RefersTo', () => this.item.refersTo);
  }
  get Visible(): boolean {
    return this.read('Visible', () => this.item.visible);
  }
  Delete(): void {
    this.invoke('Delete', () => this.model.deleteName(this.item));
  }
}

export class MemoryNames extends WpsObject {
  protected readonly kind = 'Names';

  get Count(): number {
    return this.read('Count', () => this.model.names.length);
  }

  /** By name (ignoring case) or 1-based index; throws when absent. */
  Item(nameOrIndex: string | number): MemoryName {
    return this.invoke('Item', () => {
      const item = typeof nameOrIndex === 'number' ? this.model.names[nameOrIndex - 1] : this.model.nameByText(nameOrIndex);
      if (!item) throw new WpsMemoryError(WpsErrorCode.itemNotFound, `There is no name ${JSON.stringify(nameOrIndex)}.`);
      return new MemoryName(this.host, item);
    });
  }

  Add(name: string, refersTo: string, visible = true): MemoryName {
    return this.invoke('Add', () => new MemoryName(this.host, this.model.addName(requireString(name, 'Names.Add Name'), requireString(refersTo, 'Names.Add RefersTo'), visible)));
  }
}

export class MemorySheets extends WpsObject {
  protected readonly kind = 'Sheets';

  get Count(): number {
    return this.read('Count', () => this.model.sheets.length);
  }

  /** 1-based index or name (ignoring case); throws when there is no such sheet. */
  Item(nameOrIndex: string | number): MemoryWorksheet {
    return this.invoke('Item', () => new MemoryWorksheet(this.host, this.model.requireSheet(nameOrIndex).id));
  }

  /** A new sheet, before the active sheet, or before `before` or after `after`; it becomes the active sheet. */
  Add(before?: MemoryWorksheet, after?: MemoryWorksheet): MemoryWorksheet {
    return this.invoke('Add', () => {
      if (before !== undefined && after !== undefined) throw new WpsMemoryError(WpsErrorCode.invalidArgument, 'Sheets.Add takes Before or After, not both.');
      const anchor = after ?? before;
      const index = anchor ? this.model.sheets.indexOf(this.model.sheetById(anchor.sheetId)) + (after ? 1 : 0) : undefined;
      return new MemoryWorksheet(this.host, this.model.addSheet(undefined, index).id);
    });
  }
}

export class MemoryWorkbook extends WpsObject {
  protected readonly kind = 'Workbook';

  get Sheets(): MemorySheets {
    return this.read('Sheets', () => new MemorySheets(this.host));
  }
  get Worksheets(): MemorySheets {
    return this.read('Worksheets', () => new MemorySheets(this.host));
  }
  get Names(): MemoryNames {
    return this.read('Names', () => new MemoryNames(this.host));
  }
  get ActiveSheet(): MemoryWorksheet {
    return this.read('ActiveSheet', () => new MemoryWorksheet(this.host, this.model.activeSheetId));
  }
}
