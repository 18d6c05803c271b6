/**
 * A reviewer's batch of files from outside, tried as an attacker would (docs/security.md): the
 * real command line, run as a child process on hostile files. Each point holds whatever the
 * reader does: a bomb the reader refuses and a bomb that kills a worker both cost that file
 * only, and the isolation itself is tried with the documented test seam
 * (`PERF_TARGET_FORMS_TEST_FAULT`), which makes a worker crash, hang, exhaust its heap or its
 * memory, or throw outside any promise, on a named file. Time and peak memory are measured by
 * `npm run bench`, not here; the runs use `--max-memory 256` to stay small on a shared machine.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildLayoutPlan } from '../../src/core/layout/build-layout-plan';
import type { JsonReport } from '../../src/cli/output/report-format';
import { workbookToBuffer } from '../../src/cli/xlsx/save-workbook';
import { workbookWithPlans } from '../cli/helpers/fill-forms';
import { ensureCliBundle, runCliProcess, tempDir, type CliProcessOptions, type CliRun } from '../cli/helpers/workbooks';
import { sheetBomb, themeBomb, withPart } from '../../bench/hostile-files';

// Whole command-line runs, each starting worker processes, some waiting for a 1 s time limit.
jest.setTimeout(120_000);

const department = buildLayoutPlan('department', { year: 2022, withSample: true });
const LIMITS = ['--max-memory', '256'];
const SEAM = 'PERF_TARGET_FORMS_TEST_FAULT';

let dir: ReturnType<typeof tempDir>;
const path = (...names: string[]): string => join(dir.path, ...names);
let sample: Buffer;
let mismatch: Buffer;

function check(args: readonly string[], options: CliProcessOptions = {}): Promise<CliRun> {
  return runCliProcess(['check', ...LIMITS, ...args], options);
}

function json(run: CliRun): JsonReport {
  return JSON.parse(run.stdout) as JsonReport;
}

/** Each file's error code (the reason it was not checked), or 'checked'. */
function outcomes(report: JsonReport): Record<string, string> {
  const codes = new Map(report.summary.problems.map((problem) => [problem.file, problem.code]));
  return Object.fromEntries(report.files.map((file) => [file.file.slice(dir.path.length + 1), codes.get(file.file) ?? 'checked']));
}

function folderOf(name: string, files: Readonly<Record<string, Buffer>>): string {
  const folder = path(name);
  mkdirSync(folder, { recursive: true });
  for (const [file, bytes] of Object.entries(files)) writeFileSync(join(folder, file), bytes);
  return folder;
}

beforeAll(async () => {
  ensureCliBundle();
  dir = tempDir('hostile');
  sample = await workbookToBuffer(workbookWithPlans([department]));
  const wrong = workbookWithPlans([department]);
  const basic = department.cells.find((cell) => cell.field === 'basicExpenditure')!;
  wrong.getWorksheet(department.sheetName)!.getCell(basic.row + 1, basic.col + 1).value = 141.7;
  mismatch = await workbookToBuffer(wrong);
});
afterAll(() => dir.remove());

