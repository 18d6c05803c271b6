/**
 * Cell-edit mode and the events the live check depends on. `Excel.run({ delayForCellEdit: true })`
 * holds a batch until the user leaves the cell (Office.js reference, `Excel.RunOptions`); the
 * listeners are recorded only once their batch synced, so a start refused in cell-edit mode can
 * be retried. A pick from a drop-down may raise no `onChanged` (Excel on the web): moving the
 * selection on, or activating another sheet, checks the cells left behind.
 */
import { hostOver, issueKeysOf, newHost, type TestHost } from './support/memory-host';
import { createMemoryExcel } from '../../src/office-memory';
import { buildLayoutPlan } from '../../src/core/layout/build-layout-plan';
import { toA1 } from '../../src/core/grid/address';

const DEPARTMENT = '部门整体支出绩效目标';

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
    expect(issueKeysOf(t.host.lastCheck(), 'error')).toContain(`${DEPARTMENT}!sum_mismatch@F7`);
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
    expect(issueKeysOf(t.host.lastCheck(), 'error')).toContain(`${DEPARTMENT}!sum_mismatch@F7`);
  });
});

describe('a drop-down pick that raises no onChanged (Excel on the web)', () => {
  async function pickSetup() {
    const t = hostOver(createMemoryExcel({ dropDownPickRaisesChanged: false }));
    await t.host.start();
    const { sheet } = await t.host.insert({ template: 'department', year: 2022, withSample: true });
    await t.settle();
    const plan = buildLayoutPlan('department', { year: 2022, withSample: true });
    const level2 = plan.validations.find((validation) => validation.prompt?.title === '二级指标');
    if (!level2 || level2.rule.kind !== 'list') throw new Error('the plan has no 二级指标 list');
    // The last indicator row: its 二级 cell stands alone, not in a merge with the rows above.
    const cell = toA1(level2.range.bottom, level2.range.left);
    const current = t.memory.inspect.cell(sheet, cell).value;
    const item = level2.rule.items.find((name) => name !== current) ?? level2.rule.items[0];
    return { t, sheet, cell, item, row: level2.range.bottom };
  }

  const level2At = (t: TestHost, row: number) => t.host.lastCheck()?.result.forms[0].form.indicators.find((indicator) => indicator.row === row)?.level2.value;

  test('moving the selection on checks the cell left behind; with nothing changed that is one small read', async () => {
    const { t, sheet, cell, item, row } = await pickSetup();
    t.memory.user.select(sheet, cell);
    await t.settle();

    t.memory.resetSyncCount();
    t.memory.user.select(sheet, 'B4');
    t.memory.user.select(sheet, cell);
    await t.settle();
    expect(t.memory.syncCount).toBeLessThanOrEqual(2);

    const published = t.updates.length;
    t.memory.user.pickFromList(sheet, cell, item);
    await t.settle();
    expect(t.updates.length).toBe(published);
    t.memory.user.select(sheet, 'B4');
    await t.settle();
    expect(t.updates.length).toBe(published + 1);
    expect(level2At(t, row)).toBe(item);
  });

  test('activating another sheet checks the cell left behind', async () => {
    const { t, sheet, cell, item, row } = await pickSetup();
    t.memory.user.select(sheet, cell);
    await t.settle();
    t.memory.user.pickFromList(sheet, cell, item);
    t.memory.user.activate('Sheet1');
    await t.settle();
    expect(level2At(t, row)).toBe(item);
  });
});
