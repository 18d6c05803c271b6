/**
 * A layout plan: everything needed to draw a form on a sheet, as plain data. Made by
 * `buildLayoutPlan(template, { year, sample })`; written to `.xlsx` by the command line and
 * to a live workbook by the add-in. Addresses are 0-based row/col.
 */
import type { CellRange } from '../grid/grid';
import type { TemplateId } from '../templates/template';

export type HorizontalAlignment = 'left' | 'center' | 'right';
export type VerticalAlignment = 'top' | 'center' | 'bottom';

export interface CellStyle {
  readonly font?: { readonly bold?: boolean; readonly size?: number; readonly name?: string; readonly color?: string };
  /** Solid fill, `#RRGGBB`. */
  readonly fill?: string;
  readonly horizontal?: HorizontalAlignment;
  readonly vertical?: VerticalAlignment;
  readonly wrap?: boolean;
  /** Thin borders on all four edges, as on the printed form. */
  readonly border?: boolean;
  /** Excel number format, `0.00` for amounts. */
  readonly numberFormat?: string;
}

export type CellRole = 'title' | 'subtitle' | 'label' | 'header' | 'input' | 'total' | 'note';

export interface PlanCell {
  readonly row: number;
  readonly col: number;
  readonly value?: string | number;
  /** A formula starting with `=`, in A1 notation (`=SUM(D12:D15)`). */
  readonly formula?: string;
  /** Key into `LayoutPlan.styles`. */
  readonly style: string;
  readonly role: CellRole;
  /** The field id this input cell holds, where it is one. */
  readonly field?: string;
}

export type ValidationRule =
  | { readonly kind: 'decimal'; readonly min: number }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | { readonly kind: 'textLength'; readonly max: number };

export interface PlanValidation {
  readonly range: CellRange;
  readonly rule: ValidationRule;
  readonly prompt?: { readonly title: string; readonly message: string };
  readonly error?: { readonly title: string; readonly message: string };
}

/** A native check for files opened without the add-in: a conditional format with a plain formula. */
export interface PlanConditionalFormat {
  readonly ranges: readonly CellRange[];
  /** Relative to the top-left cell of the first range, in A1 notation, starting with `=`. */
  readonly formula: string;
  readonly fill: string;
  readonly fontColor?: string;
}

export interface PrintSetup {
  readonly paperSize: 'A4';
  readonly orientation: 'portrait' | 'landscape';
  readonly fitToPagesWide: 1;
  /** 0: as many pages tall as needed. */
  readonly fitToPagesTall: 0;
  /** Rows repeated at the top of every page (0-based, inclusive). */
  readonly titleRows?: { readonly first: number; readonly last: number };
  readonly centerHorizontally: boolean;
  /** Inches, as Excel keeps them. */
  readonly margins: { readonly top: number; readonly bottom: number; readonly left: number; readonly right: number; readonly header: number; readonly footer: number };
  /** The area to print, all of the form. */
  readonly area: CellRange;
}

export interface LayoutPlan {
  readonly template: TemplateId;
  readonly templateVersion: number;
  readonly year: number;
  /** The name a new sheet gets (made unique by the writer if taken). */
  readonly sheetName: string;
  /** Widths in Excel's character units, one per column from A. */
  readonly columnWidths: readonly number[];
  /** Heights in points, by 0-based row; rows not listed keep the default height. */
  readonly rowHeights: Readonly<Record<number, number>>;
  readonly styles: Readonly<Record<string, CellStyle>>;
  /** Every cell the form draws, blank input cells included (they carry borders). */
  readonly cells: readonly PlanCell[];
  readonly merges: readonly CellRange[];
  readonly validations: readonly PlanValidation[];
  readonly conditionalFormats: readonly PlanConditionalFormat[];
  readonly print: PrintSetup;
  /**
   * A sheet-scoped defined name that marks the sheet as a form of this template and version
   * (`PerfTargetForm_department_v1`), referring to the title cell. Recognition still works by
   * labels when the name is lost.
   */
  readonly marker: { readonly name: string; readonly cell: { readonly row: number; readonly col: number } };
  /** The cell to select after inserting: the first input cell. */
  readonly firstInputCell: { readonly row: number; readonly col: number };
  /** The used area of the form. */
  readonly extent: CellRange;
}
