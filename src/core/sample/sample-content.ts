/**
 * The content of a filled form, as plain data: what `buildLayoutPlan(..., { withSample: true })`
 * writes into the input cells, and what the tests expect to read back.
 */
import type { TemplateId } from '../templates/template';

export interface SampleTask {
  readonly name: string;
  readonly content: string;
  readonly total: number;
  readonly fiscal: number;
}

export interface SampleIndicator {
  /** Written out on every row; the layout merges equal neighbours as the printed form does. */
  readonly level1: string;
  /** Empty where the row has no 二级 (the reference's 满意度 row). */
  readonly level2: string;
  readonly level3: string;
  readonly value: string;
}

export interface SampleContent {
  readonly template: TemplateId;
  readonly year: number;
  /** By field id; fields not listed are blank. Amounts are numbers, in 万元. */
  readonly fields: Readonly<Record<string, string | number>>;
  readonly tasks: readonly SampleTask[];
  readonly indicators: readonly SampleIndicator[];
}
