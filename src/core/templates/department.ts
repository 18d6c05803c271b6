/**
 * The department form (部门整体支出绩效目标申报表): its fields, sums and settings (the ids are
 * stable: the rules refer to them) and its layout, in the order of the reference form.
 */
import { indicatorTable, reviewAndFooter } from './common-blocks';
import { defineTemplate } from './form-template';

export const DEPARTMENT_TEMPLATE = defineTemplate({
  id: 'department',
  kind: 'department',
  version: 1,
  title: '部门整体支出绩效目标申报表',
  // The national department form (部门（单位）整体支出绩效目标申报表) has the same blocks, and a
  // 其他资金 column in the task table, read where a form has it.
  titleAliases: ['部门(单位)整体支出绩效目标申报表'],
  hasTaskTable: true,
  fields: [
    { id: 'unit', label: '填报单位(盖章)', aliases: ['填报单位'], kind: 'text', required: true, section: '填报单位' },
    { id: 'departmentName', label: '部门名称', aliases: ['部门(单位)名称'], kind: 'text', required: true, section: '部门名称' },
    { id: 'totalFunds', label: '资金总额', kind: 'amount', required: true, section: '年度预算申请（万元）' },
    { id: 'publicFinance', label: '公共财政拨款', kind: 'amount', required: false, section: '年度预算申请（万元）' },
    { id: 'governmentFund', label: '政府性基金拨款', kind: 'amount', required: false, section: '年度预算申请（万元）' },
    { id: 'specialAccountNonTax', label: '纳入专户管理的非税收入拨款', kind: 'amount', required: false, section: '年度预算申请（万元）' },
    { id: 'otherFunds', label: '其他资金', kind: 'amount', required: false, section: '年度预算申请（万元）' },
    { id: 'basicExpenditure', label: '基本支出', kind: 'amount', required: false, section: '年度预算申请（万元）' },
    { id: 'projectExpenditure', label: '项目支出', kind: 'amount', required: false, section: '年度预算申请（万元）' },
    { id: 'functions', label: '部门职能职责概述', kind: 'longText', required: true, section: '部门职能职责概述' },
    { id: 'overallGoal', label: '年度总体目标', kind: 'longText', required: true, section: '年度总体目标' },
    { id: 'preparer', label: '填表人', aliases: ['填报人'], kind: 'text', required: true, section: '填表信息' },
    { id: 'phone', label: '联系电话', kind: 'phone', required: true, section: '填表信息' },
    { id: 'fillDate', label: '填表日期', aliases: ['填报日期'], kind: 'date', required: true, section: '填表信息' },
  ],
  sums: [
    {
      id: 'fundsByIncome',
      whole: { kind: 'field', field: 'totalFunds' },
      parts: [
        { kind: 'field', field: 'publicFinance' },
        { kind: 'field', field: 'governmentFund' },
        { kind: 'field', field: 'specialAccountNonTax' },
        { kind: 'field', field: 'otherFunds' },
      ],
      when: 'anyPartFilled',
    },
    {
      id: 'fundsByExpenditure',
      whole: { kind: 'field', field: 'totalFunds' },
      parts: [
        { kind: 'field', field: 'basicExpenditure' },
        { kind: 'field', field: 'projectExpenditure' },
      ],
      when: 'anyPartFilled',
    },
    { id: 'taskTotal', whole: { kind: 'taskTotal', column: 'total' }, parts: [{ kind: 'taskColumn', column: 'total' }], when: 'always' },
    { id: 'taskFiscal', whole: { kind: 'taskTotal', column: 'fiscal' }, parts: [{ kind: 'taskColumn', column: 'fiscal' }], when: 'always' },
    // The national form's 其他资金 column, on the forms that have it (see the task table).
    { id: 'taskOther', whole: { kind: 'taskTotal', column: 'other' }, parts: [{ kind: 'taskColumn', column: 'other' }], when: 'always' },
    {
      id: 'taskRowFunds',
      each: 'taskRow',
      whole: { kind: 'taskCell', column: 'total' },
      parts: [
        { kind: 'taskCell', column: 'fiscal' },
        { kind: 'taskCell', column: 'other' },
      ],
      when: 'anyPartFilled',
    },
    // 金额合计 = 项目支出 holds in the Hunan forms (38.87 in the reference), not everywhere.
    {
      id: 'projectExpenditureTasks',
      whole: { kind: 'field', field: 'projectExpenditure' },
      parts: [{ kind: 'taskTotal', column: 'total' }],
      when: 'always',
      optional: true,
    },
  ],
  settings: { sumTolerance: 0.005, expectCostIndicator: true, checkOptionalSums: true },
  layout: {
    sheetName: '部门整体支出绩效目标',
    // A section labels | B | C | D | E | F: about 90 units, one A4 page wide at 100%.
    columnWidths: [12, 14, 16, 22, 12, 14],
    blocks: [
      {
        kind: 'rows',
        rows: [
          { cells: [{ kind: 'title', span: 6, text: '部门整体支出绩效目标申报表' }], height: 32 },
          { cells: [{ kind: 'subtitle', span: 6, text: '({year} 年度)' }], height: 22 },
          { cells: [{ kind: 'label', text: '填报单位(盖章)' }, { kind: 'input', span: 5, field: 'unit' }], height: 30 },
          { cells: [{ kind: 'label', text: '部门名称' }, { kind: 'input', span: 5, field: 'departmentName' }], height: 24 },
        ],
      },
      {
        kind: 'rows',
        section: '年度预算申请\n（万元）',
        rows: [
          { cells: [{ kind: 'label', span: 2, text: '资金总额' }, { kind: 'input', span: 3, field: 'totalFunds' }] },
          { cells: [{ kind: 'header', span: 3, text: '按收入性质分' }, { kind: 'header', span: 2, text: '按支出性质分' }] },
          {
            cells: [
              { kind: 'label', span: 2, text: '公共财政拨款' },
              { kind: 'input', field: 'publicFinance' },
              { kind: 'label', text: '基本支出' },
              { kind: 'input', field: 'basicExpenditure' },
            ],
          },
          {
            cells: [
              { kind: 'label', span: 2, text: '政府性基金拨款' },
              { kind: 'input', field: 'governmentFund' },
              { kind: 'label', text: '项目支出' },
              { kind: 'input', field: 'projectExpenditure' },
            ],
          },
          { cells: [{ kind: 'label', span: 2, text: '纳入专户管理的非税收入拨款' }, { kind: 'input', field: 'specialAccountNonTax' }, { kind: 'blank', span: 2 }] },
          { cells: [{ kind: 'label', span: 2, text: '其他资金' }, { kind: 'input', field: 'otherFunds' }, { kind: 'blank', span: 2 }] },
        ],
      },
      {
        kind: 'rows',
        rows: [{ cells: [{ kind: 'label', text: '部门职能职责概述' }, { kind: 'input', span: 5, field: 'functions' }], height: 120 }],
      },
      {
        kind: 'taskTable',
        section: '年度主要任务',
        columns: [
          { key: 'name', heading: '任务名称' },
          { key: 'content', heading: '主要内容', span: 2 },
          { key: 'total', heading: '总额', group: '预算金额（万元）' },
          { key: 'fiscal', heading: '财政拨款', group: '预算金额（万元）' },
          // The national department form prints 其他资金 after 财政拨款; the reference has no such column.
          { key: 'other', heading: '其他资金', group: '预算金额（万元）', readIfPresent: true },
        ],
        defaultRows: 4,
        totalLabel: '金额合计',
      },
      {
        kind: 'rows',
        rows: [{ cells: [{ kind: 'label', text: '年度总体目标' }, { kind: 'input', span: 5, field: 'overallGoal' }], height: 48 }],
      },
      indicatorTable('部门整体支出年度绩效指标'),
      reviewAndFooter({ preparer: '填表人', date: '填表日期' }),
    ],
  },
});
