/** Check results built by hand, shaped as the department sample's form, for the pane's tests. */
import type { FormCheckResult, WorkbookCheckResult } from '../../src/core/check/types';
import type { ExtractedForm, FieldValue } from '../../src/core/forms/form-data';
import type { IssueOf } from '../../src/core/issues/issue';
import type { MessageSource } from '../../src/taskpane/view-model';

const field = (cell: string, value: string | number | null): FieldValue => ({ cell, value });

export const DEPARTMENT_SHEET = '部门整体支出绩效目标';
export const PROJECT_SHEET = '项目绩效目标';

export const DEPARTMENT_FORM: ExtractedForm = {
  template: 'department',
  sheet: DEPARTMENT_SHEET,
  year: 2022,
  titleCell: 'A1',
  fields: {
    unit: field('B3', '市侨联'),
    departmentName: field('B4', '衡阳市归国华侨联合会'),
    totalFunds: field('C5', 180.61),
    publicFinance: field('C7', 180.61),
    basicExpenditure: field('E7', 141.74),
    projectExpenditure: field('E8', 38.87),
    functions: field('B11', '<p>市侨联是…</p>'),
    overallGoal: field('B20', '做好凝心聚力…'),
    phone: field('D40', 8866810),
  },
  tasks: [13, 14, 15, 16].map((row) => ({
    row,
    name: field(`B${row + 1}`, '任务'),
    content: field(`C${row + 1}`, '内容'),
    total: field(`D${row + 1}`, 1),
    fiscal: field(`E${row + 1}`, 1),
  })),
  taskTotal: { labelCell: 'B18', total: field('D18', 38.87), fiscal: field('E18', 38.87) },
  indicators: [22, 23, 24].map((row) => ({
    row,
    level1: field(`B${row + 1}`, '产出指标'),
    level2: field(`C${row + 1}`, '数量指标'),
    level3: field(`D${row + 1}`, '举办比赛'),
    value: field(`E${row + 1}`, '1次'),
  })),
  indicatorHeaderCell: 'B22',
};

export const PROJECT_FORM: ExtractedForm = {
  template: 'project',
  sheet: PROJECT_SHEET,
  year: 2022,
  titleCell: 'A1',
  fields: { totalFunds: field('C5', 38.87) },
  tasks: [],
  indicators: [],
};

export const SUM_MISMATCH: IssueOf<'sum_mismatch'> = {
  code: 'sum_mismatch',
  severity: 'error',
  cells: ['C5', 'E7', 'E8'],
  params: { whole: '资金总额', wholeValue: '180.61', parts: ['公共财政拨款'], partsSum: '180.57', difference: '0.04' },
};
export const NOT_A_NUMBER: IssueOf<'not_a_number'> = {
  code: 'not_a_number',
  severity: 'error',
  cells: ['D16'],
  params: { field: '总额', text: '5.19万元', suggestion: '5.19' },
  fix: { cell: 'D16', value: 5.19 },
};
export const UNQUANTIFIED: IssueOf<'indicator_unquantified'> = { code: 'indicator_unquantified', severity: 'warning', cells: ['E24'], params: { category: '成本指标', value: '略有节余' } };
export const MARKUP: IssueOf<'markup_in_text'> = { code: 'markup_in_text', severity: 'warning', cells: ['B11'], params: { field: '部门职能职责概述', tag: '<p>' } };
export const CROSS_FORM: IssueOf<'cross_form_mismatch'> = {
  code: 'cross_form_mismatch',
  severity: 'warning',
  cells: ['C5', 'E8'],
  params: { departmentValue: '38.87', projectsSum: '40', difference: '1.13', projectCount: 1, projects: [`${PROJECT_SHEET}!C5`] },
  sheet: PROJECT_SHEET,
};

export function resultOf(...forms: FormCheckResult[]): WorkbookCheckResult {
  return { forms, otherSheets: [] };
}

/** Messages that name the code and cells, so tests can read which issue a view came from. */
export const CODE_MESSAGES: MessageSource = {
  formatIssue: (issue) => `${issue.code}@${issue.cells.join(',')}`,
  templateTitle: (id, lang) => (lang === 'en-US' ? `${id} form` : id === 'department' ? '部门整体支出绩效目标申报表' : '项目绩效目标申报表'),
};
