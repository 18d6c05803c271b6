import { ISSUE_CODES } from '../../../src/core/issues/issue';
import { ISSUE_CATALOG } from '../../../src/core/rules/catalog';
import { ALL_FORM_RULES, ALL_WORKBOOK_RULES, declaredIssues } from '../../../src/core/rules/registry';

describe('the rule table', () => {
  const declared = declaredIssues();

  it('declares every issue code, with the catalog’s severities and family', () => {
    for (const code of ISSUE_CODES) {
      const entry = ISSUE_CATALOG[code];
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
