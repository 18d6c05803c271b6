/**
 * Events as the Office.js reference documents them:
 * - `WorksheetChangedEventArgs.details` is ExcelApi 1.9, `triggerSource` ExcelApi 1.14: below
 *   those sets the arguments do not carry them.
 * - `Worksheet.onFormatChanged` (ExcelApi 1.9) "occurs when the format is changed on a specific
 *   worksheet"; `onChanged` "occurs when data changes" — a change of format raises the first only.
 *   `WorksheetFormatChangedEventArgs` has no `triggerSource`.
 * - `Excel.RunOptions.delayForCellEdit`: "if the user is in cell edit mode then the batch request
 *   is delayed until the user exits cell edit mode"; without it the batch fails.
 * - A pick from a validation drop-down may raise no onChanged in Excel on the web (the fake's
 *   `dropDownPickRaisesChanged: false`).
 */
import { createMemoryExcel, type MemoryExcel, type MemoryExcelOptions } from '../../src/office-memory';

const SHEET = 'Sheet1';

type Args = Record<string, unknown>;

async function listen(excel: MemoryExcel, event: 'onChanged' | 'onFormatChanged'): Promise<Args[]> {
  const seen: Args[] = [];
  await excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(SHEET);
    const handlers = event === 'onChanged' ? sheet.onChanged : sheet.onFormatChanged;
    handlers.add(async (args: object) => {
      seen.push({ ...args });
    });
    await context.sync();
  });
  return seen;
}

function withList(options: MemoryExcelOptions = {}): MemoryExcel {
  const excel = createMemoryExcel(options);
  void excel.run(async (context) => {
    context.workbook.worksheets.getItem(SHEET).getRange('B2').dataValidation.rule = { list: { inCellDropDown: true, source: '是,否' } };
    await context.sync();
  });
  return excel;
}

describe('change events by requirement set', () => {
  it.each([
    ['1.17', true, true],
    ['1.13', false, true],
    ['1.8', false, false],
  ])('at ExcelApi %s: triggerSource %s, details %s', async (version, hasTrigger, hasDetails) => {
    const excel = createMemoryExcel({ apiVersion: version });
    const seen = await listen(excel, 'onChanged');
    excel.user.type(SHEET, 'A1', '5');
    await excel.whenIdle();
    expect(seen).toHaveLength(1);
    expect('triggerSource' in seen[0]).toBe(hasTrigger);
    expect('details' in seen[0]).toBe(hasDetails);
  });
});

describe('onFormatChanged', () => {
  it('reports a change of format by hand, and onChanged does not', async () => {
    const excel = createMemoryExcel();
    const formats = await listen(excel, 'onFormatChanged');
    const changes = await listen(excel, 'onChanged');
    excel.user.setFormat(SHEET, 'A1:C1', { fill: '#DDEBF7' });
    await excel.whenIdle();
    expect(formats).toEqual([expect.objectContaining({ type: 'WorksheetFormatChanged', address: 'A1:C1', source: 'Local' })]);
    expect('triggerSource' in formats[0]).toBe(false);
    expect(changes).toEqual([]);
  });

  it('reports the add-in’s format writes too, and needs ExcelApi 1.9', async () => {
    const excel = createMemoryExcel();
    const formats = await listen(excel, 'onFormatChanged');
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem(SHEET).getRange('B2').format.font.bold = true;
      await context.sync();
    });
    await excel.whenIdle();
    expect(formats.map((args) => args.address)).toEqual(['B2']);
    excel.setApiVersion('1.8');
    await expect(listen(excel, 'onFormatChanged')).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
});

describe('delayForCellEdit', () => {
  it('without it a batch fails while a cell is edited; with it the batch waits for the edit to end', async () => {
    const excel = createMemoryExcel();
    excel.user.setCellEditMode(true);
    const write = (context: Excel.RequestContext) => {
      context.workbook.worksheets.getItem(SHEET).getRange('A1').values = [[1]];
      return context.sync();
    };
    await expect(excel.run(write)).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    let done = false;
    const delayed = excel.run({ delayForCellEdit: true }, write).then(() => {
      done = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(done).toBe(false);
    expect(excel.inspect.cell(SHEET, 'A1').value).toBe('');
    excel.user.setCellEditMode(false);
    await delayed;
    expect(excel.inspect.cell(SHEET, 'A1').value).toBe(1);
  });
});

describe('a pick from a drop-down', () => {
  it('raises onChanged by default', async () => {
    const excel = withList();
    const seen = await listen(excel, 'onChanged');
    excel.user.pickFromList(SHEET, 'B2', '否');
    await excel.whenIdle();
    expect(seen.map((args) => args.address)).toEqual(['B2']);
    expect(excel.inspect.cell(SHEET, 'B2').value).toBe('否');
  });

  it('can come without onChanged, as Excel on the web does', async () => {
    const excel = withList({ dropDownPickRaisesChanged: false });
    const seen = await listen(excel, 'onChanged');
    excel.user.pickFromList(SHEET, 'B2', '是');
    await excel.whenIdle();
    expect(seen).toEqual([]);
    expect(excel.inspect.cell(SHEET, 'B2').value).toBe('是');
  });

  it('offers only the list’s items, and only in a cell with a drop-down', async () => {
    const excel = withList();
    await excel.whenIdle();
    expect(() => excel.user.pickFromList(SHEET, 'B2', '也许')).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
    expect(() => excel.user.pickFromList(SHEET, 'C3', '是')).toThrow(expect.objectContaining({ code: 'InvalidOperation' }));
  });
});
