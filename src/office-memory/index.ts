/**
 * An in-memory Excel that keeps Office.js's contract, so that the add-in's Excel code runs
 * unchanged in tests and in the preview page:
 *
 * ```ts
 * const excel = createMemoryExcel({ sheets: ['申报表'] });
 * await excel.run(async (context) => { … });   // typed as Excel.run
 * excel.user.type('申报表', 'D7', '141.70');    // the person at the keyboard
 * excel.inspect.cell('申报表', 'D7');           // plain data for tests and the preview
 * ```
 *
 * Conventions kept from Office.js (and easy to get wrong against a weaker fake):
 * - every call queues a command; nothing happens before `context.sync()`; a failing command
 *   rejects the sync, the commands before it stay applied;
 * - reading a property that was not loaded and synced throws `PropertyNotLoaded` (a property
 *   just set is readable, as in Office.js); loaded values are a snapshot;
 * - objects belong to their batch: after `run` ends, go on with `run(object.context, …)`;
 * - members above the supported ExcelApi version fail the sync with `ApiNotFound`;
 * - `null` in a written 2-D array leaves that cell alone, '' clears it; a numeric-looking
 *   string becomes a number unless the cell's format is '@' or it starts with an apostrophe;
 * - `fill.color` reads '#FFFFFF' for a cell without fill (`fill.pattern` reads 'None');
 * - conditional-format ids are priorities, renumbered by every add and delete;
 * - Excel on the web's limits: 5 MB a request or response, five million cells a read;
 * - from ExcelApi 1.14, `triggerSource` is 'ThisLocalAddin' for the add-in's writes, 'Unknown'
 *   for the user's (below 1.14 it is absent); a change of format raises onFormatChanged, not
 *   onChanged; `runtime.enableEvents = false` silences every event while it is false;
 * - event handlers run after the current microtasks; `whenIdle()` waits for them;
 * - `Excel.run({ delayForCellEdit: true }, …)` waits for a cell edit to end; without it a sync
 *   during an edit fails with InvalidOperationInCellEditMode;
 * - the person's copy and paste brings formats, data validation and conditional formats along;
 *   a pick from a drop-down raises onChanged unless `dropDownPickRaisesChanged: false` (as seen
 *   on the web).
 *
 * Each proxy declares its properties once, in a table (proxy-base.ts); the fake holds only the
 * members the project calls (test/office-memory/used-members.test.ts).
 *
 * Not modelled: undo. Excel's undo history (which the add-in's writes may clear or join) has no
 * counterpart here; what undo does after the add-in's writes is checked by hand in Excel.
 *
 * Runs in a browser: no Node APIs, nothing of the rest of the project.
 */
export { createMemoryExcel } from './memory-excel';
export type {
  CellInspection,
  ConditionalFormatInspection,
  MemoryExcel,
  MemoryExcelOptions,
  MemoryInspector,
  MemoryUser,
  NameInspection,
  PageLayoutInspection,
  TypeResult,
  TypedValue,
  UserConditionalFormat,
  UserFormat,
  ValidationInspection,
} from './memory-excel';
export type { SyncTraffic } from './proxy-base';
export { ErrorCode, MemoryExcelError } from './errors';
export type { ErrorCodeValue } from './errors';
