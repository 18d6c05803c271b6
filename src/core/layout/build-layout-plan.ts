/**
 * Turns a template's layout declaration (data, in `templates/`) into a `LayoutPlan`: every
 * cell with its value and style, merges, widths, heights, validations, native checks and the
 * print setup. Pure: the same plan is written to `.xlsx` by the command line and to a live
 * workbook by the add-in.
 */
import type { CellRange } from '../grid/grid';
import { absoluteA1, toA1 } from '../grid/address';
import { INDICATOR_FRAMEWORK } from '../indicators/framework';
import { getSample } from '../sample';
import type { SampleContent, SampleIndicator, SampleTask } from '../sample';
import { getTemplate } from '../templates';
import type { FormTemplate, IndicatorColumnKey, IndicatorTableBlock, LayoutCellDecl, RowsBlock, TaskColumnKey, TaskTableBlock } from '../templates/form-template';
import type { AmountRef, FieldKind, TaskMoneyColumn, TemplateId } from '../templates/template';
import { LayoutDeclarationError, validateTemplate } from '../templates/validate-template';
import type { CellRole, LayoutPlan, PlanCell, PlanConditionalFormat, PlanValidation, PrintSetup } from './layout-plan';
import { ALERT_FILL, ALERT_FONT, PLAN_STYLES } from './plan-styles';
import type { StyleKey } from './plan-styles';
import { estimateRowHeight } from './row-height';

export interface BuildLayoutOptions {
  readonly year: number;
  /** Fill the reference content (2022, 衡阳市归国华侨联合会) and size the tables to it. */
  readonly withSample: boolean;
}

export { LayoutDeclarationError };

export const AMOUNT_PROMPT = '请输入以万元为单位的数字，如 180.61';
const AMOUNT_ERROR = { title: '金额无效', message: '请输入不小于 0 的数字，以万元为单位，如 180.61' };
const DEFAULT_ROW_HEIGHT = 20;

/** `PerfTargetForm_hunan_department_v1`: a defined name takes letters, digits, `_` and `.`, not the `-` of a template id (Excel and WPS refuse it). */
export function markerName(template: FormTemplate): string {
  return `PerfTargetForm_${template.id.replace(/-/g, '_')}_v${template.version}`;
}

/** The names a list validation offers: each framework name, then its synonyms, without repeats. */
export function level1Names(): string[] {
  return unique(INDICATOR_FRAMEWORK.flatMap((l1) => [l1.name, ...l1.synonyms]));
}

