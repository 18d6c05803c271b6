/**
 * The preview page as a person uses it: insert forms from the pane, find cells by the labels
 * beside them, type into cells, paste, read the pane's issues.
 */
import type { Locator, Page } from 'playwright-core';

export class PreviewPage {
  readonly dialogs: string[] = [];
  readonly pageErrors: string[] = [];

  constructor(readonly page: Page) {
    page.on('dialog', (dialog) => {
      this.dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => this.pageErrors.push(error.message));
  }

  async open(baseUrl: string, query = ''): Promise<void> {
    await this.page.goto(`${baseUrl}/preview.html${query}`);
    await this.page.getByTestId('task-pane').waitFor();
    // The first check of the empty workbook has arrived when the summary says there is no form.
    await this.page.getByTestId('summary').locator('text=/申报表|form/').first().waitFor();
  }

  pane(): Locator {
    return this.page.getByTestId('task-pane');
  }

  async insert(template: 'department' | 'project', withSample: boolean): Promise<void> {
    // Once a form is in the workbook the insert block is folded to one button.
    const expand = this.page.getByTestId('insert-expand');
    if (await expand.isVisible()) await expand.click();
    await this.page.getByTestId(`template-${template}`).check();
    const sample = this.page.getByTestId('with-sample');
    if (withSample) await sample.check();
    else await sample.uncheck();
    await this.page.getByTestId('insert').click();
    await this.page.getByTestId('notice').waitFor();
    await this.settled();
  }

  /** Unfolds the pane's row actions (添加行), folded by default. */
  async openRowActions(): Promise<void> {
    const details = this.page.getByTestId('row-actions');
    if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  }

  /** Waits until the pane is idle and the live check after the last change has been shown. */
  async settled(): Promise<void> {
    await this.page.waitForFunction(() => {
      // The recheck button is disabled while the pane waits for the host.
      const recheck = document.querySelector('[data-testid="recheck"]');
      return recheck !== null && !recheck.hasAttribute('disabled');
    });
    // The host's debounce is 300 ms; a check then takes a few frames.
    await this.page.waitForTimeout(900);
  }

  async activateSheet(name: string): Promise<void> {
    await this.page.locator(`[data-testid="sheet-tab"][data-sheet="${name}"]`).click();
  }

  async activeSheet(): Promise<string> {
    return (await this.page.locator('.sheet-tab.active').textContent()) ?? '';
  }

  cell(address: string): Locator {
    return this.page.locator(`td[data-address="${address}"]`);
  }

  /** The address of the first cell on the active sheet whose text is exactly `text`. */
  async addressOfText(text: string): Promise<string> {
    const address = await this.page.evaluate((wanted) => {
      const cells = [...document.querySelectorAll<HTMLElement>('td[data-address]')];
      return cells.find((cell) => cell.textContent?.trim() === wanted)?.dataset.address ?? null;
    }, text);
    if (!address) throw new Error(`No cell shows "${text}"`);
    return address;
  }

  /** The input cell right of a label cell (the next cell drawn on its row). */
  async addressRightOf(label: string): Promise<string> {
    const address = await this.page.evaluate((wanted) => {
      const cells = [...document.querySelectorAll<HTMLElement>('td[data-address]')];
      const labelCell = cells.find((cell) => cell.textContent?.replace(/\s/g, '') === wanted);
      const next = labelCell?.nextElementSibling as HTMLElement | null | undefined;
      return next?.dataset.address ?? null;
    }, label);
    if (!address) throw new Error(`No cell right of the label "${label}"`);
    return address;
  }

  /**
   * Clicks a cell until the name box shows it: a click computed before the page settles (a row
   * growing with the first check, the pane folding its insert block) can land on a neighbour.
   */
  async selectCell(address: string): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      await this.cell(address).click();
      const selected = await this.page
        .waitForFunction((wanted) => (document.querySelector('[data-testid="name-box"]') as HTMLInputElement | null)?.value === wanted, address, { timeout: 2_000 })
        .then(() => true, () => false);
      if (selected) return;
      if (attempt === 3) throw new Error(`Clicking ${address} three times did not select it`);
    }
  }

  async type(address: string, text: string): Promise<void> {
    await this.selectCell(address);
    await this.page.getByTestId('formula-bar').fill(text);
    await this.page.getByTestId('formula-bar').press('Enter');
    await this.settled();
  }

  /** Types into the selected cell directly, as one does in Excel: keys, then Enter. */
  async typeInCell(address: string, text: string): Promise<void> {
    await this.selectCell(address);
    await this.page.getByTestId('grid').focus();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
    await this.settled();
  }

  /** Pastes text into a cell (a paste skips data validation, as in Excel). */
  async paste(address: string, text: string): Promise<void> {
    await this.selectCell(address);
    await this.page.getByTestId('grid').evaluate((grid, pasted) => {
      const data = new DataTransfer();
      data.setData('text/plain', pasted);
      grid.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
    await this.settled();
  }

  issues(code?: string): Locator {
    return this.page.locator(code ? `[data-testid="issue"][data-code="${code}"]` : '[data-testid="issue"]');
  }

  async errorCount(): Promise<number> {
    return Number(await this.page.getByTestId('summary-counts').getAttribute('data-errors'));
  }
}
