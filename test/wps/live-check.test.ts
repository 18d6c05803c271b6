/**
 * The WPS host as a user meets it, mirroring the Excel host's tests (test/excel): type, paste,
 * insert rows, fix, clear, reopen — the user's own formats and conditional formats untouched,
 * and the add-in's own writes raising no check of their own.
 */
import { bgrFromHex, type WpsApplication } from '../../src/wps/wps-api';
import { createWpsHost } from '../../src/wps/wps-host';
import { parseAreasAddress } from '../../src/host/areas';
import { issueKeysOf } from '../excel/support/memory-host';
import { newWpsHost, ownedFills, wpsHostOver, type WpsTestHost } from './support/wps-host';

const DEPARTMENT = '部门整体支出绩效目标';
const ERROR_FILL = bgrFromHex('#FFC7CE');
const WARNING_FILL = bgrFromHex('#FFEB9C');

async function withDepartmentSample(): Promise<WpsTestHost> {
  const t = newWpsHost();
  await t.host.start();
  await t.host.insert({ template: 'department', year: 2022, withSample: true });
  await t.settle();
  return t;
}

function issuesAt(t: WpsTestHost, code: string): string[][] {
  return (t.host.lastCheck()?.result.forms ?? []).flatMap((form) => form.issues.filter((issue) => issue.code === code).map((issue) => [...issue.cells]));
}

function fills(t: WpsTestHost): Record<string, number | null> {
  return Object.fromEntries(ownedFills(t.wps, DEPARTMENT));
}

function ownedConditions(t: WpsTestHost) {
  return t.wps.inspect.formatConditions(DEPARTMENT).filter((condition) => condition.formula1.includes('perf-target-forms:'));
}

function looks(t: WpsTestHost, cells: readonly string[]) {
  return cells.map((cell) => {
    const { format, mergeArea } = t.wps.inspect.cell(DEPARTMENT, cell);
    return { format, mergeArea };
  });
}

