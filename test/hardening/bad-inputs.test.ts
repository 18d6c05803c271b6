/**
 * A table of bad inputs, each as a user meets it in the add-in (the real adapter over the
 * in-memory Excel, live check settled): the message shown, the cell highlighted, the quick fix
 * offered. After every case the issues the host reports equal a fresh full check of the
 * workbook, and the highlights cover exactly the issues' cells.
 */
import { readWorkbookBytes } from '../../src/cli/xlsx/read-workbook';
import { checkFile } from '../../src/cli/check/check-file';
import { cliStrings } from '../../src/cli/messages';
import { formatIssue } from '../../src/core/messages';
import { HostError, type HostProblem } from '../../src/host/form-host';
import { paneStrings } from '../../src/taskpane/strings';
import { problemFromError, problemText } from '../../src/taskpane/problems';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEPARTMENT_SAMPLE,
  DEPARTMENT_SHEET,
  HIGHLIGHT_STYLE,
  PROJECT_SAMPLE,
  expectedHighlights,
  freshCheck,
  issueKeys,
  lastResult,
  ownedHighlights,
  seenIssues,
  withForms,
  workbench,
  type Workbench,
} from './support/workbench';

/** The reference sample's own findings, present in every case below that keeps them. */
const SAMPLE_WARNINGS = ['markup_in_text@B11', 'indicator_unquantified@E30'];

/** What the host reports is what a fresh full check finds, and the highlights cover exactly its cells. */
function expectConsistent(bench: Workbench): void {
  const reported = lastResult(bench);
  expect(reported.forms.map((form) => ({ sheet: form.form.sheet, issues: form.issues }))).toEqual(
    freshCheck(bench.excel).forms.map((form) => ({ sheet: form.form.sheet, issues: form.issues })),
  );
  const expected = expectedHighlights(reported);
  for (const sheet of bench.excel.inspect.sheetNames()) {
    const want = [...(expected.get(sheet) ?? new Map())].sort();
    expect({ sheet, highlighted: [...ownedHighlights(bench.excel, sheet)].sort() }).toEqual({ sheet, highlighted: want });
  }
  expect(bench.problems).toEqual([]);
  expect(bench.excel.handlerErrors).toEqual([]);
}

function messageAt(bench: Workbench, code: string, cell: string, lang: 'zh-CN' | 'en-US' = 'zh-CN'): string[] {
  return seenIssues(lastResult(bench), lang)
    .filter((issue) => issue.code === code && issue.cells[0] === cell)
    .map((issue) => issue.message);
}

function fixAt(bench: Workbench, code: string, cell: string): (number | string)[] {
  return lastResult(bench)
    .forms.flatMap((form) => form.issues)
    .filter((issue) => issue.code === code && issue.cells[0] === cell && issue.fix)
    .map((issue) => issue.fix?.value ?? '');
}

describe('amounts typed by hand: the amount cell\'s own validation refuses what is not a number ≥ 0', () => {
  test.each(['一百万', '180.61万元', '1806100元', '１８０．６１', '-3', '=1/0', '=#REF!'])('typing "%s" into 资金总额 shows 金额无效 and keeps 180.61', async (input) => {
    const bench = await withForms(DEPARTMENT_SAMPLE);
    const typed = bench.excel.user.type(DEPARTMENT_SHEET, 'D5', input);
    await bench.settle();
    expect(typed).toMatchObject({ accepted: false, title: '金额无效', message: '请输入不小于 0 的数字，以万元为单位，如 180.61' });
    expect(bench.excel.inspect.cell(DEPARTMENT_SHEET, 'D5').value).toBe(180.61);
    expect(issueKeys(lastResult(bench))).toEqual(SAMPLE_WARNINGS);
    expectConsistent(bench);
  });
});

interface PastedCase {
  readonly name: string;
  readonly value: string | number;
  readonly code: string;
  readonly zh: string;
  readonly en?: string;
  /** The quick fix's value, where one is offered. */
  readonly fix?: number;
  /** Default error. */
  readonly severity?: 'warning';
  /** Make the cell a text cell first (Format Cells > Text), as a form copied from a text export is. */
  readonly textCell?: boolean;
}

