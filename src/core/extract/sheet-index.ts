/**
 * One pass over a sheet: where each known label, title and year line sits, and the sheet's
 * merges in a form the readers can ask quickly. Everything after this reads the index and
 * single cells, never the whole sheet again, so extraction stays linear in the sheet's size.
 */
import type { CellRange, GridCell, SheetSnapshot } from '../grid/grid';
import { cellAt } from '../grid/grid';
import { inlineLabels } from './inline-labels';
import { labelKey, MAX_LABEL_TEXT } from './label-key';
import { ALL_LABEL_KEYS, OTHER_INDICATOR_HEADINGS, REVIEW_KEY, TEMPLATE_KEYS, VALUE_HEADING } from './template-keys';
import type { TemplateKeys } from './template-keys';

export interface Position {
  readonly row: number;
  readonly col: number;
}

export interface LabelHit extends Position {
  /** For `label: value` cells, the text after the colon (null: nothing after it, the field is blank). */
  readonly inlineValue?: string | null;
}

export interface TitleHit extends Position {
  /** The templates whose title family this cell names (one title may be shared by layouts: the labels decide). */
  readonly templates: readonly TemplateKeys[];
}

const BLANK_TEXT = /^\s*$/u;
/** First characters of every label key (and of 其中, `*` and brackets, which may lead a label). */
const LABEL_STARTS: ReadonlySet<string> = new Set([...ALL_LABEL_KEYS].map((key) => key[0]).concat('其', '*', '＊', '【', '[', '［', '(', '（'));
/** Every title ends in 表 (申报表, 目标表); the review row's text holds 审核意见. */
const TITLE_MARK = '表';
const REVIEW_MARK = '审';

/** The first character that is not white space, or ''. */
function firstVisible(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Space, tab, line breaks, no-break space, ideographic space.
    if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0xa0 && code !== 0x3000) return text[i];
  }
  return '';
}

/** A colon or a space: what separates a label from its value in one cell. */
const MAY_HOLD_VALUE = /[:：\s]/u;

/** Longest cell text that can still be a title (`2022年度部门整体支出绩效目标申报表（修订）`). */
const MAX_TITLE_EXTRA = 16;

export class SheetIndex {
  /** Label key → hits in reading order (row by row, left to right). */
  private readonly labels = new Map<string, LabelHit[]>();
  readonly titles: TitleHit[] = [];
  /** Merges by their top-left cell, `row,col`. */
  private readonly mergeOrigins = new Map<string, CellRange>();
  readonly merges: readonly CellRange[];

  constructor(readonly sheet: SheetSnapshot) {
    this.merges = (sheet.merges ?? []).filter(isSaneRange);
    for (const merge of this.merges) this.mergeOrigins.set(`${merge.top},${merge.left}`, merge);
    const rows = sheet.rows;
    for (let r = 0; r < rows.length; r++) {
      const cells = rows[r];
      if (!cells) continue;
      for (let c = 0; c < cells.length; c++) {
        const value = cells[c]?.value;
        if (typeof value === 'string' && value !== '') this.indexText(value, r, c);
      }
    }
  }

  private indexText(text: string, row: number, col: number): void {
    // Most cells are values: a cheap look at the first character and two telltale characters
    // skips them before any normalization.
    const startsLikeLabel = LABEL_STARTS.has(firstVisible(text));
    if (!startsLikeLabel && !text.includes(TITLE_MARK) && !text.includes(REVIEW_MARK)) return;
    let isLabel = false;
    if (text.length <= MAX_LABEL_TEXT) {
      const key = labelKey(text);
      isLabel = ALL_LABEL_KEYS.has(key);
      if (isLabel) this.add(key, { row, col });
      if (key.startsWith(VALUE_HEADING) && !OTHER_INDICATOR_HEADINGS.has(key)) this.add(VALUE_HEADING, { row, col });
      if (key.includes(REVIEW_KEY)) this.add(REVIEW_KEY, { row, col });
      const templates = TEMPLATE_KEYS.filter((template) => template.titles.some((title) => key.length <= title.length + MAX_TITLE_EXTRA && key.includes(title)));
      if (templates.length > 0) this.titles.push({ row, col, templates });
    }
    // A label alone (`政府性基金拨款：`) has its value beside it; otherwise the cell may hold label and value.
    if (isLabel || !startsLikeLabel || !MAY_HOLD_VALUE.test(text)) return;
    for (const inline of inlineLabels(text)) this.add(inline.key, { row, col, inlineValue: inline.value });
  }

