/**
 * The limits of Excel on the web. "Resource limits and performance optimization for Office
 * Add-ins" (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins):
 * requests and responses are limited to 5 MB, a range to five million cells for get operations
 * (office-js-docs-pr #2846, #5333); the codes are `RequestPayloadSizeLimitExceeded`
 * (speckle-excel #9), `ResponsePayloadSizeLimitExceeded` and `RangeExceedsLimit`
 * (`Excel.ErrorCodes`). `Range.getMergedAreasOrNullObject`: "if the merged areas count in this
 * range is more than 512, then this method will fail"; it lists only merged areas whose
 * top-left cell is in the range (office-js #3611).
 */
import { createMemoryExcel, type MemoryExcel } from '../../src/office-memory';

const SHEET = 'Data';

function dataSheet(rows: number, columns: number): MemoryExcel {
  const excel = createMemoryExcel({ sheets: [SHEET] });
  const block = Array.from({ length: rows }, (_, row) => Array.from({ length: columns }, (_, col) => row * 1000.25 + col));
  excel.user.paste(SHEET, 'A1', block);
  return excel;
}

describe('payload limits', () => {
  it('fails a read of more than five million cells with RangeExceedsLimit', async () => {
    const excel = createMemoryExcel({ sheets: [SHEET] });
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem(SHEET).getRange('A1:E1000001').load('values');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'RangeExceedsLimit' });
  });

  let data: MemoryExcel;
  beforeAll(() => {
    data = dataSheet(30_000, 10);
  });

  it('fails a response over 5 MB: a 30,000 × 10 data sheet read whole, values and formulas', async () => {
    const excel = data;
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem(SHEET).getUsedRangeOrNullObject().load('values,formulas');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });

  it('lets the same sheet be read in parts that stay under 5 MB', async () => {
    const excel = data;
    excel.resetSyncCount();
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem(SHEET).getRange('A1:J15000').load('values,formulas');
      await context.sync();
    });
    expect(excel.traffic.responseBytes).toBeGreaterThan(3_000_000);
    expect(excel.traffic.responseBytes).toBeLessThan(5_000_000);
  });

  it('fails a request over 5 MB with RequestPayloadSizeLimitExceeded, applying nothing', async () => {
    const excel = createMemoryExcel({ sheets: [SHEET] });
    const text = 'x'.repeat(60);
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem(SHEET).getRange('A1:A100000').values = Array.from({ length: 100_000 }, () => [text]);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(excel.inspect.usedRange(SHEET)).toBeNull();
  });

  it('counts the bytes of each round trip: the JSON of the values loaded and written', async () => {
    const excel = createMemoryExcel({ sheets: [SHEET] });
    excel.user.paste(SHEET, 'A1', [[1, '申报']]);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem(SHEET).getRange('A1:B1').load('values');
      await context.sync();
    });
    // [[1,"申报"]]: 10 characters, the two CJK ones three bytes each in UTF-8.
    expect(excel.traffic.responseBytes).toBe(14);
    expect(excel.traffic.requestBytes).toBeGreaterThan(0);
  });
});

describe('merged areas', () => {
  async function mergedAreas(excel: MemoryExcel, address: string): Promise<string | null> {
    return excel.run(async (context) => {
      const areas = context.workbook.worksheets.getItem(SHEET).getRange(address).getMergedAreasOrNullObject().load('address');
      await context.sync();
      return areas.isNullObject ? null : areas.address;
    });
  }

  function withMerges(count: number): MemoryExcel {
    const excel = createMemoryExcel({ sheets: [SHEET] });
    void excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(SHEET);
      for (let row = 1; row <= count; row += 1) sheet.getRange(`A${row}:B${row}`).merge();
      await context.sync();
    });
    return excel;
  }

  it('lists 512 merged areas, and fails over 512', async () => {
    const excel = withMerges(513);
    await excel.whenIdle();
    expect((await mergedAreas(excel, 'A1:B512'))?.split(', ')).toHaveLength(512);
    await expect(mergedAreas(excel, 'A1:B513')).rejects.toMatchObject({ code: 'GeneralException' });
  });

  it('lists only the merged areas whose top-left cell is in the range', async () => {
    const excel = withMerges(2);
    await excel.whenIdle();
    expect(await mergedAreas(excel, 'B1:C2')).toBeNull();
    expect(await mergedAreas(excel, 'A2:C3')).toBe(`${SHEET}!A2:B2`);
  });
});
