/**
 * Calls into the WPS object model per user action, counted on the in-memory WPS through the
 * real adapter (`createWpsHost` over `createMemoryWps().Application`, live check with no
 * debounce). Each call (a property read or write, a method call) crosses from the page into
 * the WPS process; the goal is a number of range reads and writes per edit that does not grow
 * with the form. Forms of growing size: the department sample with its first indicator group
 * grown to N rows (rows inserted inside the group, their 三级 and 指标值 pasted).
 */
import { createMemoryWps, type MemoryWps } from '../src/wps-memory';
import { createWpsHost, type WpsFormHost } from '../src/wps/wps-host';

export const WPS_SIZES = [10, 100, 1_000] as const;

/** The crossings of one action until the live check settled. */
export interface WpsCalls {
  readonly calls: number;
  /** `Range.Value2` and `Range.Formula` read. */
  readonly rangeReads: number;
  /** `Range.Value2` and `Range.Formula` written. */
  readonly rangeWrites: number;
  /** Conditional formats added or deleted. */
  readonly conditions: number;
}

export const WPS_ACTIONS = ['start', 'typedEdit', 'typedNoChange', 'paste10', 'rowInsert', 'addIndicatorRow', 'insert'] as const;
export type WpsAction = (typeof WPS_ACTIONS)[number];

export interface WpsRow {
  readonly indicatorRows: number;
  readonly actions: Readonly<Record<WpsAction, WpsCalls>>;
}

const SHEET = '部门整体支出绩效目标';
/** The department sample's first indicator group (完成指标 / 数量指标) holds rows 21–24 (1-based). */
const GROUP_ROW = 23;
const SAMPLE_ROWS = 10;

function counted(wps: MemoryWps): WpsCalls {
  const value = wps.calls.of('Range.Value2');
  const formula = wps.calls.of('Range.Formula');
  return {
    calls: wps.calls.total(),
    rangeReads: value.read + formula.read,
    rangeWrites: value.write + formula.write,
    conditions: wps.calls.of('FormatConditions.Add').call + wps.calls.of('FormatCondition.Delete').call,
  };
}

async function settle(wps: MemoryWps, host: WpsFormHost): Promise<void> {
  for (let round = 0; round < 3; round++) {
    await wps.whenIdle();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await host.whenIdle();
  }
}

async function count(wps: MemoryWps, host: WpsFormHost, action: () => unknown): Promise<WpsCalls> {
  await settle(wps, host);
  wps.calls.reset();
  await action();
  await settle(wps, host);
  return counted(wps);
}

/** A workbook with the department sample grown to `indicatorRows` rows, the host started on it (uncounted). */
async function grownForm(indicatorRows: number): Promise<{ wps: MemoryWps; host: WpsFormHost; start: WpsCalls }> {
  const setup = createMemoryWps({ sheets: ['Sheet1'] });
  const first = createWpsHost({ application: setup.Application, debounceMs: 0, checkOptions: () => ({ today: new Date(2022, 0, 10) }) });
  await first.start();
  await first.insert({ template: 'department', year: 2022, withSample: true });
  await first.dispose();
  const extra = Math.max(0, indicatorRows - SAMPLE_ROWS);
  if (extra > 0) {
    setup.user.insertRows(SHEET, GROUP_ROW, extra);
    setup.user.paste(SHEET, `D${GROUP_ROW}`, Array.from({ length: extra }, (_, i) => [`生成的三级指标${i + 1}`, `${i + 1}次`]));
  }
  const wps = setup.clone();
  const host = createWpsHost({ application: wps.Application, debounceMs: 0, checkOptions: () => ({ today: new Date(2022, 0, 10) }) });
  const start = await count(wps, host, () => host.start());
  return { wps, host, start };
}

export async function benchWpsSize(indicatorRows: number): Promise<WpsRow> {
  const { wps, host, start } = await grownForm(indicatorRows);
  const typedEdit = await count(wps, host, () => wps.user.type(SHEET, 'D5', '999'));
  const typedNoChange = await count(wps, host, () => wps.user.type(SHEET, 'B4', '衡阳市归国华侨联合会（本级）'));
  const paste10 = await count(wps, host, () => wps.user.paste(SHEET, `D${GROUP_ROW + 1}`, Array.from({ length: 10 }, (_, i) => [`粘贴的三级指标${i + 1}`, `${i + 1}次`])));
  const rowInsert = await count(wps, host, () => wps.user.insertRows(SHEET, GROUP_ROW + 2, 1));
  const addIndicatorRow = await count(wps, host, () => host.addIndicatorRow(SHEET, '产出指标', '质量指标'));
  const insert = await count(wps, host, () => host.insert({ template: 'project', year: 2022, withSample: true }));
  await host.dispose();
  return { indicatorRows, actions: { start, typedEdit, typedNoChange, paste10, rowInsert, addIndicatorRow, insert } };
}

export async function benchWps(sizes: readonly number[] = WPS_SIZES): Promise<WpsRow[]> {
  const rows: WpsRow[] = [];
  for (const size of sizes) rows.push(await benchWpsSize(size));
  return rows;
}
