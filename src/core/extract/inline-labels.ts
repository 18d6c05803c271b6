/**
 * Labels that carry their value in the same cell, as forms typed by hand (and the reference's
 * own text) write them: `资金总额: 180.61 万元`, `填报单位(盖章): 市侨联`, or several in one cell:
 * `其中: 公共财政拨款: 180.61 万元 政府性基金拨款: 纳入专户管理的非税收入拨款: 其他资金:`,
 * or with only spaces after the label: `填报单位(盖章) 衡阳市归国华侨联合会`.
 * A cell counts only when it starts with a label and a colon, so a paragraph that mentions
 * `联系电话：…` in passing is not taken for the field.
 */
import { foldWidth } from '../text/normalize';
import { labelKey } from './label-key';
import { TEMPLATE_KEYS } from './template-keys';

export interface InlineLabel {
  readonly key: string;
  /** The text after the colon up to the next label, trimmed as typed; null when there is none. */
  readonly value: string | null;
}

/** Any character of a label may be followed by spaces (`部 门 名 称：`). */
function spacedOut(label: string): string {
  return [...label].map((ch) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*');
}

// Longest first, so that 公共财政拨款 is not read as 财政拨款.
const FIELD_LABELS = [...new Set(TEMPLATE_KEYS.flatMap((t) => t.fields.flatMap((f) => f.keys)))].sort((a, b) => b.length - a.length);
/** What a label may carry that its key drops (see `labelKey`): `(盖章)`, a unit. */
const DECORATION = '(\\s*[(\\[]\\s*(?:盖\\s*章|万\\s*元|元)\\s*[)\\]])?';
const LABEL_THEN_COLON = new RegExp(`\\*?(${FIELD_LABELS.map(spacedOut).join('|')})${DECORATION}\\s*:`, 'gu');
const LABEL_THEN_SPACE = new RegExp(`^(${FIELD_LABELS.map(spacedOut).join('|')})${DECORATION}\\s+\\S`, 'u');
const LEADING = /^\s*\**\s*(?:其\s*中\s*:?\s*)?/u;

export function inlineLabels(text: string): InlineLabel[] {
  // foldWidth keeps every position (one character for one), so positions in `folded` are positions in `text`.
  const folded = foldWidth(text);
  const start = LEADING.exec(folded)?.[0].length ?? 0;
  const matches = [...folded.slice(start).matchAll(LABEL_THEN_COLON)];
  if (matches.length === 0 || matches[0].index !== 0) {
    // `填报单位(盖章) 衡阳市归国华侨联合会`: a label, spaces, then the value (no colon).
    const spaced = LABEL_THEN_SPACE.exec(folded.slice(start));
    if (!spaced) return [];
    return [{ key: labelKey(spaced[1]), value: text.slice(start + spaced[1].length + (spaced[2]?.length ?? 0)).trim() }];
  }
  return matches.map((match, i) => {
    const from = start + (match.index ?? 0) + match[0].length;
    const to = i + 1 < matches.length ? start + (matches[i + 1].index ?? 0) : text.length;
    const value = text.slice(from, to).trim();
    return { key: labelKey(match[1]), value: value === '' ? null : value };
  });
}
