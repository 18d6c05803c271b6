/**
 * Checking written files in this thread: the reference sample gives no errors and exactly
 * the warnings the core predicts; inserted rows and a form at an offset read the same way.
 */
import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import { checkWorkbook } from '../../../src/core/check/check-workbook';
import { columnIndex, parseA1, toA1 } from '../../../src/core/grid/address';
import { buildLayoutPlan } from '../../../src/core/layout/build-layout-plan';
import { planToSnapshot } from '../../../src/core/layout/plan-to-snapshot';
import { extractForms } from '../../../src/core/extract';
import { checkFile } from '../../../src/cli/check/check-file';
import type { FileReport } from '../../../src/cli/check/file-report';
import { readWorkbookBytes } from '../../../src/cli/xlsx/read-workbook';
import { workbookToBuffer } from '../../../src/cli/xlsx/save-workbook';
import { insertRows, planAtOffset, workbookWithPlans } from '../helpers/fill-forms';
import { loadWorkbook, tempDir } from '../helpers/workbooks';
import { nationalDepartmentEdits } from '../../helpers/national-department';

const department = buildLayoutPlan('department', { year: 2022, withSample: true });
const project = buildLayoutPlan('project', { year: 2022, withSample: true });

let dir: ReturnType<typeof tempDir>;
beforeAll(() => {
  dir = tempDir('check-file');
});
afterAll(() => dir.remove());

async function checkWorkbookFile(workbook: ExcelJS.Workbook, name: string): Promise<FileReport> {
  const path = join(dir.path, name);
  await writeFile(path, await workbookToBuffer(workbook));
  return checkFile({ file: path, lang: 'zh-CN' });
}

/** `code@first-cell` per issue, the way a reviewer reads the list. */
function issuesOf(report: FileReport, sheet: string): string[] {
  const form = report.forms.find((candidate) => candidate.sheet === sheet);
  if (!form) throw new Error(`no form on ${sheet}`);
  return form.issues.map((issue) => `${issue.severity}:${issue.code}@${issue.cells.join(',')}`);
}

function shiftCell(cell: string, rows: number, cols = 0): string {
  const position = parseA1(cell);
  if (!position) throw new Error(cell);
  return toA1(position.row + rows, position.col + cols);
}

describe('the reference sample written to .xlsx', () => {
  let report: FileReport;

  beforeAll(async () => {
    report = await checkWorkbookFile(workbookWithPlans([department, project]), 'sample.xlsx');
  });

  it('finds both forms', () => {
    expect(report.problem).toBeUndefined();
    expect(report.forms.map((form) => [form.template, form.year])).toEqual([
      ['department', 2022],
      ['project', 2022],
    ]);
  });

  it('gives no errors', () => {
    expect(report.forms.flatMap((form) => form.issues).filter((issue) => issue.severity === 'error')).toEqual([]);
  });

  it('gives exactly the real findings: 成本指标 unquantified and the markup in 部门职能职责概述', () => {
    const department_ = issuesOf(report, department.sheetName);
    expect(department_.map((issue) => issue.replace(/@.*/, '')).sort()).toEqual(['warning:indicator_unquantified', 'warning:markup_in_text']);
    const functionsCell = department.cells.find((cell) => cell.field === 'functions');
    expect(department_).toContain(`warning:markup_in_text@${toA1(functionsCell!.row, functionsCell!.col)}`);
    const costValue = department.cells.find((cell) => cell.value === '略有节余');
    expect(department_.find((issue) => issue.includes('indicator_unquantified'))).toMatch(new RegExp(`@${toA1(costValue!.row, costValue!.col)}\\b`));
    expect(issuesOf(report, project.sheetName)).toEqual([]);
  });

  it('gives the issues the core predicts for the plan itself, cell for cell', () => {
    const predicted = checkWorkbook({ sheets: [planToSnapshot(department), planToSnapshot(project)] });
    const expected = predicted.forms.flatMap(({ issues }) => issues.map((issue) => `${issue.severity}:${issue.code}@${issue.cells.join(',')}`));
    expect(report.forms.flatMap((form) => issuesOf(report, form.sheet))).toEqual(expected);
  });
});

