/**
 * The one door between the task pane and Excel. The pane receives a `FormHost` and never
 * touches `Excel` or `Office`; the add-in implements it over Office.js, the preview over
 * the in-memory Excel through the very same code.
 */
import type { WorkbookCheckResult, IssueFix, TemplateId } from '../core';

export interface InsertOptions {
  readonly template: TemplateId;
  readonly year: number;
  /** Fill the reference content (2022 衡阳市侨联). */
  readonly withSample: boolean;
}

export interface HostCapabilities {
  /** False where the host lacks an API set that inserting needs; `reason` says which. */
  readonly canInsert: boolean;
  readonly liveChecking: boolean;
  /** Highlights over multi-area ranges (ExcelApi 1.9); the fallback is documented in the adapter. */
  readonly multiAreaHighlights: boolean;
  readonly reasons: readonly HostProblem[];
}

export type HostProblemCode =
  | 'protected_sheet'
  | 'api_unsupported'
  | 'xls_file'
  | 'cell_edit_mode'
  | 'sheet_not_found'
  | 'not_a_form'
  | 'sheet_unreadable'
  | 'excel_error'
  /** WPS Spreadsheets reported an error (the WPS host). */
  | 'wps_error'
  /** No workbook is open (WPS opens the add-in's pane without one). */
  | 'no_workbook';

/** A problem the pane shows as a message; params fill the message. */
export interface HostProblem {
  readonly code: HostProblemCode;
  readonly params: Readonly<Record<string, string | number>>;
}

/** Thrown by host methods; the pane shows `problem`. */
export class HostError extends Error {
  readonly problem: HostProblem;
  constructor(problem: HostProblem, options?: { cause?: unknown }) {
    super(`${problem.code}: ${JSON.stringify(problem.params)}`, options);
    this.name = 'HostError';
    this.problem = problem;
  }
}

export interface InsertResult {
  readonly sheet: string;
}

export interface CheckUpdate {
  /** Increases with each check; a listener may ignore an update older than one it has. */
  readonly sequence: number;
  readonly result: WorkbookCheckResult;
  /** After `checkBeforeSubmit`: every issue shows, none waits as "to fill" (see core/check/attention.ts). */
  readonly fullCheck?: boolean;
}

export interface FormHost {
  capabilities(): HostCapabilities;
  /** Office's display language, `zh-CN` or `en-US` style. */
  displayLanguage(): string;
  /** Whether Office shows a dark theme. */
  prefersDark(): boolean;
  /** Starts listening to the workbook: cleans leftover highlights, finds forms, runs a first check. */
  start(): Promise<void>;
  insert(options: InsertOptions): Promise<InsertResult>;
  /** Activates the sheet and selects the cell. */
  select(sheet: string, cell: string): Promise<void>;
  applyFix(sheet: string, fix: IssueFix): Promise<void>;
  addTaskRow(sheet: string): Promise<void>;
  /** Adds an indicator row at the end of the group `level1`/`level2` (level2 null: the 一级 alone). */
  addIndicatorRow(sheet: string, level1: string, level2: string | null): Promise<void>;
  clearHighlights(): Promise<void>;
  setLiveChecking(enabled: boolean): Promise<void>;
  /** Checks the whole workbook now. */
  recheck(): Promise<void>;
  /** The check before submitting: checks now, and from then on shows and highlights every issue, "to fill" ones included. */
  checkBeforeSubmit(): Promise<void>;
  onCheck(listener: (update: CheckUpdate) => void): () => void;
  /** The sheet the user activates (the row actions follow it); from ExcelApi 1.7, as the live check. */
  onActiveSheet(listener: (sheet: string) => void): () => void;
  /** Problems that arise outside a call (a live check that failed, a protected sheet). */
  onProblem(listener: (problem: HostProblem) => void): () => void;
}
