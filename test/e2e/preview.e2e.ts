/**
 * The add-in end to end, as a user meets it in the preview: the in-memory workbook beside the
 * real pane, wired through the same adapter that runs in Excel.
 */
import { outputPath } from './support/browser';
import { openOver, PREVIEW_HOSTS } from './support/preview-hosts';
import type { PreviewPage } from './support/preview-page';
import { usePreviewSession } from './support/preview-session';

const DEPARTMENT = '部门整体支出绩效目标';
const PROJECT = '项目绩效目标';

const session = usePreviewSession();
const { openPreview } = session;

async function screenshots(preview: PreviewPage, name: string): Promise<void> {
  const { page } = preview;
  await page.screenshot({ path: outputPath(`${name}.png`) });
  // A tall window for the whole pane and the whole form; then back to a laptop's window.
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 1440, height: 2600 });
  await preview.pane().screenshot({ path: outputPath(`${name}-pane.png`) });
  await page.getByTestId('grid').screenshot({ path: outputPath(`${name}-grid.png`) });
  if (viewport) await page.setViewportSize(viewport);
}

// The pane's main flows over both hosts: the same steps show the same issues, highlights and cells.
describe.each(PREVIEW_HOSTS)('over $host', (host) => {
  const { shot } = host;
  const open = () => openOver(openPreview, host);

  describe('the department sample', () => {
    it('checks clean, turns red on a wrong 基本支出, selects the cell from the issue, and is clean again when fixed', async () => {
      const preview = await open();
      await preview.insert('department', true);
      expect(await preview.activeSheet()).toBe(DEPARTMENT);
      await expect(preview.page.getByTestId('no-errors').textContent()).resolves.toBe('未发现错误');
      await screenshots(preview, `${shot}01-department-sample`);

      const basic = await preview.addressOfText('141.74');
      await preview.typeInCell(basic, '141.70');
      const issue = preview.issues('sum_mismatch');
      await issue.first().waitFor();
      expect(await issue.first().getAttribute('data-cells')).toContain(basic);
      expect(await issue.first().textContent()).toMatch(/资金总额（180\.61）不等于 基本支出 \+ 项目支出 之和（180\.57），相差 0\.04 万元/);
      await expect(preview.cell(basic).getAttribute('data-highlight')).resolves.toBe('error');
      await screenshots(preview, `${shot}02-sum-mismatch`);

      // Select another cell first, so that the click on the issue is what selects the cell.
      await preview.selectCell('A1');
      const firstCell = (await issue.first().getAttribute('data-cells'))?.split(',')[0] ?? '';
      await issue.first().getByTestId('issue-select').click();
      await expect(preview.page.getByTestId('name-box').inputValue()).resolves.toBe(firstCell);
      await expect(preview.cell(firstCell).getAttribute('aria-selected')).resolves.toBe('true');

      await preview.type(basic, '141.74');
      await preview.page.getByTestId('no-errors').waitFor();
      expect(await preview.issues('sum_mismatch').count()).toBe(0);
      expect(await preview.cell(basic).getAttribute('data-highlight')).toBeNull();
      expect(preview.pageErrors).toEqual([]);
    });
  });

  describe('quick fixes', () => {
    it('reads “5.19万元” as text, offers 5.19, and writes the number', async () => {
      const preview = await open();
      await preview.insert('department', true);
      const amount = await preview.addressOfText('5.19');
      await preview.paste(amount, '5.19万元');
      const issue = preview.issues('not_a_number');
      await issue.first().waitFor();
      expect(await issue.first().getAttribute('data-cells')).toMatch(new RegExp(`^${amount}`));
      expect(await issue.first().textContent()).toContain('5.19万元');
      await expect(preview.cell(amount).getAttribute('data-highlight')).resolves.toBe('error');
      await screenshots(preview, `${shot}04-not-a-number`);

      await issue.first().getByTestId('issue-fix').click();
      await preview.settled();
      await preview.page.getByTestId('no-errors').waitFor();
      await expect(preview.cell(amount).textContent()).resolves.toBe('5.19');
      await preview.selectCell(amount);
      await expect(preview.page.getByTestId('formula-bar').inputValue()).resolves.toBe('5.19');
    });
  });

  describe('adding rows', () => {
    it('adds an indicator row under 产出指标/数量指标 that checks clean once filled', async () => {
      const preview = await open();
      await preview.insert('department', true);
      const rowOf = (address: string) => Number(/\d+$/.exec(address)?.[0]);
      const quantity = preview.cell(await preview.addressOfText('数量指标'));
      const quantitySpan = Number((await quantity.getAttribute('rowspan')) ?? 1);
      // The 数量指标 group ends just above the first 质量指标 row: the new row goes there.
      const newRow = rowOf(await preview.addressOfText('质量指标'));

      await preview.openRowActions();
      await preview.page.getByTestId('target-form').selectOption(DEPARTMENT);
      // The sample writes 产出指标 as 完成指标: the choice says so and keeps the form's name.
      await preview.page.getByTestId('indicator-level1').selectOption({ label: '完成指标（产出指标）' });
      await preview.openRowActions();
      await preview.page.getByTestId('indicator-level2').selectOption('数量指标');
      await preview.page.getByTestId('add-indicator-row').click();
      await preview.settled();
      expect(await preview.page.getByTestId('problem').allTextContents()).toEqual([]);
      expect(rowOf(await preview.addressOfText('质量指标'))).toBe(newRow + 1);
      expect(Number(await preview.cell(await preview.addressOfText('数量指标')).getAttribute('rowspan'))).toBe(quantitySpan + 1);

      const level3Column = (await preview.addressOfText('三级指标')).replace(/\d+$/, '');
      const valueColumn = (await preview.addressOfText('指标值（包含数字及文字描述）')).replace(/\d+$/, '');
      await expect(preview.cell(`${level3Column}${newRow}`).textContent()).resolves.toBe('');
      await expect(preview.cell(`${valueColumn}${newRow}`).textContent()).resolves.toBe('');
      await preview.type(`${level3Column}${newRow}`, '举办侨界新春联谊会。');
      await preview.type(`${valueColumn}${newRow}`, '1次');
      await preview.page.getByTestId('no-errors').waitFor();
      await expect(preview.cell(await preview.addressOfText('质量指标')).getAttribute('rowspan')).resolves.toBe('4');
      await screenshots(preview, `${shot}05-indicator-row`);
    });

    it('follows rows the user inserts and deletes in the task table', async () => {
      const preview = await open();
      await preview.insert('department', true);
      const rowOf = (address: string) => Number(/\d+$/.exec(address)?.[0]);
      const second = await preview.addressOfText('群众工作');
      await preview.selectCell(second);
      await preview.page.getByTestId('insert-row').click();
      await preview.settled();
      expect(rowOf(await preview.addressOfText('群众工作'))).toBe(rowOf(second) + 1);

      // A new task of 2 万元: 金额合计 (a SUM over the task rows) grows to 40.87, 项目支出 stays 38.87.
      const row = rowOf(second);
      const total = (await preview.addressOfText('17.68')).replace(/\d+$/, '');
      const name = second.replace(/\d+$/, '');
      await preview.type(`${name}${row}`, '侨务宣传');
      await preview.type(`${total}${row}`, '2');
      await expect(preview.cell(`${total}${rowOf(await preview.addressOfText('金额合计'))}`).textContent()).resolves.toBe('40.87');
      const issue = preview.issues('sum_mismatch');
      await issue.first().waitFor();
      expect(await issue.first().textContent()).toContain('项目支出（38.87）');

      await preview.selectCell(`${name}${row}`);
      await preview.page.getByTestId('delete-row').click();
      await preview.settled();
      await preview.page.getByTestId('no-errors').waitFor();
      expect(rowOf(await preview.addressOfText('群众工作'))).toBe(rowOf(second));
    });

    it('adds a task row above 金额合计', async () => {
      const preview = await open();
      await preview.insert('department', true);
      const totalBefore = await preview.addressOfText('金额合计');
      await preview.openRowActions();
      await preview.page.getByTestId('add-task-row').click();
      await preview.settled();
      const totalAfter = await preview.addressOfText('金额合计');
      expect(Number(/\d+$/.exec(totalAfter)?.[0])).toBe(Number(/\d+$/.exec(totalBefore)?.[0]) + 1);
      await preview.page.getByTestId('no-errors').waitFor();
    });
  });

  describe('clearing highlights', () => {
    it('takes every highlight away and brings back those still wrong with the next edit', async () => {
      const preview = await open();
      await preview.insert('department', true);
      const basic = await preview.addressOfText('141.74');
      await preview.typeInCell(basic, '141.70');
      await expect(preview.cell(basic).getAttribute('data-highlight')).resolves.toBe('error');
      await preview.page.getByTestId('clear-highlights').click();
      await preview.settled();
      expect(await preview.page.locator('td[data-highlight]').count()).toBe(0);
      // The issue is still listed; the next edit brings back the highlight of what is still wrong.
      expect(await preview.issues('sum_mismatch').count()).toBe(1);
      await preview.typeInCell(basic, '141.71');
      await expect(preview.cell(basic).getAttribute('data-highlight')).resolves.toBe('error');
    });
  });
});