export function level2Names(): string[] {
  return unique(INDICATOR_FRAMEWORK.flatMap((l1) => l1.children.flatMap((l2) => [l2.name, ...l2.synonyms])));
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
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

interface Area {
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
}

function areaRange(area: Area): CellRange {
  return { top: area.row, left: area.col, bottom: area.row + area.rowSpan - 1, right: area.col + area.colSpan - 1 };
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

/** Where the builder put the things that validations and native checks refer to. */
interface Placed {
  readonly fields: Map<string, Area>;
  task?: { readonly firstRow: number; readonly lastRow: number; readonly totalRow: number; readonly columns: ReadonlyMap<TaskColumnKey, Area> };
  readonly indicatorTables: { readonly firstRow: number; readonly lastRow: number; readonly columns: ReadonlyMap<IndicatorColumnKey, Area> }[];
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

/** Where each column of a table sits, by key; the columns must cover the form right of column A. */
function tableColumns<K extends string>(drawing: Drawing, columns: readonly { key: K; span?: number }[]): Map<K, Area> {
  const byKey = new Map<K, Area>();
  let col = 1;
  for (const column of columns) {
    byKey.set(column.key, { row: 0, col, rowSpan: 1, colSpan: column.span ?? 1 });
    col += column.span ?? 1;
  }
  if (col !== drawing.width) throw new LayoutDeclarationError(drawing.template.id, `table columns cover ${col} columns, the form has ${drawing.width}`);
  return byKey;
}

/** The area of a table column on one row; undefined for a column the table does not have. */
function columnArea<K extends string>(columns: ReadonlyMap<K, Area>, key: K, row: number, rowSpan = 1): Area | undefined {
  const at = columns.get(key);
  return at && { ...at, row, rowSpan };
}

/** A column the table declares (so `tableColumns` placed it). */
function declaredArea<K extends string>(columns: ReadonlyMap<K, Area>, key: K): Area {
  const at = columns.get(key);
  if (!at) throw new Error(`table column "${key}" was not placed`);
  return at;
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

/** The task table's headings: one row, or two where columns share a group heading. Returns the rows taken. */
function drawTaskHeadings(drawing: Drawing, block: TaskTableBlock, columns: ReadonlyMap<TaskColumnKey, Area>): number {
  const { sheet, row } = drawing;
  const headerRows = block.columns.some((c) => c.group !== undefined) ? 2 : 1;
  for (let i = 0; i < block.columns.length; i++) {
    const column = block.columns[i];
    const at = declaredArea(columns, column.key);
    if (column.group === undefined) {
      sheet.put({ row, col: at.col, rowSpan: headerRows, colSpan: at.colSpan }, { style: 'header', role: 'header', value: column.heading });
      continue;
    }
    if (block.columns[i - 1]?.group !== column.group) {
      let groupSpan = 0;
      for (let j = i; j < block.columns.length && block.columns[j].group === column.group; j++) groupSpan += block.columns[j].span ?? 1;
      sheet.put({ row, col: at.col, rowSpan: 1, colSpan: groupSpan }, { style: 'header', role: 'header', value: column.group });
    }
    sheet.put({ row: row + 1, col: at.col, rowSpan: 1, colSpan: at.colSpan }, { style: 'header', role: 'header', value: column.heading });
  }
  return headerRows;
}

/** 金额合计: the label in the first column, a `=SUM(...)` over the task rows in each money column. */
function drawTaskTotal(drawing: Drawing, block: TaskTableBlock, columns: ReadonlyMap<TaskColumnKey, Area>, firstRow: number, lastRow: number): void {
  const { sheet, row } = drawing;
  block.columns.forEach((column, i) => {
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
  const columns = tableColumns(drawing, block.columns);
  drawing.row += drawTaskHeadings(drawing, block, columns);
  const tasks: readonly (SampleTask | undefined)[] = sample ? sample.tasks : Array.from({ length: block.defaultRows }, () => undefined);
  const firstRow = drawing.row;
  for (let i = 0; i < Math.max(1, tasks.length); i++) {
    const task = tasks[i];
    for (const column of block.columns) {
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

/** The indicator rows to draw: the sample's of the table's period, or the declared groups with blank 三级 and 指标值. */
function indicatorRowsToDraw(drawing: Drawing, block: IndicatorTableBlock): readonly SampleIndicator[] {
  const period = block.period ?? 'annual';
  const declared: readonly SampleIndicator[] = drawing.sample
    ? drawing.sample.indicators.filter((i) => (i.period ?? 'annual') === period)
    : block.defaultRows.map((d) => ({ level1: d.level1, level2: d.level2, level3: '', value: '' }));
  return declared.length > 0 ? declared : [{ level1: '', level2: '', level3: '', value: '' }];
}

/** How many rows from `from` on stand in the same group (a blank name is a group of its own). */
function runLength(indicators: readonly SampleIndicator[], from: number, same: (a: SampleIndicator, b: SampleIndicator) => boolean): number {
  let end = from + 1;
  while (end < indicators.length && same(indicators[from], indicators[end])) end++;
  return end - from;
}

function drawIndicatorTable(drawing: Drawing, block: IndicatorTableBlock): void {
  const start = drawing.row;
  const { sheet } = drawing;
  const columns = tableColumns(drawing, block.columns);
  for (const column of block.columns) putIn(sheet, columns, column.key, drawing.row, { style: 'header', role: 'header', value: column.heading });
  sheet.atLeast(drawing.row, 30);
  drawing.row++;
  const indicators = indicatorRowsToDraw(drawing, block);
  const firstRow = drawing.row;
  // 一级 merges over its run of rows; 二级 over its run within the same 一级, as on the printed form.
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
    for (const column of block.columns) {
      if (column.key === 'level1' || column.key === 'level2') continue;
      putIn(sheet, columns, column.key, r, { style: 'input', role: 'input', value: indicator[column.key] });
    }
    sheet.atLeast(r, DEFAULT_ROW_HEIGHT);
  }
  drawing.row = firstRow + indicators.length;
  drawing.placed.indicatorTables.push({ firstRow, lastRow: drawing.row - 1, columns });
  drawSection(drawing, block.section, start);
}

/**
 * The indicator table is what runs over several pages: its header row repeats on every page from
 * its own on, so a loose page still says which column is which (中期 and 年度 tables share their
 * headings). Print titles are one block of rows; without an indicator table, the title and year repeat.
 */
function repeatedPrintRows(indicators: { readonly firstRow: number } | undefined, titleRow: number): { first: number; last: number } {
  return indicators ? { first: indicators.firstRow - 1, last: indicators.firstRow - 1 } : { first: titleRow, last: titleRow + 1 };
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

function buildValidations(template: FormTemplate, placed: Placed): PlanValidation[] {
  const validations: PlanValidation[] = [];
  const amount = (range: CellRange, title: string): PlanValidation => ({
    range,
    rule: { kind: 'decimal', min: 0 },
    prompt: { title, message: AMOUNT_PROMPT },
    error: AMOUNT_ERROR,
  });
  for (const field of template.fields) {
    const area = placed.fields.get(field.id);
    if (field.kind === 'amount' && area) validations.push(amount(areaRange(area), field.label));
  }
  const task = placed.task;
  if (task) {
    const column = (key: TaskColumnKey): CellRange | undefined => {
      const at = task.columns.get(key);
      return at && { top: task.firstRow, left: at.col, bottom: task.lastRow, right: at.col + at.colSpan - 1 };
    };
    const moneyTitles: Readonly<Record<TaskMoneyColumn, string>> = { total: '总额', fiscal: '财政拨款', other: '其他资金' };
    for (const key of ['total', 'fiscal', 'other'] as const) {
      const range = column(key);
      if (range) validations.push(amount(range, moneyTitles[key]));
    }
    const content = column('content');
    if (content) validations.push({ range: content, rule: { kind: 'textLength', max: 1000 }, error: { title: '主要内容过长', message: '主要内容不超过 1000 个字' } });
  }
  for (const table of placed.indicatorTables) validations.push(...indicatorValidations(table));
  return validations;
}

function indicatorValidations(table: Placed['indicatorTables'][number]): PlanValidation[] {
  const column = (key: IndicatorColumnKey): CellRange => {
    const at = declaredArea(table.columns, key);
    return { top: table.firstRow, left: at.col, bottom: table.lastRow, right: at.col + at.colSpan - 1 };
  };
  const validations: PlanValidation[] = [
    {
      range: column('level1'),
      rule: { kind: 'list', items: level1Names() },
      prompt: { title: '一级指标', message: '产出指标、效益指标、满意度指标（或成本指标）' },
      error: { title: '一级指标', message: '请从列表中选择一级指标' },
    },
    {
      range: column('level2'),
      rule: { kind: 'list', items: level2Names() },
      prompt: { title: '二级指标', message: '如 数量指标、质量指标、时效指标、成本指标' },
      error: { title: '二级指标', message: '请从列表中选择二级指标' },
    },
    { range: column('level3'), rule: { kind: 'textLength', max: 100 }, error: { title: '三级指标过长', message: '三级指标名称不超过 100 个字' } },
  ];
  if (table.columns.has('valueKind')) {
    validations.push({ range: column('valueKind'), rule: { kind: 'list', items: ['定量', '定性'] }, error: { title: '指标值类型', message: '请选择 定量 或 定性' } });
  }
  return validations;
}

/** The template's sums as red-fill conditional formats, so a file opened without the add-in still warns. */
function buildConditionalFormats(template: FormTemplate, placed: Placed): PlanConditionalFormat[] {
  const formats: PlanConditionalFormat[] = [];
  const tolerance = template.settings.sumTolerance;
  // Each ref becomes a list of absolute references (one argument each), or undefined when not drawn.
  const refs = (ref: AmountRef): string[] | undefined => {
    if (ref.kind === 'field') {
      const area = placed.fields.get(ref.field);
      return area ? [absoluteA1(area.row, area.col)] : undefined;
    }
    const col = placed.task?.columns.get(ref.column)?.col;
    const task = placed.task;
    if (!task || col === undefined) return undefined;
    return ref.kind === 'taskTotal' ? [absoluteA1(task.totalRow, col)] : [`${absoluteA1(task.firstRow, col)}:${absoluteA1(task.lastRow, col)}`];
  };
  const anchor = (ref: AmountRef): CellRange | undefined => {
    if (ref.kind === 'field') {
      const area = placed.fields.get(ref.field);
      return area ? areaRange(area) : undefined;
    }
    const task = placed.task;
    const col = task?.columns.get(ref.column)?.col;
    if (ref.kind !== 'taskTotal' || !task || col === undefined) return undefined;
    return { top: task.totalRow, left: col, bottom: task.totalRow, right: col };
  };
  for (const sum of template.sums) {
    const range = anchor(sum.whole);
    const whole = refs(sum.whole);
    const parts = sum.parts.map(refs);
    if (!range || !whole || parts.some((p) => p === undefined)) continue;
    const partList = parts.flatMap((p) => p ?? []).join(',');
    // ROUND to 4 decimals (1 元) on both sides, so float noise never turns a cell red.
    const differs = `ABS(ROUND(${whole[0]},4)-ROUND(SUM(${partList}),4))>${tolerance}`;
    const formula = sum.when === 'anyPartFilled' ? `=AND(COUNTA(${partList})>0,${differs})` : `=${differs}`;
    formats.push({ ranges: [range], formula, fill: ALERT_FILL, fontColor: ALERT_FONT });
  }
  return formats;
}
