/**
 * Turns a template's layout declaration (data, in `templates/`) into a `LayoutPlan`: every
 * cell with its value and style, merges, widths, heights, validations, native checks and the
 * print setup. Pure: the same plan is written to `.xlsx` by the command line and to a live
 * workbook by the add-in.
 */
import type { CellRange } from '../grid/grid';
import { toA1 } from '../grid/address';
import { getSample } from '../sample';
import type { SampleContent, SampleIndicator, SampleTask } from '../sample';
import { getTemplate } from '../templates';
import { indicatorColumnSets, type FormTemplate, type IndicatorColumnKey, type IndicatorColumnSet, type IndicatorPeriod, type IndicatorTableBlock, type LayoutCellDecl, type RowsBlock, type TaskColumnDecl, type TaskColumnKey, type TaskTableBlock } from '../templates/form-template';
import type { FieldKind, TaskMoneyColumn, TemplateId } from '../templates/template';
import { LayoutDeclarationError, validateTemplate } from '../templates/validate-template';
import type { CellRole, LayoutPlan, PlanCell, PrintSetup } from './layout-plan';
import { buildConditionalFormats, buildValidations } from './plan-checks';
import { areaRange, declaredArea, type Area, type Placed } from './plan-places';
import { PLAN_STYLES } from './plan-styles';
import type { StyleKey } from './plan-styles';
import { estimateRowHeight } from './row-height';

export { AMOUNT_PROMPT, level1Names, level2Names } from './plan-checks';

export interface BuildLayoutOptions {
  readonly year: number;
  /** Fill the reference content (2022, 衡阳市归国华侨联合会) and size the tables to it. */
  readonly withSample: boolean;
}

export { LayoutDeclarationError };

const DEFAULT_ROW_HEIGHT = 20;

/** A defined name: Excel allows letters, digits, `_`, `.` and `\` in one, never `-` (`national-project`). */
export function markerName(template: FormTemplate): string {
  return `PerfTargetForm_${template.id.replace(/-/g, '_')}_v${template.version}`;
}

function fieldStyle(kind: FieldKind): StyleKey {
  switch (kind) {
    case 'amount':
      return 'amount';
    case 'phone':
      return 'phone';
    case 'date':
      return 'date';
    case 'text':
    case 'longText':
      return 'input';
  }
}

/** Collects cells, merges and heights while the blocks are laid out top to bottom. */
class PlanSheet {
  readonly cells: PlanCell[] = [];
  readonly merges: CellRange[] = [];
  readonly rowHeights: Record<number, number> = {};

  constructor(private readonly columnWidths: readonly number[]) {}

  /** Draws one (possibly merged) cell: the value sits in the top-left, every covered cell gets the style. */
  put(area: Area, content: { style: StyleKey; role: CellRole; value?: string | number; formula?: string; field?: string }): void {
    for (let r = area.row; r < area.row + area.rowSpan; r++) {
      for (let c = area.col; c < area.col + area.colSpan; c++) {
        const origin = r === area.row && c === area.col;
        const cell: PlanCell = origin
          ? {
              row: r,
              col: c,
              style: content.style,
              role: content.role,
              ...(content.value !== undefined && content.value !== '' ? { value: content.value } : {}),
              ...(content.formula !== undefined ? { formula: content.formula } : {}),
              ...(content.field !== undefined ? { field: content.field } : {}),
            }
          : { row: r, col: c, style: content.style, role: content.role };
        this.cells.push(cell);
      }
    }
    if (area.rowSpan > 1 || area.colSpan > 1) this.merges.push(areaRange(area));
    if (area.rowSpan === 1 && typeof content.value === 'string') {
      const width = this.columnWidths.slice(area.col, area.col + area.colSpan).reduce((a, b) => a + b, 0);
      this.atLeast(area.row, estimateRowHeight(content.value, width, PLAN_STYLES[content.style].font?.size ?? 11));
    }
  }

  atLeast(row: number, height: number): void {
    this.rowHeights[row] = Math.max(this.rowHeights[row] ?? DEFAULT_ROW_HEIGHT, height);
  }
}

export function buildLayoutPlan(templateId: TemplateId, options: BuildLayoutOptions): LayoutPlan {
  return planFromTemplate(getTemplate(templateId), options.year, options.withSample ? getSample(templateId) : undefined);
}

