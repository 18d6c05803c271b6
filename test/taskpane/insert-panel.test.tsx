/**
 * The insert panel rendered to HTML: it offers every layout by name, the reference layouts
 * first and the department form chosen.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { renderToStaticMarkup } from 'react-dom/server';
import { templateTitle } from '../../src/core/messages';
import { InsertPanel } from '../../src/taskpane/components/InsertPanel';
import { ZH_CN } from '../../src/taskpane/strings/zh-CN';

describe('InsertPanel', () => {
  const html = renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <InsertPanel strings={ZH_CN} templateTitle={(id) => templateTitle(id, 'zh-CN')} defaultYear={2025} busy={false} disabledReason={null} onInsert={() => undefined} />
    </FluentProvider>,
  );

  it('offers the layouts by name, the reference layouts first', () => {
    const offered = [...html.matchAll(/data-testid="template-([a-z-]+)"/g)].map((match) => match[1]);
    expect(offered).toEqual(['department', 'project', 'national-project', 'hunan-department', 'hunan-project']);
    for (const title of ['部门整体支出绩效目标申报表', '项目绩效目标申报表', '项目支出绩效目标申报表（财预〔2015〕88号）', '整体绩效目标表（湖南预算管理一体化）', '项目支出绩效目标表（湖南预算管理一体化）']) {
      expect(html).toContain(title);
    }
  });

  it('has the department form chosen', () => {
    expect(html).toMatch(/<input[^>]*value="department"[^>]*checked=""|<input[^>]*checked=""[^>]*value="department"/);
  });
});
