/**
 * What the WPS host needs only when the user changes a form through it — inserting one, adding
 * a row — and not to show the pane or check the workbook: loaded on first use, a chunk of its
 * own, as the Excel adapter's (src/excel/edits.ts).
 */
export { buildLayoutPlan, planToSnapshot } from '../core';
export { indicatorRowTarget, rowEdits, taskRowTarget } from '../host/row-targets';
export { uniqueSheetName } from '../host/plan-areas';
export { insertLayout } from './wps-layout';
export { insertRow } from './wps-rows';
