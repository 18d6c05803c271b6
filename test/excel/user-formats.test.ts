/**
 * The user's own conditional formats survive everything the add-in does. Conditional-format
 * ids are positions (Office.js reference, `ConditionalFormat.id`), renumbered by every add and
 * delete: the add-in finds its formats by label in each request and deletes them bottom-up,
 * so it never deletes or changes a rule of the user's.
 */
import { hostOver, newHost, type TestHost } from './support/memory-host';
import { HIGHLIGHT_LABEL_PREFIX } from '../../src/excel/highlight-labels';
import { parseAreasAddress } from '../../src/host/areas';
import { toA1 } from '../../src/core/grid/address';
import type { ConditionalFormatInspection } from '../../src/office-memory';
import { highlightPlan } from '../../src/core';

const DEPARTMENT = '部门整体支出绩效目标';

function owned(t: TestHost, sheet: string): ConditionalFormatInspection[] {
  return t.memory.inspect.conditionalFormats(sheet).filter((format) => format.formula.includes(HIGHLIGHT_LABEL_PREFIX));
}

/** The formats that are not the add-in's highlights, in priority order, without their (positional) ids. */
function othersOf(t: TestHost, sheet: string): Omit<ConditionalFormatInspection, 'id' | 'priority'>[] {
  return t.memory.inspect
    .conditionalFormats(sheet)
    .filter((format) => !format.formula.includes(HIGHLIGHT_LABEL_PREFIX))
    .map(({ id: _id, priority: _priority, ...rest }) => rest);
}

function cellsOf(addresses: readonly string[]): string[] {
  const cells = new Set<string>();
  for (const area of addresses.flatMap((address) => parseAreasAddress(address))) {
    for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) cells.add(toA1(r, c));
  }
  return [...cells].sort();
}

/** Every cell the add-in colours has an issue of the last check, and every cell the highlight plan colours for an issue is coloured. */
function expectHighlightsMatchIssues(t: TestHost, sheet: string): void {
  const coloured = cellsOf(owned(t, sheet).flatMap((format) => format.ranges));
  const issueCells = new Set<string>();
  const last = t.host.lastCheck();
  const plan = last ? highlightPlan(last.result, { fullCheck: last.fullCheck ?? false }) : undefined;
  for (const form of plan?.forms ?? []) {
    if (form.form.sheet !== sheet) continue;
    for (const issue of form.issues) for (const cell of issue.cells) if (!cell.includes('!')) issueCells.add(cell);
  }
  expect(coloured).toEqual([...issueCells].sort());
}

function addUserRules(t: TestHost): void {
  const user = t.memory.user;
  user.addConditionalFormat(DEPARTMENT, 'B4:B5', { type: 'Custom', formula: '=LEN($B$4)>30', fill: '#C6EFCE', fontColor: '#006100' });
  user.addConditionalFormat(DEPARTMENT, 'E14:E17', { type: 'CellValue', operator: 'GreaterThan', formula1: '=500', fill: '#FFEB9C' });
  user.addConditionalFormat(DEPARTMENT, 'F14:F17', { type: 'DataBar' });
  user.addConditionalFormat(DEPARTMENT, 'E20:E30', { type: 'ColorScale' });
}

