/**
 * `Excel.Workbook`, `Excel.WorksheetCollection`, `Excel.Worksheet` and their parts (names,
 * protection, page layout, freeze panes, events), and `Excel.Runtime`.
 */
import { MAX_COLUMNS, MAX_ROWS, parseSheetAddress, rectAbsoluteA1, type Rect } from './address';
import type { MemoryRequestContext } from './context';
import { ErrorCode, MemoryExcelError } from './errors';
import { CollectionProxy, MemoryClientResult, ProxyObject, type EventSource, type HandlerRegistration } from './proxy-base';
import { RangeAreasProxy, RangeProxy, rectOnSheet, type SameParameters } from './range-proxies';
import { WorkbookModel, type NameData, type SheetData } from './workbook-model';

function invalidArgument(detail: string): MemoryExcelError {
  return new MemoryExcelError(ErrorCode.invalidArgument, `The argument is invalid or missing or has an incorrect format: ${detail}.`);
}

// ---------------------------------------------------------------- events

/** What `event.add(handler)` returns: `remove()` is queued like any command. */
export class MemoryEventHandlerResult {
  constructor(
    readonly context: MemoryRequestContext,
    private readonly registration: HandlerRegistration,
  ) {}

  remove(): void {
    this.context.enqueue(() => this.context.host.removeHandler(this.registration));
  }
}

export class MemoryEventHandlers<TArgs> {
  constructor(
    private readonly context: MemoryRequestContext,
    private readonly source: () => EventSource,
    private readonly requirement: { version: string; member: string },
  ) {}

  add(handler: (args: TArgs) => Promise<unknown> | unknown): MemoryEventHandlerResult {
    const registration: { source: EventSource | null; handler: (args: never) => unknown } = { source: null, handler: handler as (args: never) => unknown };
    const result = new MemoryEventHandlerResult(this.context, registration as HandlerRegistration);
    const supported = this.context.host.supportsExcelApi(this.requirement.version);
    this.context.enqueue(() => {
      if (!supported) {
        throw new MemoryExcelError(ErrorCode.apiNotFound, `The API you are trying to use could not be found: ${this.requirement.member} needs ExcelApi ${this.requirement.version}.`);
      }
      registration.source = this.source();
      this.context.host.addHandler(registration as HandlerRegistration);
    });
    return result;
  }
}

// ---------------------------------------------------------------- runtime

export class RuntimeProxy extends ProxyObject implements Pick<Excel.Runtime, 'enableEvents'> {
  protected readonly typeName = 'Runtime';

  protected readers(): Readonly<Record<string, () => unknown>> {
    return { enableEvents: () => this.model.eventsEnabled };
  }

  override load(option?: Parameters<ProxyObject['load']>[0]): this {
    this.requireApi('1.8', 'enableEvents');
    return super.load(option);
  }

  get enableEvents(): boolean {
    return this.read('enableEvents');
  }
  set enableEvents(value: boolean) {
    this.requireApi('1.8', 'enableEvents');
    this.write('enableEvents', value, () => {
      this.model.eventsEnabled = value;
    });
  }
}

// ---------------------------------------------------------------- workbook

export class WorkbookProxy extends ProxyObject implements SameParameters<Pick<Excel.Workbook, 'getSelectedRange' | 'getActiveCell'>> {
  protected readonly typeName = 'Workbook';
  readonly worksheets: WorksheetCollectionProxy;
  readonly names: NamedItemCollectionProxy;

  constructor(context: MemoryRequestContext) {
    super(context);
    this.worksheets = new WorksheetCollectionProxy(context);
    this.names = new NamedItemCollectionProxy(context, () => null);
  }

  protected readers(): Readonly<Record<string, () => unknown>> {
    return { name: () => 'Book1.xlsx', readOnly: () => false };
  }

  protected override children(): Readonly<Record<string, ProxyObject>> {
    return { worksheets: this.worksheets, names: this.names };
  }

  get name(): string {
    return this.read('name');
  }

  get readOnly(): boolean {
    return this.read('readOnly');
  }

  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const sheet = this.model.activeSheet();
      return { sheet, rect: sheet.selection };
    });
  }

  getActiveCell(): RangeProxy {
    this.requireApi('1.7', 'getActiveCell');
    return new RangeProxy(this.context, () => {
      const sheet = this.model.activeSheet();
      return { sheet, rect: { top: sheet.selection.top, left: sheet.selection.left, bottom: sheet.selection.top, right: sheet.selection.left } };
    });
  }
}

// ---------------------------------------------------------------- worksheets

