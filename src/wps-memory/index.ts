/**
 * An in-memory WPS Spreadsheets (ET) object model that keeps the documented contract, so the
 * add-in's WPS host runs unchanged in tests and in the preview:
 *
 * ```ts
 * const wps = createMemoryWps({ sheets: ['申报表'] });
 * wps.Application.ActiveWorkbook.Worksheets.Item(1).Range('D7').Value2 = 141.7;  // as window.Application
 * wps.user.type('申报表', 'D7', '141.70');                   // the person at the keyboard
 * wps.inspect.cell('申报表', 'D7');                           // plain data, no call counted
 * wps.calls.of('Range.Value2');                               // crossings into WPS, by member
 * ```
 *
 * Conventions kept from the object model (and easy to get wrong against a weaker fake):
 * - calls are synchronous and take effect at once; a refused call throws (WpsMemoryError);
 * - `Value2` is a scalar for one cell and a 2-D array (rows × columns) for several; an empty cell
 *   reads undefined; an error cell reads its CVErr number (#DIV/0! → -2146826281); a written array
 *   smaller than the range leaves #N/A in the cells beyond it; a written string is read as typed;
 * - colours are BGR numbers (red is 255); a cell without fill reads Interior.Color 16777215;
 * - `Sheets.Item` is 1-based or by name and throws when absent; `Range("…")` throws on a bad
 *   reference; writes to a protected sheet throw;
 * - `FormatConditions.Add` appends (lowest priority); `Item(i)` is 1-based in priority order;
 * - SheetChange(Sh, Target) is raised for the person's edits and for the add-in's own writes of
 *   contents, during the write; `Application.EnableEvents = false` silences it; SheetActivate on
 *   a change of the active sheet;
 * - every member read, written or called is counted (`calls`): the cost of a host is its crossings.
 *
 * Runs in a browser: no Node APIs, nothing of the project but the object model's types
 * (src/wps/wps-api.ts) and core's A1 address module.
 */
import { EventHub, MemoryApplication, type EventDelivery } from './application';
import { CallCounter, type CallCounts } from './calls';
import { createInspector, type MemoryWpsInspector } from './inspector';
import type { ObjectFactory, WpsHost } from './object-base';
import { MemoryRange } from './range-object';
import { MemoryWorksheet } from './sheet-objects';
import { createUser, type MemoryWpsUser } from './user';
import { WorkbookModel } from './workbook-model';

export interface MemoryWpsOptions {
  /** The sheets of the new workbook; default one sheet, `Sheet1`. */
  readonly sheets?: readonly string[];
  /** The workbook's default font: WPS in Chinese uses 宋体 11. */
  readonly fontName?: string;
  readonly fontSize?: number;
  /** The workbook's Name and FullName (a workbook never saved: 工作簿1). */
  readonly fileName?: string;
  /** When handlers run: during the write that raised the event (default), or after the current task. */
  readonly delivery?: EventDelivery;
  /** Told of every error an event handler throws (they are also kept in `handlerErrors`). */
  readonly onHandlerError?: (error: unknown) => void;
}

export interface MemoryWps {
  /** What an add-in sees as `window.Application`. */
  readonly Application: MemoryApplication;
  readonly user: MemoryWpsUser;
  readonly inspect: MemoryWpsInspector;
  readonly calls: CallCounts;
  readonly handlerErrors: readonly unknown[];
  /** Resolves once every deferred event has been handed out. */
  whenIdle(): Promise<void>;
  /** Called after every change of the workbook (the preview redraws). */
  onDidChange(listener: () => void): () => void;
  /** The same workbook saved and reopened: contents, formats, rules and names kept; listeners gone. */
  clone(): MemoryWps;
}

function build(model: WorkbookModel, options: MemoryWpsOptions): MemoryWps {
  const counter = new CallCounter();
  const handlerErrors: unknown[] = [];
  const factory: ObjectFactory = {
    worksheet: (sheetId) => new MemoryWorksheet(host, sheetId),
    range: (sheetId, areas) => new MemoryRange(host, sheetId, areas),
  };
  const host: WpsHost = { model, counter, factory };
  const hub = new EventHub(host, options.delivery ?? 'during-write', (error) => {
    handlerErrors.push(error);
    options.onHandlerError?.(error);
  });
  const listeners = new Set<() => void>();
  let seen = model.version;
  const notify = (): void => {
    if (model.version === seen) return;
    seen = model.version;
    for (const listener of [...listeners]) listener();
  };
  model.observer = {
    cellsChanged: (sheet, target) => {
      hub.cellsChanged(sheet, target);
      notify();
    },
    sheetActivated: (sheet) => hub.sheetActivated(sheet),
  };
  const originalTouch = model.touch.bind(model);
  model.touch = () => {
    originalTouch();
    queueMicrotask(notify);
  };
  return {
    Application: new MemoryApplication(host, hub, options.fileName ?? '工作簿1'),
    user: createUser(model),
    inspect: createInspector(model),
    calls: counter,
    handlerErrors,
    whenIdle: () => hub.whenIdle(),
    onDidChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    clone: () => build(model.clone(), options),
  };
}

export function createMemoryWps(options: MemoryWpsOptions = {}): MemoryWps {
  const model = new WorkbookModel({ fontName: options.fontName ?? '宋体', fontSize: options.fontSize ?? 11 });
  const names = options.sheets && options.sheets.length > 0 ? options.sheets : ['Sheet1'];
  for (const [index, name] of names.entries()) model.addSheet(name, index);
  model.activate(model.sheets[0]);
  return build(model, options);
}

export { WpsErrorCode, WpsMemoryError, type WpsErrorCodeValue } from './errors';
export type { CallCounts, MemberCalls } from './calls';
export type { CellInspection, FormatConditionInspection, InspectedValue, MemoryWpsInspector, ValidationInspection } from './inspector';
export type { MemoryWpsUser, TypedValue, TypeResult, UserFormat } from './user';
export type { EventDelivery, MemoryApiEvent, MemoryApplication } from './application';
export type { MemoryRange, CellValue2 } from './range-object';
export type { MemoryWorksheet, MemoryWorkbook, MemorySheets } from './sheet-objects';
