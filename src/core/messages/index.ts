/** Words come last: issues (data) become messages in the user's language. */
import { ISSUE_CODES, type ForeignIssue, type Issue, type IssueCode, type IssueOf, type IssueParamsOf, type Severity } from '../issues/issue';
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

const SEVERITY_LABELS: Readonly<Record<Lang, Readonly<Record<Severity, string>>>> = {
  'zh-CN': { error: '错误', warning: '警告' },
  'en-US': { error: 'Error', warning: 'Warning' },
};

export function severityLabel(severity: Severity, lang: Lang): string {
  return SEVERITY_LABELS[lang][severity];
}

export function severityLabels(lang: Lang): Readonly<Record<Severity, string>> {
  return SEVERITY_LABELS[lang];
}

const TEMPLATE_TITLES: Readonly<Record<Lang, Readonly<Record<TemplateId, string>>>> = {
  'zh-CN': { department: '部门整体支出绩效目标申报表', project: '项目绩效目标申报表' },
  'en-US': { department: 'Department overall expenditure performance targets', project: 'Project performance targets' },
};

export function templateTitle(id: TemplateId, lang: Lang): string {
  return TEMPLATE_TITLES[lang][id];
}

export function templateTitles(lang: Lang): Readonly<Record<TemplateId, string>> {
  return TEMPLATE_TITLES[lang];
}

export type { MessageTable } from './message-table';