export class WorksheetCollectionProxy
  extends CollectionProxy<WorksheetProxy>
  implements SameParameters<Pick<Excel.WorksheetCollection, 'add' | 'getItem' | 'getItemOrNullObject' | 'getActiveWorksheet' | 'getCount' | 'getFirst' | 'getLast'>>
{
  protected readonly typeName = 'WorksheetCollection';
  readonly onChanged: MemoryEventHandlers<Excel.WorksheetChangedEventArgs>;
  readonly onFormatChanged: MemoryEventHandlers<Excel.WorksheetFormatChangedEventArgs>;
  readonly onAdded: MemoryEventHandlers<Excel.WorksheetAddedEventArgs>;
  readonly onDeleted: MemoryEventHandlers<Excel.WorksheetDeletedEventArgs>;
  readonly onActivated: MemoryEventHandlers<Excel.WorksheetActivatedEventArgs>;
  readonly onDeactivated: MemoryEventHandlers<Excel.WorksheetDeactivatedEventArgs>;
  readonly onNameChanged: MemoryEventHandlers<Excel.WorksheetNameChangedEventArgs>;
  readonly onSelectionChanged: MemoryEventHandlers<Excel.WorksheetSelectionChangedEventArgs>;

  constructor(context: MemoryRequestContext) {
    super(context);
    this.onSelectionChanged = new MemoryEventHandlers(context, () => ({ scope: 'worksheets', event: 'selectionChanged' }), { version: '1.9', member: 'WorksheetCollection.onSelectionChanged' });
    this.onNameChanged = new MemoryEventHandlers(context, () => ({ scope: 'worksheets', event: 'nameChanged' }), { version: '1.17', member: 'WorksheetCollection.onNameChanged' });
    this.onChanged = new MemoryEventHandlers(context, () => ({ scope: 'worksheets', event: 'changed' }), { version: '1.9', member: 'WorksheetCollection.onChanged' });
    this.onFormatChanged = new MemoryEventHandlers(context, () => ({ scope: 'worksheets', event: 'formatChanged' }), { version: '1.9', member: 'WorksheetCollection.onFormatChanged' });
    this.onAdded = new MemoryEventHandlers(context, () => ({ scope: 'worksheets', event: 'added' }), { version: '1.7', member: 'WorksheetCollection.onAdded' });
    this.onDeleted = new MemoryEventHandlers(context, () => ({ scope: 'worksheets', event: 'deleted' }), { version: '1.7', member: 'WorksheetCollection.onDeleted' });
    this.onActivated = new MemoryEventHandlers(context, () => ({ scope: 'worksheets', event: 'activated' }), { version: '1.7', member: 'WorksheetCollection.onActivated' });
    this.onDeactivated = new MemoryEventHandlers(context, () => ({ scope: 'worksheets', event: 'deactivated' }), { version: '1.7', member: 'WorksheetCollection.onDeactivated' });
  }

  protected currentItems(): WorksheetProxy[] {
    return this.model.sheets.map((sheet) => this.context.runNow(() => new WorksheetProxy(this.context, () => sheet, false)));
  }

  add(name?: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.model.addSheet(name), false);
  }

  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(
      this.context,
      () => {
        const sheet = this.model.sheetByName(key) ?? this.model.sheetById(key);
        if (!sheet) throw new MemoryExcelError(ErrorCode.itemNotFound, `The requested resource does not exist: worksheet '${key}'.`);
        return sheet;
      },
      false,
    );
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    this.requireApi('1.4', 'getItemOrNullObject');
    return new WorksheetProxy(this.context, () => this.model.sheetByName(key) ?? this.model.sheetById(key) ?? null, true);
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.model.activeSheet(), false);
  }

  getFirst(visibleOnly?: boolean): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.visible(visibleOnly)[0], false);
  }

  getLast(visibleOnly?: boolean): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.visible(visibleOnly).at(-1) ?? null, false);
  }

  private visible(visibleOnly: boolean | undefined): SheetData[] {
    return visibleOnly ? this.model.sheets.filter((sheet) => sheet.visibility === 'Visible') : this.model.sheets;
  }

  getCount(visibleOnly?: boolean): MemoryClientResult<number> {
    this.requireApi('1.4', 'getCount');
    const result = new MemoryClientResult<number>(this.context);
    this.enqueue(() => result.set(this.visible(visibleOnly).length));
    return result;
  }
}

type WorksheetMethods =
  | 'getRange'
  | 'getRangeByIndexes'
  | 'getRanges'
  | 'getCell'
  | 'getUsedRange'
  | 'getUsedRangeOrNullObject'
  | 'activate'
  | 'delete';

