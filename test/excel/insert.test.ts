/**
 * Inserting a form: the new sheet holds exactly the layout plan, in at most three round trips.
 */
import { buildLayoutPlan } from '../../src/core/layout/build-layout-plan';
import type { LayoutPlan } from '../../src/core/layout/layout-plan';
import { rangeToA1, toA1 } from '../../src/core/grid/address';
import { columnWidthPoints, inchesToPoints } from '../../src/excel/apply-layout';
import type { TemplateId } from '../../src/core/templates/template';
import { newHost, issueKeysOf } from './support/memory-host';

const HORIZONTAL = { left: 'Left', center: 'Center', right: 'Right' };
const VERTICAL = { top: 'Top', center: 'Center', bottom: 'Bottom' };

function expectSheetHoldsPlan(t: ReturnType<typeof newHost>, sheet: string, plan: LayoutPlan): void {
  const inspect = t.memory.inspect;
  const mergedAway = (row: number, col: number) => plan.merges.some((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right && (row !== m.top || col !== m.left));
  for (const cell of plan.cells) {
    const address = toA1(cell.row, cell.col);
    const actual = inspect.cell(sheet, address);
    const where = `${sheet}!${address}`;
    if (!mergedAway(cell.row, cell.col)) {
      if (cell.formula !== undefined) expect({ where, formula: actual.formula }).toEqual({ where, formula: cell.formula });
      else expect({ where, value: actual.value }).toEqual({ where, value: cell.value ?? '' });
    }
    const style = plan.styles[cell.style];
    const format = actual.format;
    if (style.font?.bold !== undefined) expect({ where, bold: format.font.bold }).toEqual({ where, bold: style.font.bold });
    if (style.font?.size !== undefined) expect({ where, size: format.font.size }).toEqual({ where, size: style.font.size });
    if (style.font?.name !== undefined) expect({ where, name: format.font.name }).toEqual({ where, name: style.font.name });
    if (style.font?.color !== undefined) expect({ where, color: format.font.color }).toEqual({ where, color: style.font.color });
    if (style.fill !== undefined) expect({ where, fill: format.fill }).toEqual({ where, fill: style.fill });
    if (style.horizontal) expect({ where, h: format.horizontalAlignment }).toEqual({ where, h: HORIZONTAL[style.horizontal] });
    if (style.vertical) expect({ where, v: format.verticalAlignment }).toEqual({ where, v: VERTICAL[style.vertical] });
    if (style.wrap !== undefined) expect({ where, wrap: format.wrapText }).toEqual({ where, wrap: style.wrap });
    if (style.numberFormat !== undefined) expect({ where, numberFormat: actual.numberFormat }).toEqual({ where, numberFormat: style.numberFormat });
    if (style.border) {
      for (const side of ['top', 'bottom', 'left', 'right'] as const) {
        expect({ where, side, border: format.borders[side] }).toEqual({ where, side, border: { style: 'Continuous', weight: 'Thin', color: '#000000' } });
      }
    }
  }
  expect([...inspect.merges(sheet)].sort()).toEqual(plan.merges.map(rangeToA1).sort());
  plan.columnWidths.forEach((width, col) => expect(inspect.columnWidth(sheet, col)).toBeCloseTo(columnWidthPoints(width), 5));
  for (const [row, height] of Object.entries(plan.rowHeights)) expect(inspect.rowHeight(sheet, Number(row))).toBeCloseTo(height, 5);

  const validations = inspect.validations(sheet);
  for (const validation of plan.validations) {
    const address = rangeToA1(validation.range);
    const found = validations.find((v) => v.ranges.includes(address));
    expect({ address, type: found?.type }).toEqual({ address, type: { decimal: 'Decimal', list: 'List', textLength: 'TextLength' }[validation.rule.kind] });
    if (validation.prompt) expect(found?.prompt).toMatchObject({ showPrompt: true, title: validation.prompt.title, message: validation.prompt.message });
    if (validation.error) expect(found?.errorAlert).toMatchObject({ showAlert: true, style: 'Stop', title: validation.error.title, message: validation.error.message });
  }

  const marker = inspect.names(sheet).find((name) => name.name === plan.marker.name);
  expect(marker?.formula.replace(/\$/g, '')).toContain(`!${toA1(plan.marker.cell.row, plan.marker.cell.col)}`);

  const page = inspect.pageLayout(sheet);
  expect(page).toMatchObject({ orientation: plan.print.orientation === 'landscape' ? 'Landscape' : 'Portrait', paperSize: 'A4', centerHorizontally: plan.print.centerHorizontally, zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
  expect(page.leftMargin).toBeCloseTo(inchesToPoints(plan.print.margins.left), 5);
  expect(page.topMargin).toBeCloseTo(inchesToPoints(plan.print.margins.top), 5);
  expect(page.printArea?.map((area) => area.replace(/\$/g, ''))).toEqual([rangeToA1(plan.print.area)]);
  if (plan.print.titleRows) expect(page.printTitleRows?.replace(/\$/g, '')).toBe(`${plan.print.titleRows.first + 1}:${plan.print.titleRows.last + 1}`);
}

describe('insert', () => {
  test.each<[TemplateId, boolean]>([
    ['department', true],
    ['department', false],
    ['project', true],
    ['project', false],
    // The layouts met in the field insert alike (their marker names keep to Excel's rules for names).
    ['national-project', true],
    ['national-project', false],
    ['hunan-department', true],
    ['hunan-project', false],
  ])('%s (sample: %s): the new sheet holds exactly the plan, in at most 3 round trips', async (template, withSample) => {
    const t = newHost();
    await t.host.start();
    t.memory.resetSyncCount();
    const { sheet } = await t.host.insert({ template, year: 2022, withSample });
    expect(t.memory.syncCount).toBeLessThanOrEqual(3);
    const plan = buildLayoutPlan(template, { year: 2022, withSample });
    expect(sheet).toBe(plan.sheetName);
    expectSheetHoldsPlan(t, sheet, plan);
    expect(t.memory.inspect.activeSheet()).toBe(sheet);
    expect(t.memory.inspect.selection()).toEqual({ sheet, address: toA1(plan.firstInputCell.row, plan.firstInputCell.col) });
  });

  test('the sample has no errors; its two real warnings are highlighted yellow at once', async () => {
    const t = newHost();
    await t.host.start();
    const { sheet } = await t.host.insert({ template: 'department', year: 2022, withSample: true });
    expect(issueKeysOf(t.host.lastCheck(), 'error')).toEqual([]);
    const issues = t.host.lastCheck()?.result.forms[0].issues ?? [];
    expect(issues.map((issue) => `${issue.code}:${issue.severity}`)).toEqual(['markup_in_text:warning', 'indicator_unquantified:warning']);
    // Every cell of the two warnings, and nothing else, is highlighted yellow.
    const highlighted = t.memory.inspect.highlightedCells(sheet);
    expect([...highlighted.keys()].sort()).toEqual([...new Set(issues.flatMap((issue) => issue.cells))].sort());
    for (const fill of highlighted.values()) expect(fill).toBe('#FFEB9C');
  });

  test('a second insert gets a unique name and never overwrites', async () => {
    const t = newHost();
    await t.host.start();
    const first = await t.host.insert({ template: 'project', year: 2022, withSample: true });
    t.memory.user.type(first.sheet, 'B5', '我的项目');
    await t.settle();
    const second = await t.host.insert({ template: 'project', year: 2022, withSample: false });
    expect(second.sheet).toBe('项目绩效目标 (2)');
    expect(t.memory.inspect.cell(first.sheet, 'B5').value).toBe('我的项目');
    const third = await t.host.insert({ template: 'project', year: 2022, withSample: false });
    expect(third.sheet).toBe('项目绩效目标 (3)');
  });

  test('a protected active sheet does not matter: the form goes on a new sheet', async () => {
    const t = newHost();
    await t.host.start();
    t.memory.user.protectSheet('Sheet1', true);
    const { sheet } = await t.host.insert({ template: 'department', year: 2022, withSample: true });
    expect(t.memory.inspect.sheetNames()).toEqual(['Sheet1', sheet]);
  });

  test('a request that would pass the size limit is split over several syncs, with the same result', async () => {
    const t = newHost({ maxRequestBytes: 50_000 });
    await t.host.start();
    t.memory.resetSyncCount();
    const { sheet } = await t.host.insert({ template: 'department', year: 2022, withSample: true });
    expect(t.memory.syncCount).toBeGreaterThan(3);
    expectSheetHoldsPlan(t, sheet, buildLayoutPlan('department', { year: 2022, withSample: true }));
  });

  test('select activates the sheet and selects the cell in one round trip', async () => {
    const t = newHost();
    await t.host.start();
    const { sheet } = await t.host.insert({ template: 'department', year: 2022, withSample: true });
    t.memory.user.activate('Sheet1');
    t.memory.resetSyncCount();
    await t.host.select(sheet, 'F7');
    expect(t.memory.syncCount).toBe(1);
    expect(t.memory.inspect.activeSheet()).toBe(sheet);
    expect(t.memory.inspect.selection()).toEqual({ sheet, address: 'F7' });
  });

  test('inserting before start() still works (the workbook is read first)', async () => {
    const t = newHost();
    t.memory.resetSyncCount();
    await t.host.insert({ template: 'department', year: 2022, withSample: true });
    expect(t.memory.syncCount).toBeLessThanOrEqual(3);
  });
});

describe('native checks', () => {
  test.each<TemplateId>(['department', 'project'])('the inserted %s form carries the exported template’s native checks, apart from the add-in’s highlights', async (template) => {
    const t = newHost();
    await t.host.start();
    const { sheet } = await t.host.insert({ template, year: 2022, withSample: true });
    await t.settle();
    const plan = buildLayoutPlan(template, { year: 2022, withSample: true });
    const native = t.memory.inspect.conditionalFormats(sheet).filter((format) => !format.formula.includes('perf-target-forms:'));
    const expected = plan.conditionalFormats.map((check) => ({ formula: check.formula, fill: check.fill, fontColor: check.fontColor ?? null, ranges: check.ranges.map((range) => rangeToA1(range)) }));
    expect(native.map(({ formula, fill, fontColor, ranges }) => ({ formula, fill, fontColor, ranges }))).toEqual(expect.arrayContaining(expected));
    expect(native).toHaveLength(expected.length);
  });

  test('with the add-in’s highlights cleared (as in WPS), a wrong 资金总额 still shows red', async () => {
    const t = newHost();
    await t.host.start();
    const { sheet } = await t.host.insert({ template: 'department', year: 2022, withSample: true });
    t.memory.user.type(sheet, 'F7', '141.70');
    await t.settle();
    await t.host.clearHighlights();
    expect(t.memory.inspect.conditionalFormats(sheet).some((format) => format.formula.includes('perf-target-forms:'))).toBe(false);
    expect(t.memory.inspect.highlightedCells(sheet).get('D5')).toBe('#FFC7CE');
    t.memory.user.type(sheet, 'F7', '141.74');
    await t.settle();
    expect(t.memory.inspect.highlightedCells(sheet).get('D5')).toBeUndefined();
  });
});
