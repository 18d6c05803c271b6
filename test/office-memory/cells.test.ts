import { createMemoryExcel } from '../../src/office-memory';

describe('formats', () => {
  it('writes and reads fill, font, alignment, wrap, borders and locking', async () => {
    const excel = createMemoryExcel();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('B2:C3');
      range.format.fill.color = '#ddebf7';
      range.format.font.bold = true;
      range.format.font.name = '宋体';
      range.format.font.size = 12;
      range.format.font.color = '#1F4E78';
      range.format.horizontalAlignment = 'Center';
      range.format.verticalAlignment = 'Center';
      range.format.wrapText = true;
      for (const index of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const) {
        const border = range.format.borders.getItem(index);
        border.style = 'Continuous';
        border.weight = 'Thin';
        border.color = '#000000';
      }
      range.load('format/fill/color, format/font/bold, format/font/name, format/horizontalAlignment, format/wrapText');
      const top = range.format.borders.getItem('EdgeTop').load('style,color,weight');
      const inside = range.format.borders.getItem('InsideHorizontal').load('style');
      const fill = range.format.fill.load('pattern');
      const plain = context.workbook.worksheets.getItem('Sheet1').getRange('E5').format.fill.load('color,pattern');
      await context.sync();
      expect(range.format.fill.color).toBe('#DDEBF7');
      expect(range.format.font.bold).toBe(true);
      expect(range.format.font.name).toBe('宋体');
      expect(range.format.horizontalAlignment).toBe('Center');
      expect(range.format.wrapText).toBe(true);
      expect([top.style, top.color, top.weight]).toEqual(['Continuous', '#000000', 'Thin']);
      expect(inside.style).toBe('Continuous');
      expect(fill.pattern).toBe('Solid');
      expect([plain.color, plain.pattern]).toEqual(['#FFFFFF', 'None']);
    });
    const cell = excel.inspect.cell('Sheet1', 'C3');
    expect(cell.format).toEqual({
      fill: '#DDEBF7',
      font: { bold: true, italic: false, size: 12, name: '宋体', color: '#1F4E78', underline: 'None', strikethrough: false },
      horizontalAlignment: 'Center',
      verticalAlignment: 'Center',
      wrapText: true,
      borders: {
        top: { style: 'Continuous', color: '#000000', weight: 'Thin' },
        bottom: { style: 'Continuous', color: '#000000', weight: 'Thin' },
        left: { style: 'Continuous', color: '#000000', weight: 'Thin' },
        right: { style: 'Continuous', color: '#000000', weight: 'Thin' },
      },
      locked: true,
    });
    // The cell below shares the bottom edge.
    expect(excel.inspect.cell('Sheet1', 'C4').format.borders.top.style).toBe('Continuous');
  });

  it('reads null for a property that differs across the range', async () => {
    const excel = createMemoryExcel();
    excel.user.setFormat('Sheet1', 'A1', { fill: '#FF0000' });
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1:A2').load('format/fill/color');
      await context.sync();
      expect(range.format.fill.color).toBeNull();
    });
  });

  it('clears fills, and sets column widths', async () => {
    const excel = createMemoryExcel();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1:B1');
      range.format.fill.color = '#FFFF00';
      range.format.font.italic = true;
      range.format.columnWidth = 80;
      await context.sync();
      range.format.fill.clear();
      await context.sync();
    });
    expect(excel.inspect.cell('Sheet1', 'B1').format.fill).toBeNull();
    expect(excel.inspect.cell('Sheet1', 'B1').format.font.italic).toBe(true);
    expect([excel.inspect.columnWidth('Sheet1', 1), excel.inspect.columnWidth('Sheet1', 2)]).toEqual([80, 48]);
  });

  it('formats whole columns for every cell, even those written later', async () => {
    const excel = createMemoryExcel();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1').values = [['before']];
      sheet.getRange('A:B').format.font.name = '仿宋';
      sheet.getRange('B9').values = [['after']];
      const whole = sheet.getRange('A:A').load('format/font/name');
      await context.sync();
      expect(whole.format.font.name).toBe('仿宋');
    });
    expect(excel.inspect.cell('Sheet1', 'A1').format.font.name).toBe('仿宋');
    expect(excel.inspect.cell('Sheet1', 'B9').format.font.name).toBe('仿宋');
    expect(excel.inspect.cell('Sheet1', 'C1').format.font.name).toBe('Calibri');
  });

  it('rejects a colour Excel would not take', async () => {
    const excel = createMemoryExcel();
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1').format.fill.color = 'not-a-colour';
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

});

