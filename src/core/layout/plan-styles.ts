/**
 * The styles a form uses, by key. One font that renders Chinese (SimSun, 宋体); the layout does
 * not depend on it: widths and heights are set explicitly.
 */
import { HIGHLIGHT_STYLE } from '../highlights/owned-highlights';
import type { CellStyle } from './layout-plan';

export const FORM_FONT = 'SimSun';
export const LABEL_FILL = '#F2F2F2';
export const INPUT_FILL = '#FFFFFF';
/** 2 to 4 decimals: 180.61 stays 180.61, 1 元 (0.0001 万元) still shows. */
export const AMOUNT_FORMAT = '0.00##';
/** The native sum checks of an exported form show red as the add-in's error highlights do. */
export const ALERT_FILL = HIGHLIGHT_STYLE.error.fill;
export const ALERT_FONT = HIGHLIGHT_STYLE.error.font;

export type StyleKey = 'title' | 'subtitle' | 'label' | 'header' | 'input' | 'amount' | 'phone' | 'date' | 'total' | 'note' | 'blank';

const body = { name: FORM_FONT, size: 11 } as const;
const input: CellStyle = { font: body, fill: INPUT_FILL, horizontal: 'left', vertical: 'top', wrap: true, border: true };
const label: CellStyle = { font: { ...body, bold: true }, fill: LABEL_FILL, horizontal: 'center', vertical: 'center', wrap: true, border: true };

export const PLAN_STYLES: Readonly<Record<StyleKey, CellStyle>> = {
  title: { font: { name: FORM_FONT, size: 16, bold: true }, horizontal: 'center', vertical: 'center', wrap: true, border: true },
  subtitle: { font: body, horizontal: 'center', vertical: 'center', border: true },
  label,
  header: label,
  input,
  amount: { ...input, horizontal: 'right', numberFormat: AMOUNT_FORMAT },
  // Text, so that a number typed with a leading 0 (0734…) keeps it.
  phone: { ...input, numberFormat: '@' },
  date: { ...input, numberFormat: 'yyyy"年"m"月"d"日"' },
  total: { ...input, font: { ...body, bold: true }, horizontal: 'right', numberFormat: AMOUNT_FORMAT },
  note: { font: body, horizontal: 'right', vertical: 'bottom', wrap: true, border: true },
  blank: { font: body, fill: INPUT_FILL, border: true },
};
