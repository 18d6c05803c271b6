import { grownSum } from '../../src/excel/add-rows';
import { uniqueSheetName } from '../../src/excel/apply-layout';
import { isXlsDocument } from '../../src/excel/problems';

describe('grownSum: 金额合计 reaches a row inserted right below the last task', () => {
  // insertAt is 0-based: 17 is Excel's row 18.
  test.each([
    ['=SUM(E14:E17)', 17, '=SUM(E14:E18)'],
    ['=SUM($E$14:$E$17)', 17, '=SUM($E$14:$E$18)'],
    ['=sum(E14:E17)', 17, '=SUM(E14:E18)'],
    ['=SUM(E14:E17)', 15, null], // inside the range: Excel grows it itself
    ['=SUM(E14:E17)', 12, null], // above: Excel moves it
    ['=E14+E15', 17, null],
    [undefined, 17, null],
  ])('%s, row inserted at %i → %s', (formula, insertAt, expected) => {
    expect(grownSum(formula, insertAt)).toBe(expected);
  });
});

describe('uniqueSheetName', () => {
  test.each([
    ['项目绩效目标', [], '项目绩效目标'],
    ['项目绩效目标', ['项目绩效目标'], '项目绩效目标 (2)'],
    ['项目绩效目标', ['项目绩效目标', '项目绩效目标 (2)'], '项目绩效目标 (3)'],
    ['Sheet', ['sheet'], 'Sheet (2)'],
    ['一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一', ['一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一'], '一二三四五六七八九十一二三四五六七八九十一二三四五六七 (2)'],
  ])('%s among %j → %s', (base, taken, expected) => {
    const name = uniqueSheetName(base, taken);
    expect(name).toBe(expected);
    expect(name.length).toBeLessThanOrEqual(31);
  });
});

describe('isXlsDocument', () => {
  test.each([
    ['C:\\预算\\表.xls', true],
    ['https://contoso.sharepoint.com/表.XLS?web=1', true],
    ['C:\\预算\\表.xlsx', false],
    ['C:\\预算\\表.xlsm', false],
    [null, false],
  ])('%s → %s', (url, expected) => {
    expect(isXlsDocument(url)).toBe(expected);
  });
});
