/**
 * `Excel.ConditionalFormatCollection`, `Excel.ConditionalFormat` and the custom rule's parts.
 *
 * A conditional format's `id` is "the priority of the conditional format in the current
 * `ConditionalFormatCollection`" (Office.js reference, `Excel.ConditionalFormat.id`): a
 * position, not a name. `add()` puts the new format at the top (priority 0) and every other
 * one moves down; `delete()` moves up those below. An object got by id stands for a position:
 * after a change it finds another format there, or none (ItemNotFound), as the reference says
 * of `priority` ("you have to re-fetch a new copy of the object at that new priority
 * location"). The object `add()` returns stays with the format it added.
 */
/* eslint-disable @typescript-eslint/no-unsafe-declaration-merging -- each proxy class merges with an interface of the Office.js properties its table installs on the prototype */
import type { MemoryRequestContext } from './context';
import { ErrorCode, MemoryExcelError } from './errors';
import { BoundProxy, PartCollectionProxy, PartProxy, installProperties, type PropertySpec, type Loadable, type PropertyTable } from './proxy-base';
import { RangeAreasProxy, type AreasTarget } from './range-proxies';
import { CONDITIONAL_FORMAT_TYPES, normalizeColor, type ConditionalFormatData, type ConditionalFormatType, type SheetData, type WorkbookModel } from './workbook-model';

function itemNotFound(detail: string): MemoryExcelError {
  return new MemoryExcelError(ErrorCode.itemNotFound, `The requested resource doesn't exist: ${detail}.`);
}

/** Where a proxy points: a position in the sheet's list (got by id), or the format `add()` made. */
type Binding = { readonly sheet: SheetData; readonly position: number } | { readonly sheet: SheetData; readonly format: ConditionalFormatData };

export interface ConditionalFormatTarget {
  readonly sheet: SheetData;
  readonly format: ConditionalFormatData;
}

export class ConditionalFormatCollectionProxy extends PartCollectionProxy<ConditionalFormatProxy, AreasTarget> {
  protected readonly typeName = 'ConditionalFormatCollection';

  #formats(): { sheet: SheetData; formats: ConditionalFormatData[] } {
    const { sheet, rects } = this.locate();
    return { sheet, formats: this.model.conditionalFormatsIn(sheet, rects) };
  }

  protected currentItems(): ConditionalFormatProxy[] {
    const { sheet, formats } = this.#formats();
    return formats.map((format) => this.context.runNow(() => new ConditionalFormatProxy(this.context, () => ({ sheet, position: sheet.conditionalFormats.indexOf(format) }))));
  }

  add(type: Excel.ConditionalFormatType | ConditionalFormatType): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this.context, () => {
      const name = String(type);
      if (!(CONDITIONAL_FORMAT_TYPES as readonly string[]).includes(name)) throw new MemoryExcelError(ErrorCode.invalidArgument, `The argument is invalid or missing or has an incorrect format: conditional format type '${name}'.`);
      const { sheet, rects } = this.locate();
      return { sheet, format: this.model.addConditionalFormat(sheet, [...rects], name as ConditionalFormatType) };
    });
  }

  /** The format at the position the id names, if it is in this collection. */
  getItem(id: string): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this.context, () => {
      const { sheet, formats } = this.#formats();
      const position = /^\d+$/.test(id) ? Number(id) : -1;
      const format = sheet.conditionalFormats[position];
      if (format === undefined || !formats.includes(format)) throw itemNotFound(`conditional format ${id}`);
      return { sheet, position };
    });
  }
}

const FORMAT_PROPERTIES = {
  id: { read: ({ sheet, format }: ConditionalFormatTarget) => String(sheet.conditionalFormats.indexOf(format)) },
  type: { read: ({ format }: ConditionalFormatTarget) => format.type },
} satisfies PropertyTable<ConditionalFormatTarget>;

export class ConditionalFormatProxy extends BoundProxy<Binding, ConditionalFormatTarget> {
  protected readonly typeName = 'ConditionalFormat';
  private customProxy: CustomConditionalFormatProxy | undefined;
  private customOrNullProxy: CustomConditionalFormatProxy | undefined;

  /** The format this proxy points at now (inside a sync). */
  target(): ConditionalFormatTarget {
    const binding = this.bound();
    const sheet = this.model.requireSheet(binding.sheet.id);
    const format = 'position' in binding ? sheet.conditionalFormats[binding.position] : sheet.conditionalFormats.includes(binding.format) ? binding.format : undefined;
    if (!format) throw itemNotFound('conditional format (deleted, or moved to another priority)');
    return { sheet, format };
  }

  /** Getters: `custom` of another type fails when it is made, so only what a load names is made. */
  protected override children(): Readonly<Record<string, Loadable>> {
    return this.childrenWhenNamed('custom', 'customOrNullObject');
  }

  get custom(): CustomConditionalFormatProxy {
    this.customProxy ??= new CustomConditionalFormatProxy(this.context, () => this.target(), false);
    return this.customProxy;
  }

