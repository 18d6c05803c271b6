/**
 * Row heights for wrapped text, estimated from the text alone so that the layout does not
 * depend on the fonts installed: a CJK character is about 2 of Excel's character units wide,
 * other characters about 1.
 */

/** Excel's largest row height, in points. */
export const MAX_ROW_HEIGHT = 409;

/** Width of text in Excel character units. */
export function textUnits(text: string): number {
  let units = 0;
  for (const ch of text) units += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return units;
}

/** Lines the text takes in a cell `widthUnits` wide, counting explicit line breaks. */
export function wrappedLines(text: string, widthUnits: number): number {
  const usable = Math.max(1, widthUnits - 1);
  let lines = 0;
  for (const paragraph of text.split('\n')) lines += Math.max(1, Math.ceil(textUnits(paragraph) / usable));
  return lines;
}

/** Points for the text at `fontSize`, with a little padding; capped at Excel's maximum. */
export function estimateRowHeight(text: string, widthUnits: number, fontSize: number): number {
  const lineHeight = Math.ceil(fontSize * 1.35);
  return Math.min(MAX_ROW_HEIGHT, wrappedLines(text, widthUnits * (11 / fontSize)) * lineHeight + 6);
}
