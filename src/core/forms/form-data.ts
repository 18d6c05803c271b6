/**
 * A form as the extractor read it from a grid: every value with the cell it came from, so
 * that every issue can name its cells. Values are raw (as in the grid); rules parse them.
 */
import type { CellScalar } from '../grid/grid';
import type { IndicatorExtraColumn } from '../templates/form-template';
import type { TemplateId } from '../templates/template';

export interface FieldValue {
  /** A1 address on the form's sheet. */
  readonly cell: string;
  readonly value: CellScalar;
  readonly formula?: string;
  /** The formula's result is not in the file (see `GridCell.uncalculated`): the value is unknown. */
  readonly uncalculated?: true;
}

export interface TaskRow {
  /** 0-based row index on the sheet. */
  readonly row: number;
  readonly name: FieldValue;
  readonly content: FieldValue;
  readonly total: FieldValue;
  readonly fiscal: FieldValue;
  /** 其他资金, where the form's task table has the column (a layout may read it only where present). */
  readonly other?: FieldValue;
}

/**
 * The columns some layouts add to the indicator table, where the form has them: 指标值类型
 * (`valueKind`: 定量 or 定性, as typed), 计量单位 (`unit`), 指标解释, 评(扣)分标准, 绩效标准, 分值,
 * 备注. Each names its cell, so rules can report it.
 */
export type IndicatorExtras = Partial<Readonly<Record<IndicatorExtraColumn, FieldValue>>>;

export interface IndicatorRow extends IndicatorExtras {
  readonly row: number;
  /** `midTerm` for the rows of a 中期 indicator set (multi-year project forms); absent for the 年度 set. */
  readonly period?: 'midTerm';
  /** 一级 and 二级 are carried down from the merged cell above; `cell` is where the name is written. */
  readonly level1: FieldValue;
  readonly level2: FieldValue;
  readonly level3: FieldValue;
  readonly value: FieldValue;
}

export interface ExtractedForm {
  /** The layout the form was read as (its template); its kind is `TEMPLATES[template].kind`. */
  readonly template: TemplateId;
  readonly sheet: string;
  /** The budget year read from the title's "(2022 年度)", or null when it cannot be read. */
  readonly year: number | null;
  readonly titleCell: string;
  /** Field values by field id; `undefined` when the field's label was not found on the sheet. */
  readonly fields: Readonly<Record<string, FieldValue | undefined>>;
  readonly tasks: readonly TaskRow[];
  /**
   * The 金额合计 row, when the form has a task table and the row was found; `firstBodyRow`
   * (0-based) is the table's first row below its headings, filled or not; `other` where the
   * table has a 其他资金 column.
   */
  readonly taskTotal?: { readonly labelCell: string; readonly total: FieldValue; readonly fiscal: FieldValue; readonly other?: FieldValue; readonly firstBodyRow?: number };
  readonly indicators: readonly IndicatorRow[];
  /** Cell of the indicator table's header row label (一级指标), for issues about the table as a whole. */
  readonly indicatorHeaderCell?: string;
}
