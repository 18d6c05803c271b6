/**
 * The budget year of each template's built-in sample: the reference forms are of 2022, and their
 * 填表日期 (2022年1月5日) fits only that budget year; the other layouts' samples are of the years
 * their content names. Apart from the samples, so that a front end
 * can propose the year without loading the sample's content.
 */
import type { TemplateId } from '../templates/template';

export const SAMPLE_YEARS: Readonly<Record<TemplateId, number>> = {
  department: 2022,
  project: 2022,
  'national-project': 2024,
  'hunan-department': 2023,
  'hunan-project': 2023,
};