/** The state of a plan while its blocks are drawn top to bottom. */
interface Drawing {
  readonly template: FormTemplate;
  readonly year: number;
  readonly sample: SampleContent | undefined;
  /** Columns of the form, from A. */
  readonly width: number;
  readonly sheet: PlanSheet;
  readonly placed: Placed;
  readonly fieldKinds: ReadonlyMap<string, FieldKind>;
  /** The next row to draw. */
  row: number;
}

/** Where each column of one set of columns sits, by key, from column `from` on; and the column after them. */
function placeColumns<K extends string>(columns: readonly { key: K; span?: number }[], from: number): { byKey: Map<K, Area>; next: number } {
  const byKey = new Map<K, Area>();
  let col = from;
  for (const column of columns) {
    byKey.set(column.key, { row: 0, col, rowSpan: 1, colSpan: column.span ?? 1 });
    col += column.span ?? 1;
  }
  return { byKey, next: col };
}

/** Sets of columns side by side from column B; together they must cover the form right of column A. */
function tableColumnSets<K extends string>(drawing: Drawing, sets: readonly (readonly { key: K; span?: number }[])[]): Map<K, Area>[] {
  let col = 1;
  const placed = sets.map((columns) => {
    const { byKey, next } = placeColumns(columns, col);
    col = next;
    return byKey;
  });
  if (col !== drawing.width) throw new LayoutDeclarationError(drawing.template.id, `table columns cover ${col} columns, the form has ${drawing.width}`);
  return placed;
}

function tableColumns<K extends string>(drawing: Drawing, columns: readonly { key: K; span?: number }[]): Map<K, Area> {
  return tableColumnSets(drawing, [columns])[0];
}

/** The area of a table column on one row; undefined for a column the table does not have. */
function columnArea<K extends string>(columns: ReadonlyMap<K, Area>, key: K, row: number, rowSpan = 1): Area | undefined {
  const at = columns.get(key);
  return at && { ...at, row, rowSpan };
}

/** Draws into a table column where the table has it. */
function putIn<K extends string>(sheet: PlanSheet, columns: ReadonlyMap<K, Area>, key: K, row: number, content: Parameters<PlanSheet['put']>[1], rowSpan = 1): void {
  const area = columnArea(columns, key, row, rowSpan);
  if (area) sheet.put(area, content);
}

const MONEY_COLUMNS: readonly TaskColumnKey[] = ['total', 'fiscal', 'other'] satisfies readonly TaskMoneyColumn[];

/** A block's section label, in column A, merged down the rows the block took. */
function drawSection(drawing: Drawing, section: string, startRow: number): void {
  drawing.sheet.put({ row: startRow, col: 0, rowSpan: drawing.row - startRow, colSpan: 1 }, { style: 'label', role: 'label', value: section });
}

function drawDeclaredCell(drawing: Drawing, decl: LayoutCellDecl, area: Area): void {
  const { sheet, template } = drawing;
  switch (decl.kind) {
    case 'title':
      return sheet.put(area, { style: 'title', role: 'title', value: decl.text?.replace('{year}', String(drawing.year)) });
    case 'subtitle':
      return sheet.put(area, { style: 'subtitle', role: 'subtitle', value: (decl.text ?? '({year} 年度)').replace('{year}', String(drawing.year)) });
    case 'label':
      return sheet.put(area, { style: 'label', role: 'label', value: decl.text });
    case 'header':
      return sheet.put(area, { style: 'header', role: 'header', value: decl.text });
    case 'note':
      return sheet.put(area, { style: 'note', role: 'note', value: decl.text });
    case 'caption':
      return sheet.put(area, { style: 'caption', role: 'note', value: decl.text });
    case 'blank':
      return sheet.put(area, { style: 'blank', role: 'note' });
    case 'input': {
      const field = decl.field;
      const kind = field === undefined ? undefined : drawing.fieldKinds.get(field);
      if (field === undefined || kind === undefined) throw new LayoutDeclarationError(template.id, `input cell at ${toA1(area.row, area.col)} names no declared field`);
      if (drawing.placed.fields.has(field)) throw new LayoutDeclarationError(template.id, `field "${field}" has two input cells`);
      drawing.placed.fields.set(field, area);
      return sheet.put(area, { style: fieldStyle(kind), role: 'input', field, value: drawing.sample?.fields[field] });
    }
  }
}

