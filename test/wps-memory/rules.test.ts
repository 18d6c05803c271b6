/** Conditional formats and data validation, as the VBA reference pages named in each case describe them. */
import { createMemoryWps, WpsErrorCode, WpsMemoryError, type MemoryWps } from '../../src/wps-memory';
import { XL_EXPRESSION, type WpsWorksheet } from '../../src/wps/wps-api';

const ERROR_FORMULA = '=N("perf-target-forms:error")=0';
const WARNING_FORMULA = '=N("perf-target-forms:warning")=0';

function codeOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof WpsMemoryError) return error.code;
    throw error;
  }
  throw new Error('expected the call to throw');
}

let wps: MemoryWps;
let sheet: WpsWorksheet;
beforeEach(() => {
  wps = createMemoryWps({ sheets: ['申报表'] });
  sheet = wps.Application.ActiveWorkbook!.Worksheets.Item(1);
});

describe('FormatConditions ("FormatConditions.Add method (Excel)", "FormatConditions.Item method (Excel)", "FormatCondition.Delete method (Excel)")', () => {
  it('Add appends at the lowest priority; Item is 1-based in priority order; Cells lists every format of the sheet', () => {
    wps.user.addFormatCondition('申报表', 'H1:H5', '=H1>100', 0x00ffff);
    const error = sheet.Range('D7,D9:D10').FormatConditions.Add(XL_EXPRESSION, undefined, ERROR_FORMULA);
    error.Interior.Color = 0xcec7ff;
    error.Font.Color = 0x06009c;
    sheet.Range('E7').FormatConditions.Add(XL_EXPRESSION, undefined, WARNING_FORMULA);
    const all = sheet.Cells.FormatConditions;
    expect(all.Count).toBe(3);
    expect([1, 2, 3].map((i) => all.Item(i).Formula1)).toEqual(['=H1>100', ERROR_FORMULA, WARNING_FORMULA]);
    expect(all.Item(2).AppliesTo.Address()).toBe('$D$7,$D$9:$D$10');
    expect([all.Item(2).Type, all.Item(2).Interior.Color, all.Item(2).Font.Color]).toEqual([XL_EXPRESSION, 0xcec7ff, 0x06009c]);
    expect(all.Item(3).Interior.Color).toBeNull();
  });

  it("a range's FormatConditions are the formats over any of its cells", () => {
    sheet.Range('D7:D9').FormatConditions.Add(XL_EXPRESSION, undefined, ERROR_FORMULA);
    sheet.Range('F1').FormatConditions.Add(XL_EXPRESSION, undefined, WARNING_FORMULA);
    expect(sheet.Range('D8').FormatConditions.Count).toBe(1);
    expect(sheet.Range('A1:C3').FormatConditions.Count).toBe(0);
  });

  it('Delete renumbers the formats after it; the deleted object fails afterwards', () => {
    for (const formula of ['=TRUE', ERROR_FORMULA, WARNING_FORMULA]) sheet.Range('A1').FormatConditions.Add(XL_EXPRESSION, undefined, formula);
    const all = sheet.Cells.FormatConditions;
    const second = all.Item(2);
    second.Delete();
    expect([all.Count, all.Item(2).Formula1]).toEqual([2, WARNING_FORMULA]);
    expect(codeOf(() => second.Formula1)).toBe(WpsErrorCode.itemNotFound);
  });

  it('SetFirstPriority moves a format to priority 1 and renumbers the others ("FormatCondition.SetFirstPriority method (Excel)")', () => {
    for (const formula of ['=TRUE', ERROR_FORMULA, WARNING_FORMULA]) sheet.Range('A1').FormatConditions.Add(XL_EXPRESSION, undefined, formula);
    sheet.Cells.FormatConditions.Item(3).SetFirstPriority();
    const all = sheet.Cells.FormatConditions;
    expect([1, 2, 3].map((i) => all.Item(i).Formula1)).toEqual([WARNING_FORMULA, '=TRUE', ERROR_FORMULA]);
  });

  it.each([0, 2, 1.5])('Item(%p) throws beyond Count', (index) => {
    sheet.Range('A1').FormatConditions.Add(XL_EXPRESSION, undefined, '=TRUE');
    expect(codeOf(() => sheet.Cells.FormatConditions.Item(index))).toBe(WpsErrorCode.itemNotFound);
  });

  it.each(['N(1)=0', '=SUM(A1', ''])('Add refuses the formula %p', (formula) => {
    expect(codeOf(() => sheet.Range('A1').FormatConditions.Add(XL_EXPRESSION, undefined, formula))).toBe(WpsErrorCode.invalidArgument);
  });

  it("a format's Font keeps the cell's name and size ('FormatCondition.Font property (Excel)')", () => {
    const format = sheet.Range('A1').FormatConditions.Add(XL_EXPRESSION, undefined, '=TRUE');
    format.Font.Bold = true;
    expect([format.Font.Bold, format.Font.Size, format.Font.Name]).toEqual([true, null, null]);
    expect(codeOf(() => (format.Font.Size = 12))).toBe(WpsErrorCode.invalidOperation);
  });

  it.each([
    ['the owned highlight formula holds everywhere', ERROR_FORMULA, 'A1:B1', ['A1', 'B1']],
    ['a relative formula holds cell by cell, from the top-left of its range', '=A1>10', 'A1:A3', ['A2']],
    ['an absolute native check holds for its cell', '=ABS(ROUND($A$1,4)-ROUND(SUM($A$2:$A$3),4))>0.005', 'A1', ['A1']],
  ])('the cells it colours: %s', (_, formula, range, coloured) => {
    sheet.Range('A1:A3').Value2 = [[5], [20], [7]];
    sheet.Range(range).FormatConditions.Add(XL_EXPRESSION, undefined, formula).Interior.Color = 255;
    expect([...wps.inspect.highlightedCells('申报表').keys()].sort()).toEqual(coloured);
  });
});

