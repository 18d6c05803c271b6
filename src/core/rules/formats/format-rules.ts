/**
 * Formats of the cells the form reads that are not amounts: telephone, date, pasted HTML,
 * length limits of the budget systems, and Excel errors.
 */
import type { FieldValue } from '../../forms/form-data';
import type { Issue } from '../../issues/issue';
import { cellText, isBlankValue, isExcelError, snippet } from '../cell-values';
import { createIssue } from '../create-issue';
import { TABLE_LABELS } from '../labels';
import type { FormRuleSpec, IssueDeclaration } from '../types';
import { dateOrdinal, formatDate, localCalendarDate, parseCellDate } from './dates';
import { isValidPhone } from './phones';

const PHONE_INVALID: IssueDeclaration<'phone_invalid'> = {
  code: 'phone_invalid',
  severity: 'warning',
  description: {
    'zh-CN': '联系电话不像电话号码：应为手机号（1[3-9] 开头共 11 位）、带区号的座机（0734-8866810）或 7–8 位本地号码（8866810）；可带分机（-123、转123），多个号码可用 、,;/ 或空格分隔，“手机：”“（办）”之类的说明不影响判断。',
    'en-US': 'The telephone is not a mobile (11 digits starting 1[3-9]), a landline with area code (0734-8866810) or a local 7–8 digit number (8866810); an extension (-123, 转123), several numbers separated by 、,;/ or spaces, and notes such as 手机： or （办） are fine.',
  },
  example: { 'zh-CN': '联系电话“886681”（少一位）。', 'en-US': '联系电话 "886681" (a digit short).' },
};

const DATE_INVALID: IssueDeclaration<'date_invalid'> = {
  code: 'date_invalid',
  severity: 'error',
  description: {
    'zh-CN': '填表日期不是日期。可以是 Excel 日期，或 2022年1月5日、2022-01-05、2022/1/5、2022.1.5 这样的文字。',
    'en-US': '填表日期 is not a date. An Excel date or text such as 2022年1月5日, 2022-01-05, 2022/1/5, 2022.1.5 is accepted.',
  },
  example: { 'zh-CN': '填表日期“1月5日”（缺年份）或“2022年2月30日”。', 'en-US': '填表日期 "1月5日" (no year) or "2022年2月30日".' },
};

const DATE_OUT_OF_RANGE: IssueDeclaration<'date_out_of_range'> = {
  code: 'date_out_of_range',
  severity: 'warning',
  description: {
    'zh-CN': '填表日期不在“预算年度的上一年 1 月 1 日”至“预算年度 12 月 31 日”之间，或晚于今天。',
    'en-US': '填表日期 falls outside 1 January of the year before the budget year to 31 December of the budget year, or is in the future.',
  },
  example: { 'zh-CN': '2022 年度的表，填表日期 2020年1月5日。', 'en-US': 'A 2022 form dated 2020-01-05.' },
};

const MARKUP_IN_TEXT: IssueDeclaration<'markup_in_text'> = {
  code: 'markup_in_text',
  severity: 'warning',
  description: {
    'zh-CN': '文字中夹带了 HTML 标签（多为从网页或系统中复制粘贴所致），打印和上报时会原样显示。',
    'en-US': 'HTML tags were pasted into text (usually copied from a web page or system); they print and upload as they are.',
  },
  example: { 'zh-CN': '参考表的部门职能职责概述中含 <p> 和 <ol style=…>（真实的复制粘贴痕迹）。', 'en-US': 'The reference form’s 部门职能职责概述 holds <p> and <ol style=…> (a real copy-paste artefact).' },
};

const TEXT_TOO_LONG: IssueDeclaration<'text_too_long'> = {
  code: 'text_too_long',
  severity: 'warning',
  description: {
    'zh-CN': '主要内容超过 1000 字，或三级指标名称超过 100 字（预算系统的长度上限）。',
    'en-US': '主要内容 is over 1,000 characters, or a 三级 name over 100 (limits of the budget systems).',
  },
  example: { 'zh-CN': '一个 120 字的三级指标名称。', 'en-US': 'A 三级 name of 120 characters.' },
};

