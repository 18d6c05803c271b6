/**
 * What the add-in needs only when the user changes a form through it — inserting one, adding a
 * row, applying a quick fix — and not to show the pane or check the workbook. The host loads it
 * on first use (a chunk of its own), so the pane appears without it.
 */
export { buildLayoutPlan, planToSnapshot } from '../core';
export { queueRowFormatRead, queueRowInsert } from './add-rows';
export { indicatorRowTarget, taskRowTarget } from '../host/row-targets';
export { queueFix } from './apply-fix';
export { PayloadBudget, queueLayout, uniqueSheetName } from './apply-layout';
