/**
 * A form template: what the form means (`TemplateSemantics`) and, beside it, how it is drawn
 * (`TemplateLayout`). The layout is plain data; `buildLayoutPlan` turns it into cells, and the
 * extractor reads the same declaration to know which headers and terminators to look for.
 */
import type { TaskMoneyColumn, TemplateSemantics } from './template';

/** What a declared cell is: its role on the form decides its style. */
export type LayoutCellKind =
  /** The form's title. */
  | 'title'
  /** The year line under the title; `{year}` in the text (or in a title's) is replaced by the budget year. */
  | 'subtitle'
  /** A field label or a section label. */
  | 'label'
  /** A heading over inputs (按收入性质分). */
  | 'header'
  /** An input cell of the field `field`. */
  | 'input'
  /** Printed text in a box that is not checked (审核意见's （盖章） 年 月 日). */
  | 'note'
  /** Printed words beside the form's cells, without a box (金额单位：万元). */
  | 'caption'
  /** An empty cell that only carries borders, so the printed grid is closed. */
  | 'blank';

export interface LayoutCellDecl<F extends string = string> {
  readonly kind: LayoutCellKind;
  /** Columns the cell covers; merged when more than 1. Default 1. */
  readonly span?: number;
  readonly text?: string;
  /** The field id, for `input` cells. A label in the same row puts the value right of it, otherwise below. */
  readonly field?: F;
}

export interface LayoutRowDecl<F extends string = string> {
  readonly cells: readonly LayoutCellDecl<F>[];
  /** Minimum height in points; long text makes the row taller. */
  readonly height?: number;
}

/** Rows drawn as declared; with `section`, its label fills column A, merged down the rows. */
export interface RowsBlock<F extends string = string> {
  readonly kind: 'rows';
  readonly section?: string;
  readonly rows: readonly LayoutRowDecl<F>[];
}

/** Every task table has 任务名称, 主要内容, 总额 and 财政拨款 (checked at load); 其他资金 where a layout declares it. */
export type TaskColumnKey = 'name' | 'content' | TaskMoneyColumn;

export interface TableColumnDecl<K extends string> {
  readonly key: K;
  readonly heading: string;
  /** Other headings of the same column met on real forms (指标内容 for 三级指标). */
  readonly aliases?: readonly string[];
  readonly span?: number;
}

export interface TaskColumnDecl extends TableColumnDecl<TaskColumnKey> {
  /** Columns with a `group` share a heading row above theirs. */
  readonly group?: string;
  /**
   * Read where a form's header row has the column, never printed by this layout (the national
   * department form's 其他资金 beside the reference's 总额 and 财政拨款). Not for the four columns
   * every task table has (checked at load).
   */
  readonly readIfPresent?: true;
}

export interface TaskTableBlock {
  readonly kind: 'taskTable';
  readonly section: string;
  /** Left to right, after the section column; the printed ones cover the form's width. */
  readonly columns: readonly TaskColumnDecl[];
  /** Task rows of a blank form. */
  readonly defaultRows: number;
  /** The closing row's label; its money cells hold `=SUM(...)` over the task rows. */
  readonly totalLabel: string;
}

/** The four columns every indicator table has (checked at load). */
export type IndicatorCoreColumn = 'level1' | 'level2' | 'level3' | 'value';

/**
 * Columns some layouts add: 指标值类型 (定量/定性), 计量单位, 指标解释, 评(扣)分标准, 绩效标准
 * (计划/行业/历史标准), 分值, 备注. Read into the indicator rows by the same names.
 */
export type IndicatorExtraColumn = 'valueKind' | 'unit' | 'explanation' | 'scoring' | 'standard' | 'score' | 'remark';

export type IndicatorColumnKey = IndicatorCoreColumn | IndicatorExtraColumn;

export const INDICATOR_EXTRA_COLUMNS: readonly IndicatorExtraColumn[] = ['valueKind', 'unit', 'explanation', 'scoring', 'standard', 'score', 'remark'];

/** Which set of targets a table states: the 年度 one (every form) or the 中期 one of multi-year projects. */
export type IndicatorPeriod = 'annual' | 'midTerm';

/** One period's indicator columns, left to right. */
export interface IndicatorColumnSet {
  readonly period: IndicatorPeriod;
  /** Printed over the set's headings when sets stand side by side (中期绩效指标). */
  readonly heading?: string;
  readonly columns: readonly TableColumnDecl<IndicatorColumnKey>[];
}

export interface IndicatorTableBlock {
  readonly kind: 'indicatorTable';
  readonly section: string;
  /** Default `annual`. A layout with 中期 and 年度 tables declares one block of each, or one with `beside`. */
  readonly period?: IndicatorPeriod;
  /** Printed over `columns` when another set stands beside them. */
  readonly heading?: string;
  readonly columns: readonly TableColumnDecl<IndicatorColumnKey>[];
  /**
   * Another period's columns on the same rows, right of `columns` (the national project form's
   * 年度 set beside its 中期 set). Each set is drawn, validated and read on its own columns.
   */
  readonly beside?: IndicatorColumnSet;
  /** The rows of a blank form: the names of the usual groups; 三级 and 指标值 are left blank. */
  readonly defaultRows: readonly { readonly level1: string; readonly level2: string }[];
  /** Text of the row that ends the table (the review row); without one the table ends at the next table or the form's end. */
  readonly terminator?: string;
}

/** The column sets of an indicator table, left to right: one, or two side by side. */
export function indicatorColumnSets(block: IndicatorTableBlock): readonly IndicatorColumnSet[] {
  const first: IndicatorColumnSet = { period: block.period ?? 'annual', ...(block.heading === undefined ? {} : { heading: block.heading }), columns: block.columns };
  return block.beside ? [first, block.beside] : [first];
}

export type LayoutBlock<F extends string = string> = RowsBlock<F> | TaskTableBlock | IndicatorTableBlock;

export interface TemplateLayout<F extends string = string> {
  /** At most 31 characters, none of []:*?/\ (Excel's rules for sheet names). */
  readonly sheetName: string;
  /** Excel character units, one per column from A; column A holds the section labels. */
  readonly columnWidths: readonly number[];
  /** Top to bottom. The first block holds the title and the year line. */
  readonly blocks: readonly LayoutBlock<F>[];
  /** Default portrait; a layout with a wide indicator table prints landscape. */
  readonly orientation?: 'portrait' | 'landscape';
}

export interface FormTemplate<F extends string = string> extends TemplateSemantics<F> {
  readonly layout: TemplateLayout<NoInfer<F>>;
}

/**
 * Declares a template, typed by its own field ids: `defineTemplate({ fields: [{ id: 'totalFunds', … }], sums: … })`.
 * The ids are read from `fields` only, so a sum or an input cell naming another fails to compile.
 */
export function defineTemplate<const F extends string>(template: FormTemplate<F>): FormTemplate<F> {
  return template;
}