// Data validation does not stop a paste: these reach the cell, and the live check reports them.
const PASTED_AMOUNTS: readonly PastedCase[] = [
  {
    name: 'text in an amount',
    value: '一百万',
    code: 'not_a_number',
    zh: '“资金总额”填的是“一百万”，无法识别为金额。请填写以万元为单位的数字，如 180.61。',
    en: '资金总额 holds "一百万", which cannot be read as an amount. Please enter a number in 万元, such as 180.61.',
  },
  {
    name: '万元 typed after the number',
    value: '180.61万元',
    code: 'not_a_number',
    zh: '“资金总额”填的是文字“180.61万元”，不是数字。请只填写以万元为单位的数字，改为 180.61。',
    en: '资金总额 holds the text "180.61万元", not a number. Please enter the number in 万元 only: 180.61.',
    fix: 180.61,
  },
  {
    name: 'an amount in 元',
    value: '1806100元',
    code: 'unit_mismatch',
    zh: '“资金总额”“1806100元”是以元为单位的金额，本表以万元为单位，应改为 180.61。',
    en: '资金总额 "1806100元" is in 元, but this form asks for 万元: it should be 180.61.',
    fix: 180.61,
  },
  {
    name: 'full-width digits',
    value: '１８０．６１',
    code: 'not_a_number',
    zh: '“资金总额”填的是文字“１８０．６１”，不是数字。请只填写以万元为单位的数字，改为 180.61。',
    fix: 180.61,
  },
  {
    name: 'thousands separators in a text cell',
    value: '1,234.5',
    textCell: true,
    code: 'not_a_number',
    zh: '“资金总额”填的是文字“1,234.5”，不是数字。请只填写以万元为单位的数字，改为 1234.5。',
    fix: 1234.5,
  },
  {
    name: 'a negative amount',
    value: -3,
    code: 'negative_amount',
    zh: '“资金总额”为负数（-3）。金额不能小于 0，请核对。',
    en: '资金总额 is negative (-3). Amounts cannot be below 0: please check it.',
  },
  {
    name: 'a huge amount',
    value: 1e15,
    code: 'sum_mismatch',
    zh: '资金总额（1000000000000000）不等于 基本支出 + 项目支出 之和（180.61），相差 999999999999819.39 万元。建议将资金总额（D5）改为 180.61。',
    fix: 180.61,
  },
  {
    name: 'more decimals than 1 元',
    value: 180.61234,
    code: 'too_many_decimals',
    severity: 'warning',
    zh: '“资金总额”（180.61234）有 5 位小数，超过 4 位（1 元）。建议四舍五入为 180.6123。',
    fix: 180.6123,
  },
  {
    name: 'an error value',
    value: '#REF!',
    code: 'formula_error',
    zh: '“资金总额”显示错误值 #REF!，通常是公式引用的单元格已被删除或无效。请修改公式或直接填写内容。',
    en: '资金总额 shows the error #REF!, usually a formula pointing at a deleted or invalid cell. Please correct the formula or type the content.',
  },
];

describe('amounts pasted into 资金总额 (D5): the message, the red cell, the quick fix', () => {
  test.each(PASTED_AMOUNTS.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const bench = await withForms(DEPARTMENT_SAMPLE);
    if (c.textCell) bench.excel.user.setFormat(DEPARTMENT_SHEET, 'D5', { numberFormat: '@' });
    bench.excel.user.paste(DEPARTMENT_SHEET, 'D5', [[c.value]]);
    await bench.settle();
    expect(messageAt(bench, c.code, 'D5')).toContain(c.zh);
    if (c.en) expect(messageAt(bench, c.code, 'D5', 'en-US')).toContain(c.en);
    const severity = c.severity ?? 'error';
    expect(ownedHighlights(bench.excel, DEPARTMENT_SHEET).get('D5')).toBe(severity);
    expect(bench.excel.inspect.highlightedCells(DEPARTMENT_SHEET).get('D5')).toBe(HIGHLIGHT_STYLE[severity].fill);
    if (c.fix !== undefined) expect(fixAt(bench, c.code, 'D5')).toContain(c.fix);
    expectConsistent(bench);
  });

  test('a thousands separator pasted into a number cell is read by Excel as the number: 1,234.5 is 1234.5, and the sums say so', async () => {
    const bench = await withForms(DEPARTMENT_SAMPLE);
    bench.excel.user.paste(DEPARTMENT_SHEET, 'D5', [['1,234.5']]);
    await bench.settle();
    expect(bench.excel.inspect.cell(DEPARTMENT_SHEET, 'D5').value).toBe(1234.5);
    expect(messageAt(bench, 'sum_mismatch', 'D5')).toContain(
      '资金总额（1234.5）不等于 基本支出 + 项目支出 之和（180.61），相差 1053.89 万元。建议将资金总额（D5）改为 180.61。',
    );
    expectConsistent(bench);
  });

  test('applying the quick fix of "180.61万元" writes 180.61 and the error goes away', async () => {
    const bench = await withForms(DEPARTMENT_SAMPLE);
    bench.excel.user.paste(DEPARTMENT_SHEET, 'D5', [['180.61万元']]);
    await bench.settle();
    const issue = lastResult(bench).forms[0].issues.find((candidate) => candidate.code === 'not_a_number');
    if (!issue?.fix) throw new Error('no quick fix offered');
    await bench.host.applyFix(DEPARTMENT_SHEET, issue.fix);
    await bench.settle();
    expect(bench.excel.inspect.cell(DEPARTMENT_SHEET, 'D5').value).toBe(180.61);
    expect(issueKeys(lastResult(bench))).toEqual(SAMPLE_WARNINGS);
    expectConsistent(bench);
  });
});