describe('WPS host: live check', () => {
  test('a wrong 基本支出 is a sum_mismatch, highlighted red; fixing it restores every look', async () => {
    const t = await withDepartmentSample();
    const before = looks(t, ['D5', 'F7', 'F8']);
    t.wps.user.type(DEPARTMENT, 'F7', '141.70');
    await t.settle();
    const mismatch = issuesAt(t, 'sum_mismatch');
    expect(mismatch).toHaveLength(1);
    expect(mismatch[0]).toEqual(expect.arrayContaining(['D5', 'F7', 'F8']));
    expect(mismatch[0][0]).toBe('F7');
    const highlighted = fills(t);
    expect({ F7: highlighted.F7, D5: highlighted.D5, F8: highlighted.F8 }).toEqual({ F7: ERROR_FILL, D5: undefined, F8: undefined });
    expect(looks(t, ['D5', 'F7', 'F8'])).toEqual(before);

    t.wps.user.type(DEPARTMENT, 'F7', '141.74');
    await t.settle();
    expect(issueKeysOf(t.host.lastCheck(), 'error')).toEqual([]);
    const after = fills(t);
    for (const cell of ['D5', 'F7', 'F8']) expect(after[cell]).toBeUndefined();
    expect(Object.values(after).every((fill) => fill === WARNING_FILL)).toBe(true);
    expect(looks(t, ['D5', 'F7', 'F8'])).toEqual(before);
    expect(t.problems).toEqual([]);
  });

  test('an edit that changes no issue writes nothing', async () => {
    const t = await withDepartmentSample();
    const conditionsBefore = ownedConditions(t);
    const published = t.updates.length;
    t.wps.calls.reset();
    t.wps.user.type(DEPARTMENT, 'B4', '衡阳市侨联');
    await t.settle();
    expect(t.updates.length).toBe(published + 1);
    expect(ownedConditions(t)).toEqual(conditionsBefore);
    expect(t.wps.calls.of('FormatConditions.Add').call).toBe(0);
    expect(t.wps.calls.of('FormatCondition.Delete').call).toBe(0);
  });

  test('at most one owned condition per severity while its address fits, errors never under warnings', async () => {
    const t = await withDepartmentSample();
    t.wps.user.type(DEPARTMENT, 'F7', '141.70');
    await t.settle();
    const owned = ownedConditions(t);
    expect(owned.filter((condition) => condition.formula1.includes(':error')).length).toBe(1);
    const errors = new Set(Object.entries(fills(t)).filter(([, fill]) => fill === ERROR_FILL).map(([cell]) => cell));
    for (const condition of owned.filter((c) => c.formula1.includes(':warning'))) for (const cell of errors) expect(condition.appliesTo.split(',')).not.toContain(cell);
  });

  test('a paste is one check; its issues are highlighted', async () => {
    const t = await withDepartmentSample();
    const published = t.updates.length;
    t.wps.user.paste(DEPARTMENT, 'F7', [['141.70'], ['39']]);
    await t.settle();
    expect(t.updates.length).toBe(published + 1);
    expect(issuesAt(t, 'sum_mismatch').length).toBeGreaterThan(0);
    expect(fills(t)[issuesAt(t, 'sum_mismatch')[0][0]]).toBe(ERROR_FILL);
  });

  test('copying a highlighted cell elsewhere: the copied highlight is cleaned, the issue’s cell keeps its own', async () => {
    const t = await withDepartmentSample();
    t.wps.user.type(DEPARTMENT, 'F7', '141.70');
    await t.settle();
    expect(fills(t).F7).toBe(ERROR_FILL);
    t.wps.user.copyPaste(DEPARTMENT, 'F7', 'H3');
    await t.settle();
    expect(fills(t).H3).toBeUndefined();
    expect(fills(t).F7).toBe(ERROR_FILL);
    expect(ownedConditions(t).filter((condition) => condition.formula1.includes(':error'))).toHaveLength(1);
  });

  test('the user inserting rows inside the form: highlights move with their cells and are checked again', async () => {
    const t = await withDepartmentSample();
    t.wps.user.type(DEPARTMENT, 'F7', '141.70');
    await t.settle();
    t.wps.user.insertRows(DEPARTMENT, 6, 1);
    await t.settle();
    const mismatch = issuesAt(t, 'sum_mismatch');
    expect(mismatch[0][0]).toBe('F8');
    expect(fills(t).F8).toBe(ERROR_FILL);
    expect(fills(t).F7).toBeUndefined();
    expect(t.problems).toEqual([]);
  });

  test('a quick fix writes its value and is checked once, its own write raising no check', async () => {
    const t = await withDepartmentSample();
    t.wps.user.type(DEPARTMENT, 'F7', '141.70');
    await t.settle();
    const fix = (t.host.lastCheck()?.result.forms ?? []).flatMap((form) => form.issues).find((issue) => issue.code === 'sum_mismatch' && issue.fix)?.fix;
    expect(fix).toBeDefined();
    const published = t.updates.length;
    await t.host.applyFix(DEPARTMENT, fix!);
    await t.settle();
    expect(t.updates.length).toBe(published + 1);
    expect(issuesAt(t, 'sum_mismatch')).toEqual([]);
    expect(fills(t)[fix!.cell]).toBeUndefined();
  });

  test('a highlight stands above the user’s own rule on the same cell, as in Excel', async () => {
    const t = await withDepartmentSample();
    t.wps.user.addFormatCondition(DEPARTMENT, 'F7:F8', '=TRUE', bgrFromHex('#00FF00'));
    t.wps.user.type(DEPARTMENT, 'F7', '141.70');
    await t.settle();
    const covering = t.wps.inspect
      .formatConditions(DEPARTMENT)
      .filter((condition) => parseAreasAddress(condition.appliesTo).some((area) => area.top <= 6 && area.bottom >= 6 && area.left <= 5 && area.right >= 5))
      .sort((a, b) => a.priority - b.priority);
    expect(covering[0]?.formula1).toContain('perf-target-forms:error');
    expect(covering.some((condition) => condition.formula1 === '=TRUE')).toBe(true);
  });

  test('clear removes every owned condition and only those', async () => {
    const t = await withDepartmentSample();
    t.wps.user.addFormatCondition(DEPARTMENT, 'B4', '=LEN(B4)>3', bgrFromHex('#00FF00'));
    t.wps.user.setFormat(DEPARTMENT, 'F8', { fill: bgrFromHex('#CCE5FF'), bold: true });
    await t.settle();
    const others = () => t.wps.inspect.formatConditions(DEPARTMENT).filter((condition) => !condition.formula1.includes('perf-target-forms:'));
    const othersBefore = others().map(({ formula1, appliesTo, interiorColor }) => ({ formula1, appliesTo, interiorColor }));
    const f8 = t.wps.inspect.cell(DEPARTMENT, 'F8').format;
    expect(ownedConditions(t).length).toBeGreaterThan(0);
    await t.host.clearHighlights();
    expect(ownedConditions(t)).toEqual([]);
    expect(others().map(({ formula1, appliesTo, interiorColor }) => ({ formula1, appliesTo, interiorColor }))).toEqual(othersBefore);
    expect(t.wps.inspect.cell(DEPARTMENT, 'F8').format).toEqual(f8);
  });

  test('reopened: a new host over the same workbook cleans leftover highlights, keeping the user’s formats', async () => {
    const t = await withDepartmentSample();
    t.wps.user.type(DEPARTMENT, 'F7', '141.70');
    await t.settle();
    expect(fills(t).F7).toBe(ERROR_FILL);
    t.wps.user.addFormatCondition(DEPARTMENT, 'B4', '=LEN(B4)>3', bgrFromHex('#00FF00'));
    await t.host.dispose();
    // Saved, then edited without the add-in, then reopened.
    const reopened = t.wps.clone();
    reopened.user.type(DEPARTMENT, 'F7', '141.74');
    const again = wpsHostOver(reopened);
    await again.host.start();
    await again.settle();
    expect(issuesAt(again, 'sum_mismatch')).toEqual([]);
    expect(Object.fromEntries(ownedFills(reopened, DEPARTMENT)).F7).toBeUndefined();
    expect(reopened.inspect.formatConditions(DEPARTMENT).some((condition) => condition.formula1 === '=LEN(B4)>3')).toBe(true);
  });

  test('a protected form sheet: its highlights wait, the pane is told once', async () => {
    const t = await withDepartmentSample();
    t.wps.user.type(DEPARTMENT, 'F7', '141.70');
    await t.settle();
    await t.host.clearHighlights();
    t.wps.user.protectSheet(DEPARTMENT, true);
    await t.host.recheck();
    await t.host.recheck();
    await t.settle();
    expect(issuesAt(t, 'sum_mismatch').length).toBeGreaterThan(0);
    expect(ownedConditions(t)).toEqual([]);
    expect(t.problems).toEqual([{ code: 'protected_sheet', params: { sheet: DEPARTMENT } }]);
  });

  test('the add-in’s own writes raise no SheetChange: insert, fix, rows and highlights', async () => {
    const t = newWpsHost();
    await t.host.start();
    const seen: string[] = [];
    const listener = (sheet: { Name: string }, target: { Address(): string }) => seen.push(`${sheet.Name}!${target.Address()}`);
    t.wps.Application.ApiEvent.AddApiEventListener('SheetChange', listener);
    const published = t.updates.length;
    await t.host.insert({ template: 'department', year: 2022, withSample: true });
    await t.settle();
    expect(t.updates.length).toBe(published + 1);
    await t.host.applyFix(DEPARTMENT, { cell: 'F7', value: 141.7 });
    await t.settle();
    await t.host.addTaskRow(DEPARTMENT);
    await t.settle();
    await t.host.clearHighlights();
    expect(seen).toEqual([]);
    expect(t.wps.handlerErrors).toEqual([]);
    t.wps.user.type(DEPARTMENT, 'B4', '衡阳市侨联');
    expect(seen).toHaveLength(1);
  });
});

