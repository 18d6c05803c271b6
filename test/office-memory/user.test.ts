import { createMemoryExcel } from '../../src/office-memory';

describe('the person at the keyboard', () => {
  it.each([
    ['141.70', 141.7, 'General', '141.7'],
    ['5.19万元', '5.19万元', 'General', '5.19万元'],
    ["'123", '123', 'General', '123'],
    ['１８０．６１', '１８０．６１', 'General', '１８０．６１'],
    ['50%', 0.5, '0%', '50%'],
    ['2022/1/5', 44566, 'yyyy/m/d', '2022/1/5'],
  ])('types %p: value %p, format %p, shown as %p', (input, value, numberFormat, text) => {
    const excel = createMemoryExcel();
    excel.user.type('Sheet1', 'B2', input);
    expect(excel.inspect.cell('Sheet1', 'B2')).toMatchObject({ value, numberFormat, text, formula: null });
  });

  it('types an error value as a constant: the cell holds the error, and a validation refuses it ("NA function")', async () => {
    const excel = createMemoryExcel();
    excel.user.type('Sheet1', 'B2', '#N/A');
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('B2').load(['values', 'formulas']);
      await context.sync();
      expect([range.values, range.formulas]).toEqual([[['#N/A']], [['#N/A']]]);
      context.workbook.worksheets.getItem('Sheet1').getRange('C2').dataValidation.rule = { textLength: { formula1: 100, operator: 'LessThanOrEqualTo' } };
      await context.sync();
    });
    expect(excel.user.type('Sheet1', 'C2', '#div/0!')).toMatchObject({ accepted: false });
    expect(excel.inspect.cell('Sheet1', 'C2')).toMatchObject({ value: '' });
  });

  it('types a formula, and an empty entry clears the cell', () => {
    const excel = createMemoryExcel();
    excel.user.paste('Sheet1', 'D1', [[1], [2], [3]]);
    excel.user.type('Sheet1', 'D4', '=SUM(D1:D3)');
    expect(excel.inspect.cell('Sheet1', 'D4')).toMatchObject({ value: 6, formula: '=SUM(D1:D3)', text: '6' });
    excel.user.type('Sheet1', 'D4', '');
    expect(excel.inspect.cell('Sheet1', 'D4')).toMatchObject({ value: '', formula: null });
  });

  it('types into the top-left cell of a merged area', async () => {
    const excel = createMemoryExcel();
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('B2:D2').merge();
      await context.sync();
    });
    excel.user.type('Sheet1', 'C2', '合并');
    expect(excel.inspect.values('Sheet1', 'B2:D2')).toEqual([['合并', '', '']]);
  });

  it('formats by hand: borders, number format, alignment, and the cell below shares the edge', () => {
    const excel = createMemoryExcel();
    excel.user.type('Sheet1', 'B2', '3.14159');
    excel.user.setFormat('Sheet1', 'B2:C3', {
      numberFormat: '0.00',
      horizontalAlignment: 'Right',
      font: { color: 'red', size: 14 },
      borders: { EdgeBottom: { style: 'Double', color: '#0000ff' }, InsideVertical: { style: 'Dot' } },
    });
    const cell = excel.inspect.cell('Sheet1', 'B2');
    expect(cell.text).toBe('3.14');
    expect(cell.format.horizontalAlignment).toBe('Right');
    expect(cell.format.font).toMatchObject({ color: '#FF0000', size: 14 });
    expect(cell.format.borders.right.style).toBe('Dot');
    expect(excel.inspect.cell('Sheet1', 'C3').format.borders.bottom).toEqual({ style: 'Double', color: '#0000FF', weight: 'Thin' });
    expect(excel.inspect.cell('Sheet1', 'C4').format.borders.top.style).toBe('Double');
  });

  it('renames, adds and deletes sheets keeping ids stable', async () => {
    const excel = createMemoryExcel();
    const idOf = (name: string) =>
      excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(name).load('id');
        await context.sync();
        return sheet.id;
      });
    const id = await idOf('Sheet1');
    excel.user.renameSheet('Sheet1', '绩效目标申报表');
    expect(excel.user.addSheet()).toBe('Sheet2');
    expect(excel.inspect.sheetNames()).toEqual(['绩效目标申报表', 'Sheet2']);
    expect(await idOf('绩效目标申报表')).toBe(id);
    excel.user.deleteSheet('Sheet2');
    expect(() => excel.user.deleteSheet('绩效目标申报表')).toThrow(expect.objectContaining({ code: 'InvalidOperation' }));
  });

  it('gives the add-in details of a single cell it wrote', async () => {
    const excel = createMemoryExcel();
    const details: unknown[] = [];
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').onChanged.add(async (args) => {
        details.push(args.details);
      });
      await context.sync();
    });
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['文本']];
      await context.sync();
    });
    await excel.whenIdle();
    expect(details).toEqual([{ valueBefore: '', valueAfter: '文本', valueTypeBefore: 'Empty', valueTypeAfter: 'String' }]);
  });
});
