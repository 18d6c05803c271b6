/**
 * What the extractor looks for on a sheet, derived once from each template's declaration:
 * the title, the field labels and where their values sit, the table headings and the rows
 * that end the tables. Nothing here is written twice: it all comes from `templates/`.
 */
import { TEMPLATES } from '../templates';
import type { FormTemplate, IndicatorColumnKey, IndicatorTableBlock, LayoutCellDecl, TaskColumnKey, TaskTableBlock } from '../templates/form-template';
import type { TemplateId } from '../templates/template';
import { labelKey } from './label-key';

/** Where a field's value sits relative to its label. */
export type ValuePlacement = 'right' | 'below';

export interface FieldKeys {
  readonly id: string;
  /** The label and its aliases, as label keys. */
  readonly keys: readonly string[];
  readonly placement: ValuePlacement;
}

export interface TableColumnKeys<K extends string> {
  readonly key: K;
  readonly heading: string;
  /** Columns right of the table's first column, as declared: used when a heading is missing. */
  readonly offset: number;
}

export interface TemplateKeys {
  readonly id: TemplateId;
  readonly title: string;
  readonly fields: readonly FieldKeys[];
  readonly taskTable?: { readonly columns: readonly TableColumnKeys<TaskColumnKey>[]; readonly totalKeys: readonly string[] };
  readonly indicatorTable?: { readonly columns: readonly TableColumnKeys<IndicatorColumnKey>[]; readonly terminator: string };
  /** Every label, heading and section of the form: text that is never a value. */
  readonly structural: ReadonlySet<string>;
}

/** An indicator heading is matched by its start: `指标值（包含数字及文字描述）` is written many ways. */
export const VALUE_HEADING = '指标值';
/** The review row is matched by containment: `预算部门、财政部门审核意见`, `审核意见`. */
export const REVIEW_KEY = '审核意见';

function columnKeys<K extends string>(columns: readonly { key: K; heading: string; span?: number }[]): TableColumnKeys<K>[] {
  let offset = 0;
  return columns.map((column) => {
    const keys = { key: column.key, heading: labelKey(column.heading), offset };
    offset += column.span ?? 1;
    return keys;
  });
}

function placementOf(template: FormTemplate, fieldId: string): ValuePlacement {
  for (const block of template.layout.blocks) {
    if (block.kind !== 'rows') continue;
    for (const row of block.rows) {
      const holdsInput = row.cells.some((cell: LayoutCellDecl) => cell.kind === 'input' && cell.field === fieldId);
      if (holdsInput) return row.cells.some((cell) => cell.kind === 'label') ? 'right' : 'below';
    }
  }
  return 'right';
}

function keysOf(template: FormTemplate): TemplateKeys {
  const structural = new Set<string>();
  const taskBlock = template.layout.blocks.find((b): b is TaskTableBlock => b.kind === 'taskTable');
  const indicatorBlock = template.layout.blocks.find((b): b is IndicatorTableBlock => b.kind === 'indicatorTable');
  for (const block of template.layout.blocks) {
    if (block.kind === 'rows') {
      if (block.section !== undefined) structural.add(labelKey(block.section));
      for (const row of block.rows) for (const cell of row.cells) if ((cell.kind === 'label' || cell.kind === 'header') && cell.text) structural.add(labelKey(cell.text));
    } else {
      structural.add(labelKey(block.section));
      for (const column of block.columns) structural.add(labelKey(column.heading));
    }
  }
  const fields = template.fields.map((field) => {
    const keys = [field.label, ...(field.aliases ?? [])].map(labelKey);
    for (const key of keys) structural.add(key);
    return { id: field.id, keys, placement: placementOf(template, field.id) };
  });
  const totalKeys = taskBlock ? [labelKey(taskBlock.totalLabel), '合计'] : [];
  for (const key of totalKeys) structural.add(key);
  if (indicatorBlock) structural.add(VALUE_HEADING);
  return {
    id: template.id,
    title: labelKey(template.title),
    fields,
    ...(taskBlock ? { taskTable: { columns: columnKeys(taskBlock.columns), totalKeys } } : {}),
    ...(indicatorBlock ? { indicatorTable: { columns: columnKeys(indicatorBlock.columns), terminator: REVIEW_KEY } } : {}),
    structural,
  };
}

export const TEMPLATE_KEYS: readonly TemplateKeys[] = Object.values(TEMPLATES).map(keysOf);

/** Every label key of every template: the only texts the label index keeps. */
export const ALL_LABEL_KEYS: ReadonlySet<string> = new Set(TEMPLATE_KEYS.flatMap((t) => [...t.structural]));
