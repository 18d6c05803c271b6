/**
 * The issue list rendered to HTML (no DOM needed): the hooks the e2e tests and screen readers
 * rely on, and cell text that stays text.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Issue } from '../../src/core/issues/issue';
import { IssueList } from '../../src/taskpane/components/IssueList';
import { SummaryBar } from '../../src/taskpane/components/SummaryBar';
import { ZH_CN } from '../../src/taskpane/strings/zh-CN';
import { buildFormViews, summarize, type MessageSource } from '../../src/taskpane/view-model';
import { DEPARTMENT_FORM, NOT_A_NUMBER, SUM_MISMATCH, UNQUANTIFIED, resultOf } from './sample-result';

const MARKUP_TEXT = '<img src=x onerror=alert(1)>';
const MESSAGES: MessageSource = {
  formatIssue: (issue) => (issue.code === 'not_a_number' ? `填的是文字“${String(issue.params.text)}”` : issue.code),
  templateTitle: () => '部门整体支出绩效目标申报表',
};

function render(issues: Issue[]): string {
  const forms = buildFormViews(resultOf({ form: DEPARTMENT_FORM, issues }), 'zh-CN', ZH_CN, MESSAGES);
  return renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <SummaryBar strings={ZH_CN} summary={summarize(forms)} forms={forms} />
      <IssueList strings={ZH_CN} forms={forms} busy={false} onSelect={() => undefined} onFix={() => undefined} />
    </FluentProvider>,
  );
}

describe('IssueList', () => {
  it('marks each issue with its code and cells, as a button, with a fix button where there is a fix', () => {
    const html = render([SUM_MISMATCH, NOT_A_NUMBER, UNQUANTIFIED]);
    expect(html.match(/data-testid="issue"/g)).toHaveLength(3);
    expect(html).toContain('data-code="sum_mismatch" data-cells="C5,E7,E8"');
    expect(html).toContain('data-code="indicator_unquantified" data-cells="E24"');
    expect(html.match(/<button[^>]*data-testid="issue-select"/g)).toHaveLength(3);
    expect(html.match(/data-testid="issue-fix"/g)).toHaveLength(1);
    expect(html).toContain('aria-label="将 D16 改为 5.19"');
  });

  it('announces the counts in a live region', () => {
    const html = render([SUM_MISMATCH, UNQUANTIFIED]);
    expect(html).toMatch(/role="status" aria-live="polite"[^>]*>共 1 张申报表：1 个错误，1 个警告。</);
  });

  it('says 未发现错误 when the forms hold warnings only', () => {
    expect(render([UNQUANTIFIED])).toContain('未发现错误');
    expect(render([SUM_MISMATCH])).not.toContain('未发现错误');
  });

  it('shows markup from a cell as text, never as HTML', () => {
    const html = render([{ ...NOT_A_NUMBER, params: { ...NOT_A_NUMBER.params, text: MARKUP_TEXT } }]);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
  });
});
