import { createMemoryExcel, MemoryExcelError, type MemoryExcel } from '../../src/office-memory';

function codeOf(error: unknown): string {
  if (error instanceof MemoryExcelError) return error.code;
  throw error;
}

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return codeOf(error);
  }
  throw new Error('expected the promise to fail');
}

describe('proxies, load and sync', () => {
  let excel: MemoryExcel;
  beforeEach(() => {
    excel = createMemoryExcel({ sheets: ['申报表', 'Sheet2'] });
  });

  it('throws PropertyNotLoaded before load and sync, and after load without sync', async () => {
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('申报表').getRange('A1:B2');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('values');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(range.values).toEqual([
        ['', ''],
        ['', ''],
      ]);
      expect(() => range.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      expect(() => range.format.fill.color).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('loads nested paths and option objects', async () => {
    excel.user.setFormat('申报表', 'A1', { fill: '#ffeeaa', font: { bold: true } });
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('申报表').getRange('A1');
      range.load(['format/fill/color', 'address']);
      const other = context.workbook.worksheets.getItem('申报表').getRange('A1');
      other.load({ format: { font: { bold: true } }, rowIndex: true });
      await context.sync();
      expect(range.format.fill.color).toBe('#FFEEAA');
      expect(range.address).toBe("申报表!A1");
      expect(other.format.font.bold).toBe(true);
      expect(other.rowIndex).toBe(0);
      expect(() => other.format.font.italic).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('quotes sheet names in addresses when Excel would', async () => {
    excel.user.addSheet('My sheet');
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('My sheet').getRange('B2:C3').load('address');
      await context.sync();
      expect(range.address).toBe("'My sheet'!B2:C3");
    });
  });

  it('applies commands only at sync, and counts round trips', async () => {
    excel.resetSyncCount();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('申报表').getRange('A1');
      range.values = [[141.7]];
      expect(excel.inspect.cell('申报表', 'A1').value).toBe('');
      await context.sync();
      expect(excel.inspect.cell('申报表', 'A1').value).toBe(141.7);
    });
    expect(excel.syncCount).toBe(1);
    excel.syncCount = 0;
    expect(excel.syncCount).toBe(0);
  });

  it('gives a snapshot at the sync, not live values', async () => {
    excel.user.type('申报表', 'A1', '1');
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('申报表').getRange('A1').load('values');
      await context.sync();
      excel.user.type('申报表', 'A1', '2');
      expect(range.values).toEqual([[1]]);
      range.load('values');
      await context.sync();
      expect(range.values).toEqual([[2]]);
    });
  });

  it('reads a load placed after a write in the same batch with the written value', async () => {
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('申报表');
      sheet.getRange('A1:A2').values = [[2], [3]];
      sheet.getRange('A3').formulas = [['=SUM(A1:A2)']];
      const total = sheet.getRange('A3').load(['values', 'formulas', 'text']);
      await context.sync();
      expect(total.values).toEqual([[5]]);
      expect(total.formulas).toEqual([['=SUM(A1:A2)']]);
      expect(total.text).toEqual([['5']]);
    });
  });

  it.each([
    ['too many rows', 'A1:B1', [[1, 2], [3, 4]]],
    ['too few columns', 'A1:B2', [[1], [2]]],
    ['not an array', 'A1', 5],
    ['one dimension', 'A1:B1', [1, 2]],
  ])('rejects values of the wrong shape (%s) with InvalidArgument at sync, keeping earlier commands', async (_label, address, values) => {
    const code = await failure(
      excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('申报表');
        sheet.getRange('D1').values = [['before']];
        (sheet.getRange(address) as { values: unknown }).values = values;
        sheet.getRange('D2').values = [['after']];
        await context.sync();
      }),
    );
    expect(code).toBe('InvalidArgument');
    expect(excel.inspect.cell('申报表', 'D1').value).toBe('before');
    expect(excel.inspect.cell('申报表', 'D2').value).toBe('');
  });

  it('fails getItem of a missing sheet with ItemNotFound', async () => {
    expect(
      await failure(
        excel.run(async (context) => {
          context.workbook.worksheets.getItem('缺失').load('name');
          await context.sync();
        }),
      ),
    ).toBe('ItemNotFound');
  });

  it('refuses writes to a protected sheet with AccessDenied and leaves the cells alone', async () => {
    excel.user.type('申报表', 'A1', 'kept');
    excel.user.protectSheet('申报表', true);
    const code = await failure(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('申报表').getRange('A1:B1').values = [['x', 'y']];
        await context.sync();
      }),
    );
    expect(code).toBe('AccessDenied');
    expect(excel.inspect.values('申报表', 'A1:B1')).toEqual([['kept', '']]);
    const formatCode = await failure(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('申报表').getRange('A1').format.fill.color = '#FF0000';
        await context.sync();
      }),
    );
    expect(formatCode).toBe('AccessDenied');
    expect(excel.inspect.cell('申报表', 'A1').format.fill).toBeNull();
  });

  it('fails runs while the person edits a cell, and runs again afterwards', async () => {
    excel.setCellEditMode(true);
    const code = await failure(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('申报表').getRange('A1').values = [[1]];
        await context.sync();
      }),
    );
    expect(code).toBe('InvalidOperationInCellEditMode');
    expect(excel.inspect.cell('申报表', 'A1').value).toBe('');
    excel.setCellEditMode(false);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('申报表').getRange('A1').values = [[1]];
      await context.sync();
    });
    expect(excel.inspect.cell('申报表', 'A1').value).toBe(1);
  });

  it('waits for the edit to end with delayForCellEdit', async () => {
    excel.setCellEditMode(true);
    const done = excel.run({ delayForCellEdit: true }, async (context) => {
      context.workbook.worksheets.getItem('申报表').getRange('A1').values = [[7]];
      await context.sync();
    });
    await Promise.resolve();
    excel.setCellEditMode(false);
    await done;
    expect(excel.inspect.cell('申报表', 'A1').value).toBe(7);
  });

  it('syncs what the batch left queued when it returns', async () => {
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('申报表').getRange('B2').values = [['late']];
    });
    expect(excel.inspect.cell('申报表', 'B2').value).toBe('late');
  });

  it('refuses objects of a finished batch, and goes on with Excel.run(object.context, …)', async () => {
    let kept: Excel.Range | undefined;
    await excel.run(async (context) => {
      kept = context.workbook.worksheets.getItem('申报表').getRange('A1');
      await context.sync();
    });
    const range = kept;
    if (!range) throw new Error('no range');
    expect(() => {
      range.values = [[1]];
    }).toThrow(expect.objectContaining({ code: 'InvalidRequestContext' }));
    await excel.run(range.context, async (context) => {
      range.values = [[2]];
      await context.sync();
    });
    expect(excel.inspect.cell('申报表', 'A1').value).toBe(2);
    await excel.run(range, async (context) => {
      range.values = [[3]];
      await context.sync();
    });
    expect(excel.inspect.cell('申报表', 'A1').value).toBe(3);
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('申报表').names.add('x', range);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidRequestContext' });
  });

  it('fails a batch that does not return a promise', async () => {
    const run = excel.run as unknown as (batch: () => unknown) => Promise<unknown>;
    expect(await failure(run(() => 1))).toBe('RunMustReturnPromise');
  });
});