describe('two forms in one workbook', () => {
  it('warns when the department’s 项目支出 differs from the project’s 资金总额, and not once fixed', async () => {
    const preview = await openPreview();
    await preview.insert('department', true);
    await preview.insert('project', true);
    expect(await preview.activeSheet()).toBe(PROJECT);
    await preview.page.getByTestId('no-errors').waitFor();

    await preview.activateSheet(DEPARTMENT);
    const projectExpenditure = await preview.addressRightOf('项目支出');
    // 资金总额 = 基本支出 + 项目支出 must still hold, so move 1 万元 from 基本支出 to 项目支出.
    await preview.type(await preview.addressOfText('141.74'), '140.74');
    await preview.type(projectExpenditure, '39.87');
    const warning = preview.issues('cross_form_mismatch');
    await warning.first().waitFor();
    expect(await warning.first().getAttribute('data-severity')).toBe('warning');
    expect(await warning.first().textContent()).toMatch(/项目支出（39\.87）不等于/);
    await screenshots(preview, '03-cross-form');

    await preview.type(projectExpenditure, '38.87');
    await preview.type(await preview.addressOfText('140.74'), '141.74');
    await preview.page.getByTestId('no-errors').waitFor();
    expect(await preview.issues('cross_form_mismatch').count()).toBe(0);
  });
});