describe('errors in text cells', () => {
  test('#REF! left by deleting the row a formula referred to', async () => {
    const bench = await withForms(DEPARTMENT_SAMPLE);
    bench.excel.user.type(DEPARTMENT_SHEET, 'B4', '=H60');
    bench.excel.user.deleteRows(DEPARTMENT_SHEET, 60, 1);
    await bench.settle();
    expect(bench.excel.inspect.cell(DEPARTMENT_SHEET, 'B4').value).toBe('#REF!');
    expect(messageAt(bench, 'formula_error', 'B4')).toEqual(['“部门名称”显示错误值 #REF!，通常是公式引用的单元格已被删除或无效。请修改公式或直接填写内容。']);
    expectConsistent(bench);
  });
});

describe('big pastes and deleted structure', () => {
  test('a paste of 50,000 cells over the indicator table is checked in one live check of at most 2 round trips', async () => {
    const bench = await withForms(DEPARTMENT_SAMPLE);
    const rows = Array.from({ length: 10_000 }, (_, i) => ['产出指标', '数量指标', `粘贴的指标${i + 1}`, i % 3 === 0 ? '' : `${i + 1}次`, '']);
    bench.excel.resetSyncCount();
    bench.excel.user.paste(DEPARTMENT_SHEET, 'B21', rows);
    await bench.settle();
    expect(bench.excel.syncCount).toBeLessThanOrEqual(2);
    // The paste ran over the review row and the footer: 联系电话 and 填表日期 lost their labels.
    expect(messageAt(bench, 'required_missing', 'A1')).toEqual(['表中找不到“联系电话”一栏。请按模板补上这一栏及其内容。', '表中找不到“填表日期”一栏。请按模板补上这一栏及其内容。']);
    expect(messageAt(bench, 'indicator_value_missing', 'E21')).toEqual(['三级指标“粘贴的指标1”没有填写指标值（空白或只有占位符）。请填写包含数字的目标值。']);
    expect(ownedHighlights(bench.excel, DEPARTMENT_SHEET).get('E21')).toBe('error');
    expectConsistent(bench);
  }, 60_000);

  test('all indicator rows deleted: 产出, 效益 and 满意度 are each reported missing at the table header', async () => {
    const bench = await withForms(DEPARTMENT_SAMPLE);
    bench.excel.user.deleteRows(DEPARTMENT_SHEET, 21, 13);
    await bench.settle();
    expect(messageAt(bench, 'indicator_missing', 'B20')).toEqual([
      '缺少产出指标：至少需要一个填写了指标值的三级指标。请在绩效指标表中补充。',
      '缺少效益指标：至少需要一个填写了指标值的三级指标。请在绩效指标表中补充。',
      '缺少满意度指标：至少需要一个填写了指标值的三级指标。请在绩效指标表中补充。',
    ]);
    expect(messageAt(bench, 'indicator_missing', 'B20', 'en-US')).toHaveLength(3);
    expectConsistent(bench);
  });

  test('the indicator header row deleted: the indicators cannot be found, reported at the form title', async () => {
    const bench = await withForms(DEPARTMENT_SAMPLE);
    bench.excel.user.deleteRows(DEPARTMENT_SHEET, 20, 1);
    await bench.settle();
    expect(issueKeys(lastResult(bench), 'error')).toEqual(['indicator_missing@A1', 'indicator_missing@A1', 'indicator_missing@A1']);
    expect(messageAt(bench, 'indicator_missing', 'A1')[0]).toBe('缺少产出指标：至少需要一个填写了指标值的三级指标。请在绩效指标表中补充。');
    expectConsistent(bench);
  });
});

