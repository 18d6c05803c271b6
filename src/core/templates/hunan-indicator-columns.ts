/**
 * The indicator table of Hunan's 预算管理一体化 exports: besides 一级 | 二级 | 三级 | 指标值, the
 * value's type (定量/定性) and unit, its explanation, how it is scored, and a remark. Required
 * headings carry a leading `*`, as exported.
 */
import type { IndicatorColumnKey, TableColumnDecl } from './form-template';

export function hunanIndicatorColumns(options: { readonly withStandard: boolean }): readonly TableColumnDecl<IndicatorColumnKey>[] {
  return [
    { key: 'level1', heading: '一级指标' },
    { key: 'level2', heading: '二级指标' },
    { key: 'level3', heading: '三级指标' },
    { key: 'valueKind', heading: '*指标值类型' },
    { key: 'value', heading: '*指标值', aliases: ['指标值及单位'] },
    { key: 'unit', heading: '计量单位' },
    ...(options.withStandard ? [{ key: 'standard', heading: '绩效标准' } as const] : []),
    { key: 'explanation', heading: '指标解释' },
    { key: 'scoring', heading: '评(扣)分标准' },
    { key: 'remark', heading: '备注' },
  ];
}
