/**
 * The exported files as LibreOffice sees them: printed one A4 page wide with the Chinese text,
 * the native check painting a wrong sum red, and a form that LibreOffice itself edited
 * (rows inserted in both tables) and saved as .xlsx read by `check` as the original, and
 * read the same by both of the command line's readers.
 * PDFs and PNGs are kept under test-output/files/ for people to look at.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildLayoutPlan } from '../../src/core/layout/build-layout-plan';
import { getSample } from '../../src/core/sample';
import { columnIndex, parseA1, toA1 } from '../../src/core/grid/address';
import type { JsonReport } from '../../src/cli/output/report-format';
import { extractForms } from '../../src/core/extract';
import { readWorkbookBytes } from '../../src/cli/xlsx/read-workbook';
import { workbookToBuffer } from '../../src/cli/xlsx/save-workbook';
import { readSnapshotBytes } from '../../src/cli/xlsx/snapshot-reader/read-snapshot';
import { templateWorkbook } from '../../src/cli/xlsx/write-plan';
import { ensureCliBundle, loadWorkbook, ROOT, runCliProcess } from '../cli/helpers/workbooks';
import { countColour, LibreOffice, pdfInfo, pdfText, pdfWords, readPpm, renderPages, toolsMissing } from './helpers/libreoffice';

const OUT = join(ROOT, 'test-output/files');
const ERROR_FILL: [number, number, number] = [0xff, 0xc7, 0xce];

const department = buildLayoutPlan('department', { year: 2022, withSample: true });
const cellOf = (predicate: (cell: (typeof department.cells)[number]) => boolean) => {
  const cell = department.cells.find(predicate);
  if (!cell) throw new Error('no such plan cell');
  return cell;
};

let office: LibreOffice;

beforeAll(() => {
  const missing = toolsMissing();
  if (missing.length > 0) throw new Error(`missing tools: ${missing.join(', ')} (apt: libreoffice-calc fonts-noto-cjk poppler-utils)`);
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  office = new LibreOffice();
  ensureCliBundle();
});
afterAll(() => office.dispose());

async function writeTemplate(name: string, template: 'department' | 'project'): Promise<string> {
  const path = join(OUT, name);
  writeFileSync(path, await workbookToBuffer(templateWorkbook(template, { year: 2022, withSample: true })));
  return path;
}

describe.each(['department', 'project'] as const)('the exported %s form printed by LibreOffice', (template) => {
  let pdf: string;

  beforeAll(async () => {
    pdf = office.convert(await writeTemplate(`${template}.xlsx`, template), 'pdf', OUT);
    renderPages(pdf, join(OUT, template));
  });

  it('is on A4 portrait pages', () => {
    const info = pdfInfo(pdf);
    expect(Math.round(info.width)).toBe(595);
    expect(Math.round(info.height)).toBe(842);
  });

  it('is one page wide: every word lies within the page, the label and value columns on the same page', () => {
    const words = pdfWords(pdf);
    expect(words.length).toBeGreaterThan(50);
    for (const word of words) expect({ word: word.text, inside: word.xMax <= word.pageWidth && word.xMin >= 0 }).toEqual({ word: word.text, inside: true });
    const firstPage = pdfText(pdf, 1);
    expect(firstPage).toMatch(template === 'department' ? /部门名称/ : /项目名称/);
    expect(firstPage).toMatch(/资金总额/);
    // The last column (指标值 / 财政拨款) prints on a page with the first (the labels).
    const indicatorPage = words.find((word) => word.text.startsWith('指标值'))!.page;
    expect(pdfText(pdf, indicatorPage)).toMatch(/一级指标/);
  });

  it('repeats the indicator table heading at the top of every page from its own on', () => {
    const words = pdfWords(pdf);
    const lastPage = Math.max(...words.map((word) => word.page));
    const headingPage = words.find((word) => word.text.startsWith('一级指标'))!.page;
    if (template === 'department') expect(lastPage).toBeGreaterThan(headingPage);
    for (let page = headingPage + 1; page <= lastPage; page++) {
      const onPage = words.filter((word) => word.page === page);
      const top = Math.min(...onPage.map((word) => word.yMin));
      const heading = onPage.find((word) => word.text.startsWith('一级指标'));
      // The heading is the first line of the page.
      expect({ page, heading: heading !== undefined && heading.yMin - top < 30 }).toEqual({ page, heading: true });
    }
  });

  it('shows the Chinese text', () => {
    const text = pdfText(pdf);
    expect(text).toContain(template === 'department' ? '部门整体支出绩效目标申报表' : '项目绩效目标申报表');
    expect(text).toContain('资金总额');
    expect(text).toContain('(2022 年度)');
  });
});

describe('a wrong sum printed by LibreOffice', () => {
  it('paints the 资金总额 cell red, and only when the sum is wrong', async () => {
    const good = await writeTemplate('sum-right.xlsx', 'department');
    const wrongPath = join(OUT, 'sum-wrong.xlsx');
    const workbook = templateWorkbook('department', { year: 2022, withSample: true });
    const basic = cellOf((cell) => cell.field === 'basicExpenditure');
    workbook.worksheets[0].getCell(basic.row + 1, basic.col + 1).value = 141.7;
    writeFileSync(wrongPath, await workbookToBuffer(workbook));

    const redPixels = (path: string, prefix: string): number[] => {
      const pages = renderPages(office.convert(path, 'pdf', OUT), join(OUT, prefix));
      return pages.ppm.map((page) => countColour(readPpm(page), ERROR_FILL));
    };
    const right = redPixels(good, 'sum-right');
    const wrong = redPixels(wrongPath, 'sum-wrong');
    expect(right.every((count) => count === 0)).toBe(true);
    // At 50 dpi a filled cell is some hundreds of pixels; the 资金总额 row is on page 1.
    expect(wrong[0]).toBeGreaterThan(200);
  });
});

describe('a form edited and saved by LibreOffice', () => {
  const TASKS = 3;
  const INDICATORS = 10;

  it('reads as the original: rows inserted in both tables, the same issues at the moved cells', async () => {
    const original = await writeTemplate('original.xlsx', 'department');
    const edited = join(OUT, 'edited-by-libreoffice.xlsx');
    const totalRow = cellOf((cell) => cell.formula?.startsWith('=SUM(E') === true).row;
    const lastTaskRow = totalRow - 1;
    const quantityRows = department.cells.filter((cell) => cell.col === columnIndex('E') && typeof cell.value === 'string' && /^\d+[次个]$/.test(cell.value));
    const lastQuantityRow = Math.max(...quantityRows.map((cell) => cell.row));
    const projectExpenditure = cellOf((cell) => cell.field === 'projectExpenditure');
    const basicExpenditure = cellOf((cell) => cell.field === 'basicExpenditure');

    // Lower rows first, so that the upper row numbers still hold.
    office.edit([
      ['open', original],
      ['insert', lastQuantityRow, INDICATORS],
      ...Array.from({ length: INDICATORS }, (_, i) => [
        ['text', lastQuantityRow + i, columnIndex('D'), `新增数量指标${i + 1}`],
        ['text', lastQuantityRow + i, columnIndex('E'), `${i + 1}次`],
      ]).flat(),
      ['insert', lastTaskRow, TASKS],
      ...Array.from({ length: TASKS }, (_, i) => [
        ['text', lastTaskRow + i, columnIndex('B'), `新增任务${i + 1}`],
        ['text', lastTaskRow + i, columnIndex('C'), `新增任务${i + 1}的主要内容`],
        ['number', lastTaskRow + i, columnIndex('E'), 10],
        ['number', lastTaskRow + i, columnIndex('F'), 10],
      ]).flat(),
      // The money follows the tasks: 项目支出 = 金额合计 (38.87 + 30), 基本支出 makes up 资金总额.
      ['number', projectExpenditure.row, projectExpenditure.col, 68.87],
      ['number', basicExpenditure.row, basicExpenditure.col, 111.74],
      ['save', edited],
      ['close'],
    ]);

    // LibreOffice moved the 金额合计 row and widened its sums itself.
    const saved = (await loadWorkbook(readFileSync(edited))).worksheets[0];
    const movedTotal = saved.getCell(totalRow + TASKS + 1, columnIndex('E') + 1);
    expect(movedTotal.formula).toBe(`SUM(E${totalRow - 3}:E${totalRow + TASKS})`);
    expect(movedTotal.result).toBeCloseTo(68.87, 6);

    const [before, after] = await Promise.all([runCliProcess(['check', original, '--format', 'json']), runCliProcess(['check', edited, '--format', 'json'])]);
    expect(after.status).toBe(0);
    const issues = (run: typeof before) => (JSON.parse(run.stdout) as JsonReport).files[0].forms[0].issues;
    const shift = (cell: string): string => {
      const position = parseA1(cell)!;
      const moved = position.row >= lastQuantityRow ? TASKS + INDICATORS : position.row >= lastTaskRow ? TASKS : 0;
      return toA1(position.row + moved, position.col);
    };
    expect(issues(after).map((issue) => ({ code: issue.code, severity: issue.severity, cells: issue.cells }))).toEqual(
      issues(before).map((issue) => ({ code: issue.code, severity: issue.severity, cells: issue.cells.map(shift) })),
    );
  });
});

describe('forms saved by LibreOffice', () => {
  it.each(['department', 'project'] as const)('read the same with the snapshot reader as with ExcelJS (%s)', async (template) => {
    const original = await writeTemplate(`resaved-${template}-original.xlsx`, template);
    const resaved = join(OUT, `resaved-${template}.xlsx`);
    office.edit([['open', original], ['save', resaved], ['close']]);
    const bytes = readFileSync(resaved);
    const fast = readSnapshotBytes(bytes);
    const full = await readWorkbookBytes(bytes);
    if (!fast.ok || !full.ok) throw new Error('LibreOffice wrote a file that cannot be read');
    expect(fast.snapshot).toEqual(full.snapshot);
    expect(fast.snapshot.sheets[0].rows.length).toBeGreaterThan(10);
  });
});

describe('an .xls saved by LibreOffice', () => {
  it('is reported as needing conversion to .xlsx, with exit code 2', async () => {
    const xls = office.convert(await writeTemplate('legacy.xlsx', 'project'), 'xls', OUT);
    const run = await runCliProcess(['check', xls]);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('这是 .xls 文件，请另存为 .xlsx 后再检查');
  });
});

describe.each([
  ['national-project', '项目支出绩效目标申报表', 'portrait'],
  ['hunan-department', '整体绩效目标表', 'landscape'],
  ['hunan-project', '项目支出绩效目标表', 'landscape'],
] as const)('the %s layout through LibreOffice', (template, title, orientation) => {
  const year = getSample(template).year;
  let exported: string;
  let pdf: string;

  beforeAll(async () => {
    exported = join(OUT, `${template}.xlsx`);
    writeFileSync(exported, await workbookToBuffer(templateWorkbook(template, { year, withSample: true })));
    pdf = office.convert(exported, 'pdf', OUT);
    renderPages(pdf, join(OUT, template));
  });

  it(`prints on A4 ${orientation} pages, one page wide, with its Chinese title`, () => {
    const info = pdfInfo(pdf);
    const [width, height] = orientation === 'portrait' ? [595, 842] : [842, 595];
    expect([Math.round(info.width), Math.round(info.height)]).toEqual([width, height]);
    for (const word of pdfWords(pdf)) expect({ word: word.text, inside: word.xMax <= word.pageWidth && word.xMin >= 0 }).toEqual({ word: word.text, inside: true });
    expect(pdfText(pdf)).toContain(title);
    expect(pdfText(pdf)).toContain('一级指标');
  });

  it('is read by check, once saved again by LibreOffice, as the same layout with no issues', async () => {
    const resaved = join(OUT, `resaved-${template}.xlsx`);
    office.edit([['open', exported], ['save', resaved], ['close']]);
    const run = await runCliProcess(['check', resaved, '--format', 'json']);
    const [form] = (JSON.parse(run.stdout) as JsonReport).files[0].forms;
    expect({ layout: form.layout, year: form.year, issues: form.issues.map((issue) => issue.code) }).toEqual({ layout: template, year, issues: [] });
  });
});

describe('the national project form’s 中期 and 年度 sets, side by side, through LibreOffice', () => {
  const year = getSample('national-project').year;
  let exported: string;
  let pdf: string;

  beforeAll(async () => {
    exported = join(OUT, 'national-side-by-side.xlsx');
    writeFileSync(exported, await workbookToBuffer(templateWorkbook('national-project', { year, withSample: true })));
    pdf = office.convert(exported, 'pdf', OUT);
  });

  it('prints the two sets on the same lines: 中期 on the left half, 年度 on the right', () => {
    const words = pdfWords(pdf);
    const [midTerm, annual] = ['中期绩效指标', '年度绩效指标'].map((text) => words.find((word) => word.text === text));
    expect(midTerm && annual && Math.abs(midTerm.yMin - annual.yMin) < 1 && midTerm.xMax < annual.xMin && annual.xMin > midTerm.pageWidth / 2 - 40).toBe(true);
    // Both halves' first rows stand on one line: ≥260公里 (中期) beside ≥86公里 (年度).
    const [left, right] = ['≥260公里', '≥86公里'].map((text) => words.find((word) => word.text === text));
    expect(left && right && Math.abs(left.yMin - right.yMin) < 1 && left.xMax < right.xMin).toBe(true);
  });

  it('reads both sets, once saved again by LibreOffice, row for row as the exported file', async () => {
    const resaved = join(OUT, 'resaved-national-side-by-side.xlsx');
    office.edit([['open', exported], ['save', resaved], ['close']]);
    const read = (bytes: Buffer) => {
      const result = readSnapshotBytes(bytes);
      if (!result.ok) throw new Error('unreadable');
      return extractForms(result.snapshot).forms[0].indicators.map((row) => [row.period ?? 'annual', row.level1.cell, row.level1.value, row.level2.value, row.level3.cell, row.value.value]);
    };
    expect(read(readFileSync(resaved))).toEqual(read(readFileSync(exported)));
  });
});
