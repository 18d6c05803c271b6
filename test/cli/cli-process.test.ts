/**
 * The real command line, run as a child process (the bundle in dist/cli, built once if stale):
 * exit codes, output formats, languages, bad files in a batch, a batch of 200 forms on
 * worker processes, annotated copies, usage errors.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { buildLayoutPlan } from '../../src/core/layout/build-layout-plan';
import { runCli } from '../../src/cli/main';
import { workbookToBuffer } from '../../src/cli/xlsx/save-workbook';
import type { JsonReport } from '../../src/cli/output/report-format';
import { workbookWithPlans } from './helpers/fill-forms';
import { cellsOfRef, conditionalFormatsOf, ensureCliBundle, loadWorkbook, runCliProcess, tempDir } from './helpers/workbooks';

jest.setTimeout(120_000);

const department = buildLayoutPlan('department', { year: 2022, withSample: true });
const project = buildLayoutPlan('project', { year: 2022, withSample: true });
const basicExpenditure = department.cells.find((cell) => cell.field === 'basicExpenditure')!;

let dir: ReturnType<typeof tempDir>;
const file = (name: string): string => join(dir.path, name);

/** The command line in this thread (no child process, files checked one after the other). */
async function runInProcess(args: readonly string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), stderrIsTty: false, cores: 1 });
  return { status, stdout, stderr };
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function parseJson(stdout: string): JsonReport {
  return JSON.parse(stdout) as JsonReport;
}

/** The project sample with 财政拨款 typed wrong: 资金总额 ≠ 财政拨款 + 其他资金. */
function projectMismatchWorkbook(): ExcelJS.Workbook {
  const fiscal = project.cells.find((cell) => cell.field === 'fiscalFunds')!;
  const workbook = workbookWithPlans([project]);
  workbook.getWorksheet(project.sheetName)!.getCell(fiscal.row + 1, fiscal.col + 1).value = 30;
  return workbook;
}

/** The department sample with 基本支出 typed wrong: 资金总额 ≠ 基本支出 + 项目支出. */
function sumMismatchWorkbook(): ExcelJS.Workbook {
  const workbook = workbookWithPlans([department]);
  workbook.getWorksheet(department.sheetName)!.getCell(basicExpenditure.row + 1, basicExpenditure.col + 1).value = 141.7;
  return workbook;
}

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

beforeAll(async () => {
  ensureCliBundle();
  dir = tempDir('cli');
  writeFileSync(file('sample.xlsx'), await workbookToBuffer(workbookWithPlans([department, project])));
  writeFileSync(file('mismatch.xlsx'), await workbookToBuffer(sumMismatchWorkbook()));
  writeFileSync(file('project.xlsx'), await workbookToBuffer(workbookWithPlans([project])));
  writeFileSync(file('project-mismatch.xlsx'), await workbookToBuffer(projectMismatchWorkbook()));
  mkdirSync(file('bad'));
  writeFileSync(file('bad/empty.xlsx'), Buffer.alloc(0));
  writeFileSync(file('bad/old.xls'), Buffer.concat([OLE2, Buffer.alloc(504), Buffer.from('Workbook', 'utf16le'), Buffer.alloc(512)]));
  writeFileSync(file('bad/locked.xlsx'), Buffer.concat([OLE2, Buffer.alloc(504), Buffer.from('EncryptionInfo', 'utf16le'), Buffer.alloc(512)]));
  const good = readFileSync(file('sample.xlsx'));
  writeFileSync(file('bad/truncated.xlsx'), good.subarray(0, Math.floor(good.length / 2)));
  writeFileSync(file('bad/notes.xlsx'), '这不是工作簿\n');
  const noForm = workbookWithPlans([]);
  noForm.addWorksheet('Sheet1').getCell('A1').value = '会议纪要';
  writeFileSync(file('bad/no-form.xlsx'), await workbookToBuffer(noForm));
});
afterAll(() => dir.remove());

