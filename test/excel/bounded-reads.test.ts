/**
 * Reads are bounded by the forms, not by the workbook: Excel on the web refuses a response over
 * 5 MB and a read of more than 5 million cells (the in-memory Excel does as well), so a large
 * data sheet beside a form is only probed. A sheet that cannot be read is reported and left
 * out; the others are checked.
 */
import { createMemoryExcel, type MemoryExcel } from '../../src/office-memory';
import { hostOver, issueKeysOf } from './support/memory-host';

const DEPARTMENT = '部门整体支出绩效目标';
const DATA = '数据';

function withDataSheet(rows: number, cols: number): MemoryExcel {
  const memory = createMemoryExcel({ sheets: [DATA] });
  memory.user.paste(DATA, 'A1', Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => (c === 0 ? `项目${r + 1}` : r * cols + c + 0.25))));
  return memory;
}

describe('bounded reads', () => {
  test('a 30,000 × 10 data sheet: start, insert and live checks each read well under 5 MB', async () => {
    const t = hostOver(withDataSheet(30_000, 10));
    t.memory.resetSyncCount();
    await t.host.start();
    await t.settle();
    expect(t.memory.traffic.responseBytes).toBeLessThan(200_000);
    expect(t.problems).toEqual([]);

    t.memory.resetSyncCount();
    await t.host.insert({ template: 'department', year: 2022, withSample: true });
    await t.settle();
    expect(t.memory.traffic.responseBytes).toBeLessThan(200_000);

    t.memory.resetSyncCount();
    t.memory.user.type(DEPARTMENT, 'F7', '141.70');
    await t.settle();
    expect(issueKeysOf(t.host.lastCheck(), 'error')).toContain(`${DEPARTMENT}!sum_mismatch@F7`);
    expect(t.memory.traffic.responseBytes).toBeLessThan(200_000);

    t.memory.resetSyncCount();
    t.memory.user.type(DATA, 'B20000', '42');
    await t.settle();
    expect(t.memory.traffic.responseBytes).toBeLessThan(200_000);
    expect(t.host.lastCheck()?.result.otherSheets).toContain(DATA);
    expect(t.problems).toEqual([]);
  }, 30_000);

  test('a form whose title stands in the top-left block of a large sheet is read whole and checked', async () => {
    const memory = withDataSheet(3_000, 10);
    const t = hostOver(memory);
    await t.host.start();
    await t.host.insert({ template: 'department', year: 2022, withSample: true });
    await t.settle();
    // The same form typed by hand at the top of the data sheet, with its data far below.
    const form = memory.inspect.values(DEPARTMENT, 'A1:H40');
    memory.user.paste(DATA, 'A1', form);
    await t.settle();
    expect(t.host.lastCheck()?.result.forms.map((found) => found.form.sheet)).toEqual([DATA, DEPARTMENT]);
  });

  test('a sheet whose read fails (more than 512 merged areas) is reported and skipped; the form is still checked', async () => {
    const memory = createMemoryExcel({ sheets: ['合并'] });
    await memory.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('合并');
      for (let r = 0; r < 120; r++) for (let c = 0; c < 5; c++) sheet.getRange(`${'ACEGI'[c]}${r + 1}:${'BDFHJ'[c]}${r + 1}`).merge(false);
      await context.sync();
    });
    const first = hostOver(memory);
    await first.host.start();
    await first.host.insert({ template: 'department', year: 2022, withSample: true });
    await first.settle();
    await first.host.dispose();

    const t = hostOver(memory.clone());
    await t.host.start();
    await t.settle();
    expect(t.problems).toEqual([expect.objectContaining({ code: 'sheet_unreadable', params: expect.objectContaining({ sheet: '合并' }) })]);
    expect(t.host.lastCheck()?.result.forms.map((found) => found.form.sheet)).toEqual([DEPARTMENT]);

    t.memory.user.type(DEPARTMENT, 'F7', '141.70');
    await t.settle();
    expect(issueKeysOf(t.host.lastCheck(), 'error')).toContain(`${DEPARTMENT}!sum_mismatch@F7`);
    // An edit on the unreadable sheet fails its read again: told once, not at every edit.
    t.memory.user.type('合并', 'C300', '1');
    await t.settle();
    expect(t.problems).toHaveLength(1);
  });
});
