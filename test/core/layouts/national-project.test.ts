/**
 * The national project form (财预〔2015〕88号 附件): 中期 and 年度 funds, goals and indicator
 * sets, filled for a three-year rural water supply project.
 */
import { sheetFromValues } from '../../../src/core/grid/grid';
import { expectIssues } from '../../helpers/expect-issues';
import { setCells } from '../../helpers/grid-from-plan';
import { checkSheet, editTexts, fieldTable, filledLayout, readOnly, roundTrip } from './layout-harness';

const { grid, year } = filledLayout('national-project');

describe('the national project form, filled', () => {
  it('is read as the national layout, with its 中期 and 年度 funds and goals', () => {
    const form = readOnly(grid);
    expect(form).toMatchObject({ template: 'national-project', year: 2024, titleCell: 'A1' });
    expect(fieldTable(form)).toMatchObject({
      projectName: ['B3', '农村饮水安全巩固提升工程'],
      implementer: ['E4', '通山县农村饮水安全管理站'],
      midTermTotalFunds: ['C6', 1260],
      midTermFiscalFunds: ['C7', 1080],
      totalFunds: ['F6', 456.5],
      fiscalFunds: ['F7', 396.5],
      otherFunds: ['F8', 60],
      midTermGoal: ['B10', expect.stringContaining('到2026年底')],
      annualGoal: ['E10', expect.stringContaining('2024年完成')],
    });
  });

  it('reads both indicator sets, the 中期 rows marked as such', () => {
    const form = readOnly(grid);
    const midTerm = form.indicators.filter((row) => row.period === 'midTerm');
    const annual = form.indicators.filter((row) => row.period === undefined);
    expect(midTerm).toHaveLength(6);
    expect(annual).toHaveLength(7);
    expect(midTerm[0]).toMatchObject({ level1: { value: '产出指标' }, level2: { value: '数量指标' }, level3: { value: '改造供水管网长度' }, value: { value: '≥260公里' } });
    // 新建净水设施 shares its 一级 and 二级 with the row above through the merges.
    expect(annual[1]).toMatchObject({ level1: { value: '产出指标' }, level2: { value: '数量指标' }, level3: { value: '新建净水设施' } });
  });

  it('checks clean, and a 年度 breakdown that does not add up is a sum error on 年度资金总额', () => {
    expectIssues(checkSheet(grid, year).forms[0], []);
    const wrong = setCells(grid, { F8: 70 });
    expectIssues(checkSheet(wrong, year).forms[0], ['sum_mismatch@F6']);
  });

  it('has no 填报人 block, and none is asked for', () => {
    const form = readOnly(grid);
    expect(Object.keys(form.fields)).not.toContain('preparer');
  });

  it('is read under its other title, 项目支出绩效目标表, by its labels', () => {
    const retitled = editTexts(grid, (text) => (text === '项目支出绩效目标申报表' ? '项目支出绩效目标表' : text));
    expect(readOnly(retitled).template).toBe('national-project');
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
