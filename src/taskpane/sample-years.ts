/**
 * The year of each template's built-in sample, for the insert panel's year field.
 * The samples themselves (src/core/sample) are needed only when a form is inserted, which the
 * adapter does; keeping their year here spares the pane's first script the whole sample.
 * test/taskpane/sample-years.test.ts holds these years equal to the samples'.
 */
import type { TemplateId } from '../core';

export const SAMPLE_YEARS: Readonly<Record<TemplateId, number>> = {
  department: 2022,
  project: 2022,
  'national-project': 2024,
  'hunan-department': 2023,
  'hunan-project': 2023,
};
