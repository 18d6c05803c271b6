/**
 * Hunan's 预算管理一体化 department form (整体绩效目标表, 2023 on): the year inside the title,
 * the department's duties and overall goal, and the system's indicator table with its extra
 * columns. No funding block, no task table, no 填报人 block: none is required.
 */
import { indicatorTable } from './common-blocks';
import { defineTemplate } from './form-template';
import { hunanIndicatorColumns } from './hunan-indicator-columns';

export const HUNAN_DEPARTMENT_TEMPLATE = defineTemplate({
  id: 'hunan-department',
  kind: 'department',
  version: 1,
  title: '整体绩效目标表',
  titleAliases: ['部门整体绩效目标表', '部门(单位)整体绩效目标表'],
  hasTaskTable: false,
  fields: [
    { id: 'departmentName', label: '部门(单位)名称', aliases: ['单位名称', '部门名称', '预算部门'], kind: 'text', required: true, section: '部门名称' },
    { id: 'functions', label: '*部门(单位)职责', aliases: ['部门职责', '部门职能职责概述'], kind: 'longText', required: true, section: '部门职责' },
    { id: 'overallGoal', label: '*年度总体绩效目标', aliases: ['年度总体目标', '年度绩效目标'], kind: 'longText', required: true, section: '年度总体目标' },
  ],
  sums: [],
  settings: { sumTolerance: 0.005, expectCostIndicator: true, checkOptionalSums: true },
  layout: {
    sheetName: '整体绩效目标',
    orientation: 'landscape',
    // A labels | 一级 二级 三级 类型 指标值 单位 解释 评(扣)分 备注: one A4 page wide, landscape.
    columnWidths: [12, 10, 12, 22, 8, 14, 8, 18, 18, 8],
    blocks: [
      {
        kind: 'rows',
        rows: [
          { cells: [{ kind: 'title', span: 10, text: '{year}年度整体绩效目标表' }], height: 32 },
          { cells: [{ kind: 'note', span: 10, text: '金额单位：万元' }], height: 20 },
          { cells: [{ kind: 'label', text: '部门(单位)名称' }, { kind: 'input', span: 9, field: 'departmentName' }], height: 24 },
          { cells: [{ kind: 'label', text: '*部门(单位)职责' }, { kind: 'input', span: 9, field: 'functions' }], height: 90 },
          { cells: [{ kind: 'label', text: '*年度总体绩效目标' }, { kind: 'input', span: 9, field: 'overallGoal' }], height: 60 },
        ],
      },
      indicatorTable('年度绩效指标', { terminator: null, columns: hunanIndicatorColumns({ withStandard: false }) }),
    ],
  },
});
