/**
 * Cell-edit mode and the events the live check depends on. `Excel.run({ delayForCellEdit: true })`
 * holds a batch until the user leaves the cell (Office.js reference, `Excel.RunOptions`); the
 * listeners are recorded only once their batch synced, so a start refused in cell-edit mode can
 * be retried. A pick from a drop-down may raise no `onChanged` (Excel on the web): moving the
 * selection on, or activating another sheet, checks the cells left behind.
 */
import { hostOver, issueKeysOf, newHost } from './support/memory-host';
import { createMemoryExcel } from '../../src/office-memory';

const DEPARTMENT = '部门整体支出绩效目标';

/** Writes a cell without raising any event, as a drop-down pick may on the web. */
async function writeSilently(memory: ReturnType<typeof createMemoryExcel>, sheet: string, address: string, value: number | string): Promise<void> {
  await memory.run(async (context) => {
    context.runtime.enableEvents = false;
    context.workbook.worksheets.getItem(sheet).getRange(address).values = [[value]];
    await context.sync();
    context.runtime.enableEvents = true;
    await context.sync();
  });
}

describe('cell-edit mode', () => {
  test('a start refused in cell-edit mode can be retried, and live checking then works', async () => {
    const memory = createMemoryExcel();
    const t = hostOver(memory);
    memory.setCellEditMode(true);
    await expect(t.host.start()).rejects.toMatchObject({ problem: { code: 'cell_edit_mode' } });
    memory.setCellEditMode(false);
    await t.host.start();
    await t.host.insert({ template: 'department', year: 2022, withSample: true });
    await t.settle();
    t.memory.user.type(DEPARTMENT, 'F7', '141.70');
    await t.settle();
    expect(issueKeysOf(t.host.lastCheck(), 'error')).toContain(`${DEPARTMENT}!sum_mismatch@D5`);
  });

  test('a live check waits for the edit to end instead of failing', async () => {
    const t = newHost({ retryDelaysMs: [] });
    await t.host.start();
    await t.host.insert({ template: 'department', year: 2022, withSample: true });
    await t.settle();
    t.memory.user.type(DEPARTMENT, 'F7', '141.70');
    t.memory.setCellEditMode(true);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(issueKeysOf(t.host.lastCheck(), 'error')).toEqual([]);
    t.memory.setCellEditMode(false);
    await t.settle();
    expect(t.problems).toEqual([]);
    expect(issueKeysOf(t.host.lastCheck(), 'error')).toContain(`${DEPARTMENT}!sum_mismatch@D5`);
  });
});

describe('changes that raise no onChanged', () => {
  test('moving the selection on checks the cell left behind, in one small read when nothing changed', async () => {
    const t = newHost();
    await t.host.start();
    await t.host.insert({ template: 'department', year: 2022, withSample: true });
    await t.settle();
    t.memory.user.select(DEPARTMENT, 'F7');
    await t.settle();

    t.memory.resetSyncCount();
    t.memory.user.select(DEPARTMENT, 'F8');
    await t.settle();
    expect(t.memory.syncCount).toBeLessThanOrEqual(1);

    await writeSilently(t.memory, DEPARTMENT, 'F8', 141.7);
    expect(issueKeysOf(t.host.lastCheck(), 'error')).toEqual([]);
    t.memory.user.select(DEPARTMENT, 'B4');
    await t.settle();
    expect(issueKeysOf(t.host.lastCheck(), 'error')).toContain(`${DEPARTMENT}!sum_mismatch@D5`);
  });

  test('activating another sheet checks the cell left behind', async () => {
    const t = newHost();
    await t.host.start();
    await t.host.insert({ template: 'department', year: 2022, withSample: true });
    await t.settle();
    t.memory.user.select(DEPARTMENT, 'F7');
    await t.settle();
    await writeSilently(t.memory, DEPARTMENT, 'F7', 141.7);
    t.memory.user.activate('Sheet1');
    await t.settle();
    expect(issueKeysOf(t.host.lastCheck(), 'error')).toContain(`${DEPARTMENT}!sum_mismatch@D5`);
  });
});
