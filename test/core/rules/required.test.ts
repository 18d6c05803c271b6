import { ABSENT, buildForm, referenceForm, referenceInput, withFields, type FormInput } from './form-builder';
import { checkCodes } from './check-helpers';
import { expectIssues } from '../../helpers/expect-issues';

const CODES = ['required_missing', 'task_incomplete', 'duplicate_task'] as const;
const department = referenceInput('department');
const project = referenceInput('project');
const tasks = department.tasks ?? [];

describe('required content', () => {
  it('is complete on the reference forms', () => {
    expectIssues(checkCodes(referenceForm('department'), CODES), []);
    expectIssues(checkCodes(referenceForm('project'), CODES), []);
  });

  it.each<[string, FormInput, string[]]>([
    ['部门名称 blank', withFields(department, { departmentName: null }), ['required_missing@C3']],
    ['部门名称 white space', withFields(department, { departmentName: ' \u3000 ' }), ['required_missing@C3']],
    ...(['*', '-', '_', '/', '无', '略', '——', '无。'] as const).map((placeholder): [string, FormInput, string[]] => [
      `填表人 “${placeholder}”`,
      withFields(department, { preparer: placeholder }),
      ['required_missing@C13'],
    ]),
    ['资金总额 blank', withFields(department, { totalFunds: null, publicFinance: null, basicExpenditure: null, projectExpenditure: null }), ['required_missing@C4']],
    ['the label of 年度总体目标 missing from the sheet', withFields(department, { overallGoal: ABSENT }), ['required_missing@A1']],
    ['project: 项目名称 and 年度目标 blank', withFields(project, { projectName: '', annualGoal: null }), ['required_missing@C3', 'required_missing@C8']],
    ['optional amounts blank', withFields(department, { governmentFund: null, otherFunds: null }), []],
  ])('%s', (_name, input, expected) => {
    expectIssues(checkCodes(buildForm(input), ['required_missing']), expected);
  });

  it.each<[string, FormInput['tasks'], string[]]>([
    ['a row without 任务名称', [...tasks, { name: null, content: '新增工作', total: 1, fiscal: 1 }], ['task_incomplete@B25:error']],
    ['a row without 总额', [...tasks, { name: '新增工作', content: '内容', total: null, fiscal: 1 }], ['task_incomplete@D25:error']],
    ['a row without 主要内容', [...tasks, { name: '新增工作', content: '-', total: 1, fiscal: 1 }], ['task_incomplete@C25:warning']],
    ['an empty row', [...tasks, { name: null, content: ' ', total: null, fiscal: null }], []],
    ['the same name twice', [...tasks, { name: ' 海外联谊 ', content: '内容', total: 1, fiscal: 1 }], ['duplicate_task@B25:warning']],
    ['the same name in full-width', [...tasks, { name: 'ABC', content: '内容', total: 1, fiscal: 1 }, { name: 'ＡＢＣ', content: '内容', total: 1, fiscal: 1 }], ['duplicate_task@B26:warning']],
  ])('tasks: %s', (_name, taskRows, expected) => {
    const form = buildForm({ ...department, tasks: taskRows, taskTotal: 'sum' });
    expectIssues(checkCodes(form, ['task_incomplete', 'duplicate_task']), expected, { withSeverity: true });
  });

  it('points duplicate_task at the later row, then the first', () => {
    const form = buildForm({ ...department, tasks: [...tasks, { name: '海外联谊', content: '内容', total: 1, fiscal: 1 }] });
    const [issue] = checkCodes(form, ['duplicate_task']);
    expect(issue.cells).toEqual(['B25', 'B21']);
  });
});
