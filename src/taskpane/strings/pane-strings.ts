/**
 * Every string the pane shows of its own (issue messages come from core's `formatIssue`).
 * Both languages implement this interface, so a missing key fails to compile.
 */
import type { HostProblemCode } from '../../host/form-host';

export interface PaneStrings {
  readonly appTitle: string;
  readonly insertHeading: string;
  readonly templateLabel: string;
  readonly templateGroupLabel: string;
  readonly yearLabel: string;
  readonly yearHint: string;
  readonly yearMissing: string;
  readonly yearInvalid: (min: number, max: number) => string;
  readonly insertAnother: string;
  /** Under the row actions: the form they act on. */
  readonly actsOn: (label: string) => string;
  readonly withSampleLabel: string;
  readonly insertButton: string;
  readonly inserting: string;
  readonly insertedInto: (sheet: string) => string;
  readonly summaryHeading: string;
  readonly checking: string;
  readonly noFormsYet: string;
  readonly noErrors: string;
  readonly noErrorsDetail: string;
  readonly errorCount: (count: number) => string;
  readonly warningCount: (count: number) => string;
  readonly summaryLive: (errors: number, warnings: number, forms: number, toFill: number) => string;
  readonly toFillCount: (count: number) => string;
  readonly toFillLabel: string;
  readonly toFillHeading: (count: number) => string;
  readonly toFillHint: string;
  readonly checkBeforeSubmit: string;
  readonly checkBeforeSubmitDone: string;
  readonly formHeading: (title: string, sheet: string, year: number | null) => string;
  readonly issuesHeading: string;
  readonly issueListLabel: (formTitle: string) => string;
  readonly severityError: string;
  readonly severityWarning: string;
  readonly cellLabel: (sheet: string, cell: string) => string;
  readonly goToCell: (sheet: string, cell: string) => string;
  readonly fixButton: string;
  readonly fixButtonLabel: (value: string, cell: string) => string;
  readonly fixApplied: (cell: string) => string;
  readonly sectionOther: string;
  readonly sectionTasks: string;
  readonly sectionIndicators: string;
  readonly sectionWorkbook: string;
  /** English names of the template's section headings; zh-CN shows them as they are. */
  readonly sectionNames: Readonly<Record<string, string>>;
  readonly actionsHeading: string;
  readonly addRowsHeading: string;
  readonly targetFormLabel: string;
  readonly addTaskRow: string;
  readonly addTaskRowOnlyDepartment: string;
  readonly level1Label: string;
  readonly level2Label: string;
  readonly level2None: string;
  readonly addIndicatorRow: string;
  readonly clearHighlights: string;
  readonly liveCheckingLabel: string;
  readonly liveCheckingOn: string;
  readonly liveCheckingOff: string;
  readonly recheck: string;
  readonly rowAdded: string;
  readonly highlightsCleared: string;
  readonly dismiss: string;
  readonly problemTitle: string;
  readonly problems: Readonly<Record<HostProblemCode, (params: Readonly<Record<string, string | number>>) => string>>;
  readonly unexpectedError: (detail: string) => string;
  readonly crashTitle: string;
  readonly crashBody: string;
  readonly reload: string;
}