  private add(key: string, hit: LabelHit): void {
    const hits = this.labels.get(key);
    if (hits) hits.push(hit);
    else this.labels.set(key, [hit]);
  }

  /** Hits of a label key inside `area`, in reading order. */
  hitsIn(key: string, area: CellRange): LabelHit[] {
    const hits = this.labels.get(key);
    if (!hits) return [];
    const found: LabelHit[] = [];
    // Hits are in reading order: start at the area's first row and stop after its last.
    for (let i = firstAtOrBelow(hits, area.top); i < hits.length && hits[i].row <= area.bottom; i++) if (inRange(hits[i], area)) found.push(hits[i]);
    return found;
  }

  /** The first hit of any of the keys inside `area` (reading order), or undefined. */
  firstIn(keys: readonly string[], area: CellRange): LabelHit | undefined {
    let best: LabelHit | undefined;
    for (const key of keys) {
      const hits = this.labels.get(key);
      if (!hits) continue;
      for (let i = firstAtOrBelow(hits, area.top); i < hits.length && hits[i].row <= area.bottom; i++) {
        const hit = hits[i];
        if (!inRange(hit, area)) continue;
        if (!best || hit.row < best.row || (hit.row === best.row && hit.col < best.col)) best = hit;
        break;
      }
    }
    return best;
  }

  /** The first label of any template in `area`, in reading order: where an untitled form starts. */
  firstLabel(area: CellRange): LabelHit | undefined {
    return this.firstIn([...this.labels.keys()], area);
  }

  /** The `n`th hit (from 1) of any of the keys inside `area`, in reading order, or undefined. */
  nthIn(keys: readonly string[], area: CellRange, n: number): LabelHit | undefined {
    const hits = keys.flatMap((key) => this.hitsIn(key, area));
    hits.sort((a, b) => a.row - b.row || a.col - b.col);
    return hits[n - 1];
  }

  /** The merge whose top-left cell is here, if any. */
  mergeFrom(row: number, col: number): CellRange | undefined {
    return this.mergeOrigins.get(`${row},${col}`);
  }

  /** The merge that covers this cell (its top-left or any other cell of it), if any. */
  mergeCovering(row: number, col: number): CellRange | undefined {
    return this.mergeFrom(row, col) ?? this.merges.find((m) => inRange({ row, col }, m));
  }

  /** Whether the reader of this sheet knew its merges (a form drawn with merges has some). */
  get knowsMerges(): boolean {
    return this.merges.length > 0;
  }

  cell(row: number, col: number): GridCell {
    return cellAt(this.sheet, row, col);
  }

  text(row: number, col: number): string {
    const value = this.cell(row, col).value;
    return typeof value === 'string' ? value : '';
  }

  isBlank(row: number, col: number): boolean {
    const value = this.cell(row, col).value;
    // JavaScript's \s includes the ideographic space U+3000 and U+00A0.
    return value === null || value === undefined || (typeof value === 'string' && BLANK_TEXT.test(value));
  }

  /** Whether the cell holds one of the template's labels or headings (so it is not a value). */
  isStructural(row: number, col: number, template: TemplateKeys): boolean {
    const text = this.text(row, col);
    if (text === '' || text.length > MAX_LABEL_TEXT) return false;
    const key = labelKey(text);
    return template.structural.has(key) || key.startsWith(VALUE_HEADING) || key.includes(REVIEW_KEY);
  }
}

/** Index of the first hit on or below `row` (hits sorted by row). */
function firstAtOrBelow(hits: readonly LabelHit[], row: number): number {
  let low = 0;
  let high = hits.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (hits[mid].row < row) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function inRange(position: Position, range: CellRange): boolean {
  return position.row >= range.top && position.row <= range.bottom && position.col >= range.left && position.col <= range.right;
}

function isSaneRange(range: CellRange): boolean {
  const values = [range.top, range.left, range.bottom, range.right];
  return values.every((v) => Number.isInteger(v) && v >= 0) && range.top <= range.bottom && range.left <= range.right;
}