describe('WPS host: events handed out after the write that raised them', () => {
  test('typing is checked and highlighted; the add-in’s own writes still raise nothing', async () => {
    const t = newWpsHost({ delivery: 'deferred' });
    await t.host.start();
    await t.host.insert({ template: 'department', year: 2022, withSample: true });
    await t.settle();
    const seen: string[] = [];
    t.wps.Application.ApiEvent.AddApiEventListener('SheetChange', (sheet) => seen.push(sheet.Name));
    t.wps.user.type(DEPARTMENT, 'F7', '141.70');
    await t.settle();
    expect(fills(t).F7).toBe(ERROR_FILL);
    expect(seen).toEqual([DEPARTMENT]);
    const published = t.updates.length;
    await t.host.applyFix(DEPARTMENT, { cell: 'F7', value: 141.74 });
    await t.settle();
    expect(seen).toEqual([DEPARTMENT]);
    expect(t.updates.length).toBe(published + 1);
    expect(fills(t).F7).toBeUndefined();
  });
});

describe('WPS host: no workbook', () => {
  test('without an open workbook the host cannot insert and says why', async () => {
    const listeners: unknown[] = [];
    const application: WpsApplication = {
      ActiveWorkbook: null,
      ApiEvent: { AddApiEventListener: (_name, callback) => void listeners.push(callback), RemoveApiEventListener: () => undefined },
      EnableEvents: true,
      ScreenUpdating: true,
    };
    const host = createWpsHost({ application });
    expect(host.capabilities()).toEqual({ canInsert: false, liveChecking: false, multiAreaHighlights: true, reasons: [{ code: 'no_workbook', params: {} }] });
    await expect(host.start()).rejects.toMatchObject({ problem: { code: 'no_workbook' } });
    await expect(host.insert({ template: 'department', year: 2022, withSample: false })).rejects.toMatchObject({ problem: { code: 'no_workbook' } });
  });
});
