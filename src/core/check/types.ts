import type { ExtractedForm } from '../forms/form-data';
import type { Issue } from '../issues/issue';
import type { TemplateSettings } from '../templates/template';

export interface CheckOptions {
  /** "Today", for date_out_of_range's "in the future". Defaults to the current date. */
  readonly today?: Date;
  /** Overrides of the templates' settings. */
  readonly settings?: Partial<TemplateSettings>;
}

export interface FormCheckResult {
  readonly form: ExtractedForm;
  /** Sorted by severity (errors first), then by cell position. */
  readonly issues: readonly Issue[];
}

export interface WorkbookCheckResult {
  readonly forms: readonly FormCheckResult[];
  /** Sheets that hold no recognisable form. */
  readonly otherSheets: readonly string[];
}
