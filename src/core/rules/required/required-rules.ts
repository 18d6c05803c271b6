/**
 * Required content: the template's required fields, complete task rows, and task names
 * that appear once.
 */
import { cellText, foldName, isBlankField, isBlankValue } from '../cell-values';
import { createIssue } from '../create-issue';
import { TABLE_LABELS } from '../labels';
import type { FormRuleSpec, IssueDeclaration } from '../types';

const REQUIRED_MISSING: IssueDeclaration<'required_missing'> = {
  code: 'required_missing',
  severity: 'error',
  description: {
    'zh-CN': '必填项为空、只有空格，或只填了占位符（*、-、_、/、无、略）。表上找不到该栏的标签时，问题指向表头。',
    'en-US': 'A required field is blank, white space, or a placeholder (*, -, _, /, 无, 略). When the label itself is missing from the sheet, the issue points at the title.',
  },
  example: { 'zh-CN': '部门名称填“/”。', 'en-US': '部门名称 holds "/".' },
};

const TASK_INCOMPLETE_ERROR: IssueDeclaration<'task_incomplete'> = {
  code: 'task_incomplete',
  severity: 'error',
  description: {
    'zh-CN': '年度主要任务中已填写的一行缺少任务名称或总额。',
    'en-US': 'A task row with something filled lacks its 任务名称 or its 总额.',
  },
  example: { 'zh-CN': '一行只填了主要内容和金额，没有任务名称。', 'en-US': 'A row with 主要内容 and amounts but no 任务名称.' },
};

const TASK_INCOMPLETE_WARNING: IssueDeclaration<'task_incomplete'> = {
  code: 'task_incomplete',
  severity: 'warning',
  description: { 'zh-CN': '已填写的任务行缺少主要内容。', 'en-US': 'A task row with something filled lacks its 主要内容.' },
  example: { 'zh-CN': '任务“群众工作”没有填写主要内容。', 'en-US': 'Task 群众工作 has no 主要内容.' },
};

const DUPLICATE_TASK: IssueDeclaration<'duplicate_task'> = {
  code: 'duplicate_task',
  severity: 'warning',
  description: {
    'zh-CN': '同一任务名称出现两次（比较时忽略首尾空格和全角/半角差异）。问题指向后出现的一行。',
    'en-US': 'The same 任务名称 appears twice (compared after trimming and width folding). The issue points at the later row.',
  },
  example: { 'zh-CN': '两行都叫“海外联谊”。', 'en-US': 'Two rows named 海外联谊.' },
};

export const requiredFieldRule: FormRuleSpec = {
  id: 'required-fields',
  family: 'required',
  issues: [REQUIRED_MISSING],
  *check(form, context) {
    for (const spec of context.template.fields) {
      if (!spec.required) continue;
      const field = form.fields[spec.id];
      if (!field) {
        yield createIssue(REQUIRED_MISSING, [form.titleCell], { field: spec.label, labelMissing: true });
      } else if (isBlankField(field)) {
        yield createIssue(REQUIRED_MISSING, [field.cell], { field: spec.label, labelMissing: false });
      }
    }
  },
};

export const taskIncompleteRule: FormRuleSpec = {
  id: 'task-incomplete',
  family: 'required',
  issues: [TASK_INCOMPLETE_ERROR, TASK_INCOMPLETE_WARNING],
  *check(form) {
    for (const task of form.tasks) {
      const cells = [task.name, task.content, task.total, task.fiscal, ...(task.other ? [task.other] : [])];
      if (cells.every(isBlankField)) continue;
      const name = isBlankValue(task.name.value) ? '' : cellText(task.name.value).trim();
      const others = (cell: string): string[] => cells.map((c) => c.cell).filter((c) => c !== cell);
      if (!name && isBlankField(task.name)) yield createIssue(TASK_INCOMPLETE_ERROR, [task.name.cell, ...others(task.name.cell)], { task: name, missing: TABLE_LABELS.taskName });
      if (isBlankField(task.total)) yield createIssue(TASK_INCOMPLETE_ERROR, [task.total.cell, task.name.cell], { task: name, missing: TABLE_LABELS.taskTotal });
      if (isBlankField(task.content)) yield createIssue(TASK_INCOMPLETE_WARNING, [task.content.cell, task.name.cell], { task: name, missing: TABLE_LABELS.taskContent });
    }
  },
};

export const duplicateTaskRule: FormRuleSpec = {
  id: 'duplicate-task',
  family: 'required',
  issues: [DUPLICATE_TASK],
  *check(form) {
    const firstCellByName = new Map<string, string>();
    for (const task of form.tasks) {
      if (isBlankValue(task.name.value)) continue;
      const name = foldName(cellText(task.name.value));
      const first = firstCellByName.get(name);
      if (first === undefined) firstCellByName.set(name, task.name.cell);
      else yield createIssue(DUPLICATE_TASK, [task.name.cell, first], { task: name, firstCell: first });
    }
  },
};

export const REQUIRED_RULES: readonly FormRuleSpec[] = [requiredFieldRule, taskIncompleteRule, duplicateTaskRule];
