/**
 * Turns a template's layout declaration (data, in `templates/`) into a `LayoutPlan`: every
 * cell with its value and style, merges, widths, heights, validations, native checks and the
 * print setup. Pure: the same plan is written to `.xlsx` by the command line and to a live
 * workbook by the add-in.
 */
import type { CellRange } from '../grid/grid';
import { toA1 } from '../grid/address';
import { INDICATOR_FRAMEWORK } from '../indicators/framework';
import { getSample } from '../sample';
import type { SampleContent, SampleIndicator, SampleTask } from '../sample';
import { getTemplate } from '../templates';
import type { FormTemplate, IndicatorTableBlock, LayoutCellDecl, RowsBlock, TaskTableBlock } from '../templates/form-template';
import type { AmountRef, FieldKind, TemplateId } from '../templates/template';
import type { CellRole, LayoutPlan, PlanCell, PlanConditionalFormat, PlanValidation } from './layout-plan';
import { ALERT_FILL, ALERT_FONT, PLAN_STYLES } from './plan-styles';
import type { StyleKey } from './plan-styles';
import { estimateRowHeight } from './row-height';

export interface BuildLayoutOptions {
  readonly year: number;
  /** Fill the reference content (2022, 衡阳市归国华侨联合会) and size the tables to it. */
  readonly withSample: boolean;
}

/** A template's layout declaration contradicts itself (a programming error, not user data). */
export class LayoutDeclarationError extends Error {
  constructor(template: TemplateId, detail: string) {
    super(`layout of template "${template}": ${detail}`);
    this.name = 'LayoutDeclarationError';
  }
}

export const AMOUNT_PROMPT = '请输入以万元为单位的数字，如 180.61';
const AMOUNT_ERROR = { title: '金额无效', message: '请输入不小于 0 的数字，以万元为单位，如 180.61' };
const DEFAULT_ROW_HEIGHT = 20;