describe('exit codes', () => {
  it('0 when the files give no errors (warnings only)', async () => {
    const run = await runInProcess(['check', file('sample.xlsx')]);
    expect(run.status).toBe(0);
  });

  it('1 when any file gives an error', async () => {
    const run = await runCliProcess(['check', file('sample.xlsx'), file('mismatch.xlsx')]);
    expect(run.status).toBe(1);
  });

  it('2 when an input cannot be read, and the other files are still checked', async () => {
    const run = await runCliProcess(['check', file('mismatch.xlsx'), file('bad'), file('missing.xlsx'), '--format', 'json']);
    expect(run.status).toBe(2);
    const report = parseJson(run.stdout);
    const errors = Object.fromEntries(report.files.map((entry) => [entry.file.slice(dir.path.length + 1), entry.error ?? null]));
    expect(errors).toEqual({
      'mismatch.xlsx': null,
      // A folder is walked in sorted order.
      'bad/empty.xlsx': '文件是空的（0 字节）',
      'bad/locked.xlsx': '文件受密码保护，请取消密码后再检查',
      'bad/no-form.xlsx': '工作簿中没有可识别的申报表',
      'bad/notes.xlsx': '这不是 Excel 工作簿',
      'bad/old.xls': '这是 .xls 文件，请另存为 .xlsx 后再检查',
      'bad/truncated.xlsx': '文件已损坏或不完整，无法打开',
      'missing.xlsx': '找不到该文件',
    });
    expect(report.summary.problems.map((problem) => problem.code)).toEqual(['empty_file', 'encrypted', 'no_form', 'not_a_workbook', 'xls_file', 'corrupt_file', 'not_found']);
    const mismatch = report.files[0].forms[0].issues.filter((issue) => issue.severity === 'error');
    expect(mismatch.map((issue) => issue.code)).toEqual(['sum_mismatch']);
  });
});

describe('output formats', () => {
  it('text: a summary line per file, its issues (cell, severity, code, message), then totals', async () => {
    const run = await runInProcess(['check', file('mismatch.xlsx')]);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(`${file('mismatch.xlsx')}: 1 张表，1 个错误，2 个警告`);
    expect(lines[1]).toBe(`  [${department.sheetName}] 部门整体支出绩效目标申报表（2022 年度）`);
    expect(lines.some((line) => new RegExp(`^ {4}${department.sheetName}![A-Z]+\\d+\\S*  错误  sum_mismatch  .+`).test(line))).toBe(true);
    expect(lines.some((line) => line.startsWith(`    ${department.sheetName}!B11  警告  markup_in_text  `))).toBe(true);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('共 1 个文件: 1 个错误，2 个警告');
  });

  it('JSON: files → forms → issues with code, severity, cells and message', async () => {
    const run = await runInProcess(['check', file('sample.xlsx'), '--format', 'json']);
    const report = parseJson(run.stdout);
    expect(Object.keys(report)).toEqual(['files', 'summary']);
    expect(report.files).toHaveLength(1);
    expect(report.files[0].forms.map((form) => ({ sheet: form.sheet, template: form.template, layout: form.layout, year: form.year }))).toEqual([
      { sheet: department.sheetName, template: 'department', layout: 'department', year: 2022 },
      { sheet: project.sheetName, template: 'project', layout: 'project', year: 2022 },
    ]);
    for (const issue of report.files[0].forms[0].issues) expect(Object.keys(issue)).toEqual(['code', 'severity', 'cells', 'message']);
    expect(report.summary).toMatchObject({ files: 1, errors: 0, warnings: 2, unreadable: 0, exitCode: 0 });
  });

  it('CSV: UTF-8 with a byte order mark, one row per issue and one per unreadable file', async () => {
    const run = await runInProcess(['check', file('mismatch.xlsx'), file('bad/old.xls'), '--format', 'csv']);
    expect(run.stdout.startsWith('\uFEFFfile,sheet,template,year,severity,code,cells,message\r\n') || run.stdout.startsWith('\uFEFF文件,')).toBe(true);
    const rows = run.stdout.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(rows[0]).toBe('文件,工作表,模板,年度,级别,代码,单元格,说明,版式');
    expect(rows).toHaveLength(1 + 3 + 1);
    expect(rows[1]).toMatch(new RegExp(`^${file('mismatch.xlsx')},${department.sheetName},department,2022,error,sum_mismatch,`));
    expect(rows[1]).toMatch(/,department$/);
    expect(rows[4]).toBe(`${file('bad/old.xls')},,,,error,xls_file,,这是 .xls 文件，请另存为 .xlsx 后再检查,`);
  });

  it('--lang en-US: messages and words in English', async () => {
    const run = await runInProcess(['check', file('mismatch.xlsx'), file('bad/old.xls'), '--lang', 'en-US']);
    expect(run.stdout).toContain('1 form(s), 1 error(s), 2 warning(s)');
    expect(run.stdout).toContain('This is an .xls file: save it as .xlsx, then check it again');
    expect(run.stdout).toMatch(/ {2}error {2}sum_mismatch {2}.*does not equal/);
    expect(run.stdout).not.toMatch(/个错误/);
  });
});

