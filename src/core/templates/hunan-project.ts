/**
 * Hunan's 预算管理一体化 project form (项目支出绩效目标表, 2023 on): the project's name and
 * department, this level's budget and the funds from above, the targets of the whole period and
 * of the year, and the system's indicator table with 绩效标准 (计划/行业/历史标准). No 填报人 block.
 */
import { indicatorTable } from './common-blocks';
import { defineTemplate } from './form-template';
import { hunanIndicatorColumns } from './hunan-indicator-columns';

const FUNDS = '项目资金（万元）';

export const HUNAN_PROJECT_TEMPLATE = defineTemplate({
  id: 'hunan-project',
  kind: 'project',
  version: 1,
  title: '项目支出绩效目标表',
  hasTaskTable: false,
  fields: [
    { id: 'projectName', label: '*项目支出名称', aliases: ['项目名称'], kind: 'text', required: true, section: '项目名称' },
    { id: 'budgetUnit', label: '*预算部门', aliases: ['预算单位'], kind: 'text', required: true, section: '项目名称' },
    { id: 'totalFunds', label: '年度本级预算金额', aliases: ['本级预算金额'], kind: 'amount', required: true, section: FUNDS },
    { id: 'superiorFunds', label: '该项目支出上级资金', aliases: ['上级资金'], kind: 'amount', required: false, section: FUNDS },
    { id: 'periodGoal', label: '实施期绩效目标', aliases: ['实施期目标'], kind: 'longText', required: false, section: '总体目标' },
    { id: 'annualGoal', label: '*本年度绩效目标', aliases: ['年度绩效目标', '年度目标'], kind: 'longText', required: true, section: '总体目标' },
  ],
  // The two amounts are separate sources, not a total and its parts.
  sums: [],
  settings: { sumTolerance: 0.005, expectCostIndicator: true, checkOptionalSums: true },
  layout: {
    sheetName: '项目支出绩效目标',
    orientation: 'landscape',
    // A labels | 一级 二级 三级 类型 指标值 单位 绩效标准 解释 评(扣)分 备注: one A4 page wide, landscape.
    columnWidths: [12, 10, 12, 20, 8, 13, 8, 10, 16, 16, 8],
    blocks: [
      {
        kind: 'rows',
        rows: [
          { cells: [{ kind: 'title', span: 11, text: '项目支出绩效目标表' }], height: 32 },
          { cells: [{ kind: 'subtitle', span: 11, text: '（{year}年度）' }], height: 22 },
          { cells: [{ kind: 'note', span: 11, text: '金额单位：万元' }], height: 20 },
          { cells: [{ kind: 'label', text: '*项目支出名称' }, { kind: 'input', span: 10, field: 'projectName' }], height: 24 },
          { cells: [{ kind: 'label', text: '*预算部门' }, { kind: 'input', span: 10, field: 'budgetUnit' }], height: 24 },
          {
            cells: [
              { kind: 'label', text: '年度本级预算金额' },
              { kind: 'input', span: 4, field: 'totalFunds' },
              { kind: 'label', span: 2, text: '该项目支出上级资金' },
              { kind: 'input', span: 4, field: 'superiorFunds' },
            ],
            height: 30,
          },
          { cells: [{ kind: 'label', text: '实施期绩效目标' }, { kind: 'input', span: 10, field: 'periodGoal' }], height: 60 },
          { cells: [{ kind: 'label', text: '*本年度绩效目标' }, { kind: 'input', span: 10, field: 'annualGoal' }], height: 60 },
        ],
      },
      indicatorTable('绩效指标', { terminator: null, columns: hunanIndicatorColumns({ withStandard: true }) }),
    ],
  },
});
