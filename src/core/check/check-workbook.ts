/** The check of a whole workbook: find the forms by their labels, then check them. */
import type { WorkbookSnapshot } from '../grid/grid';
import { extractForms } from '../extract';
import { checkForms } from './check-forms';
import type { CheckOptions, WorkbookCheckResult } from './types';

export { checkForms, sortIssues } from './check-forms';

/** Finds the forms in a workbook and checks them. */
export function checkWorkbook(workbook: WorkbookSnapshot, options: CheckOptions = {}): WorkbookCheckResult {
  const { forms, otherSheets } = extractForms(workbook);
  return { forms: checkForms(forms, options), otherSheets };
}
