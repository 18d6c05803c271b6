/**
 * Ctrl+C, Ctrl+V in Excel: the default paste is Paste Special › All, "all cell contents and
 * formatting, including data validation" (Microsoft support, "Paste options"); conditional
 * formats come along (the destination's are replaced; "All merging conditional formats" is the
 * separate option that keeps them). Relative references move with the copy.
 */
import { createMemoryExcel, type MemoryExcel } from '../../src/office-memory';

const SHEET = 'Sheet1';
const LABEL = '=N("perf-target-forms:error")=0';

async function prepared(): Promise<MemoryExcel> {
  const excel = createMemoryExcel();
  excel.user.paste(SHEET, 'A7', [[1, 2, '=A7+B7']]);
  excel.user.setFormat(SHEET, 'C7', { fill: '#DDEBF7', numberFormat: '0.00' });
  excel.user.addConditionalFormat(SHEET, 'F9', { type: 'CellValue', operator: 'GreaterThan', formula1: '0', fill: '#C6EFCE' });
  await excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(SHEET);
    const format = sheet.getRange('C7').conditionalFormats.add('Custom');
    format.custom.rule.formula = LABEL;
    format.custom.format.fill.color = '#FFC7CE';
    sheet.getRange('C7').dataValidation.rule = { decimal: { operator: 'GreaterThanOrEqualTo', formula1: 0 } };
    await context.sync();
  });
  return excel;
}

describe('copy and paste by the person', () => {
  it('brings the source’s formula (moved), number format and cell format', async () => {
    const excel = await prepared();
    excel.user.copyPaste(SHEET, 'C7', 'F9');
    const pasted = excel.inspect.cell(SHEET, 'F9');
    expect(pasted.formula).toBe('=D9+E9');
    expect(pasted.numberFormat).toBe('0.00');
    expect(pasted.format.fill).toBe('#DDEBF7');
  });

  it('brings the source’s conditional formats and drops the destination’s: a highlighted cell pasted elsewhere is highlighted there', async () => {
    const excel = await prepared();
    excel.user.copyPaste(SHEET, 'C7', 'F9');
    expect(excel.inspect.conditionalFormats(SHEET).map((format) => [format.type, format.formula, format.ranges, format.fill])).toEqual([
      ['Custom', LABEL, ['F9'], '#FFC7CE'],
      ['Custom', LABEL, ['C7'], '#FFC7CE'],
    ]);
    expect(excel.inspect.highlightedCells(SHEET)).toEqual(
      new Map([
        ['C7', '#FFC7CE'],
        ['F9', '#FFC7CE'],
      ]),
    );
  });

  it('brings the source’s data validation', async () => {
    const excel = await prepared();
    excel.user.copyPaste(SHEET, 'C7', 'F9');
    expect(excel.inspect.validations(SHEET).map((validation) => [validation.type, validation.ranges])).toEqual([
      ['Decimal', ['C7']],
      ['Decimal', ['F9']],
    ]);
  });

  it('moves relative references and keeps absolute ones; moved off the sheet they are #REF!', () => {
    const excel = createMemoryExcel();
    excel.user.paste(SHEET, 'B2', [['=A1+$A$1+A$1']]);
    excel.user.copyPaste(SHEET, 'B2', 'C4');
    expect(excel.inspect.cell(SHEET, 'C4').formula).toBe('=B3+$A$1+B$1');
    excel.user.copyPaste(SHEET, 'B2', 'A1');
    expect(excel.inspect.cell(SHEET, 'A1').formula).toBe('=#REF!+$A$1+#REF!');
  });

  it('brings the source’s merged areas and lifts the destination’s', async () => {
    const excel = createMemoryExcel();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(SHEET);
      sheet.getRange('A1:B1').merge();
      sheet.getRange('E5:G5').merge();
      await context.sync();
    });
    excel.user.copyPaste(SHEET, 'A1:C2', 'E5');
    expect(excel.inspect.merges(SHEET)).toEqual(['A1:B1', 'E5:F5']);
  });

  it('raises one onChanged for the destination', async () => {
    const excel = await prepared();
    const seen: string[] = [];
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem(SHEET).onChanged.add(async (args) => {
        seen.push(`${args.changeType}@${args.address}`);
      });
      await context.sync();
    });
    excel.user.copyPaste(SHEET, 'A7:C7', 'A12');
    await excel.whenIdle();
    expect(seen).toEqual(['RangeEdited@A12:C12']);
  });
});
