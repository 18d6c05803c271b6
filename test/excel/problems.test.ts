/**
 * When Excel says no: protected sheets, cell-edit mode, older Excel (lower API sets), .xls.
 */
import { createMemoryExcel, type MemoryExcel } from '../../src/office-memory';
import { defaultSchedule } from '../../src/excel/run-excel';
import { newHost, hostOver, issueKeysOf, ownedFills, type TestHost } from './support/memory-host';

const DEPARTMENT = '部门整体支出绩效目标';
const ERROR_FILL = '#FFC7CE';

async function withDepartmentSample(apiVersion?: string): Promise<TestHost> {
  const t = newHost({}, apiVersion);
  await t.host.start();
  await t.host.insert({ template: 'department', year: 2022, withSample: true });
  await t.settle();
  return t;
}

/** Every value, formula, format and merge of a sheet, as plain data. */
function sheetState(memory: MemoryExcel, sheet: string) {
  const cells: unknown[] = [];
  for (let row = 1; row <= 40; row++) for (const column of 'ABCDEFG') cells.push(memory.inspect.cell(sheet, `${column}${row}`));
  return { cells, merges: memory.inspect.merges(sheet), names: memory.inspect.names(sheet) };
}

describe('protected form sheet', () => {
  test.each([
    ['addTaskRow', (t: TestHost) => t.host.addTaskRow(DEPARTMENT)],
    ['addIndicatorRow', (t: TestHost) => t.host.addIndicatorRow(DEPARTMENT, '完成指标', '数量指标')],
    ['applyFix', (t: TestHost) => t.host.applyFix(DEPARTMENT, { cell: 'F7', value: 141.74 })],
  ])('%s fails with protected_sheet and changes nothing', async (_name, act) => {
    const t = await withDepartmentSample();
    t.memory.user.protectSheet(DEPARTMENT, true);
    const before = sheetState(t.memory, DEPARTMENT);
    await expect(act(t)).rejects.toMatchObject({ name: 'HostError', problem: { code: 'protected_sheet', params: { sheet: DEPARTMENT } } });
    await t.settle();
    expect(sheetState(t.memory, DEPARTMENT)).toEqual(before);

    // Events still flow afterwards: the live check sees the next edit.
    t.memory.user.protectSheet(DEPARTMENT, false);
    t.memory.user.type(DEPARTMENT, 'F7', '141.70');
    await t.settle();
    expect(issueKeysOf(t.host.lastCheck(), 'error')).toEqual([`${DEPARTMENT}!sum_mismatch@F7`]);
  });
});

test('a protected form sheet with unlocked input cells: issues still come, the pane is told highlights cannot be shown', async () => {
  const t = await withDepartmentSample();
  t.memory.user.setFormat(DEPARTMENT, 'F7', { locked: false });
  t.memory.user.protectSheet(DEPARTMENT, true);
  t.memory.user.type(DEPARTMENT, 'F7', '141.70');
  await t.settle();
  expect(issueKeysOf(t.host.lastCheck(), 'error')).toEqual([`${DEPARTMENT}!sum_mismatch@F7`]);
  expect(t.problems).toEqual([{ code: 'protected_sheet', params: { sheet: DEPARTMENT } }]);
  t.memory.user.type(DEPARTMENT, 'F7', '141.71');
  await t.settle();
  expect(t.problems).toHaveLength(1);

  t.memory.user.protectSheet(DEPARTMENT, false);
  t.memory.user.type(DEPARTMENT, 'F7', '141.72');
  await t.settle();
  expect(Object.fromEntries(t.memory.inspect.highlightedCells(DEPARTMENT)).F7).toBe(ERROR_FILL);
});

describe('cell-edit mode', () => {
  test('retried with backoff, then succeeds once the person stops editing', async () => {
    const memory = createMemoryExcel();
    let waits = 0;
    const t = hostOver(memory, {
      retryDelaysMs: [1, 1, 1, 1],
      schedule: (callback, ms) => {
        waits++;
        if (waits === 2) memory.setCellEditMode(false);
        return defaultSchedule(callback, ms);
      },
    });
    memory.setCellEditMode(true);
    await t.host.insert({ template: 'project', year: 2022, withSample: false });
    expect(waits).toBe(2);
    expect(memory.inspect.sheetNames()).toContain('项目绩效目标');
  });

  test('gives up with cell_edit_mode after the last wait', async () => {
    const memory = createMemoryExcel();
    const t = hostOver(memory, { retryDelaysMs: [1, 2, 4] });
    memory.setCellEditMode(true);
    await expect(t.host.select('Sheet1', 'B2')).rejects.toMatchObject({ problem: { code: 'cell_edit_mode' } });
    await expect(t.host.insert({ template: 'project', year: 2022, withSample: false })).rejects.toMatchObject({ problem: { code: 'cell_edit_mode' } });
    memory.setCellEditMode(false);
    expect(memory.inspect.sheetNames()).toEqual(['Sheet1']);
  });
});

