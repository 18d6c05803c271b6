/**
 * Excel's errors mapped to the problems the pane shows. Only the codes listed here are
 * translated; any other error reaches the caller unchanged, so nothing fails quietly.
 */
import { HostError, type HostProblem } from '../host/form-host';
import { problem } from '../host/problems';

export { problem } from '../host/problems';
import { API_SET } from './api-sets';

/** The `code` of an `OfficeExtension.Error` (or anything shaped like one). */
export function excelErrorCode(error: unknown): string | null {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : null;
  }
  return null;
}


export function apiUnsupported(version: string, feature?: string): HostError {
  return new HostError(problem('api_unsupported', feature ? { set: API_SET, version, feature } : { set: API_SET, version }));
}

export interface ErrorContext {
  /** The sheet the operation was about, for protected_sheet and sheet_not_found. */
  readonly sheet?: string;
  /** The requirement set version the operation needs, for api_unsupported. */
  readonly requires?: string;
}

/** Translates Excel's error into a HostError where the pane has words for it; anything else is returned as it is. */
export function translateExcelError(error: unknown, context: ErrorContext): unknown {
  if (error instanceof HostError) return error;
  const code = excelErrorCode(error);
  switch (code) {
    case 'AccessDenied':
      return new HostError(problem('protected_sheet', context.sheet ? { sheet: context.sheet } : {}), { cause: error });
    case 'ApiNotFound':
      return new HostError(problem('api_unsupported', { set: API_SET, version: context.requires ?? '' }), { cause: error });
    case 'ItemNotFound':
      return context.sheet ? new HostError(problem('sheet_not_found', { sheet: context.sheet }), { cause: error }) : error;
    case 'InvalidOperationInCellEditMode':
      return new HostError(problem('cell_edit_mode'), { cause: error });
    default:
      return error;
  }
}

/** The problem to report for an error that happened outside a call (a live check). */
export function problemOf(error: unknown): HostProblem {
  if (error instanceof HostError) return error.problem;
  const message = error instanceof Error ? error.message : String(error);
  const code = excelErrorCode(error);
  return problem('excel_error', code ? { code, message } : { message });
}

/** `.xls` workbooks (Excel 97–2003) do not run add-ins: the user must save as `.xlsx`. */
export function isXlsDocument(url: string | null): boolean {
  if (!url) return false;
  const path = url.split(/[?#]/)[0];
  return /\.xls$/i.test(path);
}
