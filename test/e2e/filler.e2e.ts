/**
 * A finance clerk's day in the preview: fixes that follow the evidence, a calm new form, a
 * grid that behaves like Excel, and the pane at the sizes people use (1366 × 768, 320 px).
 */
import type { Page } from 'playwright-core';
import { outputPath } from './support/browser';
import { openOver, PREVIEW_HOSTS } from './support/preview-hosts';
import type { PreviewPage } from './support/preview-page';
import { usePreviewSession } from './support/preview-session';

const DEPARTMENT = '部门整体支出绩效目标';
const PROJECT = '项目绩效目标';

// A laptop's window, the size most clerks fill forms at.
const { openPreview } = usePreviewSession({ viewport: { width: 1366, height: 768 } });

/** Types into cells through the formula bar without waiting for each check; `settled` once after. */
async function typeAll(preview: PreviewPage, cells: Readonly<Record<string, string>>): Promise<void> {
  for (const [address, text] of Object.entries(cells)) {
    await preview.selectCell(address);
    await preview.page.getByTestId('formula-bar').fill(text);
    await preview.page.getByTestId('formula-bar').press('Enter');
  }
  await preview.settled();
}

async function insideGrid(page: Page, address: string): Promise<boolean> {
  return page.evaluate((wanted) => {
    const grid = document.querySelector('[data-testid="grid"]')?.getBoundingClientRect();
    const cell = document.querySelector(`td[data-address="${wanted}"]`)?.getBoundingClientRect();
    if (!grid || !cell) return false;
    return cell.top >= grid.top && cell.bottom <= grid.bottom && cell.left >= grid.left && cell.right <= grid.right;
  }, address);
}

const ISSUE_FIGURES = { D5: '180.61', D7: '180.61', F7: '141.74', F8: '38.87', B14: '会务', C14: '召开会议', E14: '20', F14: '20', B15: '宣传', C15: '侨务宣传', E15: '28.87', F15: '18.87' };

describe('fixes follow the evidence', () => {
  it('offers to change the mistyped task total, never 项目支出, and the form is clean of sums once applied', async () => {
    const preview = await openPreview();
    await preview.insert('department', false);
    await typeAll(preview, ISSUE_FIGURES);
    const sum = preview.issues('sum_mismatch');
    await sum.first().waitFor();
    expect(await sum.count()).toBe(1);
    expect(await sum.first().textContent()).toContain('建议将任务“宣传”的总额（E15）改为 18.87。');
    const fix = sum.first().getByTestId('issue-fix');
    expect(await fix.getAttribute('aria-label')).toBe('将 E15 改为 18.87');
    expect(await fix.textContent()).toBe('修正');
    expect((await preview.pane().textContent()) ?? '').not.toContain('快速修复');
    // Only the cell to change is coloured; 项目支出 is named in the issue.
    await expect(preview.cell('E15').getAttribute('data-highlight')).resolves.toBe('error');
    await expect(preview.cell('F8').getAttribute('data-highlight')).resolves.toBeNull();
    await fix.click();
    await preview.settled();
    expect(await preview.issues('sum_mismatch').count()).toBe(0);
    await expect(preview.cell('E15').textContent()).resolves.toBe('18.87');
  });

  it('offers nothing while 基本支出 is not written yet', async () => {
    const preview = await openPreview();
    await preview.insert('department', false);
    await typeAll(preview, { D5: '180.61', F8: '38.87' });
    await preview.issues('sum_mismatch').first().waitFor();
    expect(await preview.page.locator('[data-testid="issue"][data-code="sum_mismatch"] [data-testid="issue-fix"]').count()).toBe(0);
  });
});

describe('a calm new form', () => {
  it('opens with nothing pink and the cells to fill counted apart, until 提交前检查', async () => {
    const preview = await openPreview();
    await preview.insert('department', false);
    expect(await preview.errorCount()).toBe(0);
    await expect(preview.page.getByTestId('to-fill-count').getAttribute('data-count')).resolves.toBe('11');
    expect(await preview.page.locator('td[data-highlight]').count()).toBe(0);
    expect(await preview.issues().count()).toBe(0);

    // Writing in a section brings its missing cells forward: 填表人 written, 联系电话 and 填表日期 are errors.
    await typeAll(preview, { B29: '张三' });
    expect(await preview.errorCount()).toBe(2);
    await expect(preview.cell('D29').getAttribute('data-highlight')).resolves.toBe('error');

    await preview.page.getByTestId('check-before-submit').click();
    await preview.settled();
    expect(await preview.errorCount()).toBe(10);
    expect(await preview.page.getByTestId('to-fill-count').count()).toBe(0);
    expect(await preview.page.locator('td[data-highlight="error"]').count()).toBeGreaterThanOrEqual(8);
  });
});