function drawRows(drawing: Drawing, block: RowsBlock): void {
  const start = drawing.row;
  const firstCol = block.section === undefined ? 0 : 1;
  for (const rowDecl of block.rows) {
    let col = firstCol;
    for (const decl of rowDecl.cells) {
      const span = decl.span ?? 1;
      drawDeclaredCell(drawing, decl, { row: drawing.row, col, rowSpan: 1, colSpan: span });
      col += span;
    }
    if (col !== drawing.width) throw new LayoutDeclarationError(drawing.template.id, `row ${drawing.row + 1} covers ${col} columns, the form has ${drawing.width}`);
    drawing.sheet.atLeast(drawing.row, rowDecl.height ?? DEFAULT_ROW_HEIGHT);
    drawing.row++;
  }
  if (block.section !== undefined) drawSection(drawing, block.section, start);
}

/** The columns a layout prints: a column read only where present is not drawn. */
function printedTaskColumns(block: TaskTableBlock): readonly TaskColumnDecl[] {
  return block.columns.filter((column) => !column.readIfPresent);
}

/** The task table's headings: one row, or two where columns share a group heading. Returns the rows taken. */
function drawTaskHeadings(drawing: Drawing, block: TaskTableBlock, columns: ReadonlyMap<TaskColumnKey, Area>): number {
  const { sheet, row } = drawing;
  const printed = printedTaskColumns(block);
  const headerRows = printed.some((c) => c.group !== undefined) ? 2 : 1;
  for (let i = 0; i < printed.length; i++) {
    const column = printed[i];
    const at = declaredArea(columns, column.key);
    if (column.group === undefined) {
      sheet.put({ row, col: at.col, rowSpan: headerRows, colSpan: at.colSpan }, { style: 'header', role: 'header', value: column.heading });
      continue;
    }
    if (printed[i - 1]?.group !== column.group) {
      let groupSpan = 0;
      for (let j = i; j < printed.length && printed[j].group === column.group; j++) groupSpan += printed[j].span ?? 1;
      sheet.put({ row, col: at.col, rowSpan: 1, colSpan: groupSpan }, { style: 'header', role: 'header', value: column.group });
    }
    sheet.put({ row: row + 1, col: at.col, rowSpan: 1, colSpan: at.colSpan }, { style: 'header', role: 'header', value: column.heading });
  }
  return headerRows;
}

/** 金额合计: the label in the first column, a `=SUM(...)` over the task rows in each money column. */
function drawTaskTotal(drawing: Drawing, block: TaskTableBlock, columns: ReadonlyMap<TaskColumnKey, Area>, firstRow: number, lastRow: number): void {
  const { sheet, row } = drawing;
  printedTaskColumns(block).forEach((column, i) => {
    const area = { ...declaredArea(columns, column.key), row };
    if (i === 0) return sheet.put(area, { style: 'label', role: 'label', value: block.totalLabel });
    if (!MONEY_COLUMNS.includes(column.key)) return sheet.put(area, { style: 'blank', role: 'note' });
    sheet.put(area, { style: 'total', role: 'total', formula: `=SUM(${toA1(firstRow, area.col)}:${toA1(lastRow, area.col)})` });
  });
  sheet.atLeast(row, DEFAULT_ROW_HEIGHT);
}

function drawTaskTable(drawing: Drawing, block: TaskTableBlock): void {
  const start = drawing.row;
  const { sheet, sample } = drawing;
  const columns = tableColumns(drawing, printedTaskColumns(block));
  drawing.row += drawTaskHeadings(drawing, block, columns);
  const tasks: readonly (SampleTask | undefined)[] = sample ? sample.tasks : Array.from({ length: block.defaultRows }, () => undefined);
  const firstRow = drawing.row;
  for (let i = 0; i < Math.max(1, tasks.length); i++) {
    const task = tasks[i];
    for (const column of printedTaskColumns(block)) {
      const money = MONEY_COLUMNS.includes(column.key);
      putIn(sheet, columns, column.key, drawing.row, { style: money ? 'amount' : 'input', role: 'input', value: task?.[column.key] });
    }
    sheet.atLeast(drawing.row, DEFAULT_ROW_HEIGHT);
    drawing.row++;
  }
  const lastRow = drawing.row - 1;
  const totalRow = drawing.row;
  drawTaskTotal(drawing, block, columns, firstRow, lastRow);
  drawing.row++;
  drawing.placed.task = { firstRow, lastRow, totalRow, columns };
  drawSection(drawing, block.section, start);
}

