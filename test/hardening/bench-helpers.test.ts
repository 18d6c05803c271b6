/**
 * The benchmark's own helpers, so that its figures measure what they say: the generated big
 * forms read back with the rows asked for and the mistakes planted in them, and the bundle
 * figures count the page's scripts and the chunks its entry requests, never office.js; the
 * command line's rounds alternate and its JSON report is held to the batch it was given.
 */
import { departmentGrid } from '../../bench/department-grid';
import { initialAssets, requestedChunkFiles } from '../../bench/bundle-bench';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childrenCpuSeconds, CliRunError, requireCliReport, runCliCheck, UnexpectedCliOutputError } from '../../bench/cold-cli';
import { alternateRounds, median, spreadOf } from '../../bench/stats';
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

test('spread of some values', () => {
  expect(spreadOf([1.2, 0.9, 1.5])).toEqual({ min: 0.9, max: 1.5 });
  expect(() => spreadOf([])).toThrow(RangeError);
});

test('alternating rounds: a b, b a, a b, each side\'s results in the order taken', async () => {
  const calls: string[] = [];
  let n = 0;
  const side = (name: string) => async () => {
    calls.push(name);
    return `${name}${n++}`;
  };
  const { a, b } = await alternateRounds(3, side('a'), side('b'));
  expect(calls).toEqual(['a', 'b', 'b', 'a', 'a', 'b']);
  expect(a).toEqual(['a0', 'a3', 'a4']);
  expect(b).toEqual(['b1', 'b2', 'b5']);
  await expect(alternateRounds(0, side('a'), side('b'))).rejects.toThrow(RangeError);
});

describe('the command line\'s JSON report, held to the batch', () => {
  const files = ['/t/a.xlsx', '/t/b.xlsx'];
  const issue = { code: 'sum_mismatch', severity: 'error', cells: ['C5'], message: '…' };
  const report = (over: { files?: unknown[]; exitCode?: number; problems?: unknown[]; errors?: number } = {}): string =>
    JSON.stringify({
      files: over.files ?? files.map((file) => ({ file, forms: [{ sheet: 'S', template: 'department', year: 2022, issues: [issue] }] })),
      summary: { files: 2, errors: over.errors ?? 2, warnings: 0, unreadable: 0, exitCode: over.exitCode ?? 1, problems: over.problems ?? [], otherSheets: [], annotated: [] },
    });

  test('every file once, none unreadable, errors found: accepted', () => {
    expect(requireCliReport(report(), files).files).toHaveLength(2);
  });

  test.each([
    ['a file missing', report({ files: [{ file: '/t/a.xlsx', forms: [] }] })],
    ['a file twice', report({ files: [{ file: '/t/a.xlsx', forms: [] }, { file: '/t/a.xlsx', forms: [] }] })],
    ['a file that could not be read', report({ files: [{ file: '/t/a.xlsx', forms: [] }, { file: '/t/b.xlsx', forms: [], error: '无法读取' }] })],
    ['a problem in the summary', report({ problems: [{ file: '/t/b.xlsx', code: 'no_form' }] })],
    ['no errors in a batch written with them', report({ errors: 0, exitCode: 0 })],
    ['not JSON', 'perf-target-forms: something broke'],
    ['JSON of another shape', '{"files": 2}'],
  ])('refused: %s', (_name, stdout) => {
    expect(() => requireCliReport(stdout, files)).toThrow(UnexpectedCliOutputError);
  });
});

test('CPU seconds of finished children from /proc/self/stat, a command name with spaces and parentheses included', () => {
  // Fields 14–17: utime, stime, cutime, cstime in clock ticks (100 a second).
  const stat = '4242 (node (x) y) S 1 4242 4242 0 -1 4194304 100 0 0 0 7 3 250 30 20 0 11 0 123 456 789';
  expect(childrenCpuSeconds(stat)).toBeCloseTo(2.8, 10);
  expect(childrenCpuSeconds(null)).toBeNull();
});

describe('running the command line as a fresh process', () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'bench-cold-cli-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  /** A stand-in for cli.js that echoes its arguments and exits with `code`. */
  const script = (name: string, code: number): string => {
    const file = join(folder, name);
    writeFileSync(file, `process.stdout.write(JSON.stringify(process.argv.slice(2))); process.stderr.write('stderr text'); process.exitCode = ${code};\n`);
    return file;
  };

  test('exit code 1 (forms with errors): the whole output is collected, the arguments passed without a shell', async () => {
    const run = await runCliCheck(script('one.js', 1), '/some dir/with spaces', 2);
    expect(JSON.parse(run.stdout)).toEqual(['check', '/some dir/with spaces', '--jobs', '2', '--format', 'json']);
  });

  test.each([2, 0])('exit code %i: a CliRunError with what the command line said', async (code) => {
    const run = runCliCheck(script(`exit-${code}.js`, code), folder, 1);
    await expect(run).rejects.toThrow(CliRunError);
    await expect(run).rejects.toThrow(/stderr text/);
  });
});
