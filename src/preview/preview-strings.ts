/** The preview page's own words (the pane has its own, in src/taskpane/strings). */
import type { Lang } from '../core';

export interface PreviewStrings {
  readonly pageTitle: string;
  /** Names the spreadsheet held in memory: `Excel` or `WPS 表格`. */
  readonly intro: (spreadsheet: string) => string;
  readonly languageLabel: string;
  /** The spreadsheet the pane runs in: the in-memory Excel or WPS (switching starts a new workbook). */
  readonly hostLabel: string;
  readonly formulaBarLabel: string;
  readonly nameBoxLabel: string;
  readonly sheetTabsLabel: string;
  readonly insertRow: string;
  readonly deleteRow: string;
  readonly gridLabel: (sheet: string) => string;
  readonly emptyWorkbook: string;
  readonly paneLabel: string;
  readonly retry: string;
  readonly cancel: string;
  readonly dismiss: string;
  readonly noUndo: string;
  readonly typeIntoCell: (cell: string) => string;
}

const ZH: PreviewStrings = {
  pageTitle: '绩效目标申报助手 · 预览',
  intro: (spreadsheet) => `左侧是一个内存中的 ${spreadsheet} 工作簿，右侧是真实的任务窗格。单击单元格后直接输入并按 Enter 提交。`,
  languageLabel: '语言',
  hostLabel: '主机',
  formulaBarLabel: '编辑栏',
  nameBoxLabel: '名称框',
  sheetTabsLabel: '工作表',
  insertRow: '插入行',
  deleteRow: '删除行',
  gridLabel: (sheet) => `工作表“${sheet}”`,
  emptyWorkbook: '空工作表。请在右侧任务窗格中插入申报表。',
  paneLabel: '任务窗格',
  retry: '重试',
  cancel: '取消',
  dismiss: '关闭',
  noUndo: '预览不支持撤消（Ctrl+Z）。请直接改回原来的内容；在 Excel 中可以撤消。',
  typeIntoCell: (cell) => `在单元格 ${cell} 中输入`,
};

const EN: PreviewStrings = {
  pageTitle: 'Performance Target Forms · Preview',
  intro: (spreadsheet) => `On the left, a ${spreadsheet} workbook held in memory; on the right, the real task pane. Click a cell, type, and press Enter to commit.`,
  languageLabel: 'Language',
  hostLabel: 'Host',
  formulaBarLabel: 'Formula bar',
  nameBoxLabel: 'Name box',
  sheetTabsLabel: 'Sheets',
  insertRow: 'Insert row',
  deleteRow: 'Delete row',
  gridLabel: (sheet) => `Sheet "${sheet}"`,
  emptyWorkbook: 'An empty sheet. Insert a form from the task pane on the right.',
  paneLabel: 'Task pane',
  retry: 'Retry',
  cancel: 'Cancel',
  dismiss: 'Close',
  noUndo: 'The preview has no undo (Ctrl+Z). Type the old content back; in Excel, undo works.',
  typeIntoCell: (cell) => `Type into cell ${cell}`,
};

export function previewStrings(lang: Lang): PreviewStrings {
  return lang === 'en-US' ? EN : ZH;
}