describe('one file cannot end, hang or empty a batch', () => {
  it('300 good forms and a sheet part inflating to 3 GiB: all 301 reported, the bomb with its reason, exit 2', async () => {
    const files: Record<string, Buffer> = {};
    for (let i = 0; i < 300; i++) files[`form-${String(i).padStart(3, '0')}.xlsx`] = sample;
    files['form-150-bomb.xlsx'] = withPart(sample, sheetBomb(3));
    const folder = folderOf('batch', files);
    const run = await check([folder, '--format', 'json']);
    expect(run.status).toBe(2);
    const report = json(run);
    expect(report.files).toHaveLength(301);
    const codes = Object.entries(outcomes(report));
    expect(codes.filter(([, code]) => code === 'checked').map(([file]) => file)).toEqual(Object.keys(files).filter((file) => !file.includes('bomb')).map((file) => `batch/${file}`));
    const [bomb] = report.files.filter((file) => file.file.includes('bomb'));
    expect(bomb.error).toMatch(/\S/);
    expect(bomb.error).not.toContain('\n');
  });

  it('a bomb given alone is checked in a worker as well: the run reports it and ends', async () => {
    writeFileSync(path('alone-bomb.xlsx'), withPart(sample, sheetBomb(3)));
    const run = await check([path('alone-bomb.xlsx')]);
    expect(run.status).toBe(2);
    expect(run.stdout.split('\n')[0]).toMatch(/^.*alone-bomb\.xlsx: \S/);
    expect(run.stdout).toContain('共 1 个文件');
  });

  it.each([
    ['zh-CN', 'text'],
    ['en-US', 'json'],
  ])('a worker that crashes, hangs, runs out of heap or memory, or throws outside a promise costs that file only (%s, %s)', async (lang, format) => {
    const names = ['a-good', 'b-crash', 'c-good', 'd-hang', 'e-heap', 'f-buffers', 'g-throw', 'h-mismatch'];
    const folder = folderOf(`faults-${lang}`, Object.fromEntries(names.map((name) => [`${name}.xlsx`, name.includes('mismatch') ? mismatch : sample])));
    const env = { [SEAM]: 'crash:b-crash,hang:d-hang,heap:e-heap,buffers:f-buffers,throw:g-throw' };
    const run = await check([folder, '--timeout', '5', '--lang', lang, '--format', format], { env });
    // A form with errors is in the batch, but files could not be checked: 2, never 1.
    expect(run.status).toBe(2);
    if (format === 'json') {
      expect(Object.values(outcomes(json(run)))).toEqual(['checked', 'worker_crashed', 'checked', 'timed_out', 'out_of_memory', 'out_of_memory', 'check_failed', 'checked']);
      expect(json(run).summary).toMatchObject({ files: 8, errors: 1, unreadable: 5, exitCode: 2 });
      return;
    }
    const lines = run.stdout.split('\n').filter((line) => line.startsWith(folder));
    expect(lines.map((line) => line.slice(folder.length + 1))).toEqual([
      'a-good.xlsx: 1 张表，0 个错误，2 个警告',
      'b-crash.xlsx: 检查进程意外退出，已跳过该文件: exit code 3',
      'c-good.xlsx: 1 张表，0 个错误，2 个警告',
      'd-hang.xlsx: 超时：检查该文件超过时间上限，已跳过（5 秒）',
      'e-heap.xlsx: 内存超限：检查该文件所需内存超过上限，已跳过（256 MiB）',
      'f-buffers.xlsx: 内存超限：检查该文件所需内存超过上限，已跳过（256 MiB）',
      'g-throw.xlsx: 检查该文件时出错: test fault: thrown outside any promise',
      'h-mismatch.xlsx: 1 张表，1 个错误，2 个警告',
    ]);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('共 8 个文件: 1 个错误，6 个警告，5 个文件无法检查');
    expect(run.stderr).toBe('');
  });

  it('--annotate: a theme part inflating to 1 GiB (read by ExcelJS only) costs that file; the other copies are written', async () => {
    const folder = folderOf('theme', { 'a-mismatch.xlsx': mismatch, 'b-theme-bomb.xlsx': withPart(mismatch, themeBomb(1)), 'c-mismatch.xlsx': mismatch });
    const out = path('theme-out');
    const run = await check([folder, '--annotate', out, '--format', 'json']);
    expect(run.status).toBe(2);
    const report = json(run);
    expect(Object.values(outcomes(report))).toEqual(['checked', expect.not.stringMatching(/^checked$/), 'checked']);
    expect(readdirSync(out).sort()).toEqual(['a-mismatch.xlsx', 'c-mismatch.xlsx']);
  });
});

describe('annotated copies stay inside the folder and follow no link', () => {
  it('a link planted at the target is replaced by the copy; the file it pointed to is untouched', async () => {
    const elsewhere = folderOf('elsewhere', { 'victim.xlsx': Buffer.from('not to be touched') });
    const out = path('planted');
    mkdirSync(out);
    symlinkSync(join(elsewhere, 'victim.xlsx'), join(out, '申报表.xlsx'));
    writeFileSync(path('申报表.xlsx'), mismatch);
    const run = await check([path('申报表.xlsx'), '--annotate', out, '--format', 'json']);
    expect(run.status).toBe(1);
    expect(readFileSync(join(elsewhere, 'victim.xlsx'), 'utf8')).toBe('not to be touched');
    expect(lstatSync(join(out, '申报表.xlsx')).isFile()).toBe(true);
    expect(readFileSync(join(out, '申报表.xlsx')).subarray(0, 2).toString()).toBe('PK');
    expect(readdirSync(out)).toEqual(['申报表.xlsx']);
  });

  it('a link planted as a folder inside the target folder is refused with a reason', async () => {
    const elsewhere = folderOf('elsewhere-folder', {});
    const inbox = folderOf('inbox', { 'top.xlsx': mismatch });
    mkdirSync(join(inbox, 'sub'));
    writeFileSync(join(inbox, 'sub', '表.xlsx'), mismatch);
    const out = path('planted-folder');
    mkdirSync(out);
    symlinkSync(elsewhere, join(out, 'sub'));
    const run = await check([inbox, '--annotate', out, '--lang', 'en-US']);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('The annotated copy could not be written: the target path holds a symbolic link; not written');
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(readdirSync(out).sort()).toEqual(['sub', 'top.xlsx']);
  });
});

