import { createMemoryExcel, type MemoryExcel } from '../../src/office-memory';

const SHEET = '表';

/** A small form: amounts in B2:B4, their sum in B5, a name, a merge, a validation and a CF. */
async function form(): Promise<MemoryExcel> {
  const excel = createMemoryExcel({ sheets: [SHEET, '汇总'] });
  excel.user.paste(SHEET, 'A1', [
    ['项目', '金额'],
    ['甲', 1],
    ['乙', 2],
    ['丙', 3],
    ['合计', null],
  ]);
  excel.user.type(SHEET, 'B5', '=SUM(B2:B4)');
  excel.user.type(SHEET, 'C2', '=B2*2');
  excel.user.type('汇总', 'A1', "='表'!B5");
  excel.user.setFormat(SHEET, 'B3', { fill: '#FFFF00', font: { bold: true } });
  await excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(SHEET);
    sheet.getRange('A6:C6').merge();
    sheet.names.add('合计金额', sheet.getRange('B5'));
    sheet.getRange('B2:B4').dataValidation.rule = { decimal: { formula1: 0, operator: 'GreaterThanOrEqualTo' } };
    const format = sheet.getRange('B2:B4').conditionalFormats.add('Custom');
    format.custom.rule.formula = '=B2<0';
    format.custom.format.fill.color = '#FFC7CE';
    await context.sync();
  });
  return excel;
}