export function markerName(template: FormTemplate): string {
  return `PerfTargetForm_${template.id}_v${template.version}`;
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

function absolute(row: number, col: number): string {
  const a1 = toA1(row, col);
  const match = /^([A-Z]+)(\d+)$/.exec(a1);
  return match ? `$${match[1]}$${match[2]}` : a1;
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
  task?: { readonly firstRow: number; readonly lastRow: number; readonly totalRow: number; readonly columns: Map<string, Area> };
  indicators?: { readonly firstRow: number; readonly lastRow: number; readonly columns: Map<string, Area> };
}

export function buildLayoutPlan(templateId: TemplateId, options: BuildLayoutOptions): LayoutPlan {
  return planFromTemplate(getTemplate(templateId), options.year, options.withSample ? getSample(templateId) : undefined);
}

/**
 * The plan of any template declaration, with or without content: what `buildLayoutPlan` does
 * for the registered templates. Throws `LayoutDeclarationError` when the declaration
 * contradicts itself (rows wider than the form, an input of an undeclared field…).
 */
export function planFromTemplate(template: FormTemplate, year: number, sample?: SampleContent): LayoutPlan {
  const templateId = template.id;
  const layout = template.layout;
  const width = layout.columnWidths.length;
  const sheet = new PlanSheet(layout.columnWidths);
  const placed: Placed = { fields: new Map() };
  const fieldKinds = new Map(template.fields.map((f) => [f.id, f.kind]));
  let row = 0;

  const columnsOf = <K extends string>(columns: readonly { key: K; span?: number }[]): Map<string, Area> => {
    const byKey = new Map<string, Area>();
    let col = 1;
    for (const column of columns) {
      byKey.set(column.key, { row: 0, col, rowSpan: 1, colSpan: column.span ?? 1 });
      col += column.span ?? 1;
    }
    if (col !== width) throw new LayoutDeclarationError(templateId, `table columns cover ${col} columns, the form has ${width}`);
    return byKey;
  };

  const drawRows = (block: RowsBlock): void => {
    const start = row;
    const firstCol = block.section === undefined ? 0 : 1;
    for (const rowDecl of block.rows) {
      let col = firstCol;
      for (const decl of rowDecl.cells) {
        const span = decl.span ?? 1;
        drawDeclaredCell(decl, { row, col, rowSpan: 1, colSpan: span });
        col += span;
      }
      if (col !== width) throw new LayoutDeclarationError(templateId, `row ${row + 1} covers ${col} columns, the form has ${width}`);
      sheet.atLeast(row, rowDecl.height ?? DEFAULT_ROW_HEIGHT);
      row++;
    }
    if (block.section !== undefined) sheet.put({ row: start, col: 0, rowSpan: row - start, colSpan: 1 }, { style: 'label', role: 'label', value: block.section });
  };

  const drawDeclaredCell = (decl: LayoutCellDecl, area: Area): void => {
    switch (decl.kind) {
      case 'title':
        return sheet.put(area, { style: 'title', role: 'title', value: decl.text });
      case 'subtitle':
        return sheet.put(area, { style: 'subtitle', role: 'subtitle', value: (decl.text ?? '({year} 年度)').replace('{year}', String(year)) });
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
        const kind = field === undefined ? undefined : fieldKinds.get(field);
        if (field === undefined || kind === undefined) throw new LayoutDeclarationError(templateId, `input cell at ${toA1(area.row, area.col)} names no declared field`);
        if (placed.fields.has(field)) throw new LayoutDeclarationError(templateId, `field "${field}" has two input cells`);
        placed.fields.set(field, area);
        return sheet.put(area, { style: fieldStyle(kind), role: 'input', field, value: sample?.fields[field] });
      }
    }
  };

  const drawTaskTable = (block: TaskTableBlock): void => {
    const start = row;
    const columns = columnsOf(block.columns);
    const grouped = block.columns.some((c) => c.group !== undefined);
    const headerRows = grouped ? 2 : 1;
    for (let i = 0; i < block.columns.length; i++) {
      const column = block.columns[i];
      const at = columns.get(column.key) as Area;
      if (column.group === undefined) {
        sheet.put({ row, col: at.col, rowSpan: headerRows, colSpan: at.colSpan }, { style: 'header', role: 'header', value: column.heading });
        continue;
      }
      const previous = block.columns[i - 1];
      if (previous?.group !== column.group) {
        let groupSpan = 0;
        for (let j = i; j < block.columns.length && block.columns[j].group === column.group; j++) groupSpan += block.columns[j].span ?? 1;
        sheet.put({ row, col: at.col, rowSpan: 1, colSpan: groupSpan }, { style: 'header', role: 'header', value: column.group });
      }
      sheet.put({ row: row + 1, col: at.col, rowSpan: 1, colSpan: at.colSpan }, { style: 'header', role: 'header', value: column.heading });
    }
    row += headerRows;
    const tasks: readonly (SampleTask | undefined)[] = sample ? sample.tasks : Array.from({ length: block.defaultRows }, () => undefined);
    const bodyRows = Math.max(1, tasks.length);
    const firstRow = row;
    for (let i = 0; i < bodyRows; i++) {
      const task = tasks[i];
      const cell = (key: string): Area => ({ ...(columns.get(key) as Area), row });
      sheet.put(cell('name'), { style: 'input', role: 'input', value: task?.name });
      sheet.put(cell('content'), { style: 'input', role: 'input', value: task?.content });
      sheet.put(cell('total'), { style: 'amount', role: 'input', value: task?.total });
      sheet.put(cell('fiscal'), { style: 'amount', role: 'input', value: task?.fiscal });
      sheet.atLeast(row, DEFAULT_ROW_HEIGHT);
      row++;
    }
    const lastRow = row - 1;
    const totalRow = row;
    const sumOf = (key: string): string => {
      const col = (columns.get(key) as Area).col;
      return `=SUM(${toA1(firstRow, col)}:${toA1(lastRow, col)})`;
    };
    sheet.put({ ...(columns.get('name') as Area), row }, { style: 'label', role: 'label', value: block.totalLabel });
    sheet.put({ ...(columns.get('content') as Area), row }, { style: 'blank', role: 'note' });
    sheet.put({ ...(columns.get('total') as Area), row }, { style: 'total', role: 'total', formula: sumOf('total') });
    sheet.put({ ...(columns.get('fiscal') as Area), row }, { style: 'total', role: 'total', formula: sumOf('fiscal') });
    sheet.atLeast(row, DEFAULT_ROW_HEIGHT);
    row++;
    placed.task = { firstRow, lastRow, totalRow, columns };
    sheet.put({ row: start, col: 0, rowSpan: row - start, colSpan: 1 }, { style: 'label', role: 'label', value: block.section });
  };

  const drawIndicatorTable = (block: IndicatorTableBlock): void => {
    const start = row;
    const columns = columnsOf(block.columns);
    for (const column of block.columns) sheet.put({ ...(columns.get(column.key) as Area), row }, { style: 'header', role: 'header', value: column.heading });
    sheet.atLeast(row, 30);
    row++;
    const declared: readonly SampleIndicator[] = sample
      ? sample.indicators
      : block.defaultRows.map((d) => ({ level1: d.level1, level2: d.level2, level3: '', value: '' }));
    const indicators = declared.length > 0 ? declared : [{ level1: '', level2: '', level3: '', value: '' }];
    const firstRow = row;
    // 一级 merges over its run of rows; 二级 over its run within the same 一级, as on the printed form.
    const runLength = (from: number, same: (a: SampleIndicator, b: SampleIndicator) => boolean): number => {
      let end = from + 1;
      while (end < indicators.length && same(indicators[from], indicators[end])) end++;
      return end - from;
    };
    for (let i = 0; i < indicators.length; i++) {
      const indicator = indicators[i];
      const r = firstRow + i;
      const at = (key: string, rowSpan = 1): Area => ({ ...(columns.get(key) as Area), row: r, rowSpan });
      const startsLevel1 = i === 0 || indicators[i - 1].level1 !== indicator.level1 || indicator.level1 === '';
      if (startsLevel1) {
        const span = indicator.level1 === '' ? 1 : runLength(i, (a, b) => b.level1 === a.level1);
        sheet.put(at('level1', span), { style: 'input', role: 'input', value: indicator.level1 });
      }
      const startsLevel2 = startsLevel1 || indicators[i - 1].level2 !== indicator.level2 || indicator.level2 === '';
      if (startsLevel2) {
        const span = indicator.level2 === '' ? 1 : runLength(i, (a, b) => b.level1 === a.level1 && b.level2 === a.level2);
        sheet.put(at('level2', span), { style: 'input', role: 'input', value: indicator.level2 });
      }
      sheet.put(at('level3'), { style: 'input', role: 'input', value: indicator.level3 });
      sheet.put(at('value'), { style: 'input', role: 'input', value: indicator.value });
      sheet.atLeast(r, DEFAULT_ROW_HEIGHT);
    }
    row = firstRow + indicators.length;
    placed.indicators = { firstRow, lastRow: row - 1, columns };
    sheet.put({ row: start, col: 0, rowSpan: row - start, colSpan: 1 }, { style: 'label', role: 'label', value: block.section });
  };

  for (const block of layout.blocks) {
    if (block.kind === 'rows') drawRows(block);
    else if (block.kind === 'taskTable') drawTaskTable(block);
    else drawIndicatorTable(block);
  }

  const extent: CellRange = { top: 0, left: 0, bottom: row - 1, right: width - 1 };
  const title = sheet.cells.find((c) => c.role === 'title');
  const firstInput = sheet.cells.find((c) => c.role === 'input');
  if (!title || !firstInput) throw new LayoutDeclarationError(templateId, 'a form needs a title and at least one input cell');
  if (layout.sheetName.length > 31 || /[[\]:*?/\\]/.test(layout.sheetName)) throw new LayoutDeclarationError(templateId, `sheet name "${layout.sheetName}" is not allowed by Excel`);

  return {
    template: templateId,
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
    print: {
      paperSize: 'A4',
      orientation: 'portrait',
      fitToPagesWide: 1,
      fitToPagesTall: 0,
      // The indicator table is what runs over several pages: its header row repeats on every
      // page from its own on, so a loose page still says which column is which. (Print titles
      // are one block of rows; without an indicator table, the title and year repeat.)
      titleRows: placed.indicators ? { first: placed.indicators.firstRow - 1, last: placed.indicators.firstRow - 1 } : { first: title.row, last: title.row + 1 },
      centerHorizontally: true,
      margins: { top: 0.75, bottom: 0.75, left: 0.5, right: 0.5, header: 0.3, footer: 0.3 },
      area: extent,
    },
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
    const column = (key: string): CellRange => {
      const at = task.columns.get(key) as Area;
      return { top: task.firstRow, left: at.col, bottom: task.lastRow, right: at.col + at.colSpan - 1 };
    };
    validations.push(amount(column('total'), '总额'), amount(column('fiscal'), '财政拨款'));
    validations.push({
      range: column('content'),
      rule: { kind: 'textLength', max: 1000 },
      error: { title: '主要内容过长', message: '主要内容不超过 1000 个字' },
    });
  }
  const indicators = placed.indicators;
  if (indicators) {
    const column = (key: string): CellRange => {
      const at = indicators.columns.get(key) as Area;
      return { top: indicators.firstRow, left: at.col, bottom: indicators.lastRow, right: at.col + at.colSpan - 1 };
    };
    validations.push({
      range: column('level1'),
      rule: { kind: 'list', items: level1Names() },
      prompt: { title: '一级指标', message: '产出指标、效益指标、满意度指标（或成本指标）' },
      error: { title: '一级指标', message: '请从列表中选择一级指标' },
    });
    validations.push({
      range: column('level2'),
      rule: { kind: 'list', items: level2Names() },
      prompt: { title: '二级指标', message: '如 数量指标、质量指标、时效指标、成本指标' },
      error: { title: '二级指标', message: '请从列表中选择二级指标' },
    });
    validations.push({
      range: column('level3'),
      rule: { kind: 'textLength', max: 100 },
      error: { title: '三级指标过长', message: '三级指标名称不超过 100 个字' },
    });
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
      return area ? [absolute(area.row, area.col)] : undefined;
    }
    const task = placed.task;
    if (!task) return undefined;
    const col = (task.columns.get(ref.column) as Area).col;
    return ref.kind === 'taskTotal' ? [absolute(task.totalRow, col)] : [`${absolute(task.firstRow, col)}:${absolute(task.lastRow, col)}`];
  };
  const anchor = (ref: AmountRef): CellRange | undefined => {
    if (ref.kind === 'field') {
      const area = placed.fields.get(ref.field);
      return area ? areaRange(area) : undefined;
    }
    const task = placed.task;
    if (ref.kind !== 'taskTotal' || !task) return undefined;
    const col = (task.columns.get(ref.column) as Area).col;
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
