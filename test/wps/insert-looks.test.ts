/**
 * An inserted form looks the same in WPS as in Excel: for every cell of the form the fill, font,
 * alignment, wrap, number format and borders; the merges, widths and heights; the validations,
 * the native checks, the marker name and the page setup — WPS's vocabulary (BGR colours, Xl
 * constants, widths in characters) mapped to Excel's.
 */
import { rangeToA1, toA1 } from '../../src/core/grid/address';
import { buildLayoutPlan } from '../../src/core/layout/build-layout-plan';
import type { TemplateId } from '../../src/core/templates/template';
import { columnWidthPoints } from '../../src/excel/apply-layout';
import { createMemoryExcel } from '../../src/office-memory';
import { createMemoryWps } from '../../src/wps-memory';
import { hexFromBgr, XL_ALIGN, XL_CONTINUOUS } from '../../src/wps/wps-api';
import { hostOver, type TestHost } from '../excel/support/memory-host';
import { wpsHostOver, type WpsTestHost } from './support/wps-host';

const FONT = { fontName: '宋体', fontSize: 11 };
const ALIGN: Record<number, string> = { [XL_ALIGN.left]: 'Left', [XL_ALIGN.center]: 'Center', [XL_ALIGN.right]: 'Right', [XL_ALIGN.top]: 'Top', [XL_ALIGN.bottom]: 'Bottom', 1: 'General' };
const EDGES = ['top', 'bottom', 'left', 'right'] as const;

function excelLook(t: TestHost, sheet: string, cell: string) {
  const { format, numberFormat } = t.memory.inspect.cell(sheet, cell);
  return {
    fill: format.fill,
    font: { bold: format.font.bold, size: format.font.size, name: format.font.name, color: format.font.color.toUpperCase() },
    horizontal: format.horizontalAlignment,
    vertical: format.verticalAlignment,
    wrap: format.wrapText,
    numberFormat,
    borders: EDGES.map((edge) => format.borders[edge].style === 'Continuous'),
  };
}

function wpsLook(t: WpsTestHost, sheet: string, cell: string) {
  const { format } = t.wps.inspect.cell(sheet, cell);
  return {
    fill: format.fill === null ? null : hexFromBgr(format.fill),
    font: { bold: format.font.bold, size: format.font.size, name: format.font.name, color: hexFromBgr(format.font.color) },
    horizontal: ALIGN[format.horizontalAlignment] ?? String(format.horizontalAlignment),
    vertical: ALIGN[format.verticalAlignment] ?? String(format.verticalAlignment),
    wrap: format.wrapText,
    numberFormat: format.numberFormat,
    borders: EDGES.map((edge) => format.borders[edge].lineStyle === XL_CONTINUOUS),
  };
}

describe.each<TemplateId>(['department', 'project', 'national-project', 'hunan-department', 'hunan-project'])('%s inserted', (template) => {
  it('looks in WPS as it looks in Excel', async () => {
    const excel = hostOver(createMemoryExcel(FONT));
    const wps = wpsHostOver(createMemoryWps(FONT));
    await Promise.all([excel.host.start(), wps.host.start()]);
    const { sheet } = await excel.host.insert({ template, year: 2022, withSample: true });
    expect((await wps.host.insert({ template, year: 2022, withSample: true })).sheet).toBe(sheet);
    await Promise.all([excel.settle(), wps.settle()]);
    const plan = buildLayoutPlan(template, { year: 2022, withSample: true });
    const extent = plan.extent;
    // One row and column past the form too: a neighbour shows the form's edges (an edge is shared).
    for (let row = extent.top; row <= extent.bottom + 1; row++) {
      for (let col = extent.left; col <= extent.right + 1; col++) {
        const cell = toA1(row, col);
        expect({ cell, look: wpsLook(wps, sheet, cell) }).toEqual({ cell, look: excelLook(excel, sheet, cell) });
      }
    }
    expect(wps.wps.inspect.merges(sheet).sort()).toEqual(excel.memory.inspect.merges(sheet).sort());
    plan.columnWidths.forEach((width, col) => {
      expect(wps.wps.inspect.columnWidth(sheet, col)).toBe(width);
      expect(excel.memory.inspect.columnWidth(sheet, col)).toBeCloseTo(columnWidthPoints(width), 6);
    });
    for (let row = extent.top; row <= extent.bottom; row++) expect({ row, height: wps.wps.inspect.rowHeight(sheet, row) }).toEqual({ row, height: excel.memory.inspect.rowHeight(sheet, row) });
    const conditions = wps.wps.inspect.formatConditions(sheet).map((condition) => ({ formula: condition.formula1, fill: condition.interiorColor === null ? null : hexFromBgr(condition.interiorColor) }));
    expect(conditions).toEqual(expect.arrayContaining(plan.conditionalFormats.map((check) => ({ formula: check.formula, fill: check.fill.toUpperCase() }))));
    const validated = wps.wps.inspect.validations(sheet).map((validation) => validation.ranges).join(',');
    for (const validation of plan.validations) expect(validated.split(',')).toEqual(expect.arrayContaining(rangeToA1(validation.range).split(',')));
    expect(wps.wps.inspect.names().some((name) => name.name === plan.marker.name)).toBe(true);
    const setup = wps.wps.inspect.pageSetup(sheet);
    expect({ orientation: setup.orientation, paperSize: setup.paperSize, wide: setup.fitToPagesWide, tall: setup.fitToPagesTall, top: setup.topMargin }).toEqual({
      orientation: plan.print.orientation === 'landscape' ? 2 : 1,
      paperSize: 9,
      wide: 1,
      tall: false,
      top: plan.print.margins.top * 72,
    });
  });
});
