/**
 * What the department form (部门整体支出绩效目标申报表) means: its fields, sums and settings.
 * The ids are stable: the rules refer to them.
 */
import type { FormTemplate } from './form-template';

export const DEPARTMENT_TEMPLATE: FormTemplate = {
  id: 'department',
  version: 1,
  title: '部门整体支出绩效目标申报表',
  hasTaskTable: true,
  fields: [
    { id: 'unit', label: '填报单位(盖章)', aliases: ['填报单位'], kind: 'text', required: true, section: '填报单位' },
    { id: 'departmentName', label: '部门名称', kind: 'text', required: true, section: '部门名称' },
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
};