describe('the progress line', () => {
  async function runBatch(stderrIsTty: boolean): Promise<string> {
    const folder = file(`progress-${stderrIsTty}`);
    mkdirSync(folder);
    for (let i = 0; i < 20; i++) copyFileSync(file('sample.xlsx'), join(folder, `form-${String(i).padStart(2, '0')}.xlsx`));
    let stderr = '';
    await runCli(['check', folder], { stdout: () => undefined, stderr: (text) => (stderr += text), stderrIsTty, cores: 1 });
    return stderr;
  }

  it('shows on a terminal for a long batch', async () => {
    expect(await runBatch(true)).toContain('已检查 20/20');
  });

  it('stays off when stderr is not a terminal', async () => {
    expect(await runBatch(false)).toBe('');
  });
});

describe('a batch of 600 forms', () => {
  // 600 forms (about 6 MB) are enough for a second worker.
  it('checks them all on two processes, in input order, with the right codes', async () => {
    const batch = file('batch');
    mkdirSync(batch);
    for (let i = 0; i < 600; i++) {
      const name = `form-${String(i).padStart(3, '0')}.xlsx`;
      copyFileSync(i % 10 === 7 ? file('project-mismatch.xlsx') : file('project.xlsx'), join(batch, name));
    }
    const started = Date.now();
    const run = await runCliProcess(['check', batch, '--format', 'json', '--jobs', '2']);
    const seconds = (Date.now() - started) / 1000;
    expect(run.status).toBe(1);
    const report = parseJson(run.stdout);
    expect(report.files).toHaveLength(600);
    report.files.forEach((entry, i) => {
      expect(entry.file).toBe(join(batch, `form-${String(i).padStart(3, '0')}.xlsx`));
      const codes = entry.forms.flatMap((form) => form.issues.map((issue) => `${issue.severity}:${issue.code}`)).sort();
      const expected = i % 10 === 7 ? ['error:sum_mismatch'] : [];
      expect({ i, codes }).toEqual({ i, codes: expected });
    });
    expect(report.summary).toMatchObject({ files: 600, errors: 60, unreadable: 0, exitCode: 1 });
    process.stdout.write(`600 forms checked in ${seconds.toFixed(1)} s\n`);
  });
});

