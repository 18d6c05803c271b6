/**
 * docs/rules.md, made from the rules' own declarations (codes, severities, descriptions,
 * examples), so the document cannot drift from the code. A test compares the file with
 * this output.
 */
import { ISSUE_CODES } from '../issues/issue';
import { TEMPLATES } from '../templates';
import type { FormTemplate } from '../templates/form-template';
import type { SumRef, TaskMoneyColumn, TemplateSemantics } from '../templates/template';
import { taskMoneyLabel } from './labels';
import { declaredIssues, type DeclaredIssue } from './registry';
import type { RuleFamily } from './types';

export const RULES_DOC_PATH = 'docs/rules.md';
export const RULES_DOC_REGENERATE = 'UPDATE_DOCS=1 npx jest test/core/rules/rules-doc.test.ts';

const FAMILY_TITLES: Readonly<Record<RuleFamily, string>> = {
  sums: 'Sums (合计)',
  amounts: 'Amount cells (金额单元格)',
  funding: 'Funding (资金)',
  required: 'Required content (必填)',
  indicators: 'Indicators (绩效指标)',
  formats: 'Formats (格式)',
  crossForm: 'Across forms (跨表)',
};

/** Markdown-safe inline text: pipes break tables, `<` would start HTML. */
function inline(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/</g, '\\<');
}

function section(declaration: DeclaredIssue): string {
  return [
    `### \`${declaration.code}\` — ${declaration.severity}`,
    '',
    `Family: ${declaration.family} · rule \`${declaration.ruleId}\``,
    '',
    `- zh-CN: ${inline(declaration.description['zh-CN'])}`,
    `- en-US: ${inline(declaration.description['en-US'])}`,
    `- 示例: ${inline(declaration.example['zh-CN'])}`,
    `- Example: ${inline(declaration.example['en-US'])}`,
    '',
  ].join('\n');
}

function refLabel(template: TemplateSemantics, ref: SumRef): string {
  if (ref.kind === 'field') return template.fields.find((field) => field.id === ref.field)?.label ?? ref.field;
  if (ref.kind === 'taskTotal') return taskMoneyLabel(ref.column, 'totalRow');
  return taskMoneyLabel(ref.column, ref.kind === 'taskCell' ? 'cell' : 'column');
}

/** The task columns a layout reads only where a form has them, with their headings. */
function readIfPresentColumns(template: FormTemplate): Map<TaskMoneyColumn, string> {
  const table = template.layout.blocks.find((block) => block.kind === 'taskTable');
  return new Map(table?.columns.flatMap((column) => (column.readIfPresent && column.key !== 'name' && column.key !== 'content' ? [[column.key, column.heading] as const] : [])));
}

/** The sums each template declares (sum_mismatch checks exactly these). */
function templateSums(): string[] {
  const lines = ['## The sums of each template', '', '`sum_mismatch` checks the sums the templates declare:', ''];
  for (const template of Object.values(TEMPLATES)) {
    lines.push(`- ${template.title} (tolerance ${template.settings.sumTolerance} 万元)`);
    const readIfPresent = readIfPresentColumns(template);
    for (const sum of template.sums) {
      const absent = [sum.whole, ...sum.parts].flatMap((ref) => (ref.kind !== 'field' && readIfPresent.has(ref.column) ? [readIfPresent.get(ref.column)] : []));
      const notes = [
        'each' in sum ? 'on each task row' : '',
        absent.length > 0 ? `where the form has the ${absent[0]} column` : '',
        sum.when === 'anyPartFilled' ? 'when any part is filled' : '',
        sum.optional ? 'optional: setting checkOptionalSums' : '',
      ].filter(Boolean);
      lines.push(`  - ${refLabel(template, sum.whole)} = ${sum.parts.map((part) => refLabel(template, part)).join(' + ')}${notes.length ? ` (${notes.join('; ')})` : ''}`);
    }
  }
  return [...lines, ''];
}

export function renderRulesDoc(): string {
  const order = new Map(ISSUE_CODES.map((code, index) => [code, index]));
  const declarations = declaredIssues().sort(
    (a, b) => (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0) || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
  );
  const lines: string[] = [
    '# Rules',
    '',
    `<!-- Generated from src/core/rules (renderRulesDoc). Do not edit by hand: run \`${RULES_DOC_REGENERATE}\`. -->`,
    '',
    'Every check the add-in and the command line run, with its issue code and severity. Errors must be',
    'fixed before a form is filed; warnings point at things a reviewer is likely to question. Amounts are',
    'in 万元 and compared exactly after rounding to 4 decimals (1 元). Placeholders (*, -, _, /, 无, 略)',
    'count as blank wherever something is required.',
    '',
    '| code | severity | family | what it checks |',
    '|---|---|---|---|',
    ...declarations.map((d) => `| \`${d.code}\` | ${d.severity} | ${d.family} | ${inline(d.description['en-US'])} |`),
    '',
  ];
  lines.push(...templateSums());
  const families = [...new Set(declarations.map((d) => d.family))];
  for (const family of families) {
    lines.push(`## ${FAMILY_TITLES[family]}`, '');
    for (const declaration of declarations.filter((d) => d.family === family)) lines.push(section(declaration));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
