import fc from 'fast-check';
import { checkForms } from '../../../src/core/check/check-forms';
import type { ExtractedForm, FieldValue } from '../../../src/core/forms/form-data';
import type { CellScalar } from '../../../src/core/grid/grid';
import { formatIssue } from '../../../src/core/messages';
import { ISSUE_CATALOG } from '../../../src/core/rules/catalog';
import { TEMPLATE_IDS } from '../../../src/core/templates/template';
import { getTemplate } from '../../../src/core/templates';
import { INDICATOR_FRAMEWORK } from '../../../src/core/indicators/framework';
import { buildRuleContext } from '../../../src/core/rules/context';
import { sumMismatchRule } from '../../../src/core/rules/sums/sum-rules';
import { buildForm, referenceInput, withFields } from './form-builder';
import { checkCodes, TODAY } from './check-helpers';

const frameworkNames = INDICATOR_FRAMEWORK.flatMap((level1) => [level1.name, ...level1.synonyms, ...level1.children.flatMap((child) => [child.name, ...child.synonyms])]);

const scalar: fc.Arbitrary<CellScalar> = fc.oneof(
  fc.constant(null),
  fc.string(),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constantFrom('#REF!', '#N/A', '-', '无', '180.61万元', '1806100元', '2022年1月5日', '8866810', '<p>x</p>', '105%', '38.87万元', '１８０．６１', '定量', '定性', '%', '≥38.87万元', '2', '合格率', '数量指标', 388700, ...frameworkNames),
);
const cell = fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 200 })).map(([col, row]) => `${String.fromCharCode(65 + (col % 26))}${row}`);
const fieldValue: fc.Arbitrary<FieldValue> = fc.record({ cell, value: scalar });

const randomForm: fc.Arbitrary<ExtractedForm> = fc.constantFrom(...TEMPLATE_IDS).chain((template) =>
  fc.record({
    template: fc.constant(template),
    sheet: fc.string(),
    year: fc.oneof(fc.constant(null), fc.integer({ min: -5, max: 10000 })),
    titleCell: cell,
    fields: fc.record(Object.fromEntries(getTemplate(template).fields.map((spec) => [spec.id, fc.option(fieldValue, { nil: undefined })]))),
    tasks: fc.array(fc.record({ row: fc.nat(), name: fieldValue, content: fieldValue, total: fieldValue, fiscal: fieldValue }), { maxLength: 6 }),
    taskTotal: fc.option(fc.record({ labelCell: cell, total: fieldValue, fiscal: fieldValue }), { nil: undefined }),
    indicators: fc.array(
      fc.record(
        { row: fc.nat(), level1: fieldValue, level2: fieldValue, level3: fieldValue, value: fieldValue, valueKind: fieldValue, unit: fieldValue },
        { requiredKeys: ['row', 'level1', 'level2', 'level3', 'value'] },
      ),
      { maxLength: 8 },
    ),
    indicatorHeaderCell: fc.option(cell, { nil: undefined }),
  }),
);

const DEPARTMENT = getTemplate('department');

/** An amount of whole cents, 0 to 1 亿元 in 万元. */
const cents = fc.integer({ min: 0, max: 1_000_000_00 });