describe('--annotate', () => {
  it('writes a copy with the issue cells highlighted by severity and a 检查结果 sheet; the input is untouched', async () => {
    const before = sha256(file('mismatch.xlsx'));
    const out = file('annotated');
    const run = await runCliProcess(['check', file('mismatch.xlsx'), file('sample.xlsx'), '--annotate', out, '--format', 'json']);
    expect(run.status).toBe(1);
    expect(sha256(file('mismatch.xlsx'))).toBe(before);
    const report = parseJson(run.stdout);
    expect(report.summary.annotated.map((entry) => entry.copy)).toEqual([join(out, 'mismatch.xlsx'), join(out, 'sample.xlsx')]);

    const copy = await loadWorkbook(readFileSync(join(out, 'mismatch.xlsx')));
    const sheet = copy.getWorksheet(department.sheetName)!;
    const owned = conditionalFormatsOf(sheet).filter((format) => format.rules.some((rule) => rule.type === 'expression' && String(rule.formulae?.[0]).includes('perf-target-forms:')));
    const highlighted = (severity: string): string[] =>
      owned.filter((format) => format.rules.some((rule) => rule.type === 'expression' && String(rule.formulae?.[0]) === `N("perf-target-forms:${severity}")=0`)).flatMap((format) => cellsOfRef(format.ref)).sort();
    const issues = report.files[0].forms[0].issues;
    // As in the add-in: a sum colours only its cell to change; its other cells are named in 检查结果.
    const coloured = (issue: (typeof issues)[number]): readonly string[] => (issue.code === 'sum_mismatch' ? issue.cells.slice(0, 1) : issue.cells);
    const errorCells = new Set(issues.filter((issue) => issue.severity === 'error').flatMap(coloured));
    const warningCells = new Set(issues.filter((issue) => issue.severity === 'warning').flatMap(coloured).filter((cell) => !errorCells.has(cell)));
    const sum = issues.find((issue) => issue.code === 'sum_mismatch');
    expect(sum?.cells.length).toBeGreaterThan(1);
    for (const other of sum?.cells.slice(1) ?? []) expect(highlighted('error')).not.toContain(other);
    expect(highlighted('error')).toEqual([...errorCells].sort());
    expect(highlighted('warning')).toEqual([...warningCells].sort());
    expect(owned).toHaveLength(2);
    const errorFormat = owned.find((format) => String(format.rules[0].type === 'expression' && format.rules[0].formulae?.[0]).includes(':error'))!;
    expect(errorFormat.rules[0].style?.fill).toMatchObject({ bgColor: { argb: 'FFFFC7CE' } });
    expect(errorFormat.rules[0].style?.font?.color).toEqual({ argb: 'FF9C0006' });

    // The file and its totals, a blank line, the heading, then every issue with its whole cell list.
    const results = copy.getWorksheet('检查结果')!;
    expect(results.rowCount).toBe(4 + issues.length);
    expect(results.getCell('A1').value).toBe('文件：mismatch.xlsx');
    expect(String(results.getCell('A2').value)).toMatch(/^1 张表，\d+ 个错误，\d+ 个警告$/);
    expect(results.getCell('B5').formula).toMatch(new RegExp(`^HYPERLINK\\("#'${department.sheetName}'!${issues[0].cells[0]}","${issues[0].cells.join(', ')}"\\)`));
    expect(results.getCell('D5').value).toBe(issues[0].code);
    expect(results.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '4:4' });
  });

  it('refuses to write the copy over its input', async () => {
    const before = sha256(file('mismatch.xlsx'));
    const run = await runCliProcess(['check', file('mismatch.xlsx'), '--annotate', dir.path]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('拒绝覆盖输入文件');
    expect(sha256(file('mismatch.xlsx'))).toBe(before);
  });
});

describe('usage', () => {
  it.each([
    [['--help'], '用法'],
    [['--help', '--lang', 'en-US'], 'Usage'],
  ])('%j prints the help', async (args, word) => {
    const run = await runInProcess(args);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(word);
    expect(run.stdout).toContain('perf-target-forms check');
  });

  it.each([
    [['check', '--bogus', 'x.xlsx'], '未知选项 --bogus'],
    [['check', 'x.xlsx', '--format', 'xml'], '--format'],
    [['check', 'x.xlsx', '--jobs', '0'], '--jobs'],
    [['check', 'x.xlsx', '--timeout', '0'], '--timeout'],
    [['check', 'x.xlsx', '--timeout', '1.5'], '--timeout'],
    [['check', 'x.xlsx', '--max-memory', '64'], '--max-memory'],
    [['template', 'project', '--timeout', '5', '-o', 'x.xlsx'], '--timeout'],
    [['template', 'school', '-o', 'x.xlsx'], 'template'],
    [['template', 'project'], '-o'],
    [['frobnicate'], 'frobnicate'],
    [[], 'template'],
    [['check', '--bogus', '--lang', 'en-US'], 'Unknown option --bogus'],
  ])('%j is a one-line usage error with exit code 2', async (args, text) => {
    const run = await runInProcess(args);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(text);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('a usage error from the real process: one line, exit code 2, no stack trace', async () => {
    const run = await runCliProcess(['check', '--bogus', 'x.xlsx']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('perf-target-forms: 未知选项 --bogus（perf-target-forms --help 查看用法）\n');
  });

  it('template writes the form to the file given', async () => {
    const run = await runCliProcess(['template', 'project', '--year', '2024', '-o', file('project-2024.xlsx')]);
    expect(run.status).toBe(0);
    expect(existsSync(file('project-2024.xlsx'))).toBe(true);
    const workbook = await loadWorkbook(readFileSync(file('project-2024.xlsx')));
    expect(String(workbook.worksheets[0].getCell('A2').value)).toContain('2024');
  });
});
