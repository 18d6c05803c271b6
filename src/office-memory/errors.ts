/**
 * Errors shaped like `OfficeExtension.Error`: the adapter tells them apart by `code`, the
 * string values of `Excel.ErrorCodes`.
 */

export const ErrorCode = {
  accessDenied: 'AccessDenied',
  apiNotFound: 'ApiNotFound',
  generalException: 'GeneralException',
  invalidArgument: 'InvalidArgument',
  invalidOperation: 'InvalidOperation',
  invalidOperationInCellEditMode: 'InvalidOperationInCellEditMode',
  invalidReference: 'InvalidReference',
  invalidSelection: 'InvalidSelection',
  itemAlreadyExists: 'ItemAlreadyExists',
  itemNotFound: 'ItemNotFound',
  propertyNotLoaded: 'PropertyNotLoaded',
  rangeExceedsLimit: 'RangeExceedsLimit',
  requestPayloadSizeLimitExceeded: 'RequestPayloadSizeLimitExceeded',
  responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
  invalidRequestContext: 'InvalidRequestContext',
  insertDeleteConflict: 'InsertDeleteConflict',
  mergedRangeConflict: 'MergedRangeConflict',
  notImplemented: 'NotImplemented',
  runMustReturnPromise: 'RunMustReturnPromise',
  valueNotLoaded: 'ValueNotLoaded',
} as const;

export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

interface MemoryDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
}

/** The error every failing call of the in-memory Excel throws; same fields as `OfficeExtension.Error`. */
export class MemoryExcelError extends Error implements Pick<OfficeExtension.Error, 'code' | 'message' | 'name' | 'traceMessages' | 'debugInfo'> {
  readonly code: ErrorCodeValue;
  readonly traceMessages: string[] = [];
  readonly debugInfo: MemoryDebugInfo;
  readonly innerError: MemoryExcelError | null = null;

  constructor(code: ErrorCodeValue, message: string, errorLocation?: string) {
    super(message);
    // Office.js errors carry this name; code that logs errors sees the same thing.
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = errorLocation === undefined ? { code, message } : { code, message, errorLocation };
  }
}

export function propertyNotLoaded(typeName: string, property: string): MemoryExcelError {
  return new MemoryExcelError(
    ErrorCode.propertyNotLoaded,
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${typeName}.${property}`,
  );
}
