/**
 * The calm new form: issues about cells not reached yet wait as "to fill" until their section
 * holds something the user wrote, or the full check before submitting is asked for; sums and
 * formats show at once; a sum colours only its cell to change.
 */
import { highlightPlan, triageIssues } from '../../../src/core/check/attention';
import { checkWorkbook } from '../../../src/core/check/check-workbook';
import type { SheetSnapshot } from '../../../src/core/grid/grid';
import { buildLayoutPlan } from '../../../src/core/layout/build-layout-plan';
import { gridFromPlan, type CellEdit } from '../../helpers/grid-from-plan';
import { issueKeys } from '../../helpers/expect-issues';

const TODAY = new Date(2026, 0, 10);
const blankPlan = buildLayoutPlan('department', { year: 2026, withSample: false });

function resultOf(edits: Record<string, CellEdit> = {}) {
  const sheet: SheetSnapshot = gridFromPlan(blankPlan, edits);
  return checkWorkbook({ sheets: [sheet] }, { today: TODAY });
}

describe('a calm new form', () => {
  it('opens with 11 errors, all of them “to fill”, none shown', () => {
    const [form] = resultOf().forms;
    expect(form.issues.filter((issue) => issue.severity === 'error')).toHaveLength(11);
    const { shown, toFill } = triageIssues(form, { fullCheck: false });
    expect(shown).toEqual([]);
    expect(toFill).toHaveLength(11);
    expect(highlightPlan(resultOf(), { fullCheck: false }).forms[0].issues).toEqual([]);
  });

  it('shows what is missing in a section once the user writes in it, and only there', () => {
    // 填表人 written: 联系电话 and 填表日期 of the same section are now errors; 部门名称 still waits.
    const [form] = resultOf({ B29: '张三' }).forms;
    const preparer = form.form.fields.preparer?.cell;
    expect(preparer).toBe('B29');
    const { shown, toFill } = triageIssues(form, { fullCheck: false });
    const phone = form.form.fields.phone?.cell ?? '';
    const date = form.form.fields.fillDate?.cell ?? '';
    expect(issueKeys(shown).sort()).toEqual([`required_missing@${phone}`, `required_missing@${date}`].sort());
    expect(issueKeys(toFill)).toContain(`required_missing@${form.form.fields.departmentName?.cell}`);
  });

  it('shows sum and format errors at once, even in a section not otherwise reached', () => {
    const [form] = resultOf({ D5: 180.61, F8: 38.87 }).forms;
    const { shown } = triageIssues(form, { fullCheck: false });
    expect(shown.map((issue) => issue.code)).toContain('sum_mismatch');
  });

  it('shows everything after the full check before submitting', () => {
    const [form] = resultOf().forms;
    const { shown, toFill } = triageIssues(form, { fullCheck: true });
    expect(shown).toHaveLength(form.issues.length);
    expect(toFill).toEqual([]);
    expect(highlightPlan(resultOf(), { fullCheck: true }).forms[0].issues).toHaveLength(form.issues.length);
  });

  it('colours a sum’s cell to change only; the other cells stay in the issue', () => {
    const edits = { D5: 180.61, D7: 180.61, F7: 141.74, F8: 38.87, B14: '会务', C14: '会议', E14: 20, F14: 20, B15: '宣传', C15: '宣传', E15: 28.87, F15: 18.87 };
    const result = resultOf(edits);
    const sum = result.forms[0].issues.find((issue) => issue.code === 'sum_mismatch');
    expect(sum?.cells.length).toBeGreaterThan(1);
    const planned = highlightPlan(result, { fullCheck: false }).forms[0].issues.find((issue) => issue.code === 'sum_mismatch');
    expect(planned?.cells).toEqual(['E15']);
  });
});
