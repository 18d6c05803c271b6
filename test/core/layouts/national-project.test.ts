/**
 * The national project form (财预〔2015〕88号 附件): 中期 and 年度 funds, goals and indicator
 * sets side by side (中期 on the left half, 年度 on the right, on shared rows), filled for a
 * three-year rural water supply project.
 */
import { sheetFromValues } from '../../../src/core/grid/grid';
import { expectIssues } from '../../helpers/expect-issues';
import { buildLayoutPlan } from '../../../src/core/layout/build-layout-plan';
import { gridFromPlan, setCells } from '../../helpers/grid-from-plan';
import { checkSheet, editTexts, fieldTable, filledLayout, readOnly, roundTrip } from './layout-harness';

const { grid, plan, year } = filledLayout('national-project');

describe('the national project form, filled', () => {
  it('is read as the national layout, with its 中期 and 年度 funds and goals', () => {
    const form = readOnly(grid);
    expect(form).toMatchObject({ template: 'national-project', year: 2024, titleCell: 'A1' });
    expect(fieldTable(form)).toMatchObject({
      projectName: ['B3', '农村饮水安全巩固提升工程'],
      implementer: ['G4', '通山县农村饮水安全管理站'],
      midTermTotalFunds: ['D6', 1260],
      midTermFiscalFunds: ['D7', 1080],
      totalFunds: ['H6', 456.5],
      fiscalFunds: ['H7', 396.5],
      otherFunds: ['H8', 60],
      midTermGoal: ['B10', expect.stringContaining('到2026年底')],
      annualGoal: ['F10', expect.stringContaining('2024年完成')],
    });
  });

  it('reads both indicator sets, the 中期 rows marked as such', () => {
    const form = readOnly(grid);
    const midTerm = form.indicators.filter((row) => row.period === 'midTerm');
    const annual = form.indicators.filter((row) => row.period === undefined);
    expect(midTerm).toHaveLength(6);
    expect(annual).toHaveLength(7);
    expect(midTerm[0]).toMatchObject({ level1: { cell: 'B13', value: '产出指标' }, level2: { value: '数量指标' }, level3: { cell: 'D13', value: '改造供水管网长度' }, value: { cell: 'E13', value: '≥260公里' } });
    expect(annual[0]).toMatchObject({ level1: { cell: 'F13', value: '产出指标' }, level3: { cell: 'H13', value: '改造供水管网长度' }, value: { cell: 'I13', value: '≥86公里' } });
    // 新建净水设施 shares its 一级 and 二级 with the row above through the merges of its own half.
    expect(annual[1]).toMatchObject({ level1: { cell: 'F13', value: '产出指标' }, level2: { cell: 'G13', value: '数量指标' }, level3: { value: '新建净水设施' } });
    // The two sets share rows: 效益 starts on row 16 on the left and row 17 on the right.
    expect(midTerm.map((row) => row.row + 1)).toEqual([13, 14, 15, 16, 17, 18]);
    expect(annual.map((row) => row.row + 1)).toEqual([13, 14, 15, 16, 17, 18, 19]);
    expect(midTerm[3].level1.cell).toBe('B16');
    expect(annual[4].level1.cell).toBe('F17');
  });

  it('checks clean, and a 年度 breakdown that does not add up is a sum error on 年度资金总额', () => {
    expectIssues(checkSheet(grid, year).forms[0], []);
    const wrong = setCells(grid, { H8: 70 });
    expectIssues(checkSheet(wrong, year).forms[0], ['sum_mismatch@H6']);
  });

  it.each<[string, Record<string, string | null>, readonly string[]]>([
    // Each set is judged apart: a 年度 issue names the right half, a 中期 one the left.
    ['a 年度 value without its number', { I13: '若干' }, ['indicator_unquantified@I13']],
    ['a 中期 三级 without its value', { E14: null }, ['indicator_value_missing@E14']],
    ['the 中期 满意度 row emptied, while the 年度 one stays', { B18: null, C18: null, D18: null, E18: null }, ['indicator_missing@B12']],
  ])('judges each half on its own: %s', (_case, edits, expected) => {
    expectIssues(checkSheet(setCells(grid, edits), year).forms[0], expected);
  });

  it('prints the two sets side by side: a heading over each half, 一级 | 二级 | 三级 | 指标值 twice on one row', () => {
    const row = (r: number) => plan.cells.filter((c) => c.row === r - 1 && c.value !== undefined).map((c) => c.value);
    expect(row(11).sort()).toEqual(['中期绩效指标', '年度绩效指标', '绩效指标'].sort());
    expect(row(12)).toEqual(['一级指标', '二级指标', '三级指标', '指标值', '一级指标', '二级指标', '三级指标', '指标值']);
    // Each half merges its own 一级 and 二级 runs; the shorter 中期 half keeps a blank, bordered row below its own.
    expect(plan.merges).toEqual(
      expect.arrayContaining([
        { top: 10, left: 1, bottom: 10, right: 4 },
        { top: 10, left: 5, bottom: 10, right: 8 },
        { top: 12, left: 1, bottom: 14, right: 1 },
        { top: 12, left: 5, bottom: 15, right: 5 },
      ]),
    );
    expect(plan.cells.filter((c) => c.row === 18 && c.col >= 1 && c.col <= 4).map((c) => [c.style, c.value])).toEqual([
      ['input', undefined],
      ['input', undefined],
      ['input', undefined],
      ['input', undefined],
    ]);
  });

  it('validates each half on its own columns, and prints one A4 page wide with both heading rows on every page', () => {
    const lists = plan.validations.filter((v) => v.rule.kind === 'list').map((v) => [v.range.left, v.range.top, v.range.bottom]);
    expect(lists).toEqual([
      [1, 12, 18],
      [2, 12, 18],
      [5, 12, 18],
      [6, 12, 18],
    ]);
    expect(plan.print).toMatchObject({ paperSize: 'A4', orientation: 'portrait', fitToPagesWide: 1, titleRows: { first: 10, last: 11 } });
    expect(plan.columnWidths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(100);
  });

  it('has no 填报人 block, and none is asked for', () => {
    const form = readOnly(grid);
    expect(Object.keys(form.fields)).not.toContain('preparer');
  });

  it('is read under its other title, 项目支出绩效目标表, by its labels', () => {
    const retitled = editTexts(grid, (text) => (text === '项目支出绩效目标申报表' ? '项目支出绩效目标表' : text));
    expect(readOnly(retitled).template).toBe('national-project');
  });

  it('reads a blank inserted form as the layout, each half with the usual groups', () => {
    const blank = readOnly(gridFromPlan(buildLayoutPlan('national-project', { year, withSample: false })));
    expect(blank.template).toBe('national-project');
    expect(blank.indicators.filter((r) => r.period === 'midTerm').map((r) => r.level2.cell)).toEqual(['C13', 'C14', 'C15', 'C16', 'C17', 'C18', 'C19']);
    expect(blank.indicators.filter((r) => r.period === undefined).map((r) => r.level2.cell)).toEqual(['G13', 'G14', 'G15', 'G16', 'G17', 'G18', 'G19']);
  });

  it('reads 中期 and 年度 printed side by side, sharing the 一级 column, typed by hand without merges', () => {
    const sheet = sheetFromValues('湖北', [
      ['项目支出绩效目标申报表'],
      ['（2024年度）'],
      ['项目名称', '乡镇卫生院能力提升'],
      ['主管部门及代码', '咸宁市卫生健康委员会 301', null, '实施单位', '咸宁市卫生健康委员会'],
      ['项目资金（万元）', '中期资金总额：', 600, null, '年度资金总额：', 200],
      [null, '其中：财政拨款', 600, null, '其中：财政拨款', 200],
      ['总体目标', '中期目标（2024年－2026年）', null, null, '年度目标'],
      [null, '完成12家卫生院设备更新', null, null, '完成4家卫生院设备更新'],
      ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值', '二级指标', '三级指标', '指标值'],
      [null, '产出指标', '数量指标', '更新设备卫生院', '12家', '数量指标', '更新设备卫生院', '4家'],
      [null, null, '时效指标', '完成时间', '2026年底前', '时效指标', '完成时间', '2024年底前'],
      [null, '效益指标', '社会效益指标', '基层首诊率', '≥65%', null, null, null],
      [null, '满意度指标', '服务对象满意度指标', '患者满意度', '≥90%', '服务对象满意度指标', '患者满意度', '≥90%'],
    ]);
    const form = readOnly(sheet);
    expect(form.template).toBe('national-project');
    expect(fieldTable(form)).toMatchObject({ midTermTotalFunds: ['C5', 600], totalFunds: ['F5', 200], fiscalFunds: ['F6', 200], annualGoal: ['E8', '完成4家卫生院设备更新'] });
    const rows = (period: 'midTerm' | undefined) => form.indicators.filter((r) => r.period === period).map((r) => [r.level1.value, r.level2.value, r.level3.value, r.value.value]);
    expect(rows('midTerm')).toEqual([
      ['产出指标', '数量指标', '更新设备卫生院', '12家'],
      ['产出指标', '时效指标', '完成时间', '2026年底前'],
      ['效益指标', '社会效益指标', '基层首诊率', '≥65%'],
      ['满意度指标', '服务对象满意度指标', '患者满意度', '≥90%'],
    ]);
    expect(rows(undefined)).toEqual([
      ['产出指标', '数量指标', '更新设备卫生院', '4家'],
      ['产出指标', '时效指标', '完成时间', '2024年底前'],
      ['满意度指标', '服务对象满意度指标', '患者满意度', '≥90%'],
    ]);
  });

  it('reads the same from the exported .xlsx', async () => {
    const fromFile = readOnly(await roundTrip('national-project'));
    const inserted = readOnly(grid);
    expect(fieldTable(fromFile)).toEqual(fieldTable(inserted));
    expect(fromFile.indicators).toEqual(inserted.indicators);
  });
});
