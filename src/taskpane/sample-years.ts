/**
 * The year of each template's built-in sample, for the insert panel's year field. Declared in
 * core beside the samples (src/core/sample/sample-years.ts), apart from their content, which the
 * pane's first script does without.
 */
export { SAMPLE_YEARS } from '../core';
