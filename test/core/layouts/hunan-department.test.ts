/**
 * Hunan's 预算管理一体化 department form (整体绩效目标表), filled for a municipal statistics
 * bureau: the year inside the title, no funding block, no task table, no 填报人 block.
 */
import { expectIssues } from '../../helpers/expect-issues';
import { setCells } from '../../helpers/grid-from-plan';
import { checkSheet, editTexts, fieldTable, filledLayout, readOnly, roundTrip } from './layout-harness';

const { grid, year } = filledLayout('hunan-department');

describe('the Hunan department form, filled', () => {
  it('is read as the Hunan layout, its year from inside the title', () => {
    const form = readOnly(grid);
    expect(form).toMatchObject({ template: 'hunan-department', year: 2023, titleCell: 'A1', tasks: [] });
    expect(fieldTable(form)).toEqual({
      departmentName: ['B3', '岳阳市统计局'],
      functions: ['B4', expect.stringContaining('贯彻执行国家统计法律法规')],
      overallGoal: ['B5', expect.stringContaining('第五次全国经济普查')],
    });
  });

  it('reads its indicator rows with 指标值类型 and 计量单位', () => {
    const form = readOnly(grid);
    expect(form.indicators).toHaveLength(7);
    expect(form.indicators.map((row) => [row.valueKind?.value, row.value.value, row.unit?.value])).toContainEqual(['定量', '≤1', '%']);
    expect(form.indicators.every((row) => row.standard === undefined)).toBe(true);
  });

  it('checks clean: the fields the layout does not have are not missing', () => {
    expectIssues(checkSheet(grid, year).forms[0], []);
    expectIssues(checkSheet(setCells(grid, { B4: '  ' }), year).forms[0], ['required_missing@B4']);
  });

  it('is read under the other titles of its family, with or without the year', () => {
    for (const title of ['整体绩效目标表', '部门整体绩效目标表', '2024年度部门（单位）整体绩效目标表']) {
      const retitled = editTexts(grid, (text) => (text.endsWith('整体绩效目标表') ? title : text));
      expect(readOnly(retitled).template).toBe('hunan-department');
    }
  });

  it('reads the same from the exported .xlsx', async () => {
    const fromFile = readOnly(await roundTrip('hunan-department'));
    expect(fieldTable(fromFile)).toEqual(fieldTable(readOnly(grid)));
    expect(fromFile.indicators).toEqual(readOnly(grid).indicators);
  });
});
