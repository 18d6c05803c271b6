/**
 * The project form (项目绩效目标申报表): its fields, sums and settings (the ids are stable:
 * the rules refer to them) and its layout, in the order of the reference form.
 */
import { indicatorTable, reviewAndFooter } from './common-blocks';
import { defineTemplate } from './form-template';

export const PROJECT_TEMPLATE = defineTemplate({
  id: 'project',
  kind: 'project',
  version: 1,
  title: '项目绩效目标申报表',
  hasTaskTable: false,
  fields: [
    { id: 'unit', label: '填报单位(盖章)', aliases: ['填报单位'], kind: 'text', required: true, section: '填报单位' },
    { id: 'projectName', label: '项目名称', kind: 'text', required: true, section: '项目名称' },
    { id: 'budgetUnit', label: '预算单位', kind: 'text', required: true, section: '预算单位' },
    { id: 'totalFunds', label: '资金总额', kind: 'amount', required: true, section: '项目资金（万元）' },
    { id: 'fiscalFunds', label: '财政拨款', kind: 'amount', required: false, section: '项目资金（万元）' },
    { id: 'otherFunds', label: '其他资金', kind: 'amount', required: false, section: '项目资金（万元）' },
    { id: 'annualGoal', label: '年度目标', kind: 'longText', required: true, section: '总体目标' },
    { id: 'preparer', label: '填报人', aliases: ['填表人'], kind: 'text', required: true, section: '填表信息' },
    { id: 'phone', label: '联系电话', kind: 'phone', required: true, section: '填表信息' },
    { id: 'fillDate', label: '填报日期', aliases: ['填表日期'], kind: 'date', required: true, section: '填表信息' },
  ],
  sums: [
    {
      id: 'projectFunds',
      whole: { kind: 'field', field: 'totalFunds' },
      parts: [
        { kind: 'field', field: 'fiscalFunds' },
        { kind: 'field', field: 'otherFunds' },
      ],
      when: 'anyPartFilled',
    },
  ],
  // Both reference forms have 成本指标.
  settings: { sumTolerance: 0.005, expectCostIndicator: true, checkOptionalSums: true },
  layout: {
    sheetName: '项目绩效目标',
    // The same columns as the department form, so both print alike.
    columnWidths: [12, 14, 16, 22, 12, 14],
    blocks: [
      {
        kind: 'rows',
        rows: [
          { cells: [{ kind: 'title', span: 6, text: '项目绩效目标申报表' }], height: 32 },
          { cells: [{ kind: 'subtitle', span: 6, text: '({year} 年度)' }], height: 22 },
          { cells: [{ kind: 'label', text: '填报单位(盖章)' }, { kind: 'input', span: 3, field: 'unit' }, { kind: 'note', span: 2, text: '金额单位：万元' }], height: 30 },
          { cells: [{ kind: 'label', text: '项目名称' }, { kind: 'input', span: 5, field: 'projectName' }], height: 24 },
          { cells: [{ kind: 'label', text: '预算单位' }, { kind: 'input', span: 5, field: 'budgetUnit' }], height: 24 },
        ],
      },
      {
        kind: 'rows',
        section: '项目资金\n（万元）',
        rows: [
          { cells: [{ kind: 'label', span: 2, text: '资金总额' }, { kind: 'input', span: 3, field: 'totalFunds' }] },
          { cells: [{ kind: 'label', span: 2, text: '其中：财政拨款' }, { kind: 'input', span: 3, field: 'fiscalFunds' }] },
          { cells: [{ kind: 'label', span: 2, text: '其他资金' }, { kind: 'input', span: 3, field: 'otherFunds' }] },
        ],
      },
      {
        kind: 'rows',
        section: '总体目标',
        rows: [
          { cells: [{ kind: 'label', span: 5, text: '年度目标' }] },
          { cells: [{ kind: 'input', span: 5, field: 'annualGoal' }], height: 60 },
        ],
      },
      indicatorTable('绩效指标'),
      reviewAndFooter({ preparer: '填报人', date: '填报日期' }),
    ],
  },
});
