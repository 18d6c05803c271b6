/**
 * `Excel.Workbook`, `Excel.WorksheetCollection`, `Excel.Worksheet`, their events, and
 * `Excel.Runtime`. A worksheet's parts (protection, names, page layout) are in
 * sheet-part-proxies.ts.
 */
/* eslint-disable @typescript-eslint/no-unsafe-declaration-merging -- each proxy class merges with an interface of the Office.js properties its table installs on the prototype */
import { MAX_COLUMNS, MAX_ROWS } from './address';
import type { MemoryRequestContext } from './context';
import { ErrorCode, MemoryExcelError } from './errors';
import { BoundProxy, CollectionProxy, ProxyObject, installProperties, type EventSource, type HandlerRegistration, type Loadable, type PropertyTable, type SheetEvent } from './proxy-base';
import { RangeAreasProxy, RangeProxy, invalidArgument, rectOnSheet, type SameParameters } from './range-proxies';
import { NamedItemCollectionProxy, PageLayoutProxy, WorksheetProtectionProxy } from './sheet-part-proxies';
import type { SheetData, WorkbookModel } from './workbook-model';

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
      if (!supported) throw new MemoryExcelError(ErrorCode.apiNotFound, `The API you are trying to use could not be found: ${this.requirement.member} needs ExcelApi ${this.requirement.version}.`);
      registration.source = this.source();
      this.context.host.addHandler(registration as HandlerRegistration);
    });
    return result;
  }
}

// ---------------------------------------------------------------- runtime

const RUNTIME_PROPERTIES = {
  enableEvents: {
    read: (_: void, model: WorkbookModel) => model.eventsEnabled,
    write: (_: void, value: boolean, model: WorkbookModel) => {
      model.eventsEnabled = value;
    },
    api: '1.8',
  },
} satisfies PropertyTable<void>;

export class RuntimeProxy extends ProxyObject {
  protected readonly typeName = 'Runtime';

  target(): void {}
}

// Declaration merging: the accessors come from the property table (installProperties), typed as Office.js's.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RuntimeProxy extends Pick<Excel.Runtime, keyof typeof RUNTIME_PROPERTIES> {}
installProperties(RuntimeProxy, RUNTIME_PROPERTIES);

// ---------------------------------------------------------------- workbook

export class WorkbookProxy extends ProxyObject {
  protected readonly typeName = 'Workbook';
  readonly worksheets: WorksheetCollectionProxy;

  constructor(context: MemoryRequestContext) {
    super(context);
    this.worksheets = new WorksheetCollectionProxy(context);
  }

  target(): void {}

  protected override children(): Readonly<Record<string, Loadable>> {
    return { worksheets: this.worksheets };
  }
}

// ---------------------------------------------------------------- worksheets

type CollectionEvent = SheetEvent | 'added' | 'deleted' | 'nameChanged';

export class WorksheetCollectionProxy extends CollectionProxy<WorksheetProxy> implements SameParameters<Pick<Excel.WorksheetCollection, 'add' | 'getItem'>> {
  protected readonly typeName = 'WorksheetCollection';
  readonly onChanged: MemoryEventHandlers<Excel.WorksheetChangedEventArgs>;
  readonly onFormatChanged: MemoryEventHandlers<Excel.WorksheetFormatChangedEventArgs>;
  readonly onAdded: MemoryEventHandlers<Excel.WorksheetAddedEventArgs>;
  readonly onDeleted: MemoryEventHandlers<Excel.WorksheetDeletedEventArgs>;
  readonly onActivated: MemoryEventHandlers<Excel.WorksheetActivatedEventArgs>;
  readonly onSelectionChanged: MemoryEventHandlers<Excel.WorksheetSelectionChangedEventArgs>;
  readonly onNameChanged: MemoryEventHandlers<Excel.WorksheetNameChangedEventArgs>;

  constructor(context: MemoryRequestContext) {
    super(context);
    const on = <TArgs>(event: CollectionEvent, version: string, member: string) => new MemoryEventHandlers<TArgs>(context, () => ({ scope: 'worksheets', event }), { version, member: `WorksheetCollection.${member}` });
    this.onChanged = on('changed', '1.9', 'onChanged');
    this.onFormatChanged = on('formatChanged', '1.9', 'onFormatChanged');
    this.onAdded = on('added', '1.7', 'onAdded');
    this.onDeleted = on('deleted', '1.7', 'onDeleted');
    this.onActivated = on('activated', '1.7', 'onActivated');
    this.onSelectionChanged = on('selectionChanged', '1.9', 'onSelectionChanged');
    this.onNameChanged = on('nameChanged', '1.17', 'onNameChanged');
  }

  protected currentItems(): WorksheetProxy[] {
    return this.model.sheets.map((sheet) => this.context.runNow(() => new WorksheetProxy(this.context, () => sheet)));
  }

