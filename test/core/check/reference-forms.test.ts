import { checkForms } from '../../../src/core/check/check-forms';
import { expectIssues } from '../../helpers/expect-issues';
import { referenceForm } from '../rules/form-builder';

describe('the reference forms, built by hand from the sample', () => {
  it('give no errors, and exactly the two predicted warnings', () => {
    const [department, project] = checkForms([referenceForm('department'), referenceForm('project')], { today: new Date(2022, 0, 10) });
    // 成本指标's value 略有节余 states no number; 部门职能职责概述 holds pasted HTML.
    expectIssues(department, ['indicator_unquantified@E50', 'markup_in_text@C11']);
    expectIssues(project, []);
  });
});