export class WorksheetProxy extends ProxyObject implements Pick<Excel.Worksheet, 'id' | 'name' | 'position' | 'tabColor' | 'showGridlines' | 'standardHeight'>, SameParameters<Pick<Excel.Worksheet, WorksheetMethods>> {
  protected readonly typeName = 'Worksheet';
  private sheetId: string | null = null;
  private protectionProxy: WorksheetProtectionProxy | undefined;
  private pageLayoutProxy: PageLayoutProxy | undefined;
  private freezePanesProxy: FreezePanesProxy | undefined;
  private namesProxy: NamedItemCollectionProxy | undefined;
  readonly onChanged: MemoryEventHandlers<Excel.WorksheetChangedEventArgs>;
  readonly onFormatChanged: MemoryEventHandlers<Excel.WorksheetFormatChangedEventArgs>;
  readonly onActivated: MemoryEventHandlers<Excel.WorksheetActivatedEventArgs>;
  readonly onDeactivated: MemoryEventHandlers<Excel.WorksheetDeactivatedEventArgs>;
  readonly onSelectionChanged: MemoryEventHandlers<Excel.WorksheetSelectionChangedEventArgs>;
  readonly onNameChanged: MemoryEventHandlers<Excel.WorksheetNameChangedEventArgs>;

  constructor(context: MemoryRequestContext, locate: () => SheetData | null | undefined, nullable: boolean) {
    super(context);
    this.enqueue(() => {
      const sheet = locate();
      if (!sheet) {
        if (!nullable) throw new MemoryExcelError(ErrorCode.itemNotFound, 'The requested resource does not exist: worksheet.');
        this.markNull(true);
        return;
      }
      this.sheetId = sheet.id;
      this.markNull(false);
    });
    const source = (event: 'changed' | 'formatChanged' | 'activated' | 'deactivated' | 'selectionChanged' | 'nameChanged') => (): EventSource => ({ scope: 'worksheet', sheetId: this.sheet().id, event });
    this.onNameChanged = new MemoryEventHandlers(context, source('nameChanged'), { version: '1.17', member: 'Worksheet.onNameChanged' });
    this.onChanged = new MemoryEventHandlers(context, source('changed'), { version: '1.7', member: 'Worksheet.onChanged' });
    this.onFormatChanged = new MemoryEventHandlers(context, source('formatChanged'), { version: '1.9', member: 'Worksheet.onFormatChanged' });
    this.onActivated = new MemoryEventHandlers(context, source('activated'), { version: '1.7', member: 'Worksheet.onActivated' });
    this.onDeactivated = new MemoryEventHandlers(context, source('deactivated'), { version: '1.7', member: 'Worksheet.onDeactivated' });
    this.onSelectionChanged = new MemoryEventHandlers(context, source('selectionChanged'), { version: '1.7', member: 'Worksheet.onSelectionChanged' });
  }

  /** The sheet, inside a sync. */
  sheet(): SheetData {
    if (this.sheetId === null) throw new MemoryExcelError(ErrorCode.itemNotFound, 'The requested resource does not exist: worksheet (null object).');
    return this.model.requireSheet(this.sheetId);
  }

  protected readers(): Readonly<Record<string, () => unknown>> {
    return {
      id: () => this.sheet().id,
      name: () => this.sheet().name,
      position: () => this.model.sheets.indexOf(this.sheet()),
      visibility: () => this.sheet().visibility,
      tabColor: () => this.sheet().tabColor,
      showGridlines: () => this.sheet().showGridlines,
      standardWidth: () => this.sheet().defaultColumnWidth,
      standardHeight: () => this.sheet().defaultRowHeight,
    };
  }

  protected override children(): Readonly<Record<string, ProxyObject>> {
    const children: Record<string, ProxyObject> = { protection: this.protection, names: this.names };
    if (this.context.host.supportsExcelApi('1.9')) children.pageLayout = this.pageLayout;
    return children;
  }

  get id(): string {
    return this.read('id');
  }

  get name(): string {
    return this.read('name');
  }
  set name(value: string) {
    this.write('name', value, () => this.model.renameSheet(this.sheet(), value));
  }

  get position(): number {
    return this.read('position');
  }
  set position(value: number) {
    this.write('position', value, () => this.model.moveSheet(this.sheet(), value));
  }

  get visibility(): string {
    return this.read('visibility');
  }
  set visibility(value: string) {
    this.write('visibility', value, () => {
      if (!['Visible', 'Hidden', 'VeryHidden'].includes(value)) throw invalidArgument(`visibility '${value}'`);
      const sheet = this.sheet();
      if (value !== 'Visible' && this.model.sheets.filter((candidate) => candidate.visibility === 'Visible' && candidate !== sheet).length === 0) {
        throw new MemoryExcelError(ErrorCode.invalidOperation, 'A workbook must contain at least one visible worksheet.');
      }
      sheet.visibility = value;
      this.model.touch();
    });
  }

