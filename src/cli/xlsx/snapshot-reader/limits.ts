/**
 * The reader's limits. Files come from outside and may be made to hurt (docs/security.md):
 * every limit is far above what a real declaration form needs, and low enough that reading
 * any file takes bounded time and memory. Excel's own limits are the ones of its
 * specifications page ("Excel specifications and limits").
 */

const MIB = 1024 * 1024;

export const READER_LIMITS = {
  /** Bytes one part may inflate to, whatever size its entry declares. */
  partBytes: 128 * MIB,
  /** Bytes all the parts read from one file may inflate to together. */
  fileBytes: 384 * MIB,
  /** Inflated bytes per packed byte, above `ratioFloorBytes`: real parts stay far below (about 5–30). */
  compressionRatio: 200,
  /** Parts smaller than this are not held to the ratio. */
  ratioFloorBytes: 1 * MIB,
  /** Entries in the central directory. */
  entries: 100_000,
  /** Characters of text in one cell (Excel's limit); longer text is cut here. */
  cellText: 32_767,
  /** Characters of one formula (Excel's limit). */
  formulaText: 8_192,
  /** Excel's last column (XFD) and last row. */
  columns: 16_384,
  rows: 1_048_576,
  /** Strings in the shared string table. */
  sharedStrings: 4_000_000,
  /** Cells with a value or a formula, all sheets together. */
  cells: 4_000_000,
  /**
   * The rows' spans (column A to the row's last cell) together: what a pass over the grid
   * visits. Real sheets span a few million cells at most; cells scattered out to column XFD
   * on every row would make each pass over the sheet take minutes.
   */
  rowSpans: 8_000_000,
  /** Characters of formulas written out from shared formulas (`<f t="shared" si="0"/>`), all sheets together. */
  sharedFormulaText: 64_000_000,
  /** Merged areas, all sheets together. */
  merges: 50_000,
} as const;

/**
 * The file goes beyond one of the reader's limits: it is not read. A file made to exhaust
 * memory or time ends here, with the limit it crossed as the detail.
 */
export class ReaderLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReaderLimitError';
  }
}

/** Counts what one file's sheets hold against the limits, as they are read. */
export class ReadTally {
  private cells = 0;
  private rowSpans = 0;
  private merges = 0;
  private sharedFormulaText = 0;

  addCell(): void {
    if (++this.cells > READER_LIMITS.cells) throw new ReaderLimitError(`more than ${READER_LIMITS.cells} cells with values`);
  }

  addRowSpan(span: number): void {
    this.rowSpans += span;
    if (this.rowSpans > READER_LIMITS.rowSpans) throw new ReaderLimitError(`rows spanning more than ${READER_LIMITS.rowSpans} cells together`);
  }

  addSharedFormula(length: number): void {
    this.sharedFormulaText += length;
    if (this.sharedFormulaText > READER_LIMITS.sharedFormulaText) throw new ReaderLimitError(`shared formulas writing out more than ${READER_LIMITS.sharedFormulaText} characters of formulas`);
  }

  addMerge(): void {
    if (++this.merges > READER_LIMITS.merges) throw new ReaderLimitError(`more than ${READER_LIMITS.merges} merged areas`);
  }
}