  /** The custom format, or a null object for the other types. */
  get customOrNullObject(): CustomConditionalFormatProxy {
    this.customOrNullProxy ??= new CustomConditionalFormatProxy(this.context, () => this.target(), true);
    return this.customOrNullProxy;
  }

  /** The areas the format applies to (ExcelApi 1.9). */
  getRanges(): RangeAreasProxy {
    this.requireApi('1.9', 'ConditionalFormat.getRanges');
    return new RangeAreasProxy(this.context, () => {
      const { sheet, format } = this.target();
      return { sheet, rects: format.ranges };
    });
  }

  delete(): void {
    this.enqueue(() => {
      const { sheet, format } = this.target();
      this.model.deleteConditionalFormat(sheet, format);
    });
  }
}

// Declaration merging: the accessors come from the property table (installProperties), typed as Office.js's.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ConditionalFormatProxy extends Pick<Excel.ConditionalFormat, keyof typeof FORMAT_PROPERTIES> {}
installProperties(ConditionalFormatProxy, FORMAT_PROPERTIES);

export class CustomConditionalFormatProxy extends PartProxy<ConditionalFormatTarget> {
  protected readonly typeName = 'CustomConditionalFormat';
  readonly rule: ConditionalFormatRuleProxy;
  readonly format: ConditionalRangeFormatProxy;

  constructor(context: MemoryRequestContext, locate: () => ConditionalFormatTarget, nullable: boolean) {
    super(context, locate);
    this.rule = new ConditionalFormatRuleProxy(context, locate);
    this.format = new ConditionalRangeFormatProxy(context, locate);
    this.enqueue(() => {
      const isCustom = locate().format.type === 'Custom';
      if (!isCustom && !nullable) throw new MemoryExcelError(ErrorCode.invalidOperation, 'The conditional format is not of type Custom.');
      this.markNull(!isCustom);
    });
  }

  protected override children(): Readonly<Record<string, Loadable>> {
    return { rule: this.rule, format: this.format };
  }
}

/** A property of the format: read from it, changed through the model (protection, recalculation). */
function conditionalProperty<V>(read: (format: ConditionalFormatData) => unknown, apply: (format: ConditionalFormatData, value: V) => void): PropertySpec<ConditionalFormatTarget> {
  return {
    read: ({ format }) => read(format),
    write: ({ sheet, format }: ConditionalFormatTarget, value: V, model: WorkbookModel) => model.changeConditionalFormat(sheet, format, (target) => apply(target, value)),
  };
}

const RULE_PROPERTIES = {
  formula: conditionalProperty(
    (format) => format.formula,
    (format, value: string) => {
      format.formula = value.startsWith('=') ? value : `=${value}`;
    },
  ),
} satisfies PropertyTable<ConditionalFormatTarget>;

export class ConditionalFormatRuleProxy extends PartProxy<ConditionalFormatTarget> {
  protected readonly typeName = 'ConditionalFormatRule';
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ConditionalFormatRuleProxy extends Pick<Excel.ConditionalFormatRule, keyof typeof RULE_PROPERTIES> {}
installProperties(ConditionalFormatRuleProxy, RULE_PROPERTIES);

export class ConditionalRangeFormatProxy extends PartProxy<ConditionalFormatTarget> {
  protected readonly typeName = 'ConditionalRangeFormat';
  readonly fill: ConditionalRangeFillProxy;
  readonly font: ConditionalRangeFontProxy;

  constructor(context: MemoryRequestContext, locate: () => ConditionalFormatTarget) {
    super(context, locate);
    this.fill = new ConditionalRangeFillProxy(context, locate);
    this.font = new ConditionalRangeFontProxy(context, locate);
  }

  protected override children(): Readonly<Record<string, Loadable>> {
    return { fill: this.fill, font: this.font };
  }
}

function colorProperty(member: 'fill' | 'fontColor'): PropertySpec<ConditionalFormatTarget> {
  return conditionalProperty(
    (format) => format[member],
    (format, color: string) => {
      format[member] = normalizeColor(color);
    },
  );
}

const FILL_PROPERTIES = { color: colorProperty('fill') } satisfies PropertyTable<ConditionalFormatTarget>;
const FONT_PROPERTIES = { color: colorProperty('fontColor') } satisfies PropertyTable<ConditionalFormatTarget>;

export class ConditionalRangeFillProxy extends PartProxy<ConditionalFormatTarget> {
  protected readonly typeName = 'ConditionalRangeFill';
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ConditionalRangeFillProxy extends Pick<Excel.ConditionalRangeFill, keyof typeof FILL_PROPERTIES> {}
installProperties(ConditionalRangeFillProxy, FILL_PROPERTIES);

export class ConditionalRangeFontProxy extends PartProxy<ConditionalFormatTarget> {
  protected readonly typeName = 'ConditionalRangeFont';
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ConditionalRangeFontProxy extends Pick<Excel.ConditionalRangeFont, keyof typeof FONT_PROPERTIES> {}
installProperties(ConditionalRangeFontProxy, FONT_PROPERTIES);
