/**
 * The benchmark's own helpers, so that its figures measure what they say: the generated big
 * forms read back with the rows asked for and the mistakes planted in them, and the bundle
 * figures count the page's scripts and the chunks its entry requests, never office.js.
 */
import { departmentGrid } from '../../bench/department-grid';
import { initialAssets, requestedChunkFiles } from '../../bench/bundle-bench';
import { median } from '../../bench/stats';
import { checkWorkbook } from '../../src/core/check/check-workbook';
import { issueKeys } from '../helpers/expect-issues';

describe('departmentGrid: big department forms for the engine benchmark', () => {
  test.each([10, 100, 1_000])('%i rows read back as that many tasks and indicators, with the planted mistakes only', (rows) => {
    const result = checkWorkbook({ sheets: [departmentGrid(rows, rows)] }, { today: new Date(2022, 0, 10) });
    expect(result.forms).toHaveLength(1);
    const [{ form, issues }] = result.forms;
    expect(form.tasks).toHaveLength(rows);
    expect(form.indicators).toHaveLength(rows);
    const errors = issueKeys(issues.filter((issue) => issue.severity === 'error'));
    // Every 40th task's 总额 is text ("1.25万元"), which Excel's SUM in 金额合计 leaves out while the
    // rule reads 1.25 in it: one sum_mismatch at 金额合计. Every 50th indicator has no value.
    const textAmounts = Math.floor(rows / 40);
    const totalRow = form.taskTotal?.total.cell;
    expect(errors.filter((key) => key.startsWith('not_a_number@'))).toHaveLength(textAmounts);
    expect(errors.filter((key) => key.startsWith('indicator_value_missing@'))).toHaveLength(Math.floor(rows / 50));
    expect(errors.filter((key) => key.startsWith('sum_mismatch@'))).toEqual(textAmounts > 0 ? [`sum_mismatch@${totalRow}`] : []);
    expect(errors.filter((key) => !/^(not_a_number|indicator_value_missing|sum_mismatch)@/.test(key))).toEqual([]);
  });

  test('refuses a form without rows', () => {
    expect(() => departmentGrid(0, 10)).toThrow(RangeError);
  });
});

describe('bundle figures', () => {
  test('the page\'s local scripts and stylesheets count; office.js from a CDN does not', () => {
    const html = [
      '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>',
      '<link rel="icon" href="assets/icon-32.png">',
      '<link href="taskpane.1234.css" rel="stylesheet">',
      '<script defer="defer" src="taskpane.abcd.js"></script>',
      '<script src=//cdn.example/x.js></script>',
    ].join('\n');
    expect(initialAssets(html)).toEqual([
      { file: 'taskpane.1234.css', kind: 'css' },
      { file: 'taskpane.abcd.js', kind: 'js' },
    ]);
  });

  test('chunks the entry imports count; chunks imported by other chunks do not', () => {
    const chunks = [
      { id: 1, names: ['taskpane'], files: ['taskpane.js'], initial: true, entry: true, parents: [] },
      { id: 2, names: ['excel-host'], files: ['excel-host.js', 'excel-host.js.map'], initial: false, entry: false, parents: [1] },
      { id: 3, names: ['later'], files: ['later.js'], initial: false, entry: false, parents: [2] },
    ];
    expect(requestedChunkFiles(chunks)).toEqual([{ file: 'excel-host.js', kind: 'js' }]);
  });
});

test('median of odd and even counts', () => {
  expect(median([3, 1, 2])).toBe(2);
  expect(median([4, 1, 3, 2])).toBe(2.5);
});