/** The indicator rows to draw: the sample's of the set's period, or the declared groups with blank 三级 and 指标值. */
function indicatorRowsToDraw(drawing: Drawing, period: IndicatorPeriod, defaultRows: IndicatorTableBlock['defaultRows']): readonly SampleIndicator[] {
  const declared: readonly SampleIndicator[] = drawing.sample
    ? drawing.sample.indicators.filter((i) => (i.period ?? 'annual') === period)
    : defaultRows.map((d) => ({ level1: d.level1, level2: d.level2, level3: '', value: '' }));
  return declared.length > 0 ? declared : [BLANK_INDICATOR];
}

const BLANK_INDICATOR: SampleIndicator = { level1: '', level2: '', level3: '', value: '' };

/** How many rows from `from` on stand in the same group (a blank name is a group of its own). */
function runLength(indicators: readonly SampleIndicator[], from: number, same: (a: SampleIndicator, b: SampleIndicator) => boolean): number {
  let end = from + 1;
  while (end < indicators.length && same(indicators[from], indicators[end])) end++;
  return end - from;
}

/** One set's rows on its own columns; 一级 merges over its run of rows, 二级 over its run within the same 一级, as printed. */
function drawIndicatorRows(sheet: PlanSheet, set: IndicatorColumnSet, columns: ReadonlyMap<IndicatorColumnKey, Area>, indicators: readonly SampleIndicator[], firstRow: number): void {
  for (let i = 0; i < indicators.length; i++) {
    const indicator = indicators[i];
    const r = firstRow + i;
    const startsLevel1 = i === 0 || indicators[i - 1].level1 !== indicator.level1 || indicator.level1 === '';
    if (startsLevel1) {
      const span = indicator.level1 === '' ? 1 : runLength(indicators, i, (a, b) => b.level1 === a.level1);
      putIn(sheet, columns, 'level1', r, { style: 'input', role: 'input', value: indicator.level1 }, span);
    }
    const startsLevel2 = startsLevel1 || indicators[i - 1].level2 !== indicator.level2 || indicator.level2 === '';
    if (startsLevel2) {
      const span = indicator.level2 === '' ? 1 : runLength(indicators, i, (a, b) => b.level1 === a.level1 && b.level2 === a.level2);
      putIn(sheet, columns, 'level2', r, { style: 'input', role: 'input', value: indicator.level2 }, span);
    }
    for (const column of set.columns) {
      if (column.key === 'level1' || column.key === 'level2') continue;
      putIn(sheet, columns, column.key, r, { style: 'input', role: 'input', value: indicator[column.key] });
    }
  }
}

/** The sets' own headings (中期绩效指标 | 年度绩效指标), one row over the column headings; none when no set has one. */
function drawSetHeadings(drawing: Drawing, sets: readonly IndicatorColumnSet[], columns: readonly ReadonlyMap<IndicatorColumnKey, Area>[]): void {
  if (!sets.some((set) => set.heading !== undefined)) return;
  sets.forEach((set, i) => {
    const areas = [...columns[i].values()];
    const left = Math.min(...areas.map((a) => a.col));
    const right = Math.max(...areas.map((a) => a.col + a.colSpan - 1));
    drawing.sheet.put({ row: drawing.row, col: left, rowSpan: 1, colSpan: right - left + 1 }, { style: 'header', role: 'header', value: set.heading });
  });
  drawing.sheet.atLeast(drawing.row, 24);
  drawing.row++;
}

