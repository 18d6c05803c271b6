/**
 * Blocks that several layouts print alike: the indicator table and the closing rows
 * (审核意见, then who filled the form). A template for another province or year uses them
 * or declares its own.
 */
import type { IndicatorColumnSet, IndicatorPeriod, IndicatorTableBlock, RowsBlock, TableColumnDecl, IndicatorColumnKey } from './form-template';

const REVIEW_LABEL = '预算部门、财政部门审核意见';

/** The reference forms' four columns. */
export const REFERENCE_INDICATOR_COLUMNS: readonly TableColumnDecl<IndicatorColumnKey>[] = [
  { key: 'level1', heading: '一级指标' },
  { key: 'level2', heading: '二级指标' },
  { key: 'level3', heading: '三级指标' },
  { key: 'value', heading: '指标值（包含数字及文字描述）', span: 2 },
];

/** The framework's usual groups: the rows of a blank form. */
export const USUAL_INDICATOR_GROUPS: IndicatorTableBlock['defaultRows'] = [
  { level1: '产出指标', level2: '数量指标' },
  { level1: '产出指标', level2: '质量指标' },
  { level1: '产出指标', level2: '时效指标' },
  { level1: '产出指标', level2: '成本指标' },
  { level1: '效益指标', level2: '经济效益指标' },
  { level1: '效益指标', level2: '社会效益指标' },
  { level1: '满意度指标', level2: '服务对象满意度指标' },
];

export interface IndicatorTableOptions {
  readonly columns?: readonly TableColumnDecl<IndicatorColumnKey>[];
  readonly period?: IndicatorPeriod;
  /** Over the columns, when another set stands beside them. */
  readonly heading?: string;
  /** Another period's columns on the same rows, right of these. */
  readonly beside?: IndicatorColumnSet;
  /** The row that ends the table; default the review row. None: the table runs to the form's end or the next table. */
  readonly terminator?: string | null;
}

/** The indicator table under a section heading, with the framework's usual rows when blank. */
export function indicatorTable(section: string, options: IndicatorTableOptions = {}): IndicatorTableBlock {
  const terminator = options.terminator === undefined ? REVIEW_LABEL : options.terminator;
  return {
    kind: 'indicatorTable',
    section,
    ...(options.period ? { period: options.period } : {}),
    ...(options.heading === undefined ? {} : { heading: options.heading }),
    columns: options.columns ?? REFERENCE_INDICATOR_COLUMNS,
    ...(options.beside ? { beside: options.beside } : {}),
    defaultRows: USUAL_INDICATOR_GROUPS,
    ...(terminator === null ? {} : { terminator }),
  };
}

/** 审核意见 (left for the reviewers), then the filler's name, phone and date under the form's own labels. */
export function reviewAndFooter(labels: { readonly preparer: string; readonly date: string }): RowsBlock<'preparer' | 'phone' | 'fillDate'> {
  return {
    kind: 'rows',
    rows: [
      { cells: [{ kind: 'label', text: REVIEW_LABEL }, { kind: 'note', span: 5, text: '（盖章）\n年　　月　　日' }], height: 72 },
      {
        cells: [
          { kind: 'label', text: labels.preparer },
          { kind: 'input', field: 'preparer' },
          { kind: 'label', text: '联系电话' },
          { kind: 'input', field: 'phone' },
          { kind: 'label', text: labels.date },
          { kind: 'input', field: 'fillDate' },
        ],
        height: 30,
      },
    ],
  };
}