const FORMAT_FORMULA_ERROR: IssueDeclaration<'formula_error'> = {
  code: 'formula_error',
  severity: 'error',
  description: {
    'zh-CN': '文字、电话、日期或指标单元格显示 Excel 错误值（#REF!、#N/A 等）。',
    'en-US': 'A text, telephone, date or indicator cell shows an Excel error (#REF!, #N/A …).',
  },
  example: { 'zh-CN': '部门名称为 =A1 引用被删除后显示 #REF!。', 'en-US': '部门名称 shows #REF! after the cell it referred to was deleted.' },
};

export const MAX_TASK_CONTENT_LENGTH = 1000;
export const MAX_LEVEL3_LENGTH = 100;

export const textFormulaErrorRule: FormRuleSpec = {
  id: 'text-formula-error',
  family: 'formats',
  issues: [FORMAT_FORMULA_ERROR],
  *check(form, context) {
    for (const { field, source } of context.textCells) {
      if (isExcelError(source.value)) yield createIssue(FORMAT_FORMULA_ERROR, [source.cell], { field, error: source.value.trim() });
    }
  },
};

const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/;

export const markupRule: FormRuleSpec = {
  id: 'markup-in-text',
  family: 'formats',
  issues: [MARKUP_IN_TEXT],
  *check(form, context) {
    for (const { field, source } of context.textCells) {
      if (typeof source.value !== 'string' || !source.value.includes('<')) continue;
      const tag = HTML_TAG.exec(source.value);
      if (tag) yield createIssue(MARKUP_IN_TEXT, [source.cell], { field, tag: snippet(tag[0], 30) });
    }
  },
};

export const textLengthRule: FormRuleSpec = {
  id: 'text-length',
  family: 'formats',
  issues: [TEXT_TOO_LONG],
  *check(form) {
    const tooLong = (field: string, source: FieldValue, max: number): Issue | undefined => {
      if (typeof source.value !== 'string' || source.value.length <= max) return undefined;
      const length = [...source.value.trim()].length;
      return length > max ? createIssue(TEXT_TOO_LONG, [source.cell], { field, length, max }) : undefined;
    };
    for (const task of form.tasks) {
      const issue = tooLong(TABLE_LABELS.taskContent, task.content, MAX_TASK_CONTENT_LENGTH);
      if (issue) yield issue;
    }
    for (const row of form.indicators) {
      const issue = tooLong(TABLE_LABELS.level3, row.level3, MAX_LEVEL3_LENGTH);
      if (issue) yield issue;
    }
  },
};

export const phoneRule: FormRuleSpec = {
  id: 'phone',
  family: 'formats',
  issues: [PHONE_INVALID],
  *check(form, context) {
    for (const spec of context.template.fields) {
      if (spec.kind !== 'phone') continue;
      const source = form.fields[spec.id];
      if (!source || isBlankValue(source.value) || isExcelError(source.value)) continue;
      const text = cellText(source.value);
      if (!isValidPhone(text)) yield createIssue(PHONE_INVALID, [source.cell], { field: spec.label, value: snippet(text) });
    }
  },
};

export const dateRule: FormRuleSpec = {
  id: 'date',
  family: 'formats',
  issues: [DATE_INVALID, DATE_OUT_OF_RANGE],
  *check(form, context) {
    const today = localCalendarDate(context.today);
    for (const spec of context.template.fields) {
      if (spec.kind !== 'date') continue;
      const source = form.fields[spec.id];
      if (!source || isBlankValue(source.value) || isExcelError(source.value)) continue;
      const date = parseCellDate(source.value);
      if (!date) {
        yield createIssue(DATE_INVALID, [source.cell], { field: spec.label, value: snippet(cellText(source.value)) });
        continue;
      }
      const from = form.year === null ? null : { year: form.year - 1, month: 1, day: 1 };
      const to = form.year === null ? null : { year: form.year, month: 12, day: 31 };
      const reason =
        dateOrdinal(date) > dateOrdinal(today)
          ? 'future'
          : from && dateOrdinal(date) < dateOrdinal(from)
            ? 'before'
            : to && dateOrdinal(date) > dateOrdinal(to)
              ? 'after'
              : null;
      if (reason) {
        yield createIssue(DATE_OUT_OF_RANGE, [source.cell], {
          field: spec.label,
          date: formatDate(date),
          from: from ? formatDate(from) : '',
          to: reason === 'future' ? formatDate(today) : to ? formatDate(to) : '',
          reason,
        });
      }
    }
  },
};

export const FORMAT_RULES: readonly FormRuleSpec[] = [textFormulaErrorRule, phoneRule, dateRule, markupRule, textLengthRule];
