/**
 * Sum fixes follow the evidence: on a blank department form as inserted (资金总额 D5,
 * 公共财政拨款 D7, 基本支出 F7, 项目支出 F8, tasks in rows 14–17 with 总额 in E and 财政拨款 in F,
 * 金额合计 row 18 holding =SUM(E14:E17) and =SUM(F14:F17)), the figure at odds with the
 * others is the one a fix changes; a fix is offered only when the evidence is clear, never
 * breaks another sum, and applying fixes one after another ends.
 */
import fc from 'fast-check';
import { checkWorkbook } from '../../../src/core/check/check-workbook';
import type { SheetSnapshot } from '../../../src/core/grid/grid';
import type { Issue, IssueFix } from '../../../src/core/issues/issue';
import { buildLayoutPlan } from '../../../src/core/layout/build-layout-plan';
import { formatIssue } from '../../../src/core/messages';
import { gridFromPlan, setCell, type CellEdit } from '../../helpers/grid-from-plan';

const TODAY = new Date(2026, 0, 10);
const blankPlan = buildLayoutPlan('department', { year: 2026, withSample: false });
const SUM_CODES = new Set(['sum_mismatch', 'part_exceeds_whole']);

function issuesOf(sheet: SheetSnapshot): readonly Issue[] {
  return checkWorkbook({ sheets: [sheet] }, { today: TODAY }).forms[0].issues;
}

function sumIssues(sheet: SheetSnapshot): Issue[] {
  return issuesOf(sheet).filter((issue) => SUM_CODES.has(issue.code));
}

function applyFix(sheet: SheetSnapshot, fix: IssueFix): SheetSnapshot {
  const edit: CellEdit = typeof fix.value === 'string' ? { value: 0, formula: fix.value } : fix.value;
  return setCell(sheet, fix.cell, edit);
}

const ISSUE_FIGURES = {
  D5: 180.61,
  D7: 180.61,
  F7: 141.74,
  F8: 38.87,
  B14: '会务',
  C14: '召开会议',
  E14: 20,
  F14: 20,
  B15: '宣传',
  C15: '侨务宣传',
  E15: 28.87,
  F15: 18.87,
};

describe('sum fixes follow the evidence', () => {
  it.each<[string, Record<string, CellEdit>, IssueFix | undefined]>([
    // 项目支出 38.87 agrees with 资金总额 − 基本支出; of the two task totals only 28.87 can lose 10 (20 − 10 < 财政拨款 20).
    ['a task total typed 28.87 for 18.87: the task total, never 项目支出', ISSUE_FIGURES, { cell: 'E15', value: 18.87 }],
    ['资金总额 and 项目支出 alone (基本支出 not written yet): no fix', { D5: 180.61, F8: 38.87 }, undefined],
    ['公共财政拨款 above 资金总额 = 基本支出 + 项目支出', { D5: 180.61, D7: 180.65, F7: 141.74, F8: 38.87 }, { cell: 'D7', value: 180.61 }],
    // The missing 0.04 may be 政府性基金拨款 or 其他资金, not written yet.
    ['公共财政拨款 short of 资金总额 while other income parts are blank: no fix', { D5: 180.61, D7: 180.57, F7: 141.74, F8: 38.87 }, undefined],
    ['资金总额 at odds with both of its sums', { D5: 200, D7: 180.61, F7: 141.74, F8: 38.87 }, { cell: 'D5', value: 180.61 }],
    ['two figures that could each be wrong: no fix', { D5: 100, D7: 90 }, undefined],
    // 项目支出 is also in 项目支出 = 金额合计, already off because of a task amount typed as text:
    // changing 基本支出 leaves that mismatch as it is, changing 项目支出 would move it.
    [
      '基本支出 mistyped while another sum is off for its own reason',
      { ...ISSUE_FIGURES, F7: 141.7, E14: '20万元', E15: 18.87 },
      { cell: 'F7', value: 141.74 },
    ],
  ])('%s', (_name, edits, expected) => {
    const issues = sumIssues(gridFromPlan(blankPlan, edits));
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.map((issue) => issue.fix)).toContainEqual(expected);
    if (expected === undefined) expect(issues.filter((issue) => issue.fix)).toEqual([]);
    else expect(issues.every((issue) => issue.fix === undefined || issue.fix.cell === expected.cell)).toBe(true);
  });

  it('put the cell to fix first, and say what to change in words a reviewer can follow', () => {
    const [issue] = sumIssues(gridFromPlan(blankPlan, ISSUE_FIGURES));
    expect(issue.cells[0]).toBe('E15');
    expect(issue.cells).toContain('F8');
    expect(formatIssue(issue, 'zh-CN')).toBe('项目支出（38.87）不等于 金额合计（总额）（48.87），相差 10 万元。建议将任务“宣传”的总额（E15）改为 18.87。');
    expect(formatIssue(issue, 'en-US')).toContain('Change 总额 of task "宣传" (E15) to 18.87.');
  });

  it('leave the form without sum errors once the fix is applied, and offer nothing more', () => {
    const sheet = gridFromPlan(blankPlan, ISSUE_FIGURES);
    const [issue] = sumIssues(sheet);
    if (!issue.fix) throw new Error('no fix');
    expect(sumIssues(applyFix(sheet, issue.fix))).toEqual([]);
  });

  it('restore the template’s whole-range formula, not one over the filled rows', () => {
    const sheet = gridFromPlan(blankPlan, { ...ISSUE_FIGURES, E15: 18.87, E18: 99 });
    const fixes = sumIssues(sheet).map((issue) => issue.fix);
    expect(fixes).toContainEqual({ cell: 'E18', value: '=SUM(E14:E17)' });
    expect(fixes.every((fix) => fix === undefined || fix.cell === 'E18')).toBe(true);
  });

  it('restore the whole range over a narrower SUM that misses a filled row', () => {
    const sheet = gridFromPlan(blankPlan, { ...ISSUE_FIGURES, E15: 8.87, F15: 8.87, B16: '联谊', C16: '联谊会', E16: 10, F16: 10, E18: { value: 0, formula: '=SUM(E14:E15)' } });
    expect(sumIssues(sheet).map((issue) => issue.fix)).toContainEqual({ cell: 'E18', value: '=SUM(E14:E17)' });
  });

  it('offer no formula that changes nothing when the mismatch comes from an amount typed as text', () => {
    const sheet = gridFromPlan(blankPlan, { ...ISSUE_FIGURES, E15: '18.87万元' });
    const issues = issuesOf(sheet);
    const sums = issues.filter((issue) => issue.code === 'sum_mismatch');
    expect(sums.length).toBeGreaterThan(0);
    expect(sums.map((issue) => issue.fix)).toEqual(sums.map(() => undefined));
    // The amount rules offer the number instead.
    expect(issues.find((issue) => issue.code === 'not_a_number')?.fix).toEqual({ cell: 'E15', value: 18.87 });
  });
});

