/**
 * The preview draws what each spreadsheet holds: a form inserted through the Excel host into
 * the in-memory Excel and through the WPS host into the in-memory WPS shows the same texts,
 * merged spans, fills, borders and alignments, and, after the same wrong figure, the same cells
 * highlighted — WPS's BGR colours, `Xl` constants and character widths turned into the same CSS.
 */
import { memorySheetSource } from '../../src/preview/memory-sheet-view';
import { buildSheetView, type SheetSource } from '../../src/preview/build-sheet-view';
import { cssBorderOfWps, wpsSheetSource } from '../../src/preview/wps-sheet-view';
import type { CellView, SheetView } from '../../src/preview/sheet-view';
import { hostOver } from '../excel/support/memory-host';
import { newWpsHost } from '../wps/support/wps-host';
import { createMemoryExcel } from '../../src/office-memory';

const SHEET = '部门整体支出绩效目标';

/** What a person sees of a cell (column widths and row heights differ by design: WPS counts characters). */
function seen(cell: CellView) {
  const { fontName: _fontName, fontSize: _fontSize, ...format } = cell.format;
  return { address: cell.address, text: cell.text, rowSpan: cell.rowSpan, colSpan: cell.colSpan, format, highlight: cell.highlight };
}

function cells(view: SheetView) {
  return view.rows.flatMap((row) => row.cells.filter((cell) => cell.text !== '' || cell.format.fill || cell.highlight || cell.rowSpan > 1 || cell.colSpan > 1).map(seen));
}

async function bothHosts(): Promise<{ excel: SheetSource; wps: SheetSource; typeBoth: (address: string, text: string) => Promise<void> }> {
  const excel = hostOver(createMemoryExcel());
  const wps = newWpsHost();
  for (const test of [excel, wps]) {
    await test.host.start();
    await test.host.insert({ template: 'department', year: 2022, withSample: true });
    await test.settle();
  }
  return {
    excel: memorySheetSource(excel.memory.inspect, SHEET),
    wps: wpsSheetSource(wps.wps.inspect, SHEET),
    typeBoth: async (address, text) => {
      excel.memory.user.type(SHEET, address, text);
      wps.wps.user.type(SHEET, address, text);
      await excel.settle();
      await wps.settle();
    },
  };
}

describe('the preview draws a form alike over Excel and WPS', () => {
  it('an inserted sample: the same texts, spans, fills, borders and alignments', async () => {
    const { excel, wps } = await bothHosts();
    const fromWps = cells(buildSheetView(wps));
    expect(fromWps.length).toBeGreaterThan(100);
    expect(fromWps).toEqual(cells(buildSheetView(excel)));
  });

  it('a wrong 基本支出: the same cells highlighted, in the same colours', async () => {
    const { excel, wps, typeBoth } = await bothHosts();
    await typeBoth('F7', '141.70');
    const highlighted = (view: SheetView) => view.rows.flatMap((row) => row.cells.filter((cell) => cell.highlight).map((cell) => [cell.address, cell.highlight, cell.conditionalFill]));
    // The sample's two known warnings (markup in 部门职能职责概述, an unquantified 成本指标) stay yellow.
    expect(highlighted(buildSheetView(wps)).filter(([, kind]) => kind === 'error')).toEqual([['F7', 'error', '#FFC7CE']]);
    expect(highlighted(buildSheetView(wps))).toEqual(highlighted(buildSheetView(excel)));
  });
});

describe('WPS borders in CSS', () => {
  it.each([
    [{ lineStyle: 1, weight: 2, color: 0 }, '1px solid #000000'],
    [{ lineStyle: 1, weight: -4138, color: 255 }, '2px solid #FF0000'],
    [{ lineStyle: -4119, weight: 2, color: 0xff0000 }, '3px double #0000FF'],
    [{ lineStyle: -4118, weight: 1, color: 0 }, '1px dotted #000000'],
    [{ lineStyle: -4142, weight: 2, color: 0 }, null],
  ])('%j draws %s', (border, css) => {
    expect(cssBorderOfWps(border)).toBe(css);
  });
});