describe('the preview behaves like Excel', () => {
  it('scrolls the grid to the cell of a clicked issue', async () => {
    const preview = await openPreview();
    await preview.insert('department', true);
    const value = await preview.addressOfText('满意度达到95%');
    await typeAll(preview, { [value]: '-' });
    await preview.page.getByTestId('grid').evaluate((grid) => grid.scrollTo(0, 0));
    expect(await insideGrid(preview.page, value)).toBe(false);
    await preview.issues('indicator_value_missing').first().getByTestId('issue-select').click();
    await expect(preview.page.getByTestId('name-box').inputValue()).resolves.toBe(value);
    await preview.page.waitForTimeout(200);
    expect(await insideGrid(preview.page, value)).toBe(true);
  });

  it('acts on the form of the active sheet, and says which', async () => {
    const preview = await openPreview();
    await preview.insert('department', true);
    await preview.insert('project', true);
    expect(await preview.activeSheet()).toBe(PROJECT);
    await expect(preview.page.getByTestId('acts-on').getAttribute('data-sheet')).resolves.toBe(PROJECT);
    const quantity = preview.cell(await preview.addressOfText('数量指标'));
    const span = Number((await quantity.getAttribute('rowspan')) ?? 1);
    await preview.openRowActions();
    await preview.page.getByTestId('indicator-level2').selectOption('数量指标');
    await preview.page.getByTestId('add-indicator-row').click();
    await preview.settled();
    expect(await preview.activeSheet()).toBe(PROJECT);
    expect(Number(await preview.cell(await preview.addressOfText('数量指标')).getAttribute('rowspan'))).toBe(span + 1);
    // The new row is selected, and in view.
    const selected = await preview.page.getByTestId('name-box').inputValue();
    expect(Number(/\d+$/.exec(selected)?.[0])).toBe(Number(/\d+$/.exec((await quantity.getAttribute('data-address')) ?? '')?.[0]) + span);
    expect(await insideGrid(preview.page, selected)).toBe(true);

    await preview.activateSheet(DEPARTMENT);
    await expect(preview.page.getByTestId('acts-on').getAttribute('data-sheet')).resolves.toBe(DEPARTMENT);
  });

  it('starts editing with text an IME composes, or text inserted without keys', async () => {
    const preview = await openPreview();
    await preview.insert('department', true);
    const unit = await preview.addressRightOf('填报单位(盖章)');
    await preview.selectCell(unit);
    await preview.page.keyboard.insertText('侨联');
    await expect(preview.page.getByTestId('cell-editor').inputValue()).resolves.toBe('侨联');
    // The formula bar follows the in-cell editor.
    await preview.page.keyboard.type('办');
    await expect(preview.page.getByTestId('formula-bar').inputValue()).resolves.toBe('侨联办');
    await preview.page.keyboard.press('Enter');
    await preview.settled();
    await expect(preview.cell(unit).textContent()).resolves.toBe('侨联办');

    // A real composition (Chromium's IME input), committed into the selected cell.
    await preview.selectCell(unit);
    const cdp = await preview.page.context().newCDPSession(preview.page);
    await cdp.send('Input.imeSetComposition', { text: 'hengyang', selectionStart: 8, selectionEnd: 8 });
    await cdp.send('Input.insertText', { text: '衡阳市侨联' });
    await expect(preview.page.getByTestId('cell-editor').inputValue()).resolves.toBe('衡阳市侨联');
    await preview.page.keyboard.press('Enter');
    await preview.settled();
    await expect(preview.cell(unit).textContent()).resolves.toBe('衡阳市侨联');
  });

  it('keeps a refused value in the editor with Retry and Cancel, as Excel does', async () => {
    const preview = await openPreview();
    await preview.insert('department', true);
    const total = await preview.addressOfText('180.61');
    await preview.selectCell(total);
    await preview.page.keyboard.type('180.61万元');
    await preview.page.keyboard.press('Enter');
    await preview.page.getByTestId('validation-alert').waitFor();
    await expect(preview.page.getByTestId('cell-editor').inputValue()).resolves.toBe('180.61万元');
    await preview.page.getByTestId('validation-retry').click();
    await expect(preview.page.getByTestId('cell-editor').inputValue()).resolves.toBe('180.61万元');
    await preview.page.keyboard.press('Enter');
    await preview.page.getByTestId('validation-cancel').click();
    expect(await preview.page.getByTestId('cell-editor').count()).toBe(0);
    await expect(preview.cell(total).textContent()).resolves.toBe('180.61');
  });

  it('keeps the workbook when the language changes', async () => {
    const preview = await openPreview();
    await preview.insert('department', true);
    await typeAll(preview, { [await preview.addressOfText('141.74')]: '141.70' });
    await preview.page.evaluate(() => Object.assign(window, { notReloaded: true }));
    await preview.page.getByTestId('preview-language').selectOption('en-US');
    await preview.page.getByTestId('summary-counts').waitFor();
    await preview.settled();
    expect(await preview.page.evaluate(() => 'notReloaded' in window)).toBe(true);
    expect(await preview.activeSheet()).toBe(DEPARTMENT);
    await preview.addressOfText('141.70');
    expect(await preview.issues('sum_mismatch').first().textContent()).toContain('does not equal');
  });

  it('keeps the column headers whole when scrolled, and says undo is not available', async () => {
    const preview = await openPreview();
    await preview.insert('department', true);
    const grid = preview.page.getByTestId('grid');
    await grid.evaluate((element) => element.scrollTo(0, 400));
    const header = await preview.page.evaluate(() => {
      const th = document.querySelector<HTMLElement>('thead th.col-header');
      const grid = document.querySelector('[data-testid="grid"]')?.getBoundingClientRect();
      if (!th || !grid) return null;
      const box = th.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + 2);
      return { top: Math.round(box.top - grid.top), hit: hit === th, shadow: getComputedStyle(th).boxShadow };
    });
    expect(header).toMatchObject({ top: 0, hit: true });
    expect(header?.shadow).toContain('inset');
    await grid.screenshot({ path: outputPath('filler-grid-scrolled.png') });

    await preview.selectCell('A1');
    await preview.page.keyboard.press('Control+z');
    await expect(preview.page.getByTestId('preview-notice').textContent()).resolves.toContain('不支持撤消');
  });
});

