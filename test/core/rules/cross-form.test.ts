import { checkForms } from '../../../src/core/check/check-forms';
import { buildForm, referenceInput, withFields } from './form-builder';
import { TODAY } from './check-helpers';
import { expectIssues } from '../../helpers/expect-issues';

const department = referenceInput('department');
const project = referenceInput('project');
const crossIssues = (forms: Parameters<typeof checkForms>[0]) =>
  checkForms(forms, { today: TODAY }).map((result) => result.issues.filter((issue) => issue.code === 'cross_form_mismatch'));

describe('cross_form_mismatch', () => {
  it('is silent when 项目支出 equals the project forms’ 资金总额 (the reference: 38.87)', () => {
    expect(crossIssues([buildForm(department), buildForm(project)]).flat()).toEqual([]);
  });

  it('is silent without project forms', () => {
    expect(crossIssues([buildForm(withFields(department, { projectExpenditure: 1 }))]).flat()).toEqual([]);
  });

  it('sums several project forms of the same year, exactly', () => {
    const forms = [
      buildForm(department),
      buildForm({ ...withFields(project, { totalFunds: 17.68, fiscalFunds: 17.68 }), sheet: 'P1' }),
      buildForm({ ...withFields(project, { totalFunds: 21.19, fiscalFunds: 21.19 }), sheet: 'P2' }),
      buildForm({ ...withFields(project, { totalFunds: 99, fiscalFunds: 99 }), sheet: 'P2023', year: 2023 }),
    ];
    expect(crossIssues(forms).flat()).toEqual([]);
  });

  it('warns on the department’s 项目支出 and lists the project cells', () => {
    const forms = [buildForm(department), buildForm({ ...withFields(project, { totalFunds: 40, fiscalFunds: 40 }), sheet: '项目A' })];
    const [onDepartment, onProject] = crossIssues(forms);
    expectIssues(onDepartment, ['cross_form_mismatch@C10']);
    expect(onDepartment[0].severity).toBe('warning');
    expect(onDepartment[0].params).toEqual({ departmentValue: '38.87', projectsSum: '40', difference: '1.13', projectCount: 1, projects: ['项目A!C5'] });
    expect(onProject).toEqual([]);
  });
});
