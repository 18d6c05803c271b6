import * as core from '../../../src/core';

describe('the core barrel', () => {
  it('checks the reference workbook from the sample in one call', () => {
    const sheets = (['department', 'project'] as const).map((id) => core.planToSnapshot(core.buildLayoutPlan(id, { year: 2022, withSample: true })));
    const result = core.checkWorkbook({ sheets }, { today: new Date(2022, 0, 10) });
    expect(result.forms.flatMap((form) => form.issues).map((issue) => `${issue.code}:${issue.severity}`)).toEqual(['markup_in_text:warning', 'indicator_unquantified:warning']);
  });
});
