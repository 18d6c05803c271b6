/**
 * The exported template, written and read back with ExcelJS: every cell of the layout plan
 * is in the file as the plan says — values, formulas with results, styles, merges, widths,
 * heights, validations, native checks, print setup and the sheet-scoped marker name.
 */
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { rangeToA1, toA1 } from '../../../src/core/grid/address';
import { buildLayoutPlan } from '../../../src/core/layout/build-layout-plan';
import type { LayoutPlan } from '../../../src/core/layout/layout-plan';
import { planToSnapshot } from '../../../src/core/layout/plan-to-snapshot';
import type { TemplateId } from '../../../src/core/templates/template';
import { workbookToBuffer } from '../../../src/cli/xlsx/save-workbook';
import { templateWorkbook, toArgb } from '../../../src/cli/xlsx/write-plan';
import { cellsOfRef, conditionalFormatsOf, loadWorkbook } from '../helpers/workbooks';

const CASES: readonly { template: TemplateId; withSample: boolean }[] = [
  { template: 'department', withSample: false },
  { template: 'department', withSample: true },
  { template: 'project', withSample: false },
  { template: 'project', withSample: true },
];

describe.each(CASES)('the $template template (sample: $withSample) written to .xlsx', ({ template, withSample }) => {
  let plan: LayoutPlan;
  let bytes: Buffer;
  let sheet: ExcelJS.Worksheet;

  beforeAll(async () => {
    plan = buildLayoutPlan(template, { year: 2022, withSample });
    bytes = await workbookToBuffer(templateWorkbook(template, { year: 2022, withSample }));
    const workbook = await loadWorkbook(bytes);
    const found = workbook.getWorksheet(plan.sheetName);
    if (!found) throw new Error(`no sheet ${plan.sheetName}`);
    sheet = found;
  });

  it('holds every value and formula of the plan, formulas with their computed result', () => {
    const computed = planToSnapshot(plan);
    for (const cell of plan.cells) {
      const written = sheet.getCell(cell.row + 1, cell.col + 1);
      if (cell.formula !== undefined) {
        expect({ at: toA1(cell.row, cell.col), formula: `=${written.formula}` }).toEqual({ at: toA1(cell.row, cell.col), formula: cell.formula });
        expect(written.result).toBe(computed.rows[cell.row]?.[cell.col]?.value);
      } else if (cell.value !== undefined) {
        expect({ at: toA1(cell.row, cell.col), value: written.value }).toEqual({ at: toA1(cell.row, cell.col), value: cell.value });
      }
    }
  });

  it('styles every cell as the plan does: font, fill, alignment, wrap, thin borders, number format', () => {
    for (const cell of plan.cells) {
      const style = plan.styles[cell.style];
      const written = sheet.getCell(cell.row + 1, cell.col + 1);
      const at = toA1(cell.row, cell.col);
      if (style.font?.bold !== undefined) expect({ at, bold: written.font?.bold }).toEqual({ at, bold: style.font.bold });
      if (style.font?.size !== undefined) expect({ at, size: written.font?.size }).toEqual({ at, size: style.font.size });
      if (style.font?.name !== undefined) expect({ at, name: written.font?.name }).toEqual({ at, name: style.font.name });
      if (style.font?.color !== undefined) expect({ at, color: written.font?.color?.argb }).toEqual({ at, color: toArgb(style.font.color) });
      if (style.fill !== undefined) {
        expect({ at, fill: written.fill }).toEqual({ at, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: toArgb(style.fill) } } });
      }
      if (style.horizontal !== undefined) expect({ at, h: written.alignment?.horizontal }).toEqual({ at, h: style.horizontal });
      if (style.vertical !== undefined) expect({ at, v: written.alignment?.vertical }).toEqual({ at, v: style.vertical === 'center' ? 'middle' : style.vertical });
      if (style.wrap) expect({ at, wrap: written.alignment?.wrapText }).toEqual({ at, wrap: true });
      if (style.border) {
        for (const edge of ['top', 'left', 'bottom', 'right'] as const) expect({ at, edge, style: written.border?.[edge]?.style }).toEqual({ at, edge, style: 'thin' });
      }
      if (style.numberFormat !== undefined) expect({ at, numFmt: written.numFmt }).toEqual({ at, numFmt: style.numberFormat });
    }
  });

  it('merges, column widths and row heights as planned', () => {
    expect([...sheet.model.merges].sort()).toEqual(plan.merges.map(rangeToA1).sort());
    plan.columnWidths.forEach((width, index) => expect(sheet.getColumn(index + 1).width).toBe(width));
    for (const [row, height] of Object.entries(plan.rowHeights)) expect(sheet.getRow(Number(row) + 1).height).toBe(height);
  });

  it('carries the data validations: decimal ≥ 0 with the Chinese prompt, lists, text length', () => {
    expect(plan.validations.length).toBeGreaterThan(0);
    for (const validation of plan.validations) {
      for (let row = validation.range.top; row <= validation.range.bottom; row++) {
        for (let col = validation.range.left; col <= validation.range.right; col++) {
          const written = sheet.getCell(row + 1, col + 1).dataValidation;
          const at = toA1(row, col);
          switch (validation.rule.kind) {
            case 'decimal':
              expect({ at, ...written }).toMatchObject({ at, type: 'decimal', operator: 'greaterThanOrEqual', formulae: [validation.rule.min] });
              break;
            case 'list':
              expect({ at, ...written }).toMatchObject({ at, type: 'list', formulae: [`"${validation.rule.items.join(',')}"`] });
              break;
            case 'textLength':
              expect({ at, ...written }).toMatchObject({ at, type: 'textLength', operator: 'lessThanOrEqual', formulae: [validation.rule.max] });
              break;
          }
          if (validation.prompt) expect(written).toMatchObject({ showInputMessage: true, promptTitle: validation.prompt.title, prompt: validation.prompt.message });
          if (validation.error) expect(written).toMatchObject({ showErrorMessage: true, errorTitle: validation.error.title, error: validation.error.message });
        }
      }
    }
    const decimal = plan.validations.find((validation) => validation.rule.kind === 'decimal');
    expect(decimal?.prompt?.message).toMatch(/万元/);
  });

  it('carries the native checks as expression conditional formats with their fill', () => {
    const written = conditionalFormatsOf(sheet);
    expect(written).toHaveLength(plan.conditionalFormats.length);
    plan.conditionalFormats.forEach((format, index) => {
      const rule = written[index].rules[0];
      expect(cellsOfRef(written[index].ref)).toEqual(format.ranges.flatMap((range) => cellsOfRef(rangeToA1(range))));
      expect(rule.type).toBe('expression');
      expect(rule.type === 'expression' ? rule.formulae : []).toEqual([format.formula.replace(/^=/, '')]);
      expect(rule.style?.fill).toMatchObject({ type: 'pattern', pattern: 'solid', bgColor: { argb: toArgb(format.fill) } });
    });
  });

  it('prints on A4 portrait, one page wide, centred, with title rows, area and margins', () => {
    const setup = sheet.pageSetup;
    expect(setup).toMatchObject({
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: plan.print.margins,
      printArea: rangeToA1(plan.print.area),
    });
    if (plan.print.titleRows) expect(setup.printTitlesRow).toBe(`${plan.print.titleRows.first + 1}:${plan.print.titleRows.last + 1}`);
  });

  it('marks the sheet with a sheet-scoped defined name on the title cell', async () => {
    const xml = await (await JSZip.loadAsync(bytes)).file('xl/workbook.xml')!.async('string');
    const cell = toA1(plan.marker.cell.row, plan.marker.cell.col).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
    expect(xml).toContain(`<definedName name="${plan.marker.name}" localSheetId="0">'${plan.sheetName}'!${cell}</definedName>`);
  });
});
