import { buildLayoutPlan, checkWorkbook, planToSnapshot, TEMPLATE_IDS, TEMPLATES, type TemplateId } from '../../src/core';
import { SAMPLE_YEARS } from '../../src/taskpane/sample-years';

function dateIssues(id: TemplateId, year: number): string[] {
  const sheet = planToSnapshot(buildLayoutPlan(id, { year, withSample: true }));
  const issues = checkWorkbook({ sheets: [sheet] }, { today: new Date(2022, 0, 10) }).forms.flatMap((form) => form.issues);
  return issues.filter((issue) => issue.code === 'date_out_of_range' || issue.code === 'date_invalid').map((issue) => issue.code);
}

describe('the insert panel’s sample years', () => {
  // Layouts without a 填表日期 (the national and Hunan forms) have no date to fit.
  const dated = TEMPLATE_IDS.filter((id) => TEMPLATES[id].fields.some((field) => field.id === 'fillDate'));

  it.each(dated)('%s: the sample inserted for the year the pane proposes has its 填表日期 within that budget year', (id) => {
    expect(dateIssues(id, SAMPLE_YEARS[id])).toEqual([]);
    expect(dateIssues(id, SAMPLE_YEARS[id] - 1)).toEqual(['date_out_of_range']);
  });
});
