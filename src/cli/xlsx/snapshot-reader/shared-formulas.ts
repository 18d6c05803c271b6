/**
 * Shared formulas: Excel writes a formula filled down or across once, in its first cell
 * (`<f t="shared" ref="E5:E9" si="0">C5+D5</f>`), and the other cells only point at it
 * (`<f t="shared" si="0"/>`). Each cell's own formula is the first one with its relative
 * references moved by the cell's offset.
 */
import { columnIndex, columnLetters } from '../../../core';

const CANDIDATE = /[A-Za-z0-9_$]{2,}(\()?/g;
const CELL_REFERENCE = /^(\$?)([A-Za-z]{1,3})(\$?)([1-9][0-9]*)$/;
/** Excel's last column; longer letter runs are names, not references. */
const LAST_COLUMN = 16_384;

function slideReferences(text: string, rowOffset: number, colOffset: number): string {
  return text.replace(CANDIDATE, (candidate: string, call: string | undefined) => {
    if (call) return candidate;
    const match = CELL_REFERENCE.exec(candidate);
    if (!match) return candidate;
    const [, colFixed, letters, rowFixed, digits] = match;
    const column = columnIndex(letters) + 1;
    if (column > LAST_COLUMN) return candidate;
    const newColumn = colFixed ? column : column + colOffset;
    const newRow = rowFixed ? Number(digits) : Number(digits) + rowOffset;
    // Moved off the sheet: Excel shows #REF!, and so does the formula here.
    if (newColumn < 1 || newRow < 1) return '#REF!';
    return `${colFixed}${columnLetters(newColumn - 1)}${rowFixed}${newRow}`;
  });
}

/** The formula of a cell `rowOffset` rows and `colOffset` columns away from the shared formula's first cell. */
export function slideFormula(formula: string, rowOffset: number, colOffset: number): string {
  if (rowOffset === 0 && colOffset === 0) return formula;
  // Text in double quotes and sheet names in single quotes are not references.
  return formula
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)
    .map((part, index) => (index % 2 === 1 ? part : slideReferences(part, rowOffset, colOffset)))
    .join('');
}