describe('inputs are regular files of a bounded size', () => {
  it('a FIFO and /dev/zero given directly, a FIFO in a folder and a file above the size cap each get a reason', async () => {
    const folder = folderOf('special', { 'good.xlsx': sample });
    execFileSync('mkfifo', [join(folder, 'pipe.xlsx')]);
    execFileSync('mkfifo', [path('given-pipe.xlsx')]);
    writeFileSync(path('huge.xlsx'), '');
    truncateSync(path('huge.xlsx'), 101 * 1024 * 1024);
    const run = await check([path('given-pipe.xlsx'), '/dev/zero', folder, path('huge.xlsx'), '--format', 'json']);
    expect(run.status).toBe(2);
    const report = json(run);
    expect(report.files.map((file) => [file.file.replace(`${dir.path}/`, ''), file.error ?? 'checked'])).toEqual([
      ['given-pipe.xlsx', '不是普通文件（设备、管道或套接字），未读取'],
      ['/dev/zero', '不是普通文件（设备、管道或套接字），未读取'],
      ['special/good.xlsx', 'checked'],
      ['special/pipe.xlsx', '不是普通文件（设备、管道或套接字），未读取'],
      ['huge.xlsx', '文件超过 100 MiB，未读取'],
    ]);
  });

  it('a linked workbook and an unreadable subfolder inside a folder are reported, a line each, and the rest is checked', async () => {
    const folder = folderOf('walk', { 'a.xlsx': sample });
    symlinkSync(join(folder, 'a.xlsx'), join(folder, 'b-link.xlsx'));
    mkdirSync(join(folder, 'c-locked'));
    writeFileSync(join(folder, 'c-locked', 'hidden.xlsx'), sample);
    mkdirSync(join(folder, 'd'));
    writeFileSync(join(folder, 'd', 'e.xlsx'), sample);
    chmodSync(join(folder, 'c-locked'), 0o000);
    // Root reads any folder: run as nobody then, with the files readable by all.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) for (const entry of [dir.path, folder, join(folder, 'd')]) chmodSync(entry, 0o755);
    if (asRoot) for (const file of [join(folder, 'a.xlsx'), join(folder, 'd', 'e.xlsx')]) chmodSync(file, 0o644);
    const run = await check([folder], asRoot ? { uid: 65534, gid: 65534, cwd: '/' } : {});
    chmodSync(join(folder, 'c-locked'), 0o755);
    expect(run.status).toBe(2);
    const lines = run.stdout.split('\n').filter((line) => line.startsWith(folder));
    expect(lines.map((line) => line.slice(folder.length + 1))).toEqual([
      'a.xlsx: 1 张表，0 个错误，2 个警告',
      'b-link.xlsx: 这是符号链接，未跟随（请直接给出它指向的文件）',
      'c-locked: 无法读取该文件夹（没有权限）',
      'd/e.xlsx: 1 张表，0 个错误，2 个警告',
    ]);
  });
});

describe('-- ends the options', () => {
  it('a file named --annotate=x.xlsx is a file after -- or as ./--annotate=x.xlsx, and --lang=en-US after -- is a file name', async () => {
    const cwd = folderOf('dashes', { '--annotate=x.xlsx': sample });
    for (const args of [['--', '--annotate=x.xlsx'], ['./--annotate=x.xlsx']]) {
      const run = await check(args, { cwd });
      expect({ args, status: run.status, first: run.stdout.split('\n')[0] }).toEqual({ args, status: 0, first: `${args.at(-1)}: 1 张表，0 个错误，2 个警告` });
      expect(readdirSync(cwd)).toEqual(['--annotate=x.xlsx']);
    }
    const run = await check(['--', '--lang=en-US'], { cwd });
    expect(run.status).toBe(2);
    expect(run.stdout.split('\n')[0]).toBe('--lang=en-US: 找不到该文件');
  });
});

describe('names and text from the files reach the output harmless', () => {
  it('text shows escape sequences from cell text and newlines in file names as visible escapes; CSV neutralises formulas', async () => {
    const escaped = workbookWithPlans([department]);
    // 略有节余 is the value of an unquantified indicator: its message quotes it (cursor up, erase line; no digit).
    escaped.getWorksheet(department.sheetName)!.getCell('E30').value = '略有节余_x001B_[A_x001B_[K';
    const folder = folderOf('names', { 'a\n伪造: 0 个错误.xlsx': await workbookToBuffer(escaped), '=HYPERLINK("http:x","y").xlsx': sample });
    const text = await check([folder]);
    expect(text.stdout).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f]/);
    const lines = text.stdout.split('\n');
    expect(lines.filter((line) => line.startsWith(folder))).toHaveLength(2);
    expect(lines.some((line) => line.includes('a\\n伪造: 0 个错误.xlsx: 1 张表'))).toBe(true);
    expect(lines.some((line) => line.includes('略有节余\\x1b[A\\x1b[K'))).toBe(true);

    const csv = await check([folder, '--format', 'csv'], { cwd: folder });
    const rows = csv.stdout.replace(/^\uFEFF/, '').split('\r\n');
    expect(rows.filter((row) => /^"?[=+\-@]/.test(row))).toEqual([]);
    expect(rows.filter((row) => row.includes('HYPERLINK')).every((row) => row.startsWith(`"${folder}/=HYPERLINK`))).toBe(true);
    copyFileSync(join(folder, '=HYPERLINK("http:x","y").xlsx'), path('=cmd.xlsx'));
    const formulaFirst = await check(['=cmd.xlsx', '--format', 'csv'], { cwd: dir.path });
    expect(formulaFirst.stdout.replace(/^\uFEFF/, '').split('\r\n')[1]).toMatch(/^'=cmd\.xlsx,/);
  });
});
