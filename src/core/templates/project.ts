/**
 * What the project form (项目绩效目标申报表) means: its fields, sums and settings.
 * The ids are stable: the rules refer to them.
 */
import type { FormTemplate } from './form-template';

export const PROJECT_TEMPLATE: FormTemplate = {
  id: 'project',
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
};