describe('older Excel', () => {
  test('ExcelApi 1.8: one owned highlight per contiguous area, same labels and colours, formats untouched', async () => {
    const t = await withDepartmentSample('1.8');
    expect(t.host.capabilities()).toMatchObject({ canInsert: true, liveChecking: true, multiAreaHighlights: false, reasons: [] });
    const before = ['D5', 'F7', 'F8'].map((cell) => t.memory.inspect.cell(DEPARTMENT, cell).format);
    t.memory.user.type(DEPARTMENT, 'F7', '141.70');
    // Two areas in error: the sum's cell to change, and a 填表日期 that is no date.
    const dateCell = t.host.lastCheck()?.result.forms[0].form.fields.fillDate?.cell ?? '';
    t.memory.user.paste(DEPARTMENT, dateCell, [['明天']]);
    await t.settle();
    expect(t.problems).toEqual([]);
    const owned = t.memory.inspect.conditionalFormats(DEPARTMENT).filter((format) => format.formula === '=N("perf-target-forms:error")=0');
    expect(owned.length).toBeGreaterThan(1);
    for (const format of owned) expect(format.ranges).toHaveLength(1);
    const highlighted = Object.fromEntries(t.memory.inspect.highlightedCells(DEPARTMENT));
    for (const cell of ['F7', dateCell]) expect(highlighted[cell]).toBe(ERROR_FILL);
    t.memory.user.paste(DEPARTMENT, dateCell, [['2022年1月5日']]);

    t.memory.user.type(DEPARTMENT, 'F7', '141.74');
    await t.settle();
    expect(t.memory.inspect.conditionalFormats(DEPARTMENT).filter((format) => format.formula.includes(':error'))).toEqual([]);
    expect(['D5', 'F7', 'F8'].map((cell) => t.memory.inspect.cell(DEPARTMENT, cell).format)).toEqual(before);
  });

  test('ExcelApi 1.6: no live checking, a clear api_unsupported; inserting and rechecking still work', async () => {
    const t = newHost({}, '1.6');
    const capabilities = t.host.capabilities();
    expect(capabilities).toMatchObject({ canInsert: true, liveChecking: false, multiAreaHighlights: false });
    expect(capabilities.reasons).toEqual([{ code: 'api_unsupported', params: { set: 'ExcelApi', version: '1.7', feature: 'liveChecking' } }]);
    await t.host.start();
    expect(t.problems).toEqual([{ code: 'api_unsupported', params: { set: 'ExcelApi', version: '1.7', feature: 'liveChecking' } }]);
    await expect(t.host.setLiveChecking(true)).rejects.toMatchObject({ problem: { code: 'api_unsupported', params: { version: '1.7' } } });

    await t.host.insert({ template: 'department', year: 2022, withSample: true });
    t.memory.user.type(DEPARTMENT, 'F7', '141.70');
    await t.settle();
    expect(issueKeysOf(t.host.lastCheck(), 'error')).toEqual([]);
    await t.host.recheck();
    expect(issueKeysOf(t.host.lastCheck(), 'error')).toEqual([`${DEPARTMENT}!sum_mismatch@F7`]);
    expect(Object.fromEntries(t.memory.inspect.highlightedCells(DEPARTMENT)).F7).toBe(ERROR_FILL);
  });

  test('ExcelApi 1.5: nothing can be done, and the pane is told why', async () => {
    const t = newHost({}, '1.5');
    expect(t.host.capabilities()).toMatchObject({ canInsert: false, liveChecking: false, reasons: [{ code: 'api_unsupported', params: { version: '1.6' } }] });
    await expect(t.host.start()).rejects.toMatchObject({ problem: { code: 'api_unsupported', params: { version: '1.6' } } });
    await expect(t.host.insert({ template: 'department', year: 2022, withSample: true })).rejects.toMatchObject({ problem: { code: 'api_unsupported' } });
  });

  test('an .xls workbook: xls_file, the add-in must be used in .xlsx', async () => {
    const t = newHost({ documentUrl: () => 'C:\\预算\\2022年绩效目标.XLS' });
    expect(t.host.capabilities()).toMatchObject({ canInsert: false, liveChecking: false, reasons: [{ code: 'xls_file', params: {} }] });
    await expect(t.host.start()).rejects.toMatchObject({ problem: { code: 'xls_file' } });
  });

  test('a missing sheet: sheet_not_found', async () => {
    const t = newHost();
    await expect(t.host.select('没有这个表', 'A1')).rejects.toMatchObject({ problem: { code: 'sheet_not_found', params: { sheet: '没有这个表' } } });
  });
});

describe('stale results', () => {
  test('an edit made while a check reads wins: the stale result is never published or applied', async () => {
    const memory = createMemoryExcel();
    let afterSync: (() => void) | null = null;
    const run = (<T>(first: Excel.RunOptions | ((context: Excel.RequestContext) => Promise<T>), second?: (context: Excel.RequestContext) => Promise<T>) => {
      const batch = typeof first === 'function' ? first : (second as (context: Excel.RequestContext) => Promise<T>);
      const options: Excel.RunOptions = typeof first === 'function' ? {} : first;
      return memory.run(options, async (context: Excel.RequestContext) => {
        const sync = context.sync.bind(context);
        context.sync = async <R>(passThroughValue?: R) => {
          const result = await sync(passThroughValue);
          const hook = afterSync;
          afterSync = null;
          if (hook) {
            hook();
            // Excel hands the edit's event out before the check looks at what it read.
            await new Promise((resolve) => setTimeout(resolve, 5));
          }
          return result;
        };
        return batch(context);
      });
    }) as typeof Excel.run;
    const t = hostOver(memory, { run });
    await t.host.start();
    await t.host.insert({ template: 'department', year: 2022, withSample: true });
    await t.settle();

    let everRed = false;
    memory.onDidChange(() => {
      if ([...ownedFills(memory, DEPARTMENT).values()].includes(ERROR_FILL)) everRed = true;
    });
    const published = t.updates.length;
    t.memory.user.type(DEPARTMENT, 'F7', '141.70');
    afterSync = () => t.memory.user.type(DEPARTMENT, 'F7', '141.74');
    await t.settle();

    expect(afterSync).toBeNull();
    expect(t.updates.length).toBe(published + 1);
    expect(t.updates.some((update) => update.result.forms.some((form) => form.issues.some((issue) => issue.code === 'sum_mismatch')))).toBe(false);
    expect(everRed).toBe(false);
    expect(issueKeysOf(t.host.lastCheck(), 'error')).toEqual([]);
  });
});