describe('ranges', () => {
  it('derives ranges as Excel does', async () => {
    const excel = createMemoryExcel();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      const base = sheet.getRange('B2:C3');
      const reads = [base.getCell(1, 1), base.getRow(1), base.getColumn(0), sheet.getRange('3:5'), sheet.getCell(0, 0)].map((range) => range.load('address'));
      const indexes = base.load('rowIndex,columnIndex,rowCount');
      await context.sync();
      expect(reads.map((range) => range.address)).toEqual(['Sheet1!C3', 'Sheet1!B3:C3', 'Sheet1!B2:B3', 'Sheet1!3:5', 'Sheet1!A1']);
      expect([indexes.rowIndex, indexes.columnIndex, indexes.rowCount]).toEqual([1, 1, 2]);
    });
  });

  it('gives the used range, with a null object for an empty sheet', async () => {
    const excel = createMemoryExcel({ sheets: ['A', 'B'] });
    excel.user.type('A', 'C4', '1');
    excel.user.setFormat('A', 'E9', { fill: '#FF0000' });
    await excel.run(async (context) => {
      const values = context.workbook.worksheets.getItem('A').getUsedRangeOrNullObject(true).load('address');
      const all = context.workbook.worksheets.getItem('A').getUsedRangeOrNullObject().load('address');
      const empty = context.workbook.worksheets.getItem('B').getUsedRangeOrNullObject(true).load('values');
      await context.sync();
      expect(values.address).toBe('A!C4');
      expect(all.address).toBe('A!C4:E9');
      expect(empty.isNullObject).toBe(true);
    });
  });

  it('writes null to leave a cell and "" to clear it', async () => {
    const excel = createMemoryExcel();
    excel.user.paste('Sheet1', 'A1', [['keep', 'drop']]);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1:B1').values = [[null, '']];
      await context.sync();
    });
    expect(excel.inspect.values('Sheet1', 'A1:B1')).toEqual([['keep', '']]);
  });

  it('reads numbers written as text the way Excel stores them', async () => {
    const excel = createMemoryExcel();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A3').numberFormat = [['@']];
      sheet.getRange('A1:A3').values = [['8866810'], ["'8866810"], ['8866810']];
      const range = sheet.getRange('A1:A3').load('values');
      await context.sync();
      expect(range.values).toEqual([[8866810], ['8866810'], ['8866810']]);
    });
  });

  it('merges, keeping the top-left value, and unmerges', async () => {
    const excel = createMemoryExcel();
    excel.user.paste('Sheet1', 'A1', [['标题', 'x', 'y']]);
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1:C1').merge();
      sheet.getRange('A2:C3').merge(true);
      await context.sync();
    });
    expect(excel.inspect.merges('Sheet1')).toEqual(['A1:C1', 'A2:C2', 'A3:C3']);
    expect(excel.inspect.values('Sheet1', 'A1:C1')).toEqual([['标题', '', '']]);
    expect(excel.inspect.cell('Sheet1', 'B1').mergedArea).toBe('A1:C1');
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A2:A3').unmerge();
      await context.sync();
    });
    expect(excel.inspect.merges('Sheet1')).toEqual(['A1:C1']);
  });

  it('clears contents, formats or both', async () => {
    const excel = createMemoryExcel();
    excel.user.type('Sheet1', 'A1', '1');
    excel.user.setFormat('Sheet1', 'A1', { fill: '#FF0000' });
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').clear('Contents');
      await context.sync();
    });
    expect(excel.inspect.cell('Sheet1', 'A1')).toMatchObject({ value: '', format: { fill: '#FF0000' } });
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').clear();
      await context.sync();
    });
    expect(excel.inspect.cell('Sheet1', 'A1').format.fill).toBeNull();
  });

  it('selects ranges, activating their sheet', async () => {
    const excel = createMemoryExcel({ sheets: ['A', 'B'] });
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('B').getRange('D7:E8').select();
      await context.sync();
    });
    expect(excel.inspect.selection()).toEqual({ sheet: 'B', address: 'D7:E8' });
    excel.user.select('A', 'C3');
    expect(excel.inspect.activeSheet()).toBe('A');
  });
});

