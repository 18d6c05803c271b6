/**
 * What the extractor looks for on a sheet, derived once from each template's declaration:
 * the titles, the field labels and where their values sit, the table headings (with the
 * headings every layout shares, `templates/column-headings.ts`) and the rows that end the
 * tables. Nothing here is written twice: it all comes from `templates/`.
 */
import { TEMPLATES } from '../templates';
import { INDICATOR_COLUMN_HEADINGS, TASK_COLUMN_HEADINGS } from '../templates/column-headings';
import { INDICATOR_EXTRA_COLUMNS, indicatorColumnSets } from '../templates/form-template';
import type { FormTemplate, IndicatorColumnKey, IndicatorColumnSet, IndicatorPeriod, IndicatorTableBlock, LayoutCellDecl, TableColumnDecl, TaskColumnKey, TaskTableBlock } from '../templates/form-template';
import type { FormKind, TemplateId } from '../templates/template';
import { labelKey } from './label-key';

/** Where a field's value sits relative to its label. */
export type ValuePlacement = 'right' | 'below';

export interface FieldKeys {
  readonly id: string;
  /** The label and its aliases, as label keys. */
  readonly keys: readonly string[];
  readonly placement: ValuePlacement;
  /** Which occurrence of the label is the field's, from 1. */
  readonly occurrence: number;
}

export interface TableColumnKeys<K extends string> {
  readonly key: K;
  /** Every heading the column goes by, as label keys: the template's first. */
  readonly headings: readonly string[];
  /** Columns right of the table's first column, as declared: used when a heading is missing (`UNDECLARED`: read only where found). */
  readonly offset: number;
}

export const UNDECLARED = -1;

export interface IndicatorTableKeys {
  readonly period: IndicatorPeriod;
  readonly columns: readonly TableColumnKeys<IndicatorColumnKey>[];
}

export interface TemplateKeys {
  readonly id: TemplateId;
  readonly kind: FormKind;
  /** The title and the other titles of its family, as label keys. */
  readonly titles: readonly string[];
  readonly fields: readonly FieldKeys[];
  readonly taskTable?: { readonly columns: readonly TableColumnKeys<TaskColumnKey>[]; readonly totalKeys: readonly string[] };
  /** In the order declared (a layout with 中期 and 年度 tables has two). */
  readonly indicatorTables: readonly IndicatorTableKeys[];
  /** Every label, heading and section of the form: text that is never a value. */
  readonly structural: ReadonlySet<string>;
}

/** An indicator heading is matched by its start: `指标值（包含数字及文字描述）` is written many ways. */
export const VALUE_HEADING = '指标值';
/** The review row is matched by containment: `预算部门、财政部门审核意见`, `审核意见`. */
export const REVIEW_KEY = '审核意见';

/** A column read only where a form's header row has it takes no place in the printed order. */
function columnKeys<K extends string>(columns: readonly (TableColumnDecl<K> & { readonly readIfPresent?: true })[], shared: Readonly<Record<K, readonly string[]>>): TableColumnKeys<K>[] {
  let offset = 0;
  return columns.map((column) => {
    const headings = [...new Set([column.heading, ...(column.aliases ?? []), ...shared[column.key]].map(labelKey))];
    if (column.readIfPresent) return { key: column.key, headings, offset: UNDECLARED };
    const keys = { key: column.key, headings, offset };
    offset += column.span ?? 1;
    return keys;
  });
}

/** The extra columns a layout does not print: read all the same where a form has them (a 计量单位 added by hand). */
function undeclaredExtras(set: IndicatorColumnSet): TableColumnKeys<IndicatorColumnKey>[] {
  return INDICATOR_EXTRA_COLUMNS.filter((key) => !set.columns.some((c) => c.key === key)).map((key) => ({ key, headings: INDICATOR_COLUMN_HEADINGS[key].map(labelKey), offset: UNDECLARED }));
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

function structuralOf(template: FormTemplate): Set<string> {
  const structural = new Set<string>();
  for (const block of template.layout.blocks) {
    if (block.kind === 'rows') {
      if (block.section !== undefined) structural.add(labelKey(block.section));
      for (const row of block.rows) for (const cell of row.cells) if ((cell.kind === 'label' || cell.kind === 'header') && cell.text) structural.add(labelKey(cell.text));
    } else {
      structural.add(labelKey(block.section));
      if (block.kind === 'indicatorTable') for (const set of indicatorColumnSets(block)) if (set.heading) structural.add(labelKey(set.heading));
    }
  }
  return structural;
}

function keysOf(template: FormTemplate): TemplateKeys {
  const structural = structuralOf(template);
  const taskBlock = template.layout.blocks.find((b): b is TaskTableBlock => b.kind === 'taskTable');
  const indicatorBlocks = template.layout.blocks.filter((b): b is IndicatorTableBlock => b.kind === 'indicatorTable');
  const fields = template.fields.map((field) => {
    const keys = [...new Set([field.label, ...(field.aliases ?? [])].map(labelKey))];
    for (const key of keys) structural.add(key);
    return { id: field.id, keys, placement: placementOf(template, field.id), occurrence: field.occurrence ?? 1 };
  });
  const taskTable = taskBlock && { columns: columnKeys(taskBlock.columns, TASK_COLUMN_HEADINGS), totalKeys: [labelKey(taskBlock.totalLabel), '合计'] };
  // Side by side or stacked, each period's set is a table of its own to the extractor.
  const indicatorTables = indicatorBlocks.flatMap(indicatorColumnSets).map((set) => ({ period: set.period, columns: [...columnKeys(set.columns, INDICATOR_COLUMN_HEADINGS), ...undeclaredExtras(set)] }));
  for (const column of [...(taskTable?.columns ?? []), ...indicatorTables.flatMap((t) => t.columns)]) for (const heading of column.headings) structural.add(heading);
  for (const key of taskTable?.totalKeys ?? []) structural.add(key);
  if (indicatorTables.length > 0) structural.add(VALUE_HEADING);
  return {
    id: template.id,
    kind: template.kind,
    titles: [template.title, ...(template.titleAliases ?? [])].map(labelKey),
    fields,
    ...(taskTable ? { taskTable } : {}),
    indicatorTables,
    structural,
  };
}

export const TEMPLATE_KEYS: readonly TemplateKeys[] = Object.values(TEMPLATES).map(keysOf);

/** Every label key of every template: the only texts the label index keeps. */
export const ALL_LABEL_KEYS: ReadonlySet<string> = new Set(TEMPLATE_KEYS.flatMap((t) => [...t.structural]));

/** Headings of indicator columns other than the value: `指标值类型` starts like `指标值` but is not it. */
export const OTHER_INDICATOR_HEADINGS: ReadonlySet<string> = new Set(
  (Object.keys(INDICATOR_COLUMN_HEADINGS) as IndicatorColumnKey[]).filter((key) => key !== 'value').flatMap((key) => INDICATOR_COLUMN_HEADINGS[key].map(labelKey)),
);
