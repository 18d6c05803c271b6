/**
 * What a reviewer's terminal and spreadsheet get from names and text that came from outside:
 * CSV fields that would run as formulas are neutralised, text output shows control characters
 * as escapes, JSON stays JSON.
 */
import type { FileReport } from '../../../src/cli/check/file-report';
import { cliStrings } from '../../../src/cli/messages';
import { csvField, csvForFile, jsonReport, textForFile, visible } from '../../../src/cli/output/report-format';

describe('CSV fields', () => {
  it.each([
    ['=HYPERLINK("http://example.com","点我")', `"'=HYPERLINK(""http://example.com"",""点我"")"`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['部门整体支出绩效目标', '部门整体支出绩效目标'],
    ['a=b', 'a=b'],
    ['B5 C6', 'B5 C6'],
    ['', ''],
  ])('%j → %s', (value, field) => {
    expect(csvField(value)).toBe(field);
  });

  it('leaves numbers alone', () => {
    expect(csvField(2022)).toBe('2022');
    expect(csvField(null)).toBe('');
  });
});

describe('visible escapes in text output', () => {
  it.each([
    ['\x1b[1A\x1b[2K', '\\x1b[1A\\x1b[2K'],
    ['a\nb', 'a\\nb'],
    ['a\r\tb', 'a\\r\\tb'],
    ['\x00\x7f\x9b', '\\x00\\x7f\\x9b'],
    ['\u202eexe.xlsx', '\\u202eexe.xlsx'],
    ['\u2028', '\\u2028'],
    ['申报表 B5', '申报表 B5'],
  ])('%j → %s', (text, shown) => {
    expect(visible(text)).toBe(shown);
  });
});

const hostile: FileReport = {
  file: '收件/=cmd\n伪造: 0 个错误.xlsx',
  forms: [
    {
      sheet: '@表\x1b[2K',
      template: 'department',
      layout: 'department',
      year: 2022,
      issues: [{ code: 'indicator_unquantified', severity: 'warning', cells: ['E30'], message: '指标值“略有节余\x1b[1A”中没有数字。', sheet: '@表\x1b[2K' }],
    },
  ],
  otherSheets: ['-\r说明'],
};

describe('a report with hostile names', () => {
  const strings = cliStrings('zh-CN');

  it('text: one line per entry, no control character reaches the terminal', () => {
    const text = textForFile(hostile, strings);
    expect(text).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f]/);
    expect(text.trimEnd().split('\n')).toEqual([
      '收件/=cmd\\n伪造: 0 个错误.xlsx: 1 张表，0 个错误，1 个警告',
      '  [@表\\x1b[2K] 部门整体支出绩效目标申报表（2022 年度）',
      '    @表\\x1b[2K!E30  警告  indicator_unquantified  指标值“略有节余\\x1b[1A”中没有数字。',
      '  不是申报表的工作表: -\\r说明',
    ]);
  });

  it('CSV: the file and sheet fields start with a quote mark, not a formula', () => {
    const [row] = csvForFile(hostile).split('\r\n');
    expect(row).toBe(`"收件/=cmd\n伪造: 0 个错误.xlsx",'@表\x1b[2K,department,2022,warning,indicator_unquantified,E30,指标值“略有节余\x1b[1A”中没有数字。,department`);
    const sheetFirst: FileReport = { ...hostile, file: '=1+1.xlsx' };
    expect(csvForFile(sheetFirst).startsWith("'=1+1.xlsx,'@表")).toBe(true);
  });

  it('JSON: the names as they are, escaped by JSON itself', () => {
    const json = JSON.stringify(jsonReport([hostile]));
    expect(json).toContain('\\u001b[2K');
    expect(JSON.parse(json).files[0].file).toBe(hostile.file);
  });
});