  get showGridlines(): boolean {
    return this.read('showGridlines');
  }
  set showGridlines(value: boolean) {
    this.requireApi('1.8', 'showGridlines');
    this.write('showGridlines', value, () => {
      this.sheet().showGridlines = value;
      this.model.touch();
    });
  }

  /** Points, like `format.columnWidth`. */
  get standardWidth(): number {
    return this.read('standardWidth');
  }
  set standardWidth(value: number) {
    this.write('standardWidth', value, () => {
      if (!Number.isFinite(value) || value <= 0) throw invalidArgument(`standardWidth ${value}`);
      this.sheet().defaultColumnWidth = value;
      this.model.touch();
    });
  }

  get standardHeight(): number {
    return this.read('standardHeight');
  }

  get tabColor(): string {
    return this.read('tabColor');
  }
  set tabColor(value: string) {
    this.write('tabColor', value, () => {
      this.sheet().tabColor = value;
      this.model.touch();
    });
  }

  get protection(): WorksheetProtectionProxy {
    this.protectionProxy ??= new WorksheetProtectionProxy(this.context, () => this.sheet());
    return this.protectionProxy;
  }

  get pageLayout(): PageLayoutProxy {
    this.requireApi('1.9', 'pageLayout');
    this.pageLayoutProxy ??= new PageLayoutProxy(this.context, () => this.sheet());
    return this.pageLayoutProxy;
  }

  get freezePanes(): FreezePanesProxy {
    this.requireApi('1.7', 'freezePanes');
    this.freezePanesProxy ??= new FreezePanesProxy(this.context, () => this.sheet());
    return this.freezePanesProxy;
  }

  get names(): NamedItemCollectionProxy {
    this.requireApi('1.4', 'Worksheet.names');
    this.namesProxy ??= new NamedItemCollectionProxy(this.context, () => this.sheet());
    return this.namesProxy;
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.context, () => {
      const sheet = this.sheet();
      if (address === undefined || address === '') return { sheet, rect: { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 } };
      return { sheet, rect: rectOnSheet(sheet, address) };
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return new RangeProxy(this.context, () => {
      if (rowCount < 1 || columnCount < 1) throw invalidArgument('rowCount and columnCount must be positive');
      return { sheet: this.sheet(), rect: { top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 } };
    });
  }

  getCell(row: number, column: number): RangeProxy {
    return new RangeProxy(this.context, () => ({ sheet: this.sheet(), rect: { top: row, left: column, bottom: row, right: column } }));
  }

  /** `getRanges('A1:B2, D4')` (ExcelApi 1.9): several areas at once. */
  getRanges(address?: string): RangeAreasProxy {
    this.requireApi('1.9', 'getRanges');
    return new RangeAreasProxy(this.context, () => {
      const sheet = this.sheet();
      const parts = (address ?? '').split(',').map((part) => part.trim()).filter((part) => part !== '');
      if (parts.length === 0) throw invalidArgument('getRanges needs at least one address');
      return { sheet, rects: parts.map((part) => rectOnSheet(sheet, part)) };
    });
  }

  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this.context, () => {
      const sheet = this.sheet();
      // An empty sheet's used range is A1, as in Excel.
      return { sheet, rect: this.model.usedRect(sheet, valuesOnly === true) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    this.requireApi('1.4', 'getUsedRangeOrNullObject');
    return new RangeProxy(
      this.context,
      () => {
        const sheet = this.sheet();
        const used = this.model.usedRect(sheet, valuesOnly === true);
        return used ? { sheet, rect: used } : null;
      },
      true,
    );
  }

  activate(): void {
    this.enqueue(() => this.model.activateSheet(this.sheet()));
  }

  delete(): void {
    this.enqueue(() => this.model.deleteSheet(this.sheet()));
  }
}

// ---------------------------------------------------------------- protection

export class WorksheetProtectionProxy extends ProxyObject implements Pick<Excel.WorksheetProtection, 'protected'>, SameParameters<Pick<Excel.WorksheetProtection, 'protect' | 'unprotect'>> {
  protected readonly typeName = 'WorksheetProtection';

  constructor(
    context: MemoryRequestContext,
    private readonly locate: () => SheetData,
  ) {
    super(context);
  }

  protected readers(): Readonly<Record<string, () => unknown>> {
    return { protected: () => this.locate().protection.protected, options: () => ({ ...this.locate().protection.options }) };
  }

  get protected(): boolean {
    return this.read('protected');
  }

  get options(): Excel.WorksheetProtectionOptions {
    return this.read('options');
  }

  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void {
    this.enqueue(() => this.model.protect(this.locate(), { ...(options ?? {}) }, password ?? null));
  }

  unprotect(password?: string): void {
    this.enqueue(() => this.model.unprotect(this.locate(), password ?? null));
  }
}

// ---------------------------------------------------------------- names

export class NamedItemCollectionProxy extends CollectionProxy<NamedItemProxy> implements SameParameters<Pick<Excel.NamedItemCollection, 'add' | 'getItem' | 'getItemOrNullObject' | 'getCount'>> {
  protected readonly typeName = 'NamedItemCollection';

  constructor(
    context: MemoryRequestContext,
    /** The sheet for sheet-scoped names, null for the workbook's. */
    private readonly scope: () => SheetData | null,
  ) {
    super(context);
  }

  protected currentItems(): NamedItemProxy[] {
    const scope = this.scope();
    return this.model
      .namesOf(scope)
      .filter((item) => item.visible)
      .map((item) => this.context.runNow(() => new NamedItemProxy(this.context, () => ({ scope, item }))));
  }

  add(name: string, reference: Excel.Range | RangeProxy | string, comment?: string): NamedItemProxy {
    return new NamedItemProxy(this.context, () => {
      const scope = this.scope();
      let formula: string;
      if (reference instanceof RangeProxy) {
        this.context.assertSameContext(reference);
        const { sheet, rect } = reference.target();
        formula = WorkbookModel.referenceFormula(sheet, rect);
      } else if (typeof reference === 'string') {
        formula = reference.startsWith('=') ? reference : `=${reference}`;
        const parsed = parseSheetAddress(formula);
        if (parsed && parsed.sheet === null && scope) formula = WorkbookModel.referenceFormula(scope, parsed.rect);
      } else {
        throw invalidArgument('the reference must be a Range or a formula');
      }
      return { scope, item: this.model.addName(scope, name, formula, comment ?? '') };
    });
  }

  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(this.context, () => {
      const scope = this.scope();
      const item = this.find(scope, name);
      if (!item) throw new MemoryExcelError(ErrorCode.itemNotFound, `The requested resource does not exist: name '${name}'.`);
      return { scope, item };
    });
  }

  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(
      this.context,
      () => {
        const scope = this.scope();
        const item = this.find(scope, name);
        return item ? { scope, item } : null;
      },
      true,
    );
  }

