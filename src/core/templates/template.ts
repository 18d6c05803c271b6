/**
 * What a form template declares about meaning: its fields (found by their labels), its
 * tables, and the sums that must hold. The look of the form (cells, merges, widths, print)
 * is declared beside this in the template's layout; see `../layout/`.
 *
 * A template is one layout of one kind of form. Its declaration is typed by its own field
 * ids (`F`): a sum or an input cell naming a field the template does not declare fails to
 * compile; what types cannot catch is checked at load (`validateTemplate`).
 */

/** The kind of form, whatever its layout: the rules that compare forms go by this. */
export type FormKind = 'department' | 'project';

/** One layout: the two reference layouts first, then the layouts met in the field. */
export type TemplateId = 'department' | 'project' | 'national-project' | 'hunan-department' | 'hunan-project';

/** In the order the front ends offer them: the reference layouts first. */
export const TEMPLATE_IDS: readonly TemplateId[] = ['department', 'project', 'national-project', 'hunan-department', 'hunan-project'];

export type FieldKind = 'text' | 'longText' | 'amount' | 'phone' | 'date';

export interface FieldSpec<F extends string = string> {
  /** Stable id, camelCase: `totalFunds`. The rules know fields by these ids. */
  readonly id: F;
  /** The label as printed on the form, without colons: `资金总额`. */
  readonly label: string;
  /** Other spellings met on real forms (`填报人` for `填表人`). */
  readonly aliases?: readonly string[];
  /**
   * Which occurrence of the label, in reading order, is this field's (default 1): side-by-side
   * blocks repeat labels (中期 and 年度 each have a 其中：财政拨款; the second is the 年度 one).
   */
  readonly occurrence?: number;
  readonly kind: FieldKind;
  readonly required: boolean;
  /** The section heading the field belongs to, for grouping issues in the pane. */
  readonly section: string;
}

/** The money columns a task table may have. */
export type TaskMoneyColumn = 'total' | 'fiscal' | 'other';

export const TASK_MONEY_COLUMNS: readonly TaskMoneyColumn[] = ['total', 'fiscal', 'other'];

/** Where an amount comes from, for sum rules. */
export type AmountRef<F extends string = string> =
  | { readonly kind: 'field'; readonly field: F }
  /** The sum over the task rows of one money column. */
  | { readonly kind: 'taskColumn'; readonly column: TaskMoneyColumn }
  /** The 金额合计 row's cell of one money column. */
  | { readonly kind: 'taskTotal'; readonly column: TaskMoneyColumn };

/** One task row's cell of a money column, in a sum that holds on every task row. */
export interface TaskCellRef {
  readonly kind: 'taskCell';
  readonly column: TaskMoneyColumn;
}

interface SumSpecBase {
  readonly id: string;
  /** `anyPartFilled`: checked only when at least one part holds a value (blank parts count as 0). */
  readonly when: 'always' | 'anyPartFilled';
  /** A sum the user may turn off (金额合计 = 项目支出 is a Hunan habit, not a national rule). */
  readonly optional?: boolean;
}

/**
 * A total and its parts, once per form. A sum naming a task column the form does not have (a
 * column read only where present) is not checked on that form.
 */
export interface FormSumSpec<F extends string = string> extends SumSpecBase {
  readonly whole: AmountRef<F>;
  readonly parts: readonly AmountRef<F>[];
}

/** A sum that holds on every task row (总额 = 财政拨款 + 其他资金), between that row's cells. */
export interface TaskRowSumSpec extends SumSpecBase {
  readonly each: 'taskRow';
  readonly whole: TaskCellRef;
  readonly parts: readonly TaskCellRef[];
}

export type SumSpec<F extends string = string> = FormSumSpec<F> | TaskRowSumSpec;

/** Any operand of a sum. */
export type SumRef<F extends string = string> = AmountRef<F> | TaskCellRef;

export interface TemplateSettings {
  /** Largest difference, in 万元, that still counts as equal. Default 0.005. */
  readonly sumTolerance: number;
  /** Whether 产出/成本指标 is expected among the 二级 indicators (indicator_missing warning). */
  readonly expectCostIndicator: boolean;
  /** Whether the optional sums are checked. */
  readonly checkOptionalSums: boolean;
}

export interface TemplateSemantics<F extends string = string> {
  readonly id: TemplateId;
  readonly kind: FormKind;
  /** Bumped when the layout changes in a way a reader must know of. */
  readonly version: number;
  /** The title as printed: `部门整体支出绩效目标申报表`. */
  readonly title: string;
  /** Other titles of the same layout family (`项目支出绩效目标表` for `项目支出绩效目标申报表`). */
  readonly titleAliases?: readonly string[];
  readonly fields: readonly FieldSpec<F>[];
  /** Whether the form has the 年度主要任务 table (department forms only). */
  readonly hasTaskTable: boolean;
  // NoInfer: the field ids come from `fields` alone, so a misspelt id here does not compile.
  readonly sums: readonly SumSpec<NoInfer<F>>[];
  readonly settings: TemplateSettings;
}