describe('a national department form: the reference with a 其他资金 column in its task table', () => {
  const edits = nationalDepartmentEdits(department);

  /** The reference sample written by ExcelJS, then the national column and figures, then `change`. */
  function nationalWorkbook(change: Readonly<Record<string, number>> = {}): ExcelJS.Workbook {
    const workbook = workbookWithPlans([department]);
    const sheet = workbook.getWorksheet(department.sheetName)!;
    for (const [address, edit] of Object.entries(edits.cells)) {
      sheet.getCell(address).value = edit !== null && typeof edit === 'object' ? { formula: edit.formula.slice(1), result: edit.value, date1904: false } : edit;
    }
    for (const [address, value] of Object.entries(change)) sheet.getCell(address).value = value;
    const range = (r: typeof edits.groupMerge.from) => `${toA1(r.top, r.left)}:${toA1(r.bottom, r.right)}`;
    sheet.unMergeCells(range(edits.groupMerge.from));
    sheet.mergeCells(range(edits.groupMerge.to));
    return workbook;
  }

  it('gives the reference form’s two warnings only: its 其他资金 adds up', async () => {
    const report = await checkWorkbookFile(nationalWorkbook(), 'national-department.xlsx');
    expect(report.forms.map((form) => form.template)).toEqual(['department']);
    expect(issuesOf(report, department.sheetName).map((issue) => issue.replace(/@.*/, '')).sort()).toEqual(['warning:indicator_unquantified', 'warning:markup_in_text']);
  });

  it('reports a task whose 其他资金 breaks its 总额, naming the task’s three cells', async () => {
    const other = toA1(edits.other.firstRow, edits.other.column);
    // As Excel saves it: 金额合计's SUM recalculated (2 → 3).
    const workbook = nationalWorkbook({ [other]: 3 });
    const totalCell = workbook.getWorksheet(department.sheetName)!.getCell(toA1(edits.other.totalRow, edits.other.column));
    totalCell.value = { formula: `SUM(${other}:${toA1(edits.other.lastRow, edits.other.column)})`, result: 3, date1904: false };
    const report = await checkWorkbookFile(workbook, 'national-department-wrong.xlsx');
    const [total, fiscal] = [edits.other.column - 2, edits.other.column - 1].map((col) => toA1(edits.other.firstRow, col));
    expect(issuesOf(report, department.sheetName).filter((issue) => issue.startsWith('error:'))).toEqual([`error:sum_mismatch@${total},${fiscal},${other}`]);
  });
});

