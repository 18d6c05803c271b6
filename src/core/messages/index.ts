/** Words come last: issues (data) become messages in the user's language. */
import { ISSUE_CODES, type ForeignIssue, type Issue, type IssueCode, type IssueOf, type IssueParamsOf, type Severity } from '../issues/issue';
import { TEMPLATES } from '../templates';
import type { TemplateId } from '../templates/template';
import { EN_US } from './en-US';
import type { MessageTable } from './message-table';
import { paramsFor } from './coerce-params';
import { ZH_CN } from './zh-CN';

export type Lang = 'zh-CN' | 'en-US';

export const LANGS: readonly Lang[] = ['zh-CN', 'en-US'];

const TABLES: Readonly<Record<Lang, MessageTable>> = { 'zh-CN': ZH_CN, 'en-US': EN_US };

function render<C extends IssueCode>(table: MessageTable, code: C, issue: Issue | ForeignIssue): string {
  const message: (params: IssueParamsOf<C>, issue: IssueOf<C>) => string = table[code];
  const params = paramsFor(code, issue.params);
  return message(params, { ...issue, code, params });
}

function isIssueCode(code: string): code is IssueCode {
  return (ISSUE_CODES as readonly string[]).includes(code);
}

/**
 * The issue as one sentence or two in the given language. Never throws: an issue from
 * elsewhere with missing parameters still reads, and an unknown code is named as it is.
 */
export function formatIssue(issue: Issue | ForeignIssue, lang: Lang): string {
  const table = TABLES[lang] ?? ZH_CN;
  const code: string = issue.code;
  if (!isIssueCode(code)) return `${code} (${(issue.cells ?? []).join(', ')})`;
  return render(table, code, issue);
}

/** Office's display language to ours: anything English is en-US, everything else zh-CN. */
export function resolveLang(officeLanguage: string | undefined): Lang {
  return officeLanguage?.trim().toLowerCase().startsWith('en') ? 'en-US' : 'zh-CN';
}

interface Words {
  readonly severity: Readonly<Record<Severity, string>>;
  readonly template: Readonly<Record<TemplateId, string>>;
}

/** The words the front ends share beside the issue messages. */
const WORDS: Readonly<Record<Lang, Words>> = {
  // The Chinese titles are the templates' own, as printed on the forms.
  'zh-CN': {
    severity: { error: '错误', warning: '警告' },
    template: {
      department: TEMPLATES.department.title,
      project: TEMPLATES.project.title,
      'national-project': `${TEMPLATES['national-project'].title}（财预〔2015〕88号）`,
      'hunan-department': `${TEMPLATES['hunan-department'].title}（湖南预算管理一体化）`,
      'hunan-project': `${TEMPLATES['hunan-project'].title}（湖南预算管理一体化）`,
    },
  },
  'en-US': {
    severity: { error: 'Error', warning: 'Warning' },
    template: {
      department: 'Department overall expenditure performance targets',
      project: 'Project performance targets',
      'national-project': 'Project expenditure performance targets (national form, 2015)',
      'hunan-department': 'Department performance targets (Hunan budget system)',
      'hunan-project': 'Project expenditure performance targets (Hunan budget system)',
    },
  },
};

export function severityLabel(severity: Severity, lang: Lang): string {
  return WORDS[lang].severity[severity];
}

export function severityLabels(lang: Lang): Readonly<Record<Severity, string>> {
  return WORDS[lang].severity;
}

export function templateTitle(id: TemplateId, lang: Lang): string {
  return WORDS[lang].template[id];
}

export function templateTitles(lang: Lang): Readonly<Record<TemplateId, string>> {
  return WORDS[lang].template;
}

export type { MessageTable } from './message-table';
