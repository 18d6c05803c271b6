/**
 * Conditional-format ids are positions. Office.js reference, `Excel.ConditionalFormat.id`:
 * "The priority of the conditional format in the current `ConditionalFormatCollection`"
 * (https://learn.microsoft.com/javascript/api/excel/excel.conditionalformat#excel-excel-conditionalformat-id-member);
 * `ConditionalFormatCollection.add`: "Adds a new conditional format to the collection at the
 * first/top priority"; `ConditionalFormat.priority`: "you have to re-fetch a new copy of the
 * object at that new priority location". A lookup that finds nothing fails with ItemNotFound
 * (office-js issue #5222).
 */
import { createMemoryExcel, type MemoryExcel } from '../../src/office-memory';

const SHEET = 'Sheet1';

async function addCustom(excel: MemoryExcel, address: string, formula: string): Promise<string> {
  return excel.run(async (context) => {
    const format = context.workbook.worksheets.getItem(SHEET).getRange(address).conditionalFormats.add('Custom');
    format.custom.rule.formula = formula;
    format.custom.format.fill.color = '#FFC7CE';
    format.load('id');
    await context.sync();
    return format.id;
  });
}

async function listed(excel: MemoryExcel): Promise<[string, string][]> {
  return excel.run(async (context) => {
    const formats = context.workbook.worksheets.getItem(SHEET).getRange().conditionalFormats.load('items/id,items/customOrNullObject/rule/formula');
    await context.sync();
    return formats.items.map((item): [string, string] => [item.id, item.customOrNullObject.isNullObject ? '' : item.customOrNullObject.rule.formula]);
  });
}

async function formulaOfId(excel: MemoryExcel, id: string): Promise<string> {
  return excel.run(async (context) => {
    const rule = context.workbook.worksheets.getItem(SHEET).getRange().conditionalFormats.getItem(id).custom.rule.load('formula');
    await context.sync();
    return rule.formula;
  });
}

describe('conditional-format ids are priorities', () => {
  it('add() puts the new format at the top and moves the others down', async () => {
    const excel = createMemoryExcel();
    expect(await addCustom(excel, 'A1', '=1')).toBe('0');
    expect(await addCustom(excel, 'B1', '=2')).toBe('0');
    expect(await listed(excel)).toEqual([
      ['0', '=2'],
      ['1', '=1'],
    ]);
  });

  it('delete() moves up the formats below', async () => {
    const excel = createMemoryExcel();
    for (const formula of ['=3', '=2', '=1']) await addCustom(excel, 'A1', formula);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem(SHEET).getRange().conditionalFormats.getItem('0').delete();
      await context.sync();
    });
    expect(await listed(excel)).toEqual([
      ['0', '=2'],
      ['1', '=3'],
    ]);
  });

  it('an id kept from an earlier request finds another format after an add', async () => {
    const excel = createMemoryExcel();
    const kept = await addCustom(excel, 'A1', '=1');
    await addCustom(excel, 'B1', '=2');
    expect(await formulaOfId(excel, kept)).toBe('=2');
  });

  it('an id kept from an earlier request finds none after a delete: ItemNotFound', async () => {
    const excel = createMemoryExcel();
    await addCustom(excel, 'A1', '=1');
    const kept = await addCustom(excel, 'B1', '=2');
    const last = '1';
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem(SHEET).getRange().conditionalFormats.getItem(kept).delete();
      await context.sync();
    });
    await expect(formulaOfId(excel, last)).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  it('deleting by ids top-down in one batch skips a format (delete bottom-up instead)', async () => {
    const excel = createMemoryExcel();
    for (const formula of ['=3', '=2', '=1']) await addCustom(excel, 'A1', formula);
    await excel.run(async (context) => {
      const formats = context.workbook.worksheets.getItem(SHEET).getRange().conditionalFormats;
      formats.getItem('0').delete();
      formats.getItem('1').delete();
      await context.sync();
    });
    expect(await listed(excel)).toEqual([['0', '=2']]);
  });

  it('the object add() returns stays with its format through later adds in the batch', async () => {
    const excel = createMemoryExcel();
    await excel.run(async (context) => {
      const formats = context.workbook.worksheets.getItem(SHEET).getRange('A1').conditionalFormats;
      const first = formats.add('Custom');
      formats.add('Custom').custom.rule.formula = '=2';
      first.custom.rule.formula = '=1';
      await context.sync();
    });
    expect(await listed(excel)).toEqual([
      ['0', '=2'],
      ['1', '=1'],
    ]);
  });

});

