/**
 * The national project form (财预〔2015〕88号 附件, used as it is in Hubei and elsewhere):
 * 项目支出绩效目标申报表, with the 中期 (the whole project period) and 年度 (the budget year)
 * funds, goals and indicator sets side by side: 中期 on the left half, 年度 on the right. It has no review row and no
 * 填报人 block, so none is required.
 */
import { indicatorTable } from './common-blocks';
import { defineTemplate, type IndicatorColumnKey, type TableColumnDecl } from './form-template';

const FUNDS = '项目资金（万元）';

/** 一级 | 二级 | 三级 | 指标值: the 中期 half of the indicator table, and the 年度 half beside it. */
const INDICATOR_COLUMNS: readonly TableColumnDecl<IndicatorColumnKey>[] = [
  { key: 'level1', heading: '一级指标' },
  { key: 'level2', heading: '二级指标' },
  { key: 'level3', heading: '三级指标' },
  { key: 'value', heading: '指标值' },
];

export const NATIONAL_PROJECT_TEMPLATE = defineTemplate({
  id: 'national-project',
  kind: 'project',
  version: 1,
  title: '项目支出绩效目标申报表',
  titleAliases: ['项目支出绩效目标表'],
  hasTaskTable: false,
  fields: [
    { id: 'projectName', label: '项目名称', kind: 'text', required: true, section: '项目名称' },
    { id: 'department', label: '主管部门及代码', aliases: ['主管部门'], kind: 'text', required: true, section: '项目名称' },
    { id: 'implementer', label: '实施单位', kind: 'text', required: true, section: '项目名称' },
    { id: 'projectType', label: '项目属性', kind: 'text', required: false, section: '项目名称' },
    { id: 'projectPeriod', label: '项目期', aliases: ['项目起止时间'], kind: 'text', required: false, section: '项目名称' },
    { id: 'midTermTotalFunds', label: '中期资金总额', kind: 'amount', required: false, section: FUNDS },
    // 中期 and 年度 each have 其中：财政拨款 and 其他资金: the first of each is the 中期 one.
    { id: 'midTermFiscalFunds', label: '财政拨款', kind: 'amount', required: false, section: FUNDS },
    { id: 'midTermOtherFunds', label: '其他资金', kind: 'amount', required: false, section: FUNDS },
    { id: 'totalFunds', label: '年度资金总额', kind: 'amount', required: true, section: FUNDS },
    { id: 'fiscalFunds', label: '财政拨款', occurrence: 2, kind: 'amount', required: false, section: FUNDS },
    { id: 'otherFunds', label: '其他资金', occurrence: 2, kind: 'amount', required: false, section: FUNDS },
    { id: 'midTermGoal', label: '中期目标', kind: 'longText', required: false, section: '总体目标' },
    { id: 'annualGoal', label: '年度目标', kind: 'longText', required: true, section: '总体目标' },
  ],
  sums: [
    {
      id: 'midTermFunds',
      whole: { kind: 'field', field: 'midTermTotalFunds' },
      parts: [
        { kind: 'field', field: 'midTermFiscalFunds' },
        { kind: 'field', field: 'midTermOtherFunds' },
      ],
      when: 'anyPartFilled',
    },
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
  // 成本 is a 二级 of 产出 in the 2015 framework, but the national form does not ask for it.
  settings: { sumTolerance: 0.005, expectCostIndicator: false, checkOptionalSums: true },
  layout: {
    sheetName: '项目支出绩效目标',
    // A section labels | B C D E the 中期 half | F G H I the 年度 half: the funds, the goals and
    // the indicators each print 中期 left and 年度 right, as the original; one A4 page wide.
    columnWidths: [10, 8, 10, 14, 10, 8, 10, 14, 10],
    blocks: [
      {
        kind: 'rows',
        rows: [
          { cells: [{ kind: 'title', span: 9, text: '项目支出绩效目标申报表' }], height: 32 },
          { cells: [{ kind: 'subtitle', span: 9, text: '（{year}年度）' }], height: 22 },
          { cells: [{ kind: 'label', text: '项目名称' }, { kind: 'input', span: 8, field: 'projectName' }], height: 24 },
          {
            cells: [
              { kind: 'label', text: '主管部门及代码' },
              { kind: 'input', span: 4, field: 'department' },
              { kind: 'label', text: '实施单位' },
              { kind: 'input', span: 3, field: 'implementer' },
            ],
            height: 30,
          },
          {
            cells: [
              { kind: 'label', text: '项目属性' },
              { kind: 'input', span: 4, field: 'projectType' },
              { kind: 'label', text: '项目期' },
              { kind: 'input', span: 3, field: 'projectPeriod' },
            ],
            height: 24,
          },
        ],
      },
      {
        kind: 'rows',
        section: '项目资金\n（万元）',
        rows: [
          {
            cells: [
              { kind: 'label', span: 2, text: '中期资金总额' },
              { kind: 'input', span: 2, field: 'midTermTotalFunds' },
              { kind: 'label', span: 2, text: '年度资金总额' },
              { kind: 'input', span: 2, field: 'totalFunds' },
            ],
          },
          {
            cells: [
              { kind: 'label', span: 2, text: '其中：财政拨款' },
              { kind: 'input', span: 2, field: 'midTermFiscalFunds' },
              { kind: 'label', span: 2, text: '其中：财政拨款' },
              { kind: 'input', span: 2, field: 'fiscalFunds' },
            ],
          },
          {
            cells: [
              { kind: 'label', span: 2, text: '其他资金' },
              { kind: 'input', span: 2, field: 'midTermOtherFunds' },
              { kind: 'label', span: 2, text: '其他资金' },
              { kind: 'input', span: 2, field: 'otherFunds' },
            ],
          },
        ],
      },
      {
        kind: 'rows',
        section: '总体目标',
        rows: [
          { cells: [{ kind: 'label', span: 4, text: '中期目标' }, { kind: 'label', span: 4, text: '年度目标' }] },
          { cells: [{ kind: 'input', span: 4, field: 'midTermGoal' }, { kind: 'input', span: 4, field: 'annualGoal' }], height: 80 },
        ],
      },
      indicatorTable('绩效指标', {
        period: 'midTerm',
        heading: '中期绩效指标',
        columns: INDICATOR_COLUMNS,
        beside: { period: 'annual', heading: '年度绩效指标', columns: INDICATOR_COLUMNS },
        terminator: null,
      }),
    ],
  },
});
