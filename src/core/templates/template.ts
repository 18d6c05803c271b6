/**
 * What a form template declares about meaning: its fields (found by their labels), its
 * tables, and the sums that must hold. The look of the form (cells, merges, widths, print)
 * is declared beside this in the template's layout; see `../layout/`.
 */

export type TemplateId = 'department' | 'project';

export const TEMPLATE_IDS: readonly TemplateId[] = ['department', 'project'];

export type FieldKind = 'text' | 'longText' | 'amount' | 'phone' | 'date';

export interface FieldSpec {
  /** Stable id, camelCase: `totalFunds`. */
  readonly id: string;
  /** The label as printed on the reference form, without colons: `资金总额`. */
  readonly label: string;
  /** Other spellings met on real forms (`填报人` for `填表人`). */
  readonly aliases?: readonly string[];
  readonly kind: FieldKind;
  readonly required: boolean;
  /** The section heading the field belongs to, for grouping issues in the pane. */
  readonly section: string;
}

/** Where an amount comes from, for sum rules. */
export type AmountRef =
  | { readonly kind: 'field'; readonly field: string }
  /** The sum over the task rows of one money column. */
  | { readonly kind: 'taskColumn'; readonly column: 'total' | 'fiscal' }
  /** The 金额合计 row's cell of one money column. */
  | { readonly kind: 'taskTotal'; readonly column: 'total' | 'fiscal' };

export interface SumSpec {
  readonly id: string;
  readonly whole: AmountRef;
  readonly parts: readonly AmountRef[];
  /** `anyPartFilled`: checked only when at least one part holds a value (blank parts count as 0). */
  readonly when: 'always' | 'anyPartFilled';
  /** A sum the user may turn off (金额合计 = 项目支出 is a Hunan habit, not a national rule). */
  readonly optional?: boolean;
}

export interface TemplateSettings {
  /** Largest difference, in 万元, that still counts as equal. Default 0.005. */
  readonly sumTolerance: number;
  /** Whether 产出/成本指标 is expected among the 二级 indicators (indicator_missing warning). */
  readonly expectCostIndicator: boolean;
  /** Whether the optional sums are checked. */
  readonly checkOptionalSums: boolean;
}

export interface TemplateSemantics {
  readonly id: TemplateId;
  /** Bumped when the layout changes in a way a reader must know of. */
  readonly version: number;
  /** The title as printed: `部门整体支出绩效目标申报表`. */
  readonly title: string;
  readonly fields: readonly FieldSpec[];
  /** Whether the form has the 年度主要任务 table (department form only). */
  readonly hasTaskTable: boolean;
  readonly sums: readonly SumSpec[];
  readonly settings: TemplateSettings;
}