describe('worksheets', () => {
  it.each([
    ['too long', 'x'.repeat(32), 'InvalidArgument'],
    ['a slash', 'a/b', 'InvalidArgument'],
    ['a colon', 'a:b', 'InvalidArgument'],
    ['a bracket', 'a[1]', 'InvalidArgument'],
    ['an existing name in another case', 'sheet1', 'ItemAlreadyExists'],
  ])('refuses a sheet name with %s', async (_label, name, code) => {
    const excel = createMemoryExcel();
    expect(
      await failure(
        excel.run(async (context) => {
          context.workbook.worksheets.add(name);
          await context.sync();
        }),
      ),
    ).toBe(code);
  });

  it('adds and lists sheets with stable ids, activates and deletes them', async () => {
    const excel = createMemoryExcel();
    let id = '';
    await excel.run(async (context) => {
      const added = context.workbook.worksheets.add('绩效目标申报表');
      added.load('id, name, position');
      await context.sync();
      id = added.id;
      expect(id).toMatch(/^\{[0-9A-F-]+\}$/);
      expect(added.position).toBe(1);
      added.activate();
      const sheets = context.workbook.worksheets.load('items/name');
      await context.sync();
      expect(sheets.items.map((sheet) => sheet.name)).toEqual(['Sheet1', '绩效目标申报表']);
    });
    expect(excel.inspect.activeSheet()).toBe('绩效目标申报表');
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(id).load('name');
      await context.sync();
      expect(sheet.name).toBe('绩效目标申报表');
      sheet.delete();
      await context.sync();
    });
    expect(excel.inspect.sheetNames()).toEqual(['Sheet1']);
  });

  it('names new sheets as Excel does', async () => {
    const excel = createMemoryExcel();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.add().load('name');
      await context.sync();
      expect(sheet.name).toBe('Sheet2');
    });
  });
});