describe('names, validations and page layout', () => {
  it('adds sheet names for ranges, and refuses a name taken', async () => {
    const excel = createMemoryExcel({ sheets: ['申报表'] });
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('申报表');
      const item = sheet.names.add('ptf_form', sheet.getRange('A1:E40'), 'form area').load('name,formula');
      await context.sync();
      expect([item.name, item.formula]).toEqual(['ptf_form', '=申报表!$A$1:$E$40']);
    });
    expect(excel.inspect.names('申报表')).toEqual([{ name: 'ptf_form', formula: '=申报表!$A$1:$E$40', comment: 'form area', visible: true }]);
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('申报表').names.add('PTF_FORM', '=申报表!$A$1');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
  });

  it('sets validation rules, prompts and alerts; typing is checked, a paste is not', async () => {
    const excel = createMemoryExcel();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      const amounts = sheet.getRange('D7:D9');
      amounts.dataValidation.rule = { decimal: { formula1: 0, operator: 'GreaterThanOrEqualTo' } };
      amounts.dataValidation.prompt = { showPrompt: true, title: '金额', message: '万元，两位小数' };
      amounts.dataValidation.errorAlert = { showAlert: true, style: 'Stop', title: '金额', message: '请输入数字' };
      sheet.getRange('B2').dataValidation.rule = { list: { inCellDropDown: true, source: '是,否' } };
      sheet.getRange('C2').dataValidation.rule = { textLength: { formula1: 4, operator: 'LessThanOrEqualTo' } };
      await context.sync();
    });
    expect(excel.inspect.validations('Sheet1')[0]).toMatchObject({
      ranges: ['D7:D9'],
      type: 'Decimal',
      operator: 'GreaterThanOrEqualTo',
      formula1: '0',
      prompt: { showPrompt: true, title: '金额', message: '万元，两位小数' },
      errorAlert: { showAlert: true, style: 'Stop', title: '金额', message: '请输入数字' },
    });
    expect(excel.user.type('Sheet1', 'D7', '-1')).toEqual({ accepted: false, reason: 'validation', title: '金额', message: '请输入数字' });
    expect(excel.inspect.cell('Sheet1', 'D7').value).toBe('');
    expect(excel.user.type('Sheet1', 'D7', '12.5')).toEqual({ accepted: true });
    expect(excel.user.type('Sheet1', 'B2', '是')).toEqual({ accepted: true });
    expect(excel.user.type('Sheet1', 'B2', '也许').accepted).toBe(false);
    expect(excel.user.type('Sheet1', 'C2', '超过四个字了').accepted).toBe(false);
    excel.user.paste('Sheet1', 'D8', [['abc']]);
    expect(excel.inspect.cell('Sheet1', 'D8').value).toBe('abc');
    await excel.run(async (context) => {
      const validation = context.workbook.worksheets.getItem('Sheet1').getRange('D7:D9').dataValidation.load('type,rule');
      const mixed = context.workbook.worksheets.getItem('Sheet1').getRange('B2:C2').dataValidation.load('type');
      await context.sync();
      expect(validation.type).toBe('Decimal');
      expect(validation.rule).toEqual({ decimal: { formula1: '0', operator: 'GreaterThanOrEqualTo' } });
      expect(mixed.type).toBe('Inconsistent');
    });
  });

  it('sets the page layout for printing', async () => {
    const excel = createMemoryExcel();
    await excel.run(async (context) => {
      const layout = context.workbook.worksheets.getItem('Sheet1').pageLayout;
      layout.orientation = 'Landscape';
      layout.paperSize = 'A4';
      layout.centerHorizontally = true;
      layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      layout.leftMargin = 36;
      layout.setPrintArea('A1:E40');
      layout.setPrintTitleRows('$4:$5');
      await context.sync();
      const read = layout.load('orientation,zoom,leftMargin');
      await context.sync();
      expect([read.orientation, read.zoom, read.leftMargin]).toEqual(['Landscape', { horizontalFitToPages: 1, verticalFitToPages: 0 }, 36]);
    });
    expect(excel.inspect.pageLayout('Sheet1')).toMatchObject({
      orientation: 'Landscape',
      centerHorizontally: true,
      printArea: ['A1:E40'],
      printTitleRows: '4:5',
    });
  });
});

