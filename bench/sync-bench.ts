/**
 * Round trips (`context.sync()`) the add-in makes for what a user does, counted on the
 * in-memory Excel through the real adapter (`createExcelHost` over the memory Excel's `run`,
 * live check with no debounce). Each figure is the syncs from the user's action (or the
 * pane's call) until the live check has settled.
 */
import { createExcelHost, type ExcelFormHost } from '../src/excel/excel-host';
import { createMemoryExcel, type MemoryExcel } from '../src/office-memory';

export interface SyncCounts {
  /** Inserting the department form with the sample (the pane's 插入). */
  readonly insert: number;
  /** One typed value that changes the issues (资金总额 no longer adds up). */
  readonly edit: number;
  /** One typed value that changes no issue (another 部门名称). */
  readonly editNoChange: number;
  /** A paste of 2,000 cells (1,000 rows × 三级, 指标值) over the indicator table. */
  readonly paste2000: number;
  /** The user inserts a row inside the indicator table (Excel's Insert > Rows). */
  readonly rowInsert: number;
}

/** What the table prints beside the JSON figures. */
export interface SyncExtras {
  /** The pane's "add a task row" (`FormHost.addTaskRow`), including the check that follows. */
  readonly addTaskRow: number;
}

export const SYNC_GOALS: Readonly<Record<keyof SyncCounts, number>> = { insert: 3, edit: 2, editNoChange: 1, paste2000: 2, rowInsert: 2 };

export interface Workbench {
  readonly excel: MemoryExcel;
  readonly host: ExcelFormHost;
  /** Waits until Excel's events are handed out and the host's live check has finished. */
  settle(): Promise<void>;
  /** Syncs made by `action` until everything settled. */
  countSyncs(action: () => unknown): Promise<number>;
}

/** A memory Excel (a new one, or `excel`) with the add-in started on it, live checking with no debounce. */
export async function startWorkbench(options: { documentUrl?: string; today?: Date; excel?: MemoryExcel } = {}): Promise<Workbench> {
  const excel = options.excel ?? createMemoryExcel({ fontName: '等线', fontSize: 11 });
  const today = options.today ?? new Date(2022, 0, 10);
  const host = createExcelHost({
    run: excel.run,
    isSetSupported: (name, version) => excel.isSetSupported(name, version),
    displayLanguage: () => 'zh-CN',
    prefersDark: () => false,
    documentUrl: () => options.documentUrl ?? 'https://example.invalid/book.xlsx',
    debounceMs: 0,
    retryDelaysMs: [],
    checkOptions: () => ({ today }),
  });
  const settle = async (): Promise<void> => {
    // A check may raise no events, but an event may start a check: go round until both are quiet.
    for (let round = 0; round < 3; round++) {
      await excel.whenIdle();
      await host.whenIdle();
    }
  };
  const countSyncs = async (action: () => unknown): Promise<number> => {
    await settle();
    excel.resetSyncCount();
    await action();
    await settle();
    return excel.syncCount;
  };
  await host.start();
  await settle();
  return { excel, host, settle, countSyncs };
}

const DEPARTMENT = { template: 'department', year: 2022, withSample: true } as const;

export async function benchSyncs(): Promise<{ counts: SyncCounts; extras: SyncExtras }> {
  const bench = await startWorkbench();
  let sheet = '';
  const insert = await bench.countSyncs(async () => {
    sheet = (await bench.host.insert(DEPARTMENT)).sheet;
  });
  const edit = await bench.countSyncs(() => bench.excel.user.type(sheet, 'D5', '999'));
  const editNoChange = await bench.countSyncs(() => bench.excel.user.type(sheet, 'B4', '衡阳市归国华侨联合会（本级）'));
  const rowInsert = await bench.countSyncs(() => bench.excel.user.insertRows(sheet, 23, 1));
  const addTaskRow = await bench.countSyncs(() => bench.host.addTaskRow(sheet));
  const pasted = Array.from({ length: 1_000 }, (_, i) => [`粘贴的三级指标${i + 1}`, i % 10 === 9 ? '' : `${i + 1}次`]);
  const paste2000 = await bench.countSyncs(() => bench.excel.user.paste(sheet, 'D21', pasted));
  await bench.host.dispose();
  return { counts: { insert, edit, editNoChange, paste2000, rowInsert }, extras: { addTaskRow } };
}

/** Bytes Excel sends back (the responses' size, as the in-memory Excel counts them against the 5 MB limit). */
export interface ReadBytes {
  /** Starting the add-in on the workbook. */
  readonly start: number;
  readonly insert: number;
  /** One typed edit on the form that changes the issues. */
  readonly formEdit: number;
  /** One typed edit on the data sheet. */
  readonly dataEdit: number;
}

export const DATA_SHEET = '数据';
export const DATA_ROWS = 30_000;
export const DATA_COLUMNS = 10;

function fillDataSheet(excel: MemoryExcel): void {
  excel.user.paste(DATA_SHEET, 'A1', Array.from({ length: DATA_ROWS }, (_, r) => Array.from({ length: DATA_COLUMNS }, (_, c) => (c === 0 ? `项目${r + 1}` : r * DATA_COLUMNS + c + 0.25))));
}

async function bytesOf(bench: Workbench, action: () => unknown): Promise<number> {
  await bench.countSyncs(action);
  return bench.excel.traffic.responseBytes;
}

/** The bytes read with and without a 30,000 × 10 data sheet in the workbook: bounded by the form, not the workbook. */
export async function benchReadBytes(): Promise<{ withData: ReadBytes; formOnly: ReadBytes }> {
  const measure = async (withData: boolean): Promise<ReadBytes> => {
    const excel = createMemoryExcel({ fontName: '等线', fontSize: 11, sheets: withData ? ['Sheet1', DATA_SHEET] : ['Sheet1'] });
    if (withData) fillDataSheet(excel);
    excel.resetSyncCount();
    const bench = await startWorkbench({ excel });
    const start = bench.excel.traffic.responseBytes;
    let sheet = '';
    const insert = await bytesOf(bench, async () => {
      sheet = (await bench.host.insert(DEPARTMENT)).sheet;
    });
    const formEdit = await bytesOf(bench, () => bench.excel.user.type(sheet, 'D5', '999'));
    const dataEdit = withData ? await bytesOf(bench, () => bench.excel.user.type(DATA_SHEET, 'B20000', '42')) : 0;
    await bench.host.dispose();
    return { start, insert, formEdit, dataEdit };
  };
  return { withData: await measure(true), formOnly: await measure(false) };
}
