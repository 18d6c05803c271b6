/**
 * A form template: what the form means (`TemplateSemantics`) and, beside it, how it is drawn
 * (`TemplateLayout`). The layout is plain data; `buildLayoutPlan` turns it into cells, and the
 * extractor reads the same declaration to know which headers and terminators to look for.
 */
import type { TemplateSemantics } from './template';

/** What a declared cell is: its role on the form decides its style. */
export type LayoutCellKind =
  /** The form's title. */
  | 'title'
  /** The year line under the title; `{year}` in the text is replaced by the budget year. */
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

export interface LayoutCellDecl {
  readonly kind: LayoutCellKind;
  /** Columns the cell covers; merged when more than 1. Default 1. */
  readonly span?: number;
  readonly text?: string;
  /** The field id, for `input` cells. A label in the same row puts the value right of it, otherwise below. */
  readonly field?: string;
}

export interface LayoutRowDecl {
  readonly cells: readonly LayoutCellDecl[];
  /** Minimum height in points; long text makes the row taller. */
  readonly height?: number;
}

/** Rows drawn as declared; with `section`, its label fills column A, merged down the rows. */
export interface RowsBlock {
  readonly kind: 'rows';
  readonly section?: string;
  readonly rows: readonly LayoutRowDecl[];
}

export type TaskColumnKey = 'name' | 'content' | 'total' | 'fiscal';

export interface TaskTableBlock {
  readonly kind: 'taskTable';
  readonly section: string;
  /** Left to right, after the section column. Columns with a `group` share a heading row above theirs. */
  readonly columns: readonly { readonly key: TaskColumnKey; readonly heading: string; readonly span?: number; readonly group?: string }[];
  /** Task rows of a blank form. */
  readonly defaultRows: number;
  /** The closing row's label; its money cells hold `=SUM(...)` over the task rows. */
  readonly totalLabel: string;
}

export type IndicatorColumnKey = 'level1' | 'level2' | 'level3' | 'value';

export interface IndicatorTableBlock {
  readonly kind: 'indicatorTable';
  readonly section: string;
  readonly columns: readonly { readonly key: IndicatorColumnKey; readonly heading: string; readonly span?: number }[];
  /** The rows of a blank form: the names of the usual groups; 三级 and 指标值 are left blank. */
  readonly defaultRows: readonly { readonly level1: string; readonly level2: string }[];
  /** Text of the row that ends the table (the review row). */
  readonly terminator: string;
}

export type LayoutBlock = RowsBlock | TaskTableBlock | IndicatorTableBlock;

export interface TemplateLayout {
  /** At most 31 characters, none of []:*?/\ (Excel's rules for sheet names). */
  readonly sheetName: string;
  /** Excel character units, one per column from A; column A holds the section labels. */
  readonly columnWidths: readonly number[];
  /** Top to bottom. The first block holds the title and the year line. */
  readonly blocks: readonly LayoutBlock[];
}

export interface FormTemplate extends TemplateSemantics {
  readonly layout: TemplateLayout;
}
