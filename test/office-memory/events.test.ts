import { createMemoryExcel, type MemoryExcel } from '../../src/office-memory';

interface Seen {
  type: string;
  address?: string;
  changeType?: string;
  source?: string;
  worksheetId?: string;
  triggerSource?: string;
  details?: unknown;
}

async function listen(excel: MemoryExcel, sheet = 'Sheet1'): Promise<{ seen: Seen[]; sheetId: string }> {
  const seen: Seen[] = [];
  let sheetId = '';
  await excel.run(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    worksheet.load('id');
    worksheet.onChanged.add(async (args) => {
      const { type, address, changeType, source, worksheetId, triggerSource, details } = args;
      seen.push({ type, address, changeType, source, worksheetId, triggerSource, details });
    });
    await context.sync();
    sheetId = worksheet.id;
  });
  return { seen, sheetId };
}

describe('onChanged', () => {
  it('reports a typed cell with details, after the current microtasks', async () => {
    const excel = createMemoryExcel();
    excel.user.type('Sheet1', 'D7', '100');
    const { seen, sheetId } = await listen(excel);
    excel.user.type('Sheet1', 'D7', '141.70');
    expect(seen).toEqual([]);
    await Promise.resolve();
    expect(seen).toEqual([]);
    await excel.whenIdle();
    expect(seen).toEqual([
      {
        type: 'WorksheetChanged',
        address: 'D7',
        changeType: 'RangeEdited',
        source: 'Local',
        worksheetId: sheetId,
        triggerSource: 'Unknown',
        details: { valueBefore: 100, valueAfter: 141.7, valueTypeBefore: 'Double', valueTypeAfter: 'Double' },
      },
    ]);
  });

  it('reports a paste once for the whole area, without details', async () => {
    const excel = createMemoryExcel();
    const { seen } = await listen(excel);
    excel.user.paste('Sheet1', 'B2', [
      ['a', 1],
      ['b', 2],
    ]);
    await excel.whenIdle();
    expect(seen).toEqual([expect.objectContaining({ address: 'B2:C3', changeType: 'RangeEdited', details: undefined })]);
  });

  it('reports inserted and deleted rows', async () => {
    const excel = createMemoryExcel();
    const { seen } = await listen(excel);
    excel.user.insertRows('Sheet1', 5, 3);
    excel.user.deleteRows('Sheet1', 2, 1);
    await excel.whenIdle();
    expect(seen.map((event) => [event.changeType, event.address])).toEqual([
      ['RowInserted', '5:7'],
      ['RowDeleted', '2:2'],
    ]);
  });

  it('reports the add-in’s own writes of values as ThisLocalAddin; its format writes raise no onChanged', async () => {
    const excel = createMemoryExcel();
    const { seen } = await listen(excel);
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1:B1');
      range.values = [[1, 2]];
      range.format.fill.color = '#FF0000';
      await context.sync();
    });
    await excel.whenIdle();
    expect(seen.map((event) => [event.address, event.triggerSource])).toEqual([['A1:B1', 'ThisLocalAddin']]);
  });

  it('raises nothing for writes made while runtime.enableEvents is false', async () => {
    const excel = createMemoryExcel();
    const { seen } = await listen(excel);
    await excel.run(async (context) => {
      context.runtime.enableEvents = false;
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[1]];
      context.runtime.enableEvents = true;
      await context.sync();
      context.runtime.load('enableEvents');
      await context.sync();
      expect(context.runtime.enableEvents).toBe(true);
    });
    excel.user.type('Sheet1', 'A2', 'x');
    await excel.whenIdle();
    expect(seen.map((event) => event.address)).toEqual(['A2']);
  });

  it('raises nothing for conditional formats', async () => {
    const excel = createMemoryExcel();
    const { seen } = await listen(excel);
    await excel.run(async (context) => {
      const format = context.workbook.worksheets.getItem('Sheet1').getRange('A1:A3').conditionalFormats.add('Custom');
      format.custom.rule.formula = '=A1>1';
      format.custom.format.fill.color = '#FFC7CE';
      await context.sync();
    });
    await excel.whenIdle();
    expect(seen).toEqual([]);
  });

  it('raises no onChanged for a change of format by hand (onFormatChanged does)', async () => {
    const excel = createMemoryExcel();
    const { seen } = await listen(excel);
    excel.user.setFormat('Sheet1', 'A1:C1', { fill: '#DDEBF7', borders: { EdgeBottom: { style: 'Continuous' } } });
    await excel.whenIdle();
    expect(seen).toEqual([]);
  });

  it('stops after remove(), and the workbook-wide onChanged sees every sheet', async () => {
    const excel = createMemoryExcel({ sheets: ['A', 'B'] });
    const sheetEvents: string[] = [];
    const bookEvents: string[] = [];
    let removable: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | undefined;
    await excel.run(async (context) => {
      removable = context.workbook.worksheets.getItem('A').onChanged.add(async (args) => {
        sheetEvents.push(args.address);
      });
      context.workbook.worksheets.onChanged.add(async (args) => {
        bookEvents.push(`${args.worksheetId.length > 0 ? 'sheet' : ''}:${args.address}`);
      });
      await context.sync();
    });
    excel.user.type('A', 'A1', '1');
    excel.user.type('B', 'B2', '2');
    await excel.whenIdle();
    // As with Office.js: remove() is queued on the context the handler was added with.
    const handler = removable;
    if (!handler) throw new Error('no handler');
    await excel.run(handler.context, async (context) => {
      handler.remove();
      await context.sync();
    });
    excel.user.type('A', 'A3', '3');
    await excel.whenIdle();
    expect(sheetEvents).toEqual(['A1']);
    expect(bookEvents).toEqual(['sheet:A1', 'sheet:B2', 'sheet:A3']);
  });

  it('hands a range for the change to the handler through getRange(context)', async () => {
    const excel = createMemoryExcel();
    const texts: string[][][] = [];
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').onChanged.add(async (args) => {
        await excel.run(async (inner) => {
          const range = args.getRange(inner).load('text');
          await inner.sync();
          texts.push(range.text);
        });
      });
      await context.sync();
    });
    excel.user.type('Sheet1', 'C3', '0.5');
    await excel.whenIdle();
    expect(texts).toEqual([[['0.5']]]);
  });

  it('keeps the errors of handlers instead of losing them', async () => {
    const excel = createMemoryExcel();
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').onChanged.add(async () => {
        throw new Error('handler failed');
      });
      await context.sync();
    });
    excel.user.type('Sheet1', 'A1', '1');
    await excel.whenIdle();
    expect(excel.handlerErrors).toEqual([new Error('handler failed')]);
  });

  it('reports sheets added, deleted and activated', async () => {
    const excel = createMemoryExcel();
    const seen: string[] = [];
    await excel.run(async (context) => {
      context.workbook.worksheets.onAdded.add(async (args) => {
        seen.push(`${args.type}`);
      });
      context.workbook.worksheets.onDeleted.add(async (args) => {
        seen.push(`${args.type}`);
      });
      context.workbook.worksheets.onActivated.add(async (args) => {
        seen.push(`${args.type}`);
      });
      await context.sync();
    });
    excel.user.addSheet('新表');
    excel.user.activate('新表');
    excel.user.deleteSheet('Sheet1');
    await excel.whenIdle();
    expect(seen).toEqual(['WorksheetAdded', 'WorksheetActivated', 'WorksheetDeleted']);
  });
});