/** An indicator table: its sets of columns side by side on shared rows (one set, or 中期 | 年度), each with its own rows. */
function drawIndicatorTable(drawing: Drawing, block: IndicatorTableBlock): void {
  const start = drawing.row;
  const { sheet } = drawing;
  const sets = indicatorColumnSets(block);
  const columns = tableColumnSets(drawing, sets.map((set) => set.columns));
  drawSetHeadings(drawing, sets, columns);
  sets.forEach((set, i) => {
    for (const column of set.columns) putIn(sheet, columns[i], column.key, drawing.row, { style: 'header', role: 'header', value: column.heading });
  });
  sheet.atLeast(drawing.row, 30);
  drawing.row++;
  const firstRow = drawing.row;
  const rows = sets.map((set) => indicatorRowsToDraw(drawing, set.period, block.defaultRows));
  const rowCount = Math.max(...rows.map((r) => r.length));
  // A shorter set keeps blank rows below its own, so the grid stays closed.
  sets.forEach((set, i) => drawIndicatorRows(sheet, set, columns[i], [...rows[i], ...Array<SampleIndicator>(rowCount - rows[i].length).fill(BLANK_INDICATOR)], firstRow));
  for (let r = firstRow; r < firstRow + rowCount; r++) sheet.atLeast(r, DEFAULT_ROW_HEIGHT);
  drawing.row = firstRow + rowCount;
  for (const placed of columns) drawing.placed.indicatorTables.push({ headerTop: start, firstRow, lastRow: drawing.row - 1, columns: placed });
  drawSection(drawing, block.section, start);
}

/**
 * The indicator table is what runs over several pages: its header row repeats on every page from
 * its own on, so a loose page still says which column is which (中期 and 年度 tables share their
 * headings). Print titles are one block of rows; without an indicator table, the title and year repeat.
 */
function repeatedPrintRows(indicators: { readonly headerTop: number; readonly firstRow: number } | undefined, titleRow: number): { first: number; last: number } {
  return indicators ? { first: indicators.headerTop, last: indicators.firstRow - 1 } : { first: titleRow, last: titleRow + 1 };
}

/** `repeatedRows`: the rows printed at the top of every page (one block of rows, as Excel keeps them). */
function printSetup(repeatedRows: { readonly first: number; readonly last: number }, extent: CellRange, orientation: PrintSetup['orientation']): PrintSetup {
  return {
    paperSize: 'A4',
    orientation,
    fitToPagesWide: 1,
    fitToPagesTall: 0,
    titleRows: repeatedRows,
    centerHorizontally: true,
    margins: { top: 0.75, bottom: 0.75, left: 0.5, right: 0.5, header: 0.3, footer: 0.3 },
    area: extent,
  };
}

/**
 * The plan of any template declaration, with or without content: what `buildLayoutPlan` does
 * for the registered templates. Throws `LayoutDeclarationError` when the declaration
 * contradicts itself (rows wider than the form, an input of an undeclared field…).
 */
export function planFromTemplate(template: FormTemplate, year: number, sample?: SampleContent): LayoutPlan {
  validateTemplate(template);
  const layout = template.layout;
  const drawing: Drawing = {
    template,
    year,
    sample,
    width: layout.columnWidths.length,
    sheet: new PlanSheet(layout.columnWidths),
    placed: { fields: new Map(), indicatorTables: [] },
    fieldKinds: new Map(template.fields.map((f) => [f.id, f.kind])),
    row: 0,
  };
  for (const block of layout.blocks) {
    if (block.kind === 'rows') drawRows(drawing, block);
    else if (block.kind === 'taskTable') drawTaskTable(drawing, block);
    else drawIndicatorTable(drawing, block);
  }

  const { sheet, placed } = drawing;
  const extent: CellRange = { top: 0, left: 0, bottom: drawing.row - 1, right: drawing.width - 1 };
  const title = sheet.cells.find((c) => c.role === 'title');
  const firstInput = sheet.cells.find((c) => c.role === 'input');
  if (!title || !firstInput) throw new LayoutDeclarationError(template.id, 'a form needs a title and at least one input cell');
  if (layout.sheetName.length > 31 || /[[\]:*?/\\]/.test(layout.sheetName)) throw new LayoutDeclarationError(template.id, `sheet name "${layout.sheetName}" is not allowed by Excel`);

  return {
    template: template.id,
    templateVersion: template.version,
    year,
    sheetName: layout.sheetName,
    columnWidths: layout.columnWidths,
    rowHeights: sheet.rowHeights,
    styles: PLAN_STYLES,
    cells: sheet.cells,
    merges: sheet.merges,
    validations: buildValidations(template, placed),
    conditionalFormats: buildConditionalFormats(template, placed),
    print: printSetup(repeatedPrintRows(placed.indicatorTables[0], title.row), extent, layout.orientation ?? 'portrait'),
    marker: { name: markerName(template), cell: { row: title.row, col: title.col } },
    firstInputCell: { row: firstInput.row, col: firstInput.col },
    extent,
  };
}

