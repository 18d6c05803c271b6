import { createMemoryExcel, type MemoryExcel } from '../../src/office-memory';

const LABEL = '=N("perf-target-forms:error")=0';

async function highlight(excel: MemoryExcel, addresses: string, color: string): Promise<string> {
  let id = '';
  await excel.run(async (context) => {
    const format = context.workbook.worksheets.getItem('Sheet1').getRanges(addresses).conditionalFormats.add('Custom');
    format.custom.rule.formula = LABEL;
    format.custom.format.fill.color = color;
    format.custom.format.font.color = '#9C0006';
    format.load('id');
    await context.sync();
    id = format.id;
  });
  return id;
}

describe('conditional formats', () => {
  it('adds one format over several areas, lists it and reads its ranges', async () => {
    const excel = createMemoryExcel();
    const id = await highlight(excel, 'D7, D9:D12', '#FFC7CE');
    expect(excel.inspect.conditionalFormats('Sheet1')).toEqual([
      { id, type: 'Custom', priority: 0, formula: LABEL, formula2: null, operator: null, fill: '#FFC7CE', fontColor: '#9C0006', stopIfTrue: false, ranges: ['D7', 'D9:D12'] },
    ]);
    await excel.run(async (context) => {
      const formats = context.workbook.worksheets.getItem('Sheet1').getRange('A1:Z100').conditionalFormats;
      formats.load('items/id,items/type,items/customOrNullObject/rule/formula');
      await context.sync();
      expect(formats.items.map((item) => [item.id, item.type, item.customOrNullObject.isNullObject, item.customOrNullObject.rule.formula])).toEqual([[id, 'Custom', false, LABEL]]);
    });
  });

  it('colours the cells whose formula holds, first format by priority', async () => {
    const excel = createMemoryExcel();
    excel.user.paste('Sheet1', 'A1', [[5], [-1], [0]]);
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1:A3');
      const negative = range.conditionalFormats.add('Custom');
      negative.custom.rule.formula = '=A1<0';
      negative.custom.format.fill.color = '#FF0000';
      const small = range.conditionalFormats.add('Custom');
      small.custom.rule.formula = '=A1<1';
      small.custom.format.fill.color = '#FFFF00';
      await context.sync();
    });
    // The second added is first by priority.
    expect(excel.inspect.highlightedCells('Sheet1')).toEqual(
      new Map([
        ['A2', '#FFFF00'],
        ['A3', '#FFFF00'],
      ]),
    );
  });

  it('deletes one format, and Clear Formats removes those of the range, leaving cell formats as they were', async () => {
    const excel = createMemoryExcel();
    excel.user.setFormat('Sheet1', 'D7', { fill: '#DDEBF7' });
    const before = excel.inspect.cell('Sheet1', 'D7');
    await highlight(excel, 'D7, D9', '#FFC7CE');
    // The later one takes priority 0: the first is now at 1.
    await highlight(excel, 'E1', '#FFEB9C');
    expect(excel.inspect.highlightedCells('Sheet1').get('D7')).toBe('#FFC7CE');
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1:Z99').conditionalFormats.getItem('1').delete();
      await context.sync();
    });
    expect(excel.inspect.conditionalFormats('Sheet1').map((format) => format.ranges)).toEqual([['E1']]);
    expect(excel.inspect.cell('Sheet1', 'D7')).toEqual(before);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('E1').clear('Formats');
      await context.sync();
    });
    expect(excel.inspect.conditionalFormats('Sheet1')).toEqual([]);
  });

  it('evaluates relative references from the top-left cell of the format', async () => {
    const excel = createMemoryExcel();
    excel.user.paste('Sheet1', 'B2', [
      [1, 2],
      [3, 4],
    ]);
    await excel.run(async (context) => {
      const format = context.workbook.worksheets.getItem('Sheet1').getRange('C2:C3').conditionalFormats.add('Custom');
      format.custom.rule.formula = '=C2>B2+1';
      format.custom.format.fill.color = 'yellow';
      await context.sync();
    });
    expect([...excel.inspect.highlightedCells('Sheet1').keys()]).toEqual([]);
    excel.user.type('Sheet1', 'C3', '9');
    expect([...excel.inspect.highlightedCells('Sheet1')]).toEqual([['C3', '#FFFF00']]);
  });

  it('fails getItem of an unknown id with ItemNotFound', async () => {
    const excel = createMemoryExcel();
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1').conditionalFormats.getItem('{nope}').delete();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
  });
});

describe('requirement sets', () => {
  it('answers isSetSupported like Office', () => {
    const excel = createMemoryExcel();
    expect(excel.isSetSupported('ExcelApi', '1.17')).toBe(true);
    expect(excel.isSetSupported('ExcelApi', '1.18')).toBe(false);
    expect(excel.isSetSupported('excelapi')).toBe(true);
    expect(excel.isSetSupported('WordApi', '1.1')).toBe(false);
    excel.setApiVersion('1.8');
    expect(excel.isSetSupported('ExcelApi', '1.9')).toBe(false);
    expect(excel.isSetSupported('ExcelApi', '1.8')).toBe(true);
  });

  it.each([
    ['getRanges (1.9)', '1.8', async (context: Excel.RequestContext) => context.workbook.worksheets.getItem('Sheet1').getRanges('A1, B2').load('address')],
    ['getMergedAreasOrNullObject (1.13)', '1.12', async (context: Excel.RequestContext) => context.workbook.worksheets.getItem('Sheet1').getRange('A1').getMergedAreasOrNullObject().load('address')],
    ['pageLayout (1.9)', '1.8', async (context: Excel.RequestContext) => context.workbook.worksheets.getItem('Sheet1').pageLayout.load('orientation')],
    ['dataValidation (1.8)', '1.7', async (context: Excel.RequestContext) => context.workbook.worksheets.getItem('Sheet1').getRange('A1').dataValidation.load('type')],
    ['runtime.enableEvents (1.8)', '1.7', async (context: Excel.RequestContext) => context.runtime.load('enableEvents')],
    ['fill.pattern (1.9)', '1.8', async (context: Excel.RequestContext) => context.workbook.worksheets.getItem('Sheet1').getRange('A1').format.fill.load('pattern')],
    ['worksheet.onFormatChanged (1.9)', '1.8', async (context: Excel.RequestContext) => context.workbook.worksheets.getItem('Sheet1').onFormatChanged.add(async () => undefined)],
    ['worksheets.onChanged (1.9)', '1.8', async (context: Excel.RequestContext) => context.workbook.worksheets.onChanged.add(async () => undefined)],
    ['worksheet.onChanged (1.7)', '1.6', async (context: Excel.RequestContext) => context.workbook.worksheets.getItem('Sheet1').onChanged.add(async () => undefined)],
  ])('fails %s with ApiNotFound below its set', async (_label, version, call) => {
    const excel = createMemoryExcel();
    excel.setApiVersion(version);
    await expect(
      excel.run(async (context) => {
        await call(context);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  it('lets the same calls through at 1.17', async () => {
    const excel = createMemoryExcel();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1:B1').merge();
      const areas = sheet.getRange('A1:C3').getMergedAreasOrNullObject().load('address');
      const none = sheet.getRange('E5').getMergedAreasOrNullObject();
      await context.sync();
      expect(areas.address).toBe('Sheet1!A1:B1');
      expect(none.isNullObject).toBe(true);
    });
  });
});