describe('a filled form with rows inserted by ExcelJS', () => {
  const TASK_ROWS = 3;
  const INDICATOR_ROWS = 10;
  let report: FileReport;
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    workbook = workbookWithPlans([department]);
    const sheet = workbook.getWorksheet(department.sheetName)!;
    const totalCell = department.cells.find((cell) => cell.formula?.startsWith('=SUM(E'))!;
    const totalRow = totalCell.row + 1;
    // Three more tasks, inserted before the last task row (inside the table, as a user does).
    insertRows(
      sheet,
      totalRow - 1,
      Array.from({ length: TASK_ROWS }, (_, i) => [undefined, `新增任务${i + 1}`, `新增任务${i + 1}的主要内容`, undefined, 10, 10]),
    );
    const newTotalRow = totalRow + TASK_ROWS;
    const firstTaskRow = totalRow - 4;
    for (const col of ['E', 'F']) {
      sheet.getCell(`${col}${newTotalRow}`).value = { formula: `SUM(${col}${firstTaskRow}:${col}${newTotalRow - 1})`, result: 68.87, date1904: false };
    }
    // The money follows the tasks: 项目支出 = 金额合计, 基本支出 makes up 资金总额.
    const projectExpenditure = department.cells.find((cell) => cell.field === 'projectExpenditure')!;
    const basicExpenditure = department.cells.find((cell) => cell.field === 'basicExpenditure')!;
    sheet.getCell(projectExpenditure.row + 1, projectExpenditure.col + 1).value = 68.87;
    sheet.getCell(basicExpenditure.row + 1, basicExpenditure.col + 1).value = 111.74;

    // Ten more 数量 indicators, inserted before the group's last row.
    const quantityRows = department.cells.filter((cell) => cell.col === columnIndex('E') && typeof cell.value === 'string' && /^\d+[次个]$/.test(cell.value));
    const lastQuantityRow = Math.max(...quantityRows.map((cell) => cell.row)) + 1 + TASK_ROWS;
    insertRows(
      sheet,
      lastQuantityRow,
      Array.from({ length: INDICATOR_ROWS }, (_, i) => [undefined, undefined, undefined, `新增数量指标${i + 1}`, `${i + 1}次`]),
    );
    report = await checkWorkbookFile(workbook, 'inserted-rows.xlsx');
  });

  it('reads all the tasks and indicators', async () => {
    const read = await readWorkbookBytes(await workbookToBuffer(workbook));
    if (!read.ok) throw new Error(read.code);
    const [form] = extractForms(read.snapshot).forms;
    const original = extractForms({ sheets: [planToSnapshot(department)] }).forms[0];
    expect(form.tasks).toHaveLength(original.tasks.length + TASK_ROWS);
    expect(form.indicators).toHaveLength(original.indicators.length + INDICATOR_ROWS);
    const added = form.indicators.filter((row) => String(row.level3.value).startsWith('新增数量指标'));
    expect(added).toHaveLength(INDICATOR_ROWS);
    // The merged 一级/二级 names carry down to the inserted rows.
    expect(new Set(added.map((row) => `${row.level1.value}/${row.level2.value}`))).toEqual(new Set(['完成指标/数量指标']));
  });

  it('gives no errors and the same warnings, moved down with their rows', () => {
    const original = checkWorkbook({ sheets: [planToSnapshot(department)] }).forms[0].issues;
    const costRow = department.cells.find((cell) => cell.value === '略有节余')!.row;
    const expected = original.map(
      (issue) => `${issue.severity}:${issue.code}@${issue.cells.map((cell) => shiftCell(cell, parseA1(cell)!.row >= costRow ? TASK_ROWS + INDICATOR_ROWS : 0)).join(',')}`,
    );
    expect(issuesOf(report, department.sheetName)).toEqual(expected);
  });
});

describe('a form placed at an offset', () => {
  it('gives the same issues, at the moved cells', async () => {
    const moved = planAtOffset(department, 3, 2);
    const report = await checkWorkbookFile(workbookWithPlans([moved]), 'offset.xlsx');
    const original = checkWorkbook({ sheets: [planToSnapshot(department)] }).forms[0].issues;
    expect(issuesOf(report, department.sheetName)).toEqual(
      original.map((issue) => `${issue.severity}:${issue.code}@${issue.cells.map((cell) => shiftCell(cell, 3, 2)).join(',')}`),
    );
  });
});

describe('what the check reports beside forms', () => {
  it('reports a sheet that is not a form as such, not as a wall of errors', async () => {
    const workbook = workbookWithPlans([project]);
    workbook.addWorksheet('说明').getCell('A1').value = '填写说明：金额以万元为单位';
    const report = await checkWorkbookFile(workbook, 'with-notes.xlsx');
    expect(report.otherSheets).toEqual(['说明']);
    expect(report.forms).toHaveLength(1);
    expect(report.problem).toBeUndefined();
  });

  it('reports a workbook with no form in it', async () => {
    const workbook = workbookWithPlans([]);
    workbook.addWorksheet('Sheet1').getCell('A1').value = '会议纪要';
    const report = await checkWorkbookFile(workbook, 'no-form.xlsx');
    expect(report.problem?.code).toBe('no_form');
    expect(report.problem?.message).toBe('工作簿中没有可识别的申报表');
  });

  it('loads the written file as a workbook ExcelJS opens', async () => {
    const bytes = await workbookToBuffer(workbookWithPlans([department]));
    expect((await loadWorkbook(bytes)).worksheets.map((sheet) => sheet.name)).toEqual([department.sheetName]);
  });
});
