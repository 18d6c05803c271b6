import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ISSUE_CODES } from '../../../src/core/issues/issue';
import { renderRulesDoc, RULES_DOC_PATH, RULES_DOC_REGENERATE } from '../../../src/core/rules/rules-doc';

const docPath = join(__dirname, '..', '..', '..', RULES_DOC_PATH);

describe('docs/rules.md', () => {
  const rendered = renderRulesDoc();

  it('lists every issue code', () => {
    for (const code of ISSUE_CODES) expect(rendered).toContain(`\`${code}\``);
  });

  it('is up to date with the rules', () => {
    if (process.env.UPDATE_DOCS === '1') writeFileSync(docPath, rendered, 'utf8');
    const onDisk = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '';
    if (onDisk !== rendered) throw new Error(`${RULES_DOC_PATH} differs from the rules. Regenerate it: ${RULES_DOC_REGENERATE}`);
  });
});
