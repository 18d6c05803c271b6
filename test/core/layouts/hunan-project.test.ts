/**
 * Hunan's 预算管理一体化 project form (项目支出绩效目标表), filled for a county's rural road
 * safety project: 年度本级预算金额 and 该项目支出上级资金, and the system's indicator columns.
 */
import { expectIssues } from '../../helpers/expect-issues';
import { setCells } from '../../helpers/grid-from-plan';
import { checkSheet, editTexts, fieldTable, filledLayout, readOnly, roundTrip } from './layout-harness';

const { grid, year } = filledLayout('hunan-project');

describe('the Hunan project form, filled', () => {
  it('is read as the Hunan layout, its starred labels folded', () => {
    const form = readOnly(grid);
    expect(form).toMatchObject({ template: 'hunan-project', year: 2023 });
    expect(fieldTable(form)).toEqual({
      projectName: ['B4', '农村公路安全生命防护工程'],
      budgetUnit: ['B5', '湘潭县交通运输局'],
      totalFunds: ['B6', 320.5],
      superiorFunds: ['H6', 150],
      periodGoal: ['B7', expect.stringContaining('2023—2025年')],
      annualGoal: ['B8', expect.stringContaining('整治120公里')],
    });
  });

  it('reads the extra columns into the indicator rows: 指标值类型, 计量单位, 绩效标准, 指标解释, 评(扣)分标准, 备注', () => {
    const form = readOnly(grid);
    expect(form.indicators).toHaveLength(8);
    expect(form.indicators[0]).toMatchObject({
      level3: { cell: 'D10', value: '整治隐患路段里程' },
      valueKind: { cell: 'E10', value: '定量' },
      value: { cell: 'F10', value: '≥120' },
      unit: { cell: 'G10', value: '公里' },
      standard: { cell: 'H10', value: '计划标准' },
      explanation: { value: '年度内完成整治的县乡道隐患路段里程' },
      scoring: { value: '完成得满分，每少10公里扣1分' },
      remark: { cell: 'K10', value: null },
    });
    expect(form.indicators.find((row) => row.valueKind?.value === '定性')?.level3.value).toBe('工程完工时间');
  });

  it('checks clean, with no 填报人 asked for; a blank 本年度绩效目标 is required', () => {
    expectIssues(checkSheet(grid, year).forms[0], []);
    expectIssues(checkSheet(setCells(grid, { B8: null }), year).forms[0], ['required_missing@B8']);
  });

  it('reads the headings in another order and spelling (指标内容, 指标值及单位), and 一级/二级 repeated on every row', () => {
    const swapped = editTexts(grid, (text) => ({ 三级指标: '指标内容', '*指标值': '指标值及单位' })[text] ?? text);
    const form = readOnly({ ...swapped, merges: [] });
    expect(form.indicators.map((row) => row.level3.value)).toEqual(readOnly(grid).indicators.map((row) => row.level3.value));
    expect(form.indicators[1]).toMatchObject({ level1: { value: '产出指标' }, level2: { value: '数量指标' }, value: { value: '≥45' } });
  });

  it('reads a system export without its title, by its labels alone', () => {
    const untitled = editTexts(grid, (text) => (text === '项目支出绩效目标表' || text.includes('年度）') ? null : text));
    const form = readOnly(untitled);
    expect(form.template).toBe('hunan-project');
    expect(form.fields.totalFunds?.value).toBe(320.5);
    expect(form.indicators).toHaveLength(8);
  });

  it('reads labels typed with spaces, colons and full-width brackets', () => {
    const typed = editTexts(grid, (text) => ({ '*项目支出名称': '＊项目支出 名称：', 年度本级预算金额: '年度本级预算金额（万元）' })[text] ?? text);
    expect(fieldTable(readOnly(typed))).toMatchObject({ projectName: ['B4', '农村公路安全生命防护工程'], totalFunds: ['B6', 320.5] });
  });

  it('reads the same from the exported .xlsx', async () => {
    const fromFile = readOnly(await roundTrip('hunan-project'));
    expect(fieldTable(fromFile)).toEqual(fieldTable(readOnly(grid)));
    expect(fromFile.indicators).toEqual(readOnly(grid).indicators);
  });
});