describe.each(PREVIEW_HOSTS)('the pane at real sizes, over $host', (host) => {
  it('at 1366 × 768: the insert block folds away, the issues get the space, the actions stay in view', async () => {
    const preview = await openOver(openPreview, host);
    await preview.insert('department', true);
    await expect(preview.page.getByTestId('insert-expand').isVisible()).resolves.toBe(true);
    expect(await preview.page.getByTestId('template-department').count()).toBe(0);
    // Several issues at once.
    await typeAll(preview, { [await preview.addressOfText('141.74')]: '141.70', [await preview.addressOfText('满意度达到95%')]: '-', [await preview.addressOfText('1次')]: '-' });
    await preview.paste(await preview.addressOfText('5.19'), '5.19万元');
    expect(await preview.issues().count()).toBeGreaterThanOrEqual(4);
    const actions = await preview.page.getByTestId('check-before-submit').boundingBox();
    expect(actions && actions.y + actions.height).toBeLessThanOrEqual(768);
    const list = await preview.page.getByTestId('issue-list').boundingBox();
    expect(list?.height).toBeGreaterThan(150);
    await preview.page.screenshot({ path: outputPath(`${host.shot}pane-1366x768.png`) });
    await preview.pane().screenshot({ path: outputPath(`${host.shot}pane-1366x768-pane.png`) });

    await preview.page.getByTestId('insert-expand').click();
    await preview.page.getByTestId('year').fill('1999');
    await expect(preview.page.getByTestId('insert').isDisabled()).resolves.toBe(true);
    expect(await preview.page.getByTestId('year-field').textContent()).toContain('预算年度应在 2000 至 2100 年之间。');
    await preview.page.getByTestId('year').fill('');
    expect(await preview.page.getByTestId('year-field').textContent()).toContain('请填写预算年度，如 2026。');
  });

  it('at 320 px: a sum message keeps the width of the pane, its button below it', async () => {
    const preview = await openOver(openPreview, host, 'pane=320');
    await preview.insert('department', true);
    await typeAll(preview, { [await preview.addressOfText('180.61')]: '180.65' });
    // 资金总额 = 基本支出 + 项目支出 names 资金总额 as the figure to change.
    const issue = preview.page.locator('[data-testid="issue"][data-code="sum_mismatch"]:has([data-testid="issue-fix"])').first();
    await issue.waitFor();
    const message = await issue.getByTestId('issue-message').boundingBox();
    const fix = await issue.getByTestId('issue-fix').boundingBox();
    const pane = await preview.pane().boundingBox();
    expect(pane?.width).toBeLessThanOrEqual(320);
    expect(message?.width).toBeGreaterThan(220);
    expect(fix && message && fix.y).toBeGreaterThanOrEqual((message?.y ?? 0) + (message?.height ?? 0) - 1);
    await preview.pane().screenshot({ path: outputPath(`${host.shot}pane-320.png`) });
  });
});