describe('inserting and deleting rows', () => {
  it('moves cells, formats, merges, names, validations, conditional formats and references down', async () => {
    const excel = await form();
    excel.user.insertRows(SHEET, 3, 2);
    expect(excel.inspect.values(SHEET, 'A1:B9').map((row) => row[0])).toEqual(['项目', '甲', '', '', '乙', '丙', '合计', '', '']);
    // Inserted inside B2:B4 (after its first row): the SUM grows.
    expect(excel.inspect.cell(SHEET, 'B7').formula).toBe('=SUM(B2:B6)');
    expect(excel.inspect.cell(SHEET, 'B7').value).toBe(6);
    expect(excel.inspect.cell(SHEET, 'B5').format.fill).toBe('#FFFF00');
    expect(excel.inspect.cell(SHEET, 'B5').format.font.bold).toBe(true);
    expect(excel.inspect.merges(SHEET)).toEqual(['A8:C8']);
    expect(excel.inspect.names(SHEET)).toEqual([expect.objectContaining({ name: '合计金额', formula: '=表!$B$7' })]);
    expect(excel.inspect.validations(SHEET)[0].ranges).toEqual(['B2:B6']);
    expect(excel.inspect.conditionalFormats(SHEET)[0].ranges).toEqual(['B2:B6']);
    expect(excel.inspect.cell('汇总', 'A1').formula).toBe('=表!B7');
    expect(excel.inspect.cell('汇总', 'A1').value).toBe(6);
  });

  it('inserted rows take the formats of the row above', async () => {
    const excel = await form();
    excel.user.insertRows(SHEET, 4, 1);
    expect(excel.inspect.cell(SHEET, 'B4').format.fill).toBe('#FFFF00');
    expect(excel.inspect.cell(SHEET, 'B4').value).toBe('');
  });

  it('inserting at the first row of a range moves the whole range', async () => {
    const excel = await form();
    excel.user.insertRows(SHEET, 2, 1);
    expect(excel.inspect.cell(SHEET, 'B6').formula).toBe('=SUM(B3:B5)');
    expect(excel.inspect.cell(SHEET, 'C3').formula).toBe('=B3*2');
    expect(excel.inspect.conditionalFormats(SHEET)[0].ranges).toEqual(['B3:B5']);
  });

  it('inserting at the last row of a range grows it', async () => {
    const excel = await form();
    excel.user.insertRows(SHEET, 4, 1);
    expect(excel.inspect.cell(SHEET, 'B6').formula).toBe('=SUM(B2:B5)');
  });

  it('inserting below a range leaves it', async () => {
    const excel = await form();
    excel.user.insertRows(SHEET, 5, 1);
    expect(excel.inspect.cell(SHEET, 'B6').formula).toBe('=SUM(B2:B4)');
    expect(excel.inspect.validations(SHEET)[0].ranges).toEqual(['B2:B4']);
  });

  it('deleting rows shrinks ranges, and deleting all of a reference gives #REF!', async () => {
    const excel = await form();
    excel.user.deleteRows(SHEET, 3, 1);
    expect(excel.inspect.cell(SHEET, 'B4').formula).toBe('=SUM(B2:B3)');
    expect(excel.inspect.cell(SHEET, 'B4').value).toBe(4);
    expect(excel.inspect.validations(SHEET)[0].ranges).toEqual(['B2:B3']);
    excel.user.deleteRows(SHEET, 2, 1);
    expect(excel.inspect.cell(SHEET, 'B3').formula).toBe('=SUM(B2:B2)');
    expect(excel.inspect.cell(SHEET, 'C2').formula).toBe(null);
    excel.user.type(SHEET, 'D1', '=B2+1');
    excel.user.deleteRows(SHEET, 2, 1);
    expect(excel.inspect.cell(SHEET, 'B2').formula).toBe('=SUM(#REF!)');
    expect(excel.inspect.cell(SHEET, 'B2').value).toBe('#REF!');
    expect(excel.inspect.cell(SHEET, 'D1').formula).toBe('=#REF!+1');
    expect(excel.inspect.validations(SHEET)).toEqual([]);
    expect(excel.inspect.conditionalFormats(SHEET)).toEqual([]);
  });

  it('deleting the rows of a name leaves the name with #REF!', async () => {
    const excel = await form();
    excel.user.deleteRows(SHEET, 5, 1);
    expect(excel.inspect.names(SHEET)[0].formula).toBe('=表!#REF!');
    expect(excel.inspect.cell('汇总', 'A1').value).toBe('#REF!');
  });

  it('deleting rows through a merge shrinks it, and a merge of one cell goes', async () => {
    const excel = createMemoryExcel();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A2:A5').merge();
      sheet.getRange('C2:C3').merge();
      await context.sync();
    });
    excel.user.deleteRows('Sheet1', 3, 1);
    expect(excel.inspect.merges('Sheet1')).toEqual(['A2:A4']);
  });

  it('an add-in inserts whole rows with getRange("3:3").insert("Down")', async () => {
    const excel = await form();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(SHEET);
      sheet.getRange('3:3').insert('Down');
      sheet.getRange('3:3').insert('Down');
      await context.sync();
    });
    expect(excel.inspect.cell(SHEET, 'B7').formula).toBe('=SUM(B2:B6)');
  });

  it('inserting cells (not whole rows) moves only the cells of those columns', async () => {
    const excel = await form();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(SHEET);
      sheet.getRange('A6:C6').unmerge();
      sheet.getRange('B3').insert('Down');
      await context.sync();
    });
    expect(excel.inspect.cell(SHEET, 'A3').value).toBe('乙');
    expect(excel.inspect.cell(SHEET, 'B4').value).toBe(2);
    expect(excel.inspect.cell(SHEET, 'B6').formula).toBe('=SUM(B2:B5)');
    // A reference wider than the moved band stays.
    expect(excel.inspect.cell(SHEET, 'C2').formula).toBe('=B2*2');
  });

  it('deleting cells with delete("Up") pulls the column up', async () => {
    const excel = await form();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(SHEET);
      sheet.getRange('A6:C6').unmerge();
      sheet.getRange('B2').delete('Up');
      await context.sync();
    });
    expect(excel.inspect.cell(SHEET, 'B2').value).toBe(2);
    expect(excel.inspect.cell(SHEET, 'B4').formula).toBe('=SUM(B2:B3)');
  });

  it('refuses to move cells through a merged area', async () => {
    const excel = await form();
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem(SHEET).getRange('B3').insert('Down');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'MergedRangeConflict' });
    expect(excel.inspect.cell(SHEET, 'B3').value).toBe(2);
  });

  it('shifts columns too', async () => {
    const excel = await form();
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem(SHEET).getRange('B:B').insert('Right');
      await context.sync();
    });
    expect(excel.inspect.cell(SHEET, 'C5').formula).toBe('=SUM(C2:C4)');
    expect(excel.inspect.cell(SHEET, 'D2').formula).toBe('=C2*2');
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem(SHEET).getRange('A:A').delete('Left');
      await context.sync();
    });
    expect(excel.inspect.cell(SHEET, 'B5').formula).toBe('=SUM(B2:B4)');
  });

  it('moves row heights with their rows', async () => {
    const excel = await form();
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem(SHEET).getRange('A4').format.rowHeight = 30;
      await context.sync();
    });
    excel.user.insertRows(SHEET, 2, 1);
    expect([excel.inspect.rowHeight(SHEET, 3), excel.inspect.rowHeight(SHEET, 4)]).toEqual([15, 30]);
  });

  it('refuses inserting rows on a protected sheet', async () => {
    const excel = await form();
    excel.user.protectSheet(SHEET, true);
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem(SHEET).getRange('3:3').insert('Down');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(excel.inspect.cell(SHEET, 'B5').formula).toBe('=SUM(B2:B4)');
  });
});
