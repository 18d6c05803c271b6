/** The preview page's own words (the pane has its own, in src/taskpane/strings). */
import type { Lang } from '../core';

export interface PreviewStrings {
  readonly pageTitle: string;
  readonly intro: string;
  readonly languageLabel: string;
  readonly formulaBarLabel: string;
  readonly nameBoxLabel: string;
  readonly sheetTabsLabel: string;
  readonly insertRow: string;
  readonly deleteRow: string;
  readonly gridLabel: (sheet: string) => string;
  readonly emptyWorkbook: string;
  readonly paneLabel: string;
}

const ZH: PreviewStrings = {
  pageTitle: '绩效目标申报助手 · 预览',
  intro: '左侧是一个内存中的 Excel 工作簿，右侧是真实的任务窗格。单击单元格后直接输入并按 Enter 提交。',
  languageLabel: '语言',
  formulaBarLabel: '编辑栏',
  nameBoxLabel: '名称框',
  sheetTabsLabel: '工作表',
  insertRow: '插入行',
  deleteRow: '删除行',
  gridLabel: (sheet) => `工作表“${sheet}”`,
  emptyWorkbook: '空工作表。请在右侧任务窗格中插入申报表。',
  paneLabel: '任务窗格',
};

const EN: PreviewStrings = {
  pageTitle: 'Performance Target Forms · Preview',
  intro: 'On the left, a workbook held in memory; on the right, the real task pane. Click a cell, type, and press Enter to commit.',
  languageLabel: 'Language',
  formulaBarLabel: 'Formula bar',
  nameBoxLabel: 'Name box',
  sheetTabsLabel: 'Sheets',
  insertRow: 'Insert row',
  deleteRow: 'Delete row',
  gridLabel: (sheet) => `Sheet "${sheet}"`,
  emptyWorkbook: 'An empty sheet. Insert a form from the task pane on the right.',
  paneLabel: 'Task pane',
};

export function previewStrings(lang: Lang): PreviewStrings {
  return lang === 'en-US' ? EN : ZH;
}
