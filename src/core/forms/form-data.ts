/**
 * A form as the extractor read it from a grid: every value with the cell it came from, so
 * that every issue can name its cells. Values are raw (as in the grid); rules parse them.
 */
import type { CellScalar } from '../grid/grid';
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
}

export interface IndicatorRow {
  readonly row: number;
  /** 一级 and 二级 are carried down from the merged cell above; `cell` is where the name is written. */
  readonly level1: FieldValue;
  readonly level2: FieldValue;
  readonly level3: FieldValue;
  readonly value: FieldValue;
  /** 指标值类型 (定量 / 定性), on layouts that print the column. */
  readonly valueKind?: FieldValue;
  /** 计量单位, on layouts that print the column. */
  readonly unit?: FieldValue;
}

export interface ExtractedForm {
  readonly template: TemplateId;
  readonly sheet: string;
  /** The budget year read from the title's "(2022 年度)", or null when it cannot be read. */
  readonly year: number | null;
  readonly titleCell: string;
  /** Field values by field id; `undefined` when the field's label was not found on the sheet. */
  readonly fields: Readonly<Record<string, FieldValue | undefined>>;
  readonly tasks: readonly TaskRow[];
  /** The 金额合计 row, when the form has a task table and the row was found. */
  readonly taskTotal?: { readonly labelCell: string; readonly total: FieldValue; readonly fiscal: FieldValue };
  readonly indicators: readonly IndicatorRow[];
  /** Cell of the indicator table's header row label (一级指标), for issues about the table as a whole. */
  readonly indicatorHeaderCell?: string;
}