describe('typing on a protected sheet', () => {
  it('is turned away in locked cells and let in where the form unlocked them', () => {
    const excel = createMemoryExcel();
    excel.user.setFormat('Sheet1', 'B2', { locked: false });
    excel.user.protectSheet('Sheet1', true);
    expect(excel.user.type('Sheet1', 'A1', 'x')).toMatchObject({ accepted: false, reason: 'protected' });
    expect(excel.user.type('Sheet1', 'B2', 'y')).toEqual({ accepted: true });
    expect(excel.inspect.values('Sheet1', 'A1:B2')).toEqual([
      ['', ''],
      ['', 'y'],
    ]);
  });
});

describe('reopening', () => {
  it('keeps cells, formats, names and conditional formats, and drops handlers', async () => {
    const excel = createMemoryExcel();
    const seen: string[] = [];
    excel.user.type('Sheet1', 'A1', '=1+1');
    excel.user.setFormat('Sheet1', 'A1', { fill: '#FF0000' });
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.names.add('n', sheet.getRange('A1'));
      const format = sheet.getRange('A1').conditionalFormats.add('Custom');
      format.custom.rule.formula = '=A1=2';
      format.custom.format.fill.color = '#00FF00';
      sheet.onChanged.add(async (args) => {
        seen.push(args.address);
      });
      await context.sync();
    });
    const reopened = excel.clone();
    expect(reopened.inspect.cell('Sheet1', 'A1')).toEqual(excel.inspect.cell('Sheet1', 'A1'));
    expect(reopened.inspect.names('Sheet1')).toEqual(excel.inspect.names('Sheet1'));
    expect(reopened.inspect.conditionalFormats('Sheet1')).toEqual(excel.inspect.conditionalFormats('Sheet1'));
    expect(reopened.inspect.highlightedCells('Sheet1')).toEqual(new Map([['A1', '#00FF00']]));
    reopened.user.type('Sheet1', 'B1', 'x');
    await reopened.whenIdle();
    expect(seen).toEqual([]);
    expect(excel.inspect.cell('Sheet1', 'B1').value).toBe('');
  });
});

describe('formats of the whole sheet', () => {
  it('reads a format of the whole sheet quickly and as one value only when every cell agrees', async () => {
    const excel = createMemoryExcel();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      const all = sheet.getRange();
      all.format.font.name = '宋体';
      const same = sheet.getRange().load('format/font/name');
      await context.sync();
      expect(same.format.font.name).toBe('宋体');
      sheet.getRange('C3').format.font.name = '黑体';
      const mixed = sheet.getRange().load('format/font/name');
      const rows = sheet.getRange('2:4').load('format/font/name');
      await context.sync();
      expect(mixed.format.font.name).toBeNull();
      expect(rows.format.font.name).toBeNull();
    });
    expect(excel.inspect.cell('Sheet1', 'Z100').format.font.name).toBe('宋体');
  });
});