describe('a large sheet', () => {
  it('stays responsive with 200 filled rows: a click and an edit show within 300 ms', async () => {
    const preview = await openPreview();
    const rows = Array.from({ length: 200 }, (_, row) => [`任务 ${row + 1}`, `第 ${row + 1} 行的主要内容`, String(row + 1), String((row + 1) / 2), '说明'].join('\t')).join('\n');
    await preview.paste('A1', rows);
    await preview.cell('A200').waitFor();
    // Timed inside the page, from the event to the frame that shows its effect, so that the
    // browser automation's own round trips do not count.
    const timings = await preview.page.evaluate(async () => {
      const nextFrameUntil = (done: () => boolean, start: number) =>
        new Promise<number>((resolve) => {
          const check = () => (done() ? resolve(performance.now() - start) : requestAnimationFrame(check));
          check();
        });
      const cell = () => document.querySelector<HTMLElement>('td[data-address="C150"]');
      let start = performance.now();
      cell()?.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
      const select = await nextFrameUntil(() => cell()?.getAttribute('aria-selected') === 'true', start);
      const bar = document.querySelector<HTMLInputElement>('[data-testid="formula-bar"]');
      if (!bar) throw new Error('no formula bar');
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
      setValue?.call(bar, '12345');
      bar.dispatchEvent(new Event('input', { bubbles: true }));
      start = performance.now();
      bar.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      const edit = await nextFrameUntil(() => cell()?.textContent === '12345', start);
      return { select, edit };
    });
    expect(timings.select).toBeLessThan(300);
    expect(timings.edit).toBeLessThan(300);
  });

  it('follows a dark Office theme', async () => {
    const preview = await openPreview('?theme=dark');
    const background = await preview.pane().evaluate((element) => getComputedStyle(element.closest('.fui-FluentProvider') ?? element).backgroundColor);
    const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
    expect(r + g + b).toBeLessThan(200);
    await preview.pane().screenshot({ path: outputPath('08-dark-pane.png') });
  });
});

describe('languages and safety', () => {
  it('speaks English under an English display language', async () => {
    const preview = await openPreview('?lang=en-US');
    await preview.insert('department', true);
    await expect(preview.page.getByTestId('no-errors').textContent()).resolves.toBe('No errors found');
    await preview.typeInCell(await preview.addressOfText('141.74'), '141.70');
    const issue = preview.issues('sum_mismatch');
    await issue.first().waitFor();
    expect(await issue.first().textContent()).toMatch(/资金总额 \(180\.61\) does not equal the sum of 基本支出 \+ 项目支出 \(180\.57\)/);
    await expect(preview.page.getByTestId('insert-expand').textContent()).resolves.toBe('Insert another form…');
    await preview.page.getByTestId('insert-expand').click();
    await expect(preview.page.getByTestId('insert').textContent()).resolves.toBe('Insert');
    await screenshots(preview, '06-english');
  });

  it('shows markup typed into a cell as text, and runs no script', async () => {
    const preview = await openPreview();
    await preview.insert('department', true);
    const markup = '<img src=x onerror=alert(1)>';
    const amount = await preview.addressOfText('17.68');
    await preview.paste(amount, markup);
    const issue = preview.issues('not_a_number');
    await issue.first().waitFor();
    expect(await issue.first().textContent()).toContain(markup);
    await expect(preview.cell(amount).textContent()).resolves.toBe(markup);
    expect(await preview.page.locator('img').count()).toBe(0);
    await preview.page.waitForTimeout(300);
    expect(preview.dialogs).toEqual([]);
    expect(session.server.requests.filter((request) => request.includes('/x'))).toEqual([]);
    await screenshots(preview, '07-markup-as-text');
  });
});

describe('the host switch', () => {
  it('loads the preview over WPS and back over Excel, each with a new workbook', async () => {
    const preview = await openPreview();
    await preview.insert('department', false);
    await preview.page.getByTestId('preview-host').selectOption('wps');
    // The page loads again: wait for the new one's root.
    await preview.page.locator('.preview[data-host="wps"]').waitFor();
    await preview.page.getByTestId('task-pane').waitFor();
    await expect(preview.page.getByTestId('preview-host').inputValue()).resolves.toBe('wps');
    expect(await preview.page.locator('[data-testid="sheet-tab"]').allTextContents()).toEqual(['Sheet1']);
    await preview.page.getByTestId('preview-host').selectOption('excel');
    await preview.page.locator('.preview[data-host="excel"]').waitFor();
    expect(new URL(preview.page.url()).searchParams.get('host')).toBe('excel');
  });
});