describe('properties of the check', () => {
  it('never throws on any form, and reports only catalogued codes and severities, each with a cell and a message', () => {
    fc.assert(
      fc.property(fc.array(randomForm, { minLength: 1, maxLength: 3 }), fc.date({ noInvalidDate: true }), (forms, today) => {
        for (const result of checkForms(forms, { today })) {
          for (const issue of result.issues) {
            const severities: readonly string[] = ISSUE_CATALOG[issue.code].severities;
            if (!severities.includes(issue.severity)) throw new Error(`${issue.code} reported as ${issue.severity}`);
            if (issue.cells.length === 0) throw new Error(`${issue.code} names no cell`);
            for (const text of [formatIssue(issue, 'zh-CN'), formatIssue(issue, 'en-US')]) {
              if (/undefined|\[object/.test(text)) throw new Error(`bad message: ${text}`);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives the indicator table the same verdicts whatever the order of its rows, when every row writes its 一级 and 二级', () => {
    const level2s = INDICATOR_FRAMEWORK.flatMap((level1) => level1.children.map((child) => [level1.name, child.name] as const));
    const row = fc.record({
      names: fc.constantFrom(...level2s, ['', '数量指标'] as const, ['效益指标', '社会公众或服务对象满意度指标'] as const, ['效益指标', '进度指标'] as const),
      level3: fc.constantFrom(null, '举办活动', '验收合格率', '数量指标', '满意度', '成本节约率'),
      value: fc.constantFrom(null, '1次', '2', '1', '≥90%', '≥38.87万元', '按月安排', '明显提升', '28.8万元'),
      valueKind: fc.constantFrom(undefined, '定量', '定性'),
      unit: fc.constantFrom(undefined, '', '%', '次', '万元'),
    });
    // Repeated names on every row (as systems export them) keep one cell per row, so no merge depends on the order.
    type Row = typeof row extends fc.Arbitrary<infer T> ? T : never;
    // A trailing space on every other 一级 (names compare trimmed) keeps neighbours from merging in the form builder.
    const input = (rows: readonly Row[]) =>
      rows.map((r, index) => ({ level1: r.names[0] ? `${r.names[0]}${' '.repeat(index % 2)}` : '', level2: r.names[1], level3: r.level3, value: r.value, valueKind: r.valueKind, unit: r.unit }));
    const verdict = (rows: ReturnType<typeof input>): string[] =>
      checkForms([buildForm({ ...referenceInput('project'), indicators: rows })], { today: TODAY })[0].issues.map((issue) => `${issue.code}/${issue.cells.length}`).sort();
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 12 }), fc.integer(), (rows, seed) => {
        const shuffled = fc.sample(fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }), { numRuns: 1, seed })[0];
        expect(verdict(input(shuffled))).toEqual(verdict(input(rows)));
      }),
      { numRuns: 200 },
    );
  });

  it('gives a sum the same verdict whatever the order of its parts', () => {
    fc.assert(
      fc.property(fc.array(cents, { minLength: 1, maxLength: 12 }), fc.integer({ min: -3, max: 3 }), fc.integer(), (parts, offset, seed) => {
        const total = parts.reduce((sum, part) => sum + part, 0) + offset;
        const tasks = parts.map((part, index) => ({ name: `任务${index}`, content: '内容', total: part / 100, fiscal: part / 100 }));
        const shuffled = fc.sample(fc.shuffledSubarray(tasks, { minLength: tasks.length, maxLength: tasks.length }), { numRuns: 1, seed })[0];
        const verdict = (rows: typeof tasks): boolean =>
          checkCodes(buildForm({ template: 'department', tasks: rows, taskTotal: { total: total / 100, fiscal: total / 100 } }), ['sum_mismatch']).some(
            (issue) => issue.cells[0] === `D${21 + rows.length}`,
          );
        expect(verdict(shuffled)).toBe(verdict(tasks));
        expect(verdict(tasks)).toBe(offset !== 0);
      }),
      { numRuns: 200 },
    );
  });

  it('never gives a false sum_mismatch on 10,000 lists of 2-decimal amounts with their exact total (floats!)', () => {
    let floatSumsThatDiffer = 0;
    fc.assert(
      fc.property(fc.array(cents, { minLength: 1, maxLength: 8 }), fc.boolean(), (parts, summedAsFloats) => {
        const amounts = parts.map((part) => part / 100);
        const exact = parts.reduce((sum, part) => sum + part, 0) / 100;
        const floatSum = amounts.reduce((sum, amount) => sum + amount, 0);
        if (floatSum !== exact) floatSumsThatDiffer += 1;
        // The whole as typed (the exact total) or as Excel's SUM computes it (a float sum).
        const whole = summedAsFloats ? floatSum : exact;
        const tasks = amounts.map((amount, index) => ({ name: `任务${index}`, content: '内容', total: amount, fiscal: amount }));
        const form = buildForm({ template: 'department', tasks, taskTotal: { total: whole, fiscal: whole } });
        const issues = [...sumMismatchRule.check(form, buildRuleContext(form, DEPARTMENT, { today: TODAY }))];
        if (issues.length > 0) throw new Error(`false sum_mismatch: ${JSON.stringify(issues[0].params)}`);
      }),
      { numRuns: 10_000 },
    );
    // The property is only worth something if floats really do go wrong on these inputs.
    expect(floatSumsThatDiffer).toBeGreaterThan(100);
  });

  it('reads a bad amount typed as text and offers the number as the fix', () => {
    const spellings = (text: string): fc.Arbitrary<string> =>
      fc.constantFrom(
        `${text}万元`,
        ` ${text} `,
        `${text} 万元`,
        text.replace(/[0-9.]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)),
        text.replace(/^(\d+)(\d{3})\./, '$1,$2.'),
        text.replace(/^(\d+)(\d{3})\./, '$1，$2.'),
      );
    fc.assert(
      fc.property(
        cents.chain((amount) => fc.tuple(fc.constant(amount), spellings((amount / 100).toFixed(2)))),
        ([amount, typed]) => {
          const form = buildForm(withFields(referenceInput('project'), { totalFunds: typed }));
          const issues = checkCodes(form, ['not_a_number', 'unit_mismatch']);
          expect(issues.map((issue) => issue.code)).toEqual(['not_a_number']);
          expect(issues[0].fix).toEqual({ cell: 'C5', value: amount / 100 });
        },
      ),
      { numRuns: 500 },
    );
  });

  // Speed is measured by `npm run bench`; this holds what the check says at that size.
  it('checks a form with 10,000 indicator rows and 100 tasks', () => {
    const rows = Array.from({ length: 10_000 }, (_, index) => ({
      level1: index % 3 === 0 ? '产出指标' : index % 3 === 1 ? '效益指标' : '满意度指标',
      level2: index % 3 === 0 ? '数量指标' : index % 3 === 1 ? '社会效益指标' : '服务对象满意度指标',
      level3: `指标${index}`,
      value: index % 7 === 0 ? '略有提升，99.99万元' : `${index}次，满意度95%`,
    }));
    const tasks = Array.from({ length: 100 }, (_, index) => ({ name: `任务${index}`, content: '内容', total: 0.01, fiscal: 0.01 }));
    const form = buildForm({ ...referenceInput('department'), tasks, indicators: rows });
    const [result] = checkForms([{ ...form }], { today: TODAY });
    const codes = new Set(result.issues.map((issue) => issue.code));
    // 100 tasks of 0.01 sum to 1.00, not the reference's 38.87 项目支出; every seventh value states an amount no field holds.
    expect(codes).toContain('sum_mismatch');
    expect(codes).toContain('amount_mismatch_in_text');
  });
});