describe('sheets', () => {
  test('a renamed form sheet is checked under its new name at the next edit', async () => {
    const bench = await withForms(DEPARTMENT_SAMPLE);
    bench.excel.user.renameSheet(DEPARTMENT_SHEET, '部门表');
    bench.excel.user.type('部门表', 'F7', '1');
    await bench.settle();
    expect(lastResult(bench).forms.map((form) => form.form.sheet)).toEqual(['部门表']);
    // 资金总额 agrees with the income parts: 基本支出 is the figure to change, and comes first.
    expect(messageAt(bench, 'sum_mismatch', 'F7')).toEqual(['资金总额（180.61）不等于 基本支出 + 项目支出 之和（39.87），相差 140.74 万元。建议将基本支出（F7）改为 141.74。']);
    expectConsistent(bench);
  });

  test('a renamed form sheet is rechecked at once (onNameChanged, ExcelApi 1.17), and an issue\'s cell can be selected on it', async () => {
    const bench = await withForms(DEPARTMENT_SAMPLE);
    bench.excel.user.renameSheet(DEPARTMENT_SHEET, '部门表');
    await bench.settle();
    expect(lastResult(bench).forms.map((form) => form.form.sheet)).toEqual(['部门表']);
    await bench.host.select('部门表', 'D5');
    expect(bench.excel.inspect.selection()).toEqual({ sheet: '部门表', address: 'D5' });
    expectConsistent(bench);
  });

  test('a protected sheet: adding a row or applying a fix is refused with a message that says how to unprotect', async () => {
    const bench = await withForms(DEPARTMENT_SAMPLE);
    bench.excel.user.protectSheet(DEPARTMENT_SHEET, true);
    await bench.settle();
    const refusals: HostProblem[] = [];
    for (const attempt of [() => bench.host.addTaskRow(DEPARTMENT_SHEET), () => bench.host.applyFix(DEPARTMENT_SHEET, { cell: 'D5', value: 1 })]) {
      const error = await attempt().then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(HostError);
      if (error instanceof HostError) refusals.push(error.problem);
    }
    expect(refusals).toEqual([
      { code: 'protected_sheet', params: { sheet: DEPARTMENT_SHEET } },
      { code: 'protected_sheet', params: { sheet: DEPARTMENT_SHEET } },
    ]);
    expect(problemText({ kind: 'host', problem: refusals[0] }, paneStrings('zh-CN'))).toBe('工作表“部门整体支出绩效目标”受保护，无法修改。请先在“审阅”选项卡中撤消工作表保护，然后重试。');
    expect(problemText({ kind: 'host', problem: refusals[0] }, paneStrings('en-US'))).toBe('The sheet "部门整体支出绩效目标" is protected. Unprotect it (Review > Unprotect Sheet) and try again.');
    expect(bench.excel.inspect.cell(DEPARTMENT_SHEET, 'D5').value).toBe(180.61);
    expectConsistent(bench);
  });

  test('a form inserted twice: the second sheet gets a free name, each form is checked and highlighted on its own sheet', async () => {
    const bench = await withForms(DEPARTMENT_SAMPLE, DEPARTMENT_SAMPLE);
    expect(bench.excel.inspect.sheetNames()).toEqual(['Sheet1', DEPARTMENT_SHEET, `${DEPARTMENT_SHEET} (2)`]);
    bench.excel.user.paste(`${DEPARTMENT_SHEET} (2)`, 'D5', [[-3]]);
    await bench.settle();
    const bySheet = lastResult(bench).forms.map((form) => [form.form.sheet, form.issues.filter((issue) => issue.severity === 'error').map((issue) => issue.code)]);
    expect(bySheet).toEqual([
      [DEPARTMENT_SHEET, []],
      [`${DEPARTMENT_SHEET} (2)`, ['sum_mismatch', 'sum_mismatch', 'negative_amount']],
    ]);
    expect(ownedHighlights(bench.excel, DEPARTMENT_SHEET).get('D5')).toBeUndefined();
    expect(ownedHighlights(bench.excel, `${DEPARTMENT_SHEET} (2)`).get('D5')).toBe('error');
    expectConsistent(bench);
  });

  test('a second department form beside a project form: each department form is compared with the project forms', async () => {
    const bench = await withForms(DEPARTMENT_SAMPLE, PROJECT_SAMPLE, DEPARTMENT_SAMPLE);
    const second = `${DEPARTMENT_SHEET} (2)`;
    // 项目支出 50 and 资金总额 191.74 keep the second form's own sums right; only the project total disagrees.
    bench.excel.user.paste(second, 'F8', [[50]]);
    bench.excel.user.paste(second, 'D5', [[191.74]]);
    bench.excel.user.paste(second, 'D7', [[191.74]]);
    await bench.settle();
    const crossForm = seenIssues(lastResult(bench)).filter((issue) => issue.code === 'cross_form_mismatch');
    expect(crossForm.map((issue) => issue.sheet)).toEqual([second]);
    expect(crossForm[0].severity).toBe('warning');
    expectConsistent(bench);
  });
});

