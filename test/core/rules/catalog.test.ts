import { ISSUE_CODES, type IssueCode, type Severity } from '../../../src/core/issues/issue';
import { ALL_FORM_RULES, ALL_WORKBOOK_RULES, declaredIssues } from '../../../src/core/rules/registry';
import type { RuleFamily } from '../../../src/core/rules/types';

/** The domain's rule table (docs/domain.md): who reports each code, and how severely. */
const EXPECTED: Readonly<Record<IssueCode, { readonly families: readonly RuleFamily[]; readonly severities: readonly Severity[] }>> = {
  sum_mismatch: { families: ['sums'], severities: ['error'] },
  part_exceeds_whole: { families: ['sums'], severities: ['error'] },
  cross_form_mismatch: { families: ['crossForm'], severities: ['warning'] },
  amount_mismatch_in_text: { families: ['indicators'], severities: ['warning'] },
  required_missing: { families: ['required'], severities: ['error'] },
  task_incomplete: { families: ['required'], severities: ['error', 'warning'] },
  duplicate_task: { families: ['required'], severities: ['warning'] },
  not_a_number: { families: ['amounts'], severities: ['error'] },
  unit_mismatch: { families: ['amounts'], severities: ['error'] },
  negative_amount: { families: ['amounts'], severities: ['error'] },
  too_many_decimals: { families: ['amounts'], severities: ['warning'] },
  formula_error: { families: ['amounts', 'formats'], severities: ['error'] },
  formula_not_calculated: { families: ['amounts'], severities: ['warning'] },
  indicator_missing: { families: ['indicators'], severities: ['error', 'warning'] },
  indicator_unknown: { families: ['indicators'], severities: ['error'] },
  indicator_wrong_parent: { families: ['indicators'], severities: ['error'] },
  indicator_value_missing: { families: ['indicators'], severities: ['error'] },
  indicator_name_missing: { families: ['indicators'], severities: ['error'] },
  indicator_unquantified: { families: ['indicators'], severities: ['warning'] },
  percent_out_of_range: { families: ['indicators'], severities: ['error'] },
  indicator_level1_missing: { families: ['indicators'], severities: ['error'] },
  indicator_profile_old: { families: ['indicators'], severities: ['warning'] },
  indicator_row_empty: { families: ['indicators'], severities: ['warning'] },
  indicator_unit_missing: { families: ['indicators'], severities: ['warning'] },
  indicator_rate_not_percent: { families: ['indicators'], severities: ['warning'] },
  indicator_category_as_name: { families: ['indicators'], severities: ['warning'] },
  indicator_unit_conflict: { families: ['indicators'], severities: ['warning'] },
  indicator_qualitative_with_unit: { families: ['indicators'], severities: ['warning'] },
  indicator_cost_floor: { families: ['indicators'], severities: ['warning'] },
  breakdown_blank: { families: ['funding'], severities: ['warning'] },
  amount_in_yuan: { families: ['funding'], severities: ['warning'] },
  phone_invalid: { families: ['formats'], severities: ['warning'] },
  date_invalid: { families: ['formats'], severities: ['error'] },
  date_out_of_range: { families: ['formats'], severities: ['warning'] },
  markup_in_text: { families: ['formats'], severities: ['warning'] },
  text_too_long: { families: ['formats'], severities: ['warning'] },
};

describe('the rule table', () => {
  const declared = declaredIssues();

  it('declares every issue code, with the domain’s severities and family', () => {
    for (const code of ISSUE_CODES) {
      const entry = EXPECTED[code];
      const forCode = declared.filter((declaration) => declaration.code === code);
      expect({ code, severities: [...new Set(forCode.map((d) => d.severity))].sort() }).toEqual({ code, severities: [...entry.severities].sort() });
      expect({ code, families: [...new Set(forCode.map((d) => d.family))].sort() }).toEqual({ code, families: [...entry.families].sort() });
    }
  });

  it('declares each (code, severity, family) once, with both languages and an example', () => {
    const keys = declared.map((d) => `${d.code}/${d.severity}/${d.family}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const declaration of declared) {
      for (const text of [declaration.description['zh-CN'], declaration.description['en-US'], declaration.example['zh-CN'], declaration.example['en-US']]) {
        expect(text.trim().length).toBeGreaterThan(3);
      }
    }
  });

  it('gives every rule a unique id', () => {
    const ids = [...ALL_FORM_RULES, ...ALL_WORKBOOK_RULES].map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
