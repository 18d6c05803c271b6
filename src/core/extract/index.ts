/** Finding forms on sheets by their labels, and reading them. */
export { extractForms, extractSheet, showsFormTitle } from './extract-forms';
export type { WorkbookExtraction } from './extract-forms';
