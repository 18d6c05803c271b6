/**
 * What a failing call into the object model throws. WPS, like Excel's automation interface,
 * fails the call itself (an exception in the caller's code), so the fake throws at once too; the
 * code names the kind of refusal so tests and the adapter tell them apart without parsing text.
 */

export const WpsErrorCode = {
  /** `Sheets.Item` of a missing name or index, `FormatConditions.Item` out of range. */
  itemNotFound: 'ItemNotFound',
  /** A malformed reference (`Range("A0")`), a bad argument value. */
  invalidArgument: 'InvalidArgument',
  /** A sheet name already used, or one WPS refuses (empty, too long, `[]:*?/\`). */
  invalidName: 'InvalidName',
  /** A write to a protected sheet ("Worksheet.Protect method (Excel)"). */
  sheetProtected: 'SheetProtected',
  /** A change that would cut a merged area, or a Validation.Add over cells that already have one. */
  invalidOperation: 'InvalidOperation',
  /** Event handlers calling back into writes that raise events, without end. */
  outOfStackSpace: 'OutOfStackSpace',
} as const;

export type WpsErrorCodeValue = (typeof WpsErrorCode)[keyof typeof WpsErrorCode];

export class WpsMemoryError extends Error {
  constructor(
    readonly code: WpsErrorCodeValue,
    message: string,
  ) {
    super(message);
    this.name = 'WpsMemoryError';
  }
}
