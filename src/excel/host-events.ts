/**
 * Listening to the workbook. The handlers are recorded only once the batch that adds them has
 * synced: a start refused in cell-edit mode leaves nothing half-registered, and the next
 * start subscribes again. A handler is removed through the request context it was added in
 * (Office.js's rule), so `dispose` groups them by context.
 */
import type { ApiLevel } from './api-sets';
import { runExcel, type RunEnvironment } from './run-excel';

export interface WorkbookListeners {
  changed(args: Excel.WorksheetChangedEventArgs): void;
  /** ExcelApi 1.9: a format changed (a paste of formatted cells, Format Cells, Clear Formats). */
  formatChanged(args: Excel.WorksheetFormatChangedEventArgs): void;
  added(args: Excel.WorksheetAddedEventArgs): void;
  deleted(args: Excel.WorksheetDeletedEventArgs): void;
  /** ExcelApi 1.17. */
  renamed(args: Excel.WorksheetNameChangedEventArgs): void;
  /** ExcelApi 1.9 (all sheets at once). */
  selectionChanged(args: Excel.WorksheetSelectionChangedEventArgs): void;
  activated(args: Excel.WorksheetActivatedEventArgs): void;
}

type Handler = OfficeExtension.EventHandlerResult<unknown>;

export class WorkbookEvents {
  private handlers: Handler[] = [];
  private subscribed = false;

  constructor(
    private readonly env: RunEnvironment,
    private readonly api: ApiLevel,
    private readonly listeners: WorkbookListeners,
  ) {}

  get listening(): boolean {
    return this.subscribed;
  }

  private readonly onChanged = async (args: Excel.WorksheetChangedEventArgs): Promise<void> => this.listeners.changed(args);
  private readonly onFormatChanged = async (args: Excel.WorksheetFormatChangedEventArgs): Promise<void> => this.listeners.formatChanged(args);
  private readonly onDeleted = async (args: Excel.WorksheetDeletedEventArgs): Promise<void> => this.listeners.deleted(args);
  private readonly onRenamed = async (args: Excel.WorksheetNameChangedEventArgs): Promise<void> => this.listeners.renamed(args);
  private readonly onSelectionChanged = async (args: Excel.WorksheetSelectionChangedEventArgs): Promise<void> => this.listeners.selectionChanged(args);
  private readonly onActivated = async (args: Excel.WorksheetActivatedEventArgs): Promise<void> => this.listeners.activated(args);

  private readonly onAdded = async (args: Excel.WorksheetAddedEventArgs): Promise<void> => {
    // Below ExcelApi 1.9 each sheet is listened to on its own.
    if (!this.api.has('worksheetsOnChanged') && this.subscribed) {
      await runExcel(this.env, async (context) => {
        const handler = context.workbook.worksheets.getItem(args.worksheetId).onChanged.add(this.onChanged);
        await context.sync();
        this.handlers.push(handler);
      });
    }
    this.listeners.added(args);
  };

  async subscribe(): Promise<void> {
    if (this.subscribed) return;
    const added = await runExcel(this.env, async (context) => {
      const worksheets = context.workbook.worksheets;
      const handlers: Handler[] = [];
      if (this.api.has('worksheetsOnChanged')) {
        handlers.push(worksheets.onChanged.add(this.onChanged));
        handlers.push(worksheets.onFormatChanged.add(this.onFormatChanged));
        handlers.push(worksheets.onSelectionChanged.add(this.onSelectionChanged));
      } else {
        worksheets.load('items/id');
        await context.sync();
        for (const sheet of worksheets.items) handlers.push(sheet.onChanged.add(this.onChanged));
      }
      handlers.push(worksheets.onAdded.add(this.onAdded));
      handlers.push(worksheets.onDeleted.add(this.onDeleted));
      handlers.push(worksheets.onActivated.add(this.onActivated));
      // Below ExcelApi 1.17 a renamed sheet shows its new name from the next check on.
      if (this.api.has('nameChanged')) handlers.push(worksheets.onNameChanged.add(this.onRenamed));
      await context.sync();
      return handlers;
    });
    this.handlers.push(...added);
    this.subscribed = true;
  }

  /** Below ExcelApi 1.9, a sheet the add-in adds itself (its onAdded is not raised) is listened to here, in the adding batch. */
  listenToAddedSheet(sheet: Excel.Worksheet): () => void {
    if (!this.subscribed || this.api.has('worksheetsOnChanged')) return () => undefined;
    const handler = sheet.onChanged.add(this.onChanged);
    return () => this.handlers.push(handler);
  }

  async dispose(): Promise<void> {
    const handlers = this.handlers;
    this.handlers = [];
    this.subscribed = false;
    const byContext = new Map<OfficeExtension.ClientRequestContext, Handler[]>();
    for (const handler of handlers) byContext.set(handler.context, [...(byContext.get(handler.context) ?? []), handler]);
    for (const [context, group] of byContext) {
      await this.env.run(context, async (batchContext: Excel.RequestContext) => {
        for (const handler of group) handler.remove();
        await batchContext.sync();
      });
    }
  }
}