describe('Validation ("Validation.Add method (Excel)", "Validation.Delete method (Excel)", "Apply data validation to cells")', () => {
  it('Add sets the rule of every cell of the range; its properties read back', () => {
    const validation = sheet.Range('D7:D9').Validation;
    validation.Add(2, 1, 7, '0');
    validation.ErrorTitle = '金额';
    validation.ErrorMessage = '请输入不小于 0 的数';
    validation.InCellDropdown = false;
    expect([sheet.Range('D8').Validation.InCellDropdown, sheet.Range('D9').Validation.ErrorTitle]).toEqual([false, '金额']);
    expect(wps.inspect.validations('申报表')).toEqual([
      { ranges: 'D7:D9', type: 2, operator: 7, formula1: '0', formula2: null, alertStyle: 1, inputMessage: '', errorMessage: '请输入不小于 0 的数' },
    ]);
  });

  it('Add over cells that already have a rule fails and changes nothing', () => {
    sheet.Range('A1:A3').Validation.Add(3, 1, undefined, '定量,定性');
    expect(codeOf(() => sheet.Range('A3:A4').Validation.Add(6, 1, 8, '100'))).toBe(WpsErrorCode.invalidOperation);
    expect(wps.inspect.validations('申报表').map((rule) => rule.ranges)).toEqual(['A1:A3']);
  });

  it('reading a rule where there is none fails', () => {
    expect(codeOf(() => sheet.Range('B2').Validation.ErrorMessage)).toBe(WpsErrorCode.invalidOperation);
  });

  it.each([
    ['a decimal ≥ 0 takes 12.5', [2, 7, '0'], '12.5', true],
    ['a decimal ≥ 0 refuses -1', [2, 7, '0'], '-1', false],
    ['a decimal refuses text', [2, 7, '0'], '十二', false],
    ['a list takes one of its items', [3, undefined, '定量,定性'], '定性', true],
    ['a list refuses anything else', [3, undefined, '定量,定性'], '其他', false],
    ['a list from cells takes a cell value', [3, undefined, '=$H$1:$H$2'], '产出指标', true],
    ['a text length ≤ 4 takes 4 characters', [6, 8, '4'], '一二三四', true],
    ['a text length ≤ 4 refuses 5', [6, 8, '4'], '一二三四五', false],
    ['an empty entry passes (IgnoreBlank)', [2, 7, '0'], '', true],
    ['a formula is judged by its result: =1+1 passes', [2, 7, '0'], '=1+1', true],
    ['a formula is judged by its result: =1/0 is no decimal', [2, 7, '0'], '=1/0', false],
    ['a typed error value is no decimal', [2, 7, '0'], '#N/A', false],
  ] as const)('typing: %s', (_, [type, operator, formula1], typed, accepted) => {
    sheet.Range('H1:H2').Value2 = [['产出指标'], ['效益指标']];
    sheet.Range('B2').Validation.Add(type, 1, operator, formula1);
    sheet.Range('B2').Validation.ErrorMessage = '不符合';
    const result = wps.user.type('申报表', 'B2', typed);
    expect(result.accepted).toBe(accepted);
    if (!result.accepted) expect(result).toEqual({ accepted: false, title: '错误提示', message: '不符合' });
  });

  it('a formula WPS cannot read is refused with a dialog', () => {
    expect(wps.user.type('申报表', 'A1', '=SUM(')).toEqual({ accepted: false, title: 'WPS 表格', message: '您输入的公式存在错误。' });
  });

  it('a Warning alert lets the entry in; pasting is not validated', () => {
    sheet.Range('B2').Validation.Add(2, 2, 7, '0');
    sheet.Range('B3').Validation.Add(2, 1, 7, '0');
    expect(wps.user.type('申报表', 'B2', '-5')).toEqual({ accepted: true });
    wps.user.paste('申报表', 'B3', [['-7']]);
    expect(wps.inspect.values('申报表', 'B2:B3')).toEqual([[-5], [-7]]);
  });
});

describe('copy and paste ("Copy and paste specific cell contents": Paste All)', () => {
  it('brings values, moved formulas, formats, validation and conditional formats, replacing the target\'s', () => {
    sheet.Range('A1:A2').Value2 = [[3], ['=A1*2']];
    sheet.Range('A1:A2').Interior.Color = 255;
    sheet.Range('A1:A2').Validation.Add(2, 1, 7, '0');
    sheet.Range('A2').FormatConditions.Add(XL_EXPRESSION, undefined, ERROR_FORMULA).Interior.Color = 0xcec7ff;
    sheet.Range('C5').FormatConditions.Add(XL_EXPRESSION, undefined, '=C5>1');
    wps.user.copyPaste('申报表', 'A1:A2', 'C4');
    expect(wps.inspect.cell('申报表', 'C5')).toMatchObject({ formula: '=C4*2', value: 6, format: { fill: 255 } });
    expect(wps.inspect.validations('申报表').map((rule) => rule.ranges)).toEqual(['A1:A2', 'C4:C5']);
    expect(wps.inspect.formatConditions('申报表').map((format) => [format.appliesTo, format.formula1])).toEqual([
      ['C5', ERROR_FORMULA],
      ['A2', ERROR_FORMULA],
    ]);
  });
});
