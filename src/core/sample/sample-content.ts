/**
 * The content of a filled form, as plain data: what `buildLayoutPlan(..., { withSample: true })`
 * writes into the input cells, and what the tests expect to read back.
 */
import type { IndicatorExtraColumn, IndicatorPeriod } from '../templates/form-template';
import type { TemplateId } from '../templates/template';

export interface SampleTask {
  readonly name: string;
  readonly content: string;
  readonly total: number;
  readonly fiscal: number;
  /** 其他资金, in layouts whose task table has the column. */
  readonly other?: number;
}

interface SampleIndicatorCore {
  /** Written out on every row; the layout merges equal neighbours as the printed form does. */
  readonly level1: string;
  /** Empty where the row has no 二级 (the reference's 满意度 row). */
  readonly level2: string;
  readonly level3: string;
  readonly value: string;
  /** Default `annual`; the 中期 rows of a layout with 中期 and 年度 tables say `midTerm`. */
  readonly period?: IndicatorPeriod;
}

/** The sample's content of the extra columns some layouts have (指标值类型, 计量单位 …). */
export type SampleIndicator = SampleIndicatorCore & Partial<Readonly<Record<IndicatorExtraColumn, string>>>;

export interface SampleContent {
  readonly template: TemplateId;
  readonly year: number;
  /** By field id; fields not listed are blank. Amounts are numbers, in 万元. */
  readonly fields: Readonly<Record<string, string | number>>;
  readonly tasks: readonly SampleTask[];
  readonly indicators: readonly SampleIndicator[];
}