  getCount(): MemoryClientResult<number> {
    const result = new MemoryClientResult<number>(this.context);
    this.enqueue(() => result.set(this.model.namesOf(this.scope()).length));
    return result;
  }

  private find(scope: SheetData | null, name: string): NameData | undefined {
    return this.model.namesOf(scope).find((item) => item.name.toLowerCase() === name.toLowerCase());
  }
}

interface NameTarget {
  readonly scope: SheetData | null;
  readonly item: NameData;
}

export class NamedItemProxy extends ProxyObject implements Pick<Excel.NamedItem, 'name' | 'formula' | 'comment' | 'visible'>, SameParameters<Pick<Excel.NamedItem, 'delete' | 'getRange' | 'getRangeOrNullObject'>> {
  protected readonly typeName = 'NamedItem';
  private binding: NameTarget | null = null;

  constructor(context: MemoryRequestContext, locate: () => NameTarget | null, nullable = false) {
    super(context);
    this.enqueue(() => {
      const target = locate();
      if (!target) {
        if (!nullable) throw new MemoryExcelError(ErrorCode.itemNotFound, 'The requested resource does not exist: name.');
        this.markNull(true);
        return;
      }
      this.binding = target;
      this.markNull(false);
    });
  }

  private target(): NameTarget {
    if (!this.binding) throw new MemoryExcelError(ErrorCode.itemNotFound, 'The requested resource does not exist: name (null object).');
    return this.binding;
  }

  /** The sheet and rectangle a name refers to; null when it is not a reference (or #REF!). */
  private reference(): { sheet: SheetData; rect: Rect } | null {
    const parsed = parseSheetAddress(this.target().item.formula);
    if (!parsed) return null;
    const sheet = parsed.sheet === null ? this.target().scope : this.model.sheetByName(parsed.sheet);
    return sheet ? { sheet, rect: parsed.rect } : null;
  }

