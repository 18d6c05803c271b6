/**
 * A row added by 添加指标行 carries its group's 二级 name (a one-row group's name is merged down
 * over it) and is selected, so the grid scrolls to it; a task row is selected too.
 */
import { newHost } from './support/memory-host';

const DEPARTMENT = '部门整体支出绩效目标';

function findCell(t: ReturnType<typeof newHost>, text: string): string {
  for (let row = 1; row <= 60; row++) {
    for (const col of 'ABCDEF') {
      if (t.memory.inspect.cell(DEPARTMENT, `${col}${row}`).value === text) return `${col}${row}`;
    }
  }
  throw new Error(`no cell holds ${text}`);
}

test('a row added under a one-row 二级 is merged with it and selected', async () => {
  const t = newHost();
  await t.host.start();
  await t.host.insert({ template: 'department', year: 2026, withSample: false });
  await t.settle();
  const timely = findCell(t, '时效指标');
  const row = Number(timely.slice(1));
  const column = timely[0];
  expect(t.memory.inspect.merges(DEPARTMENT).some((merge) => merge.startsWith(`${timely}:`))).toBe(false);

  await t.host.addIndicatorRow(DEPARTMENT, '产出指标', '时效指标');
  await t.settle();
  expect(t.memory.inspect.merges(DEPARTMENT)).toContain(`${column}${row}:${column}${row + 1}`);
  expect(t.memory.inspect.selection()).toEqual({ sheet: DEPARTMENT, address: `D${row + 1}` });
  // Once written in, the new row reads as a 时效指标 row.
  t.memory.user.type(DEPARTMENT, `D${row + 1}`, '按时完成率');
  await t.settle();
  const form = t.host.lastCheck()?.result.forms[0];
  expect(form?.form.indicators.find((indicator) => indicator.row === row)?.level2.value).toBe('时效指标');
});

test('a task row added is selected on its 任务名称 cell', async () => {
  const t = newHost();
  await t.host.start();
  await t.host.insert({ template: 'department', year: 2026, withSample: true });
  await t.settle();
  const total = findCell(t, '金额合计');
  await t.host.addTaskRow(DEPARTMENT);
  await t.settle();
  expect(t.memory.inspect.selection()).toEqual({ sheet: DEPARTMENT, address: `B${Number(total.slice(1))}` });
});
