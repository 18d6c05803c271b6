/**
 * Reads bounded by the forms, as the Excel host's: a large data sheet beside a form is never
 * read whole — an edit on the form reads the form sheet alone, an edit on the data sheet reads
 * only its top-left block, where a form's title would stand.
 */
import { newWpsHost } from './support/wps-host';

const DEPARTMENT = '部门整体支出绩效目标';
const DATA = '数据';
const ROWS = 5_000;

test('a data sheet is probed, never read whole', async () => {
  const t = newWpsHost({ sheets: ['Sheet1', DATA] });
  t.wps.user.paste(DATA, 'A1', Array.from({ length: ROWS }, (_, r) => Array.from({ length: 10 }, (_, c) => (c === 0 ? `项目${r + 1}` : r * 10 + c))));
  await t.host.start();
  await t.host.insert({ template: 'department', year: 2022, withSample: true });
  await t.settle();
  expect(t.host.lastCheck()?.result.otherSheets).toEqual(['Sheet1', DATA]);

  t.wps.calls.reset();
  t.wps.user.type(DEPARTMENT, 'B4', '衡阳市侨联');
  await t.settle();
  // The form sheet alone: its used range's values and formulas, once each.
  expect(t.wps.calls.of('Range.Value2').read).toBe(1);
  expect(t.wps.calls.of('Range.Formula').read).toBe(1);

  t.wps.calls.reset();
  t.wps.user.type(DATA, 'B2', '7');
  await t.settle();
  // The form sheet whole, and the data sheet's block (a range of its own, not its used range).
  expect(t.wps.calls.of('Range.Value2').read).toBe(2);
  expect(t.wps.calls.of('Worksheet.Range').call).toBe(1);
  expect(t.host.lastCheck()?.result.otherSheets).toContain(DATA);
});