  protected readers(): Readonly<Record<string, () => unknown>> {
    return {
      name: () => this.target().item.name,
      formula: () => this.target().item.formula,
      comment: () => this.target().item.comment,
      visible: () => this.target().item.visible,
      scope: () => (this.target().scope ? 'Worksheet' : 'Workbook'),
      type: () => {
        const formula = this.target().item.formula;
        if (this.reference()) return 'Range';
        if (/^=#REF!/i.test(formula)) return 'Error';
        if (/^="/.test(formula)) return 'String';
        if (/^=(TRUE|FALSE)$/i.test(formula)) return 'Boolean';
        if (/^=-?\d/.test(formula)) return 'Double';
        return 'Formula';
      },
      value: () => {
        const reference = this.reference();
        if (reference) return `${this.target().item.formula.slice(1).split('!')[0]}!${rectAbsoluteA1(reference.rect)}`;
        return this.target().item.formula.slice(1).replace(/^"(.*)"$/, '$1');
      },
    };
  }

  get name(): string {
    return this.read('name');
  }
  get formula(): string {
    return this.read('formula');
  }
  set formula(value: string) {
    this.write('formula', value, () => {
      this.target().item.formula = value.startsWith('=') ? value : `=${value}`;
      this.model.touch();
    });
  }
  get comment(): string {
    return this.read('comment');
  }
  set comment(value: string) {
    this.write('comment', value, () => {
      this.target().item.comment = value;
      this.model.touch();
    });
  }
  get visible(): boolean {
    return this.read('visible');
  }
  set visible(value: boolean) {
    this.write('visible', value, () => {
      this.target().item.visible = value;
      this.model.touch();
    });
  }
  get scope(): string {
    return this.read('scope');
  }
  get type(): string {
    return this.read('type');
  }
  get value(): string {
    return this.read('value');
  }

  getRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const reference = this.reference();
      if (!reference) throw new MemoryExcelError(ErrorCode.invalidOperation, `The name '${this.target().item.name}' does not refer to a range.`);
      return reference;
    });
  }

  getRangeOrNullObject(): RangeProxy {
    return new RangeProxy(this.context, () => this.reference(), true);
  }

  delete(): void {
    this.enqueue(() => {
      const { scope, item } = this.target();
      this.model.deleteName(scope, item);
    });
  }
}

// ---------------------------------------------------------------- page layout

type PageLayoutMember =
  | 'orientation'
  | 'paperSize'
  | 'centerHorizontally'
  | 'centerVertically'
  | 'leftMargin'
  | 'rightMargin'
  | 'topMargin'
  | 'bottomMargin'
  | 'headerMargin'
  | 'footerMargin'
  | 'printGridlines'
  | 'printHeadings'
  | 'blackAndWhite'
  | 'draftMode'
  | 'printOrder'
  | 'printComments'
  | 'printErrors'
  | 'firstPageNumber';