describe("the user's conditional formats", () => {
  test('insert, errors, fixes, rows, reopen, clear: the user’s rules all there unchanged, no red without an issue', async () => {
    const t = newHost();
    await t.host.start();
    await t.host.insert({ template: 'department', year: 2022, withSample: true });
    await t.settle();
    addUserRules(t);
    await t.settle();
    const rules = othersOf(t, DEPARTMENT);
    expect(rules.map((rule) => rule.type)).toEqual(expect.arrayContaining(['Custom', 'CellValue', 'DataBar', 'ColorScale']));

    t.memory.user.type(DEPARTMENT, 'F7', '141.70');
    t.memory.user.type(DEPARTMENT, 'E15', '-3');
    await t.settle();
    expect(owned(t, DEPARTMENT).some((format) => format.formula.includes(':error'))).toBe(true);
    expectHighlightsMatchIssues(t, DEPARTMENT);

    t.memory.user.type(DEPARTMENT, 'F7', '141.74');
    await t.settle();
    expectHighlightsMatchIssues(t, DEPARTMENT);
    t.memory.user.type(DEPARTMENT, 'E15', '');
    await t.settle();
    expectHighlightsMatchIssues(t, DEPARTMENT);
    expect(othersOf(t, DEPARTMENT)).toEqual(rules);

    t.memory.user.type(DEPARTMENT, 'F7', '141.70');
    await t.settle();
    t.memory.user.insertRows(DEPARTMENT, 6, 1);
    await t.settle();
    expectHighlightsMatchIssues(t, DEPARTMENT);
    t.memory.user.deleteRows(DEPARTMENT, 6, 1);
    await t.settle();
    expectHighlightsMatchIssues(t, DEPARTMENT);
    expect(othersOf(t, DEPARTMENT)).toEqual(rules);

    // Ctrl+C of a red cell, Ctrl+V elsewhere: the copy brings the highlight along, which must go.
    t.memory.user.copyPaste(DEPARTMENT, 'F7', 'H40');
    await t.settle();
    expectHighlightsMatchIssues(t, DEPARTMENT);
    t.memory.user.copyPaste(DEPARTMENT, 'F7', 'C3', 'Sheet1');
    await t.settle();
    expect(owned(t, 'Sheet1')).toEqual([]);
    t.memory.user.clear(DEPARTMENT, 'H40');
    await t.settle();

    const reopened = hostOver(t.memory.clone());
    reopened.memory.user.type(DEPARTMENT, 'F7', '141.74');
    await reopened.host.start();
    await reopened.settle();
    expectHighlightsMatchIssues(reopened, DEPARTMENT);
    expect(othersOf(reopened, DEPARTMENT)).toEqual(rules);

    await reopened.host.clearHighlights();
    expect(owned(reopened, DEPARTMENT)).toEqual([]);
    expect(othersOf(reopened, DEPARTMENT)).toEqual(rules);
  });

  test('a rule the user adds above the highlights, then errors and warnings removed in one request: only the add-in’s go', async () => {
    // With ids kept or deleted top-down, the second delete would hit the user's rule, one place up.
    const t = newHost();
    await t.host.start();
    await t.host.insert({ template: 'department', year: 2022, withSample: true });
    await t.settle();
    t.memory.user.type(DEPARTMENT, 'F7', '141.70');
    await t.settle();
    t.memory.user.addConditionalFormat(DEPARTMENT, 'B4', { type: 'Custom', formula: '=LEN($B$4)>20', fill: '#C6EFCE' });
    await t.settle();
    const rules = othersOf(t, DEPARTMENT);
    expect(owned(t, DEPARTMENT).map((format) => format.formula.split(':')[1])).toEqual(expect.arrayContaining(['error")=0', 'warning")=0']));

    await t.host.clearHighlights();
    expect(owned(t, DEPARTMENT)).toEqual([]);
    expect(othersOf(t, DEPARTMENT)).toEqual(rules);

    await t.host.recheck();
    await t.settle();
    expectHighlightsMatchIssues(t, DEPARTMENT);
    expect(othersOf(t, DEPARTMENT)).toEqual(rules);
  });

  test('an unchanged edit writes nothing even after the user’s rule renumbered the highlights', async () => {
    const t = newHost();
    await t.host.start();
    await t.host.insert({ template: 'department', year: 2022, withSample: true });
    t.memory.user.type(DEPARTMENT, 'F7', '141.70');
    await t.settle();
    t.memory.user.addConditionalFormat(DEPARTMENT, 'B4', { type: 'Custom', formula: '=LEN($B$4)>20', fill: '#C6EFCE' });
    await t.settle();
    const before = t.memory.inspect.conditionalFormats(DEPARTMENT);
    t.memory.resetSyncCount();
    t.memory.user.type(DEPARTMENT, 'B4', '衡阳市侨联');
    await t.settle();
    expect(t.memory.syncCount).toBeLessThanOrEqual(1);
    expect(t.memory.inspect.conditionalFormats(DEPARTMENT)).toEqual(before);
  });
});

describe('own writes only when something changed (Excel keeps each write in its undo list)', () => {
  async function withRedCell(): Promise<TestHost> {
    const t = newHost();
    await t.host.start();
    await t.host.insert({ template: 'department', year: 2022, withSample: true });
    t.memory.user.type(DEPARTMENT, 'F7', '141.70');
    await t.settle();
    return t;
  }

  /** Counts the add-in's writes: the workbook changes after `action` beyond the user's own edit. */
  async function writesDuring(t: TestHost, action: () => unknown): Promise<number> {
    let writes = 0;
    const stop = t.memory.onDidChange(() => writes++);
    await action();
    await t.settle();
    stop();
    return writes;
  }

  test('a reopened workbook whose highlights still stand right: starting writes nothing', async () => {
    const t = await withRedCell();
    const reopened = hostOver(t.memory.clone());
    const before = reopened.memory.inspect.conditionalFormats(DEPARTMENT);
    expect(await writesDuring(reopened, () => reopened.host.start())).toBe(0);
    expect(reopened.memory.inspect.conditionalFormats(DEPARTMENT)).toEqual(before);
    expectHighlightsMatchIssues(reopened, DEPARTMENT);
  });

  test('a row inserted below the highlights: the formats moved with the cells, nothing is written', async () => {
    const t = await withRedCell();
    expect(await writesDuring(t, () => t.memory.user.insertRows(DEPARTMENT, 40, 1))).toBe(1);
    expectHighlightsMatchIssues(t, DEPARTMENT);
  });

  test('a row inserted above them: still nothing written, and they stand on the moved cells', async () => {
    const t = await withRedCell();
    expect(await writesDuring(t, () => t.memory.user.insertRows(DEPARTMENT, 3, 1))).toBe(1);
    expectHighlightsMatchIssues(t, DEPARTMENT);
    expect(owned(t, DEPARTMENT).find((format) => format.formula.includes(':error'))?.ranges.join(',')).toContain('F8');
  });
});