describe('an .xls workbook', () => {
  test('the add-in says it cannot run there, in the pane\'s words', async () => {
    const bench = workbench({ documentUrl: 'C:\\预算\\2022年绩效目标.xls' });
    expect(bench.host.capabilities()).toMatchObject({ canInsert: false, liveChecking: false, reasons: [{ code: 'xls_file', params: {} }] });
    for (const attempt of [() => bench.host.start(), () => bench.host.insert(DEPARTMENT_SAMPLE)]) {
      const problem = problemFromError(await attempt().then(() => null, (caught: unknown) => caught));
      expect(problem).toEqual({ kind: 'host', problem: { code: 'xls_file', params: {} } });
      expect(problemText(problem, paneStrings('zh-CN'))).toBe('加载项无法在 .xls 文件中运行。请将工作簿另存为 .xlsx 格式，然后重新打开。');
      expect(problemText(problem, paneStrings('en-US'))).toBe('Add-ins do not run in .xls files. Save the workbook as .xlsx and open it again.');
    }
    expect(bench.excel.inspect.sheetNames()).toEqual(['Sheet1']);
  });

  test('the command line reports the file as one to save as .xlsx, and checks the others', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'perf-target-forms-xls-'));
    try {
      // An OLE2 compound file: what Excel 97–2003 writes.
      const ole2 = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
      const file = join(folder, '2022年绩效目标.xls');
      writeFileSync(file, ole2);
      expect(await readWorkbookBytes(ole2)).toMatchObject({ ok: false, code: 'xls_file' });
      const zh = await checkFile({ file, lang: 'zh-CN' });
      expect(zh.problem).toEqual({ code: 'xls_file', message: '这是 .xls 文件，请另存为 .xlsx 后再检查' });
      const en = await checkFile({ file, lang: 'en-US' });
      expect(en.problem?.message).toBe(cliStrings('en-US').fileProblem.xls_file);
      expect(en.problem?.message).toBe('This is an .xls file: save it as .xlsx, then check it again');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('messages exist in both languages for every case above', () => {
  test('formatIssue gives a non-empty zh-CN and en-US text for the issues the table produced', async () => {
    const bench = await withForms(DEPARTMENT_SAMPLE);
    bench.excel.user.paste(DEPARTMENT_SHEET, 'D5', [['1806100元']]);
    bench.excel.user.paste(DEPARTMENT_SHEET, 'F7', [['#N/A']]);
    await bench.settle();
    for (const { issues } of lastResult(bench).forms) {
      for (const issue of issues) {
        expect(formatIssue(issue, 'zh-CN')).toMatch(/\S/);
        expect(formatIssue(issue, 'en-US')).toMatch(/\S/);
        expect(formatIssue(issue, 'zh-CN')).not.toMatch(/undefined|\{\w+\}/);
        expect(formatIssue(issue, 'en-US')).not.toMatch(/undefined|\{\w+\}/);
      }
    }
  });
});