describe('conditional formats of other types', () => {
  function withUserRules(): MemoryExcel {
    const excel = createMemoryExcel();
    excel.user.paste(SHEET, 'B2', [[5], [50], [500]]);
    excel.user.addConditionalFormat(SHEET, 'B2:B4', { type: 'CellValue', operator: 'GreaterThan', formula1: '10', fill: '#C6EFCE' });
    excel.user.addConditionalFormat(SHEET, 'C2:C4', { type: 'DataBar' });
    excel.user.addConditionalFormat(SHEET, 'D2:D4, F2', { type: 'ColorScale' });
    return excel;
  }

  it('are listed with their type; customOrNullObject is a null object for them', async () => {
    const excel = withUserRules();
    const items = await excel.run(async (context) => {
      const formats = context.workbook.worksheets.getItem(SHEET).getRange().conditionalFormats.load('items/id,items/type,items/customOrNullObject');
      await context.sync();
      return formats.items.map((item) => [item.id, item.type, item.customOrNullObject.isNullObject]);
    });
    expect(items).toEqual([
      ['0', 'ColorScale', true],
      ['1', 'DataBar', true],
      ['2', 'CellValue', true],
    ]);
  });

  it.each(['CellValue', 'DataBar', 'ColorScale', 'IconSet', 'TopBottom', 'PresetCriteria', 'ContainsText'] as const)('add(%s) makes a format of that type', async (type) => {
    const excel = createMemoryExcel();
    const loaded = await excel.run(async (context) => {
      const format = context.workbook.worksheets.getItem(SHEET).getRange('A1:A3').conditionalFormats.add(type).load('type,id');
      await context.sync();
      return [format.type, format.id];
    });
    expect(loaded).toEqual([type, '0']);
    expect(excel.inspect.conditionalFormats(SHEET).map((format) => format.type)).toEqual([type]);
  });

  it('fails add() of an unknown type with InvalidArgument, and custom of another type with InvalidOperation', async () => {
    const excel = withUserRules();
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem(SHEET).getRange('A1').conditionalFormats.add('Sparkle' as Excel.ConditionalFormatType);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem(SHEET).getRange().conditionalFormats.getItem('0').custom.rule.load('formula');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
  });

  it('a cell-value rule colours the cells it holds for', () => {
    const excel = withUserRules();
    expect(excel.inspect.highlightedCells(SHEET)).toEqual(
      new Map([
        ['B3', '#C6EFCE'],
        ['B4', '#C6EFCE'],
      ]),
    );
  });

  it('keeps them through row inserts and deletes, their ranges moved as Excel moves them', () => {
    const excel = withUserRules();
    excel.user.insertRows(SHEET, 3, 2);
    expect(excel.inspect.conditionalFormats(SHEET).map((format) => [format.type, format.ranges])).toEqual([
      ['ColorScale', ['D2:D6', 'F2']],
      ['DataBar', ['C2:C6']],
      ['CellValue', ['B2:B6']],
    ]);
    excel.user.deleteRows(SHEET, 2, 3);
    expect(excel.inspect.conditionalFormats(SHEET).map((format) => [format.type, format.ranges, format.operator, format.formula])).toEqual([
      ['ColorScale', ['D2:D3'], null, ''],
      ['DataBar', ['C2:C3'], null, ''],
      ['CellValue', ['B2:B3'], 'GreaterThan', '10'],
    ]);
    expect(excel.inspect.conditionalFormats(SHEET).map((format) => format.stopIfTrue)).toEqual([null, null, false]);
  });
});