export class PageLayoutProxy
  extends ProxyObject
  implements
    Pick<Excel.PageLayout, 'centerHorizontally' | 'centerVertically' | 'leftMargin' | 'rightMargin' | 'topMargin' | 'bottomMargin' | 'headerMargin' | 'footerMargin' | 'printGridlines' | 'printHeadings' | 'blackAndWhite' | 'draftMode'>,
    SameParameters<Pick<Excel.PageLayout, 'setPrintArea' | 'setPrintTitleRows' | 'setPrintTitleColumns' | 'getPrintArea' | 'getPrintAreaOrNullObject' | 'getPrintTitleRows' | 'getPrintTitleRowsOrNullObject'>>
{
  protected readonly typeName = 'PageLayout';

  constructor(
    context: MemoryRequestContext,
    private readonly locate: () => SheetData,
  ) {
    super(context);
  }

  protected readers(): Readonly<Record<string, () => unknown>> {
    const of = (member: PageLayoutMember) => () => this.locate().pageLayout[member];
    return {
      orientation: of('orientation'),
      paperSize: of('paperSize'),
      centerHorizontally: of('centerHorizontally'),
      centerVertically: of('centerVertically'),
      leftMargin: of('leftMargin'),
      rightMargin: of('rightMargin'),
      topMargin: of('topMargin'),
      bottomMargin: of('bottomMargin'),
      headerMargin: of('headerMargin'),
      footerMargin: of('footerMargin'),
      printGridlines: of('printGridlines'),
      printHeadings: of('printHeadings'),
      blackAndWhite: of('blackAndWhite'),
      draftMode: of('draftMode'),
      printOrder: of('printOrder'),
      printComments: of('printComments'),
      printErrors: of('printErrors'),
      firstPageNumber: of('firstPageNumber'),
      zoom: () => ({ ...this.locate().pageLayout.zoom }),
    };
  }

  private change<K extends PageLayoutMember>(member: K, value: unknown, check: (value: unknown) => boolean): void {
    this.write(member, value, () => {
      if (!check(value)) throw invalidArgument(`pageLayout.${member} ${JSON.stringify(value)}`);
      this.model.changePageLayout(this.locate(), (layout) => {
        Object.assign(layout, { [member]: value });
      });
    });
  }

  private static readonly isBoolean = (value: unknown): boolean => typeof value === 'boolean';
  private static readonly isMargin = (value: unknown): boolean => typeof value === 'number' && value >= 0 && value < 1000;

  get orientation(): string {
    return this.read('orientation');
  }
  set orientation(value: string) {
    this.change('orientation', value, (v) => v === 'Portrait' || v === 'Landscape');
  }
  get paperSize(): string {
    return this.read('paperSize');
  }
  set paperSize(value: string) {
    this.change('paperSize', value, (v) => typeof v === 'string' && v !== '');
  }
  get centerHorizontally(): boolean {
    return this.read('centerHorizontally');
  }
  set centerHorizontally(value: boolean) {
    this.change('centerHorizontally', value, PageLayoutProxy.isBoolean);
  }
  get centerVertically(): boolean {
    return this.read('centerVertically');
  }
  set centerVertically(value: boolean) {
    this.change('centerVertically', value, PageLayoutProxy.isBoolean);
  }
  get leftMargin(): number {
    return this.read('leftMargin');
  }
  set leftMargin(value: number) {
    this.change('leftMargin', value, PageLayoutProxy.isMargin);
  }
  get rightMargin(): number {
    return this.read('rightMargin');
  }
  set rightMargin(value: number) {
    this.change('rightMargin', value, PageLayoutProxy.isMargin);
  }
  get topMargin(): number {
    return this.read('topMargin');
  }
  set topMargin(value: number) {
    this.change('topMargin', value, PageLayoutProxy.isMargin);
  }
  get bottomMargin(): number {
    return this.read('bottomMargin');
  }
  set bottomMargin(value: number) {
    this.change('bottomMargin', value, PageLayoutProxy.isMargin);
  }
  get headerMargin(): number {
    return this.read('headerMargin');
  }
  set headerMargin(value: number) {
    this.change('headerMargin', value, PageLayoutProxy.isMargin);
  }
  get footerMargin(): number {
    return this.read('footerMargin');
  }
  set footerMargin(value: number) {
    this.change('footerMargin', value, PageLayoutProxy.isMargin);
  }
  get printGridlines(): boolean {
    return this.read('printGridlines');
  }
  set printGridlines(value: boolean) {
    this.change('printGridlines', value, PageLayoutProxy.isBoolean);
  }
  get printHeadings(): boolean {
    return this.read('printHeadings');
  }
  set printHeadings(value: boolean) {
    this.change('printHeadings', value, PageLayoutProxy.isBoolean);
  }
  get blackAndWhite(): boolean {
    return this.read('blackAndWhite');
  }
  set blackAndWhite(value: boolean) {
    this.change('blackAndWhite', value, PageLayoutProxy.isBoolean);
  }
  get draftMode(): boolean {
    return this.read('draftMode');
  }
  set draftMode(value: boolean) {
    this.change('draftMode', value, PageLayoutProxy.isBoolean);
  }
  get printOrder(): string {
    return this.read('printOrder');
  }
  set printOrder(value: string) {
    this.change('printOrder', value, (v) => v === 'DownThenOver' || v === 'OverThenDown');
  }
  get printComments(): string {
    return this.read('printComments');
  }
  set printComments(value: string) {
    this.change('printComments', value, (v) => v === 'NoComments' || v === 'EndSheet' || v === 'InPlace');
  }
  get printErrors(): string {
    return this.read('printErrors');
  }
  set printErrors(value: string) {
    this.change('printErrors', value, (v) => ['AsDisplayed', 'Blank', 'Dash', 'NotAvailable'].includes(String(v)));
  }
  get firstPageNumber(): number | '' {
    return this.read('firstPageNumber');
  }
  set firstPageNumber(value: number | '') {
    this.change('firstPageNumber', value, (v) => v === '' || (typeof v === 'number' && Number.isInteger(v)));
  }

  get zoom(): Excel.PageLayoutZoomOptions {
    return this.read('zoom');
  }
  set zoom(value: Excel.PageLayoutZoomOptions) {
    this.write('zoom', value, () => {
      const { scale, horizontalFitToPages, verticalFitToPages } = value;
      const fit = horizontalFitToPages !== undefined || verticalFitToPages !== undefined;
      if (scale !== undefined && (fit || scale < 10 || scale > 400)) throw invalidArgument('zoom: a scale from 10 to 400, or pages to fit, not both');
      if (!fit && scale === undefined) throw invalidArgument('zoom needs a scale or pages to fit');
      const zoom: Excel.PageLayoutZoomOptions = fit ? { horizontalFitToPages: horizontalFitToPages ?? 0, verticalFitToPages: verticalFitToPages ?? 0 } : { scale };
      this.model.changePageLayout(this.locate(), (layout) => {
        layout.zoom = zoom;
      });
    });
  }

  private rectsOf(sheet: SheetData, value: unknown): Rect[] {
    if (typeof value === 'string') {
      return value
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part !== '')
        .map((part) => rectOnSheet(sheet, part));
    }
    if (value instanceof RangeProxy || value instanceof RangeAreasProxy) this.context.assertSameContext(value);
    if (value instanceof RangeProxy) return [value.target().rect];
    if (value instanceof RangeAreasProxy) return [...value.target().rects];
    throw invalidArgument('a Range, RangeAreas or an address is expected');
  }

  setPrintArea(printArea: Excel.Range | Excel.RangeAreas | RangeProxy | RangeAreasProxy | string): void {
    this.enqueue(() => {
      const sheet = this.locate();
      const rects = this.rectsOf(sheet, printArea);
      this.model.changePageLayout(sheet, (layout) => {
        layout.printArea = rects;
      });
    });
  }

  setPrintTitleRows(printTitleRows: Excel.Range | RangeProxy | string): void {
    this.enqueue(() => {
      const sheet = this.locate();
      const [rect] = this.rectsOf(sheet, printTitleRows);
      this.model.changePageLayout(sheet, (layout) => {
        layout.printTitleRows = { top: rect.top, bottom: rect.bottom, left: 0, right: MAX_COLUMNS - 1 };
      });
    });
  }

  setPrintTitleColumns(printTitleColumns: Excel.Range | RangeProxy | string): void {
    this.enqueue(() => {
      const sheet = this.locate();
      const [rect] = this.rectsOf(sheet, printTitleColumns);
      this.model.changePageLayout(sheet, (layout) => {
        layout.printTitleColumns = { top: 0, bottom: MAX_ROWS - 1, left: rect.left, right: rect.right };
      });
    });
  }

  getPrintArea(): RangeAreasProxy {
    return new RangeAreasProxy(this.context, () => {
      const sheet = this.locate();
      const area = sheet.pageLayout.printArea;
      if (!area) throw new MemoryExcelError(ErrorCode.itemNotFound, 'The worksheet has no print area.');
      return { sheet, rects: area };
    });
  }

  getPrintAreaOrNullObject(): RangeAreasProxy {
    return new RangeAreasProxy(
      this.context,
      () => {
        const sheet = this.locate();
        const area = sheet.pageLayout.printArea;
        return area ? { sheet, rects: area } : null;
      },
      true,
    );
  }

  getPrintTitleRows(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const sheet = this.locate();
      const rows = sheet.pageLayout.printTitleRows;
      if (!rows) throw new MemoryExcelError(ErrorCode.itemNotFound, 'The worksheet has no print title rows.');
      return { sheet, rect: rows };
    });
  }

  getPrintTitleRowsOrNullObject(): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const sheet = this.locate();
        const rows = sheet.pageLayout.printTitleRows;
        return rows ? { sheet, rect: rows } : null;
      },
      true,
    );
  }
}