describe('onNameChanged', () => {
  it('reports a rename by hand, with the names before and after', async () => {
    const excel = createMemoryExcel();
    const seen: Excel.WorksheetNameChangedEventArgs[] = [];
    await excel.run(async (context) => {
      context.workbook.worksheets.onNameChanged.add(async (args) => {
        seen.push(args);
      });
      await context.sync();
    });
    excel.user.renameSheet('Sheet1', '申报表');
    excel.user.renameSheet('申报表', '申报表2');
    await excel.whenIdle();
    const id = await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('申报表2').load('id');
      await context.sync();
      return sheet.id;
    });
    expect(seen).toEqual([
      { type: 'WorksheetNameChanged', source: 'Local', worksheetId: id, nameBefore: 'Sheet1', nameAfter: '申报表' },
      { type: 'WorksheetNameChanged', source: 'Local', worksheetId: id, nameBefore: '申报表', nameAfter: '申报表2' },
    ]);
  });
});

describe('onDidChange', () => {
  it('tells the preview after each change, not after reads', async () => {
    const excel = createMemoryExcel();
    let calls = 0;
    const unsubscribe = excel.onDidChange(() => {
      calls += 1;
    });
    excel.user.type('Sheet1', 'A1', 'x');
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').load('values');
      await context.sync();
    });
    expect(calls).toBe(1);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A2').values = [['y']];
      await context.sync();
    });
    expect(calls).toBe(2);
    unsubscribe();
    excel.user.type('Sheet1', 'A3', 'z');
    expect(calls).toBe(2);
  });
});
