/**
 * What the types of a template declaration cannot say, checked when the templates load: every
 * sum names amount fields the template declares and task columns its task table has, every
 * table has its required columns once, every field has at most one input cell.
 */
import { indicatorColumnSets, type FormTemplate, type IndicatorCoreColumn, type TaskColumnKey } from './form-template';
import type { SumRef, SumSpec, TemplateId } from './template';

/** A template's declaration contradicts itself (a programming error, not user data). */
export class LayoutDeclarationError extends Error {
  constructor(template: TemplateId, detail: string) {
    super(`layout of template "${template}": ${detail}`);
    this.name = 'LayoutDeclarationError';
  }
}

const REQUIRED_TASK_COLUMNS: readonly TaskColumnKey[] = ['name', 'content', 'total', 'fiscal'];
const REQUIRED_INDICATOR_COLUMNS: readonly IndicatorCoreColumn[] = ['level1', 'level2', 'level3', 'value'];

function requireColumns(template: FormTemplate, table: string, keys: readonly string[], required: readonly string[]): void {
  for (const key of required) if (!keys.includes(key)) throw new LayoutDeclarationError(template.id, `the ${table} table has no "${key}" column`);
  const repeated = keys.find((key, i) => keys.indexOf(key) !== i);
  if (repeated !== undefined) throw new LayoutDeclarationError(template.id, `the ${table} table has two "${repeated}" columns`);
}

function checkRef(template: FormTemplate, sum: string, ref: SumRef, taskColumns: readonly string[] | undefined): void {
  if (ref.kind === 'field') {
    const field = template.fields.find((f) => f.id === ref.field);
    if (!field) throw new LayoutDeclarationError(template.id, `sum "${sum}" names the undeclared field "${ref.field}"`);
    if (field.kind !== 'amount') throw new LayoutDeclarationError(template.id, `sum "${sum}" adds the field "${ref.field}", which is no amount`);
    return;
  }
  if (!taskColumns) throw new LayoutDeclarationError(template.id, `sum "${sum}" refers to a task table the layout does not have`);
  if (!taskColumns.includes(ref.column)) throw new LayoutDeclarationError(template.id, `sum "${sum}" refers to the task column "${ref.column}", which the task table does not have`);
}

function checkSum(template: FormTemplate, sum: SumSpec, taskColumns: readonly string[] | undefined): void {
  const ids = template.sums.filter((other) => other.id === sum.id);
  if (ids.length > 1) throw new LayoutDeclarationError(template.id, `two sums share the id "${sum.id}"`);
  // The types keep a row's cells out of a form-wide sum; a declaration built at run time may still mix them.
  const rowRefs = [sum.whole, ...sum.parts].filter((ref) => ref.kind === 'taskCell').length;
  const perRow = 'each' in sum;
  if (perRow ? rowRefs !== sum.parts.length + 1 : rowRefs > 0) throw new LayoutDeclarationError(template.id, `sum "${sum.id}" mixes one task row's cells with other amounts`);
  for (const ref of [sum.whole, ...sum.parts]) checkRef(template, sum.id, ref, taskColumns);
}

function checkInputs(template: FormTemplate): void {
  const declared = new Set(template.fields.map((f) => f.id));
  if (declared.size !== template.fields.length) throw new LayoutDeclarationError(template.id, 'two fields share an id');
  const placed = new Set<string>();
  for (const block of template.layout.blocks) {
    if (block.kind !== 'rows') continue;
    for (const row of block.rows) {
      for (const cell of row.cells) {
        if (cell.kind !== 'input') continue;
        if (cell.field === undefined || !declared.has(cell.field)) throw new LayoutDeclarationError(template.id, `an input cell names no declared field (${cell.field ?? 'none'})`);
        if (placed.has(cell.field)) throw new LayoutDeclarationError(template.id, `field "${cell.field}" has two input cells`);
        placed.add(cell.field);
      }
    }
  }
}

/** Throws `LayoutDeclarationError` for the first contradiction found; returns the template otherwise. */
export function validateTemplate<T extends FormTemplate>(template: T): T {
  checkInputs(template);
  const taskTables = template.layout.blocks.filter((b) => b.kind === 'taskTable');
  if (taskTables.length > 1) throw new LayoutDeclarationError(template.id, 'a form has at most one task table');
  if ((taskTables.length === 1) !== template.hasTaskTable) throw new LayoutDeclarationError(template.id, 'hasTaskTable does not match the layout');
  const taskColumns = taskTables[0]?.columns.map((c) => c.key);
  if (taskColumns) requireColumns(template, 'task', taskColumns, REQUIRED_TASK_COLUMNS);
  const periods = new Set<string>();
  for (const block of template.layout.blocks) {
    if (block.kind !== 'indicatorTable') continue;
    for (const set of indicatorColumnSets(block)) {
      requireColumns(template, 'indicator', set.columns.map((c) => c.key), REQUIRED_INDICATOR_COLUMNS);
      if (periods.has(set.period)) throw new LayoutDeclarationError(template.id, `two indicator tables for the ${set.period} period`);
      periods.add(set.period);
    }
  }
  const readIfPresent = taskTables[0]?.columns.find((c) => c.readIfPresent && REQUIRED_TASK_COLUMNS.includes(c.key));
  if (readIfPresent) throw new LayoutDeclarationError(template.id, `the task column "${readIfPresent.key}" is on every task table and cannot be read only where present`);
  for (const sum of template.sums) checkSum(template, sum, taskColumns);
  return template;
}