// ---------------------------------------------------------------- freeze panes

export class FreezePanesProxy extends ProxyObject implements SameParameters<Pick<Excel.WorksheetFreezePanes, 'freezeRows' | 'freezeColumns' | 'unfreeze' | 'getLocationOrNullObject'>> {
  protected readonly typeName = 'WorksheetFreezePanes';

  constructor(
    context: MemoryRequestContext,
    private readonly locate: () => SheetData,
  ) {
    super(context);
  }

  protected readers(): Readonly<Record<string, () => unknown>> {
    return {};
  }

  freezeRows(count?: number): void {
    this.enqueue(() => {
      const sheet = this.locate();
      this.model.freezeRows(sheet, count ?? 1, 0);
    });
  }

  freezeColumns(count?: number): void {
    this.enqueue(() => {
      const sheet = this.locate();
      this.model.freezeRows(sheet, 0, count ?? 1);
    });
  }

  unfreeze(): void {
    this.enqueue(() => this.model.freezeRows(this.locate(), 0, 0));
  }

  getLocationOrNullObject(): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const sheet = this.locate();
        const { rows, columns } = sheet.freeze;
        if (rows === 0 && columns === 0) return null;
        // Frozen rows alone are whole rows; frozen columns alone whole columns.
        const bottom = rows === 0 ? MAX_ROWS - 1 : rows - 1;
        const right = columns === 0 ? MAX_COLUMNS - 1 : columns - 1;
        return { sheet, rect: { top: 0, left: 0, bottom, right } };
      },
      true,
    );
  }
}
