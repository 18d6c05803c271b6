/**
 * Cell error values. A cell showing `#DIV/0!` holds the error `xlErrDiv0` (2007, "Cell Error
 * Values"); through automation an error is a VT_ERROR whose code is 0x800A0000 plus that number,
 * which a script receives as a signed 32-bit number: `Value2` of a `#DIV/0!` cell reads
 * -2146826281 ("Dealing with CVErr Values in .NET – Part I: The Problem"). The XlCVError numbers
 * are the ones the WPS declarations list (`EtXlCVError`).
 */

export type CellErrorText = '#NULL!' | '#DIV/0!' | '#VALUE!' | '#REF!' | '#NAME?' | '#NUM!' | '#N/A';

/** XlCVError: the number `CVErr` takes for each error a cell can show. */
export const XL_CV_ERROR: Readonly<Record<CellErrorText, number>> = {
  '#NULL!': 2000,
  '#DIV/0!': 2007,
  '#VALUE!': 2015,
  '#REF!': 2023,
  '#NAME?': 2029,
  '#NUM!': 2036,
  '#N/A': 2042,
};

const FACILITY_CONTROL = 0x800a0000;

/** The number `Value2` gives for an error cell: -2146826281 for `#DIV/0!`. */
export function cvErrCode(error: CellErrorText): number {
  return (FACILITY_CONTROL + XL_CV_ERROR[error]) | 0;
}

const BY_CODE = new Map<number, CellErrorText>(Object.keys(XL_CV_ERROR).map((text) => [cvErrCode(text as CellErrorText), text as CellErrorText]));

/** The error a `Value2` number stands for, or null for an ordinary number. */
export function cellErrorOfCode(code: number): CellErrorText | null {
  return BY_CODE.get(code) ?? null;
}

export function isCellErrorText(text: string): text is CellErrorText {
  return Object.prototype.hasOwnProperty.call(XL_CV_ERROR, text);
}