describe('sum fixes, as laws', () => {
  const amount = fc.oneof(
    fc.constantFrom<CellEdit>(null, 0, 10, 18.87, 20, 28.87, 38.87, 48.87, 141.74, 180.61),
    fc.integer({ min: 0, max: 30_000 }).map((cents) => cents / 100),
  );
  const FIELDS = ['D5', 'D7', 'D8', 'D9', 'D10', 'F7', 'F8'];
  const TASK_ROWS = [14, 15, 16, 17];
  const form = fc
    .record({
      fields: fc.tuple(...FIELDS.map(() => amount)),
      tasks: fc.tuple(...TASK_ROWS.map(() => fc.tuple(amount, amount))),
      totals: fc.tuple(fc.option(amount, { nil: undefined }), fc.option(amount, { nil: undefined })),
    })
    .map(({ fields, tasks, totals }) => {
      const edits: Record<string, CellEdit> = {};
      FIELDS.forEach((cell, index) => (edits[cell] = fields[index]));
      TASK_ROWS.forEach((row, index) => {
        const [total, fiscal] = tasks[index];
        if (total !== null || fiscal !== null) edits[`B${row}`] = `任务${row}`;
        edits[`E${row}`] = total;
        edits[`F${row}`] = fiscal;
      });
      // 金额合计 keeps its formula (undefined) or is typed over.
      if (totals[0] !== undefined) edits.E18 = totals[0];
      if (totals[1] !== undefined) edits.F18 = totals[1];
      return gridFromPlan(blankPlan, edits);
    });

  it('applying any offered fix leaves fewer sum errors, and no negative amount', () => {
    fc.assert(
      fc.property(form, (sheet) => {
        const before = sumIssues(sheet);
        for (const issue of before) {
          if (!issue.fix) continue;
          const after = applyFix(sheet, issue.fix);
          const remaining = sumIssues(after);
          if (remaining.length >= before.length) throw new Error(`${JSON.stringify(issue.fix)} left ${remaining.length} of ${before.length} sum errors`);
          expect(issuesOf(after).filter((other) => other.code === 'negative_amount')).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('applying fixes one after another ends, within as many steps as there were sum errors', () => {
    fc.assert(
      fc.property(form, (start) => {
        let sheet = start;
        const limit = sumIssues(start).length;
        for (let step = 0; ; step++) {
          const next = sumIssues(sheet).find((issue) => issue.fix);
          if (!next?.fix) return;
          if (step >= limit) throw new Error(`still offering ${JSON.stringify(next.fix)} after ${step} fixes`);
          sheet = applyFix(sheet, next.fix);
        }
      }),
      { numRuns: 300 },
    );
  });
});
