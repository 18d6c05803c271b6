/**
 * The README's command-line examples, run as written: each line of the code block under "The
 * command line", unchanged, by `sh`, in a folder laid out as the project folder is (its
 * package.json with the project's own `cli` script, and bin/), holding real forms. The files they
 * write must be clean: CSV from its byte order mark, JSON that parses, workbooks that open — no
 * line of npm's in them.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { buildLayoutPlan } from '../../src/core/layout/build-layout-plan';
import type { JsonReport } from '../../src/cli/output/report-format';
import { workbookToBuffer } from '../../src/cli/xlsx/save-workbook';
import { workbookWithPlans } from './helpers/fill-forms';
import { ensureCliBundle, loadWorkbook, ROOT, tempDir } from './helpers/workbooks';

// Each example starts npm and the command line; on a busy machine a run takes seconds.
jest.setTimeout(180_000);

function readmeExamples(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('## The command line');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  const block = /```sh\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error('no sh code block under "The command line" in README.md');
  return block[1].split('\n').filter((line) => line.trim() !== '');
}

interface Example {
  readonly command: string;
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

let project: ReturnType<typeof tempDir>;
let examples: Example[];
let before: Set<string>;

function filesUnder(folder: string, prefix = ''): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const name = join(prefix, entry.name);
    if (entry.name === 'node_modules' || entry.name === 'bin') return [];
    return entry.isDirectory() ? filesUnder(join(folder, entry.name), name) : [name];
  });
}

beforeAll(async () => {
  ensureCliBundle();
  project = tempDir('readme');
  const ownPackage = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  writeFileSync(join(project.path, 'package.json'), JSON.stringify({ name: 'readme-examples', private: true, scripts: { cli: ownPackage.scripts.cli } }));
  symlinkSync(join(ROOT, 'bin'), join(project.path, 'bin'));
  const department = buildLayoutPlan('department', { year: 2022, withSample: true });
  const project2022 = buildLayoutPlan('project', { year: 2022, withSample: true });
  const good = await workbookToBuffer(workbookWithPlans([department, project2022]));
  const wrong = workbookWithPlans([department]);
  const basic = department.cells.find((cell) => cell.field === 'basicExpenditure')!;
  wrong.getWorksheet(department.sheetName)!.getCell(basic.row + 1, basic.col + 1).value = 141.7;
  const withError = await workbookToBuffer(wrong);
  mkdirSync(join(project.path, '收件'));
  writeFileSync(join(project.path, '收件', '甲单位.xlsx'), good);
  writeFileSync(join(project.path, '收件', '乙单位.xlsx'), withError);
  writeFileSync(join(project.path, 'a.xlsx'), good);
  writeFileSync(join(project.path, 'b.xlsx'), withError);
  before = new Set(filesUnder(project.path));
  examples = readmeExamples().map((command) => {
    const run = spawnSync('sh', ['-c', command], { cwd: project.path, encoding: 'utf8' });
    return { command, status: run.status, stdout: run.stdout, stderr: run.stderr };
  });
});
afterAll(() => project.remove());

describe('the README command-line examples, run as written', () => {
  it('are there, and each runs: exit 0, or 1 for forms with errors', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const example of examples) {
      expect({ command: example.command, status: example.status }).toEqual({ command: example.command, status: example.status === 1 ? 1 : 0 });
      // The command line's own notes (已写入 …) go to stderr; npm's would be errors.
      expect({ command: example.command, stderr: example.stderr }).not.toEqual({ command: example.command, stderr: expect.stringMatching(/^(npm |> )/m) });
    }
  });

  it('print nothing of npm: what they print is the command line output alone', () => {
    for (const example of examples.filter((candidate) => candidate.stdout !== '')) {
      expect({ command: example.command, firstLine: example.stdout.split('\n')[0] }).not.toEqual({ command: example.command, firstLine: expect.stringMatching(/^>|^npm /) });
      expect(example.stdout.split('\n')[0]).toMatch(/^收件\/|^\uFEFF|^\{/);
    }
  });

  it('write clean files: CSV from its byte order mark, JSON that parses, workbooks that open', async () => {
    const written = filesUnder(project.path).filter((file) => !before.has(file) && file !== 'package.json');
    expect(written.map(extname).sort()).toEqual(expect.arrayContaining(['.csv', '.json', '.xlsx']));
    for (const file of written) {
      const bytes = readFileSync(join(project.path, file));
      expect({ file, size: statSync(join(project.path, file)).size > 0 }).toEqual({ file, size: true });
      switch (extname(file)) {
        case '.csv':
          expect(bytes.toString('utf8')).toMatch(/^\uFEFF文件,工作表,模板,年度,级别,代码,单元格,说明,版式\r\n(.*\r\n)+$/);
          break;
        case '.json': {
          const report = JSON.parse(bytes.toString('utf8')) as JsonReport;
          expect(report.summary.files).toBeGreaterThan(0);
          break;
        }
        case '.xlsx':
          expect((await loadWorkbook(bytes)).worksheets.length).toBeGreaterThan(0);
          break;
        default:
          throw new Error(`an example wrote ${file}, which this test does not know how to judge`);
      }
    }
  });
});