  add(name?: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.model.addSheet(name));
  }

  /** By name (case-insensitive) or id. */
  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.model.sheetByName(key) ?? this.model.sheetById(key));
  }
}

const WORKSHEET_PROPERTIES = {
  id: { read: (sheet: SheetData) => sheet.id },
  name: { read: (sheet: SheetData) => sheet.name },
  position: { read: (sheet: SheetData, model: WorkbookModel) => model.sheets.indexOf(sheet) },
} satisfies PropertyTable<SheetData>;

type WorksheetMethods = 'getRange' | 'getRanges' | 'getCell' | 'getUsedRangeOrNullObject' | 'activate' | 'delete';

export class WorksheetProxy extends BoundProxy<SheetData> implements SameParameters<Pick<Excel.Worksheet, WorksheetMethods>> {
  protected readonly typeName = 'Worksheet';
  private parts: { protection?: WorksheetProtectionProxy; pageLayout?: PageLayoutProxy; names?: NamedItemCollectionProxy } = {};
  readonly onChanged: MemoryEventHandlers<Excel.WorksheetChangedEventArgs>;
  readonly onFormatChanged: MemoryEventHandlers<Excel.WorksheetFormatChangedEventArgs>;
  readonly onActivated: MemoryEventHandlers<Excel.WorksheetActivatedEventArgs>;
  readonly onSelectionChanged: MemoryEventHandlers<Excel.WorksheetSelectionChangedEventArgs>;

  constructor(context: MemoryRequestContext, locate: () => SheetData | null | undefined) {
    super(context, locate);
    const on = <TArgs>(event: SheetEvent, version: string, member: string) => new MemoryEventHandlers<TArgs>(context, () => ({ scope: 'worksheet', sheetId: this.target().id, event }), { version, member: `Worksheet.${member}` });
    this.onChanged = on('changed', '1.7', 'onChanged');
    this.onFormatChanged = on('formatChanged', '1.9', 'onFormatChanged');
    this.onActivated = on('activated', '1.7', 'onActivated');
    this.onSelectionChanged = on('selectionChanged', '1.7', 'onSelectionChanged');
  }

  /** The sheet, inside a sync. */
  target(): SheetData {
    return this.model.requireSheet(this.bound().id);
  }

  protected override children(): Readonly<Record<string, Loadable>> {
    return this.childrenWhenNamed('protection', 'pageLayout');
  }

  get protection(): WorksheetProtectionProxy {
    this.parts.protection ??= new WorksheetProtectionProxy(this.context, () => this.target());
    return this.parts.protection;
  }

  get pageLayout(): PageLayoutProxy {
    this.requireApi('1.9', 'pageLayout');
    this.parts.pageLayout ??= new PageLayoutProxy(this.context, () => this.target());
    return this.parts.pageLayout;
  }

  get names(): NamedItemCollectionProxy {
    this.requireApi('1.4', 'names');
    this.parts.names ??= new NamedItemCollectionProxy(this.context, () => this.target());
    return this.parts.names;
  }

  /** The whole sheet without an address. */
  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.context, () => {
      const sheet = this.target();
      if (address === undefined || address === '') return { sheet, rect: { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 } };
      return { sheet, rect: rectOnSheet(sheet, address) };
    });
  }

  getCell(row: number, column: number): RangeProxy {
    return new RangeProxy(this.context, () => ({ sheet: this.target(), rect: { top: row, left: column, bottom: row, right: column } }));
  }

  /** `getRanges('A1:B2, D4')` (ExcelApi 1.9): several areas at once. */
  getRanges(address?: string): RangeAreasProxy {
    this.requireApi('1.9', 'getRanges');
    return new RangeAreasProxy(this.context, () => {
      const sheet = this.target();
      const parts = (address ?? '').split(',').map((part) => part.trim()).filter((part) => part !== '');
      if (parts.length === 0) throw invalidArgument('getRanges needs at least one address');
      return { sheet, rects: parts.map((part) => rectOnSheet(sheet, part)) };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    this.requireApi('1.4', 'getUsedRangeOrNullObject');
    return new RangeProxy(
      this.context,
      () => {
        const sheet = this.target();
        const used = this.model.usedRect(sheet, valuesOnly === true);
        return used ? { sheet, rect: used } : null;
      },
      true,
    );
  }

  activate(): void {
    this.enqueue(() => this.model.activateSheet(this.target()));
  }

  delete(): void {
    this.enqueue(() => this.model.deleteSheet(this.target()));
  }
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface WorksheetProxy extends Pick<Excel.Worksheet, keyof typeof WORKSHEET_PROPERTIES> {}
installProperties(WorksheetProxy, WORKSHEET_PROPERTIES);
