/**
 * Across the workbook: the department form's 项目支出 should equal the sum of the project
 * forms' 资金总额 of the same budget year (only when the workbook holds project forms).
 */
import { equalWithin, formatScaled, sumScaled, type ScaledAmount } from '../../amounts/decimal';
import { isReadableAmount } from '../../amounts/parse-amount';
import { createIssue } from '../create-issue';
import type { CheckedForm, FormIssue, IssueDeclaration, WorkbookRuleSpec } from '../types';

const CROSS_FORM_MISMATCH: IssueDeclaration<'cross_form_mismatch'> = {
  code: 'cross_form_mismatch',
  severity: 'warning',
  description: {
    'zh-CN': '部门整体支出表的项目支出，不等于本工作簿中同一年度各项目表资金总额之和（工作簿中有项目表时才检查）。',
    'en-US': 'The department form’s 项目支出 differs from the sum of the 资金总额 of the project forms of the same year in the workbook (checked only when there are project forms).',
  },
  example: { 'zh-CN': '项目支出 38.87，而唯一的项目表资金总额为 40。', 'en-US': '项目支出 38.87 while the only project form’s 资金总额 is 40.' },
};

const DEPARTMENT_FIELD = 'projectExpenditure';
const PROJECT_FIELD = 'totalFunds';

export const crossFormRule: WorkbookRuleSpec = {
  id: 'cross-form',
  family: 'crossForm',
  issues: [CROSS_FORM_MISMATCH],
  check(forms: readonly CheckedForm[]) {
    const issues: FormIssue[] = [];
    forms.forEach(({ form, context }, formIndex) => {
      if (context.template.kind !== 'department') return;
      const expenditure = form.fields[DEPARTMENT_FIELD];
      const reading = context.amountOf(expenditure);
      if (!expenditure || !isReadableAmount(reading)) return;
      const projects = forms.filter((other) => other.context.template.kind === 'project' && other.form.year === form.year);
      if (projects.length === 0) return;
      const totals: ScaledAmount[] = [];
      const cells: string[] = [];
      for (const project of projects) {
        const total = project.form.fields[PROJECT_FIELD];
        const projectReading = project.context.amountOf(total);
        if (!total) continue;
        // An unreadable 资金总额 is reported on its own form; the sum would be a guess.
        if (projectReading.kind !== 'blank' && !isReadableAmount(projectReading)) return;
        totals.push(isReadableAmount(projectReading) ? projectReading.scaled : 0n);
        cells.push(`${project.form.sheet}!${total.cell}`);
      }
      if (cells.length === 0) return;
      const projectsSum = sumScaled(totals);
      if (equalWithin(reading.scaled, projectsSum, context.tolerance)) return;
      const difference = reading.scaled > projectsSum ? reading.scaled - projectsSum : projectsSum - reading.scaled;
      issues.push({
        formIndex,
        issue: createIssue(CROSS_FORM_MISMATCH, [expenditure.cell], {
          departmentValue: formatScaled(reading.scaled),
          projectsSum: formatScaled(projectsSum),
          difference: formatScaled(difference),
          projectCount: cells.length,
          projects: cells,
        }),
      });
    });
    return issues;
  },
};

export const CROSS_FORM_RULES: readonly WorkbookRuleSpec[] = [crossFormRule];
