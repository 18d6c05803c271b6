/**
 * `Excel.ConditionalFormatCollection`, `Excel.ConditionalFormat` and the custom rule's parts.
 *
 * A conditional format's `id` is "the priority of the conditional format in the current
 * `ConditionalFormatCollection`" (Office.js reference, `Excel.ConditionalFormat.id`): a
 * position, not a name. `add()` puts the new format at the top (priority 0) and every other
 * one moves down; `delete()` moves up those below. An object got by id or index stands for a
 * position: after a change it finds another format there, or none (ItemNotFound), as the
 * reference says of `priority` ("you have to re-fetch a new copy of the object at that new
 * priority location"). The object `add()` returns stays with the format it added.
 */
import type { MemoryRequestContext } from './context';
import { ErrorCode, MemoryExcelError } from './errors';
import { CollectionProxy, MemoryClientResult, ProxyObject } from './proxy-base';
import { RangeAreasProxy, RangeProxy, type AreasTarget, type SameParameters } from './range-proxies';
import { CONDITIONAL_FORMAT_TYPES, normalizeColor, type ConditionalFormatData, type ConditionalFormatType, type SheetData } from './workbook-model';

function itemNotFound(detail: string): MemoryExcelError {
  return new MemoryExcelError(ErrorCode.itemNotFound, `The requested resource doesn't exist: ${detail}.`);
}

/** Where a proxy points: a position in the sheet's list (got by id or index), or the format `add()` made. */
type Binding = { readonly sheet: SheetData; readonly position: number } | { readonly sheet: SheetData; readonly format: ConditionalFormatData };

interface ConditionalFormatTarget {
  readonly sheet: SheetData;
  readonly format: ConditionalFormatData;
}

/** The position an id names: ids are priorities, written as whole numbers. */
function positionOfId(id: string): number | null {
  return /^\d+$/.test(id) ? Number(id) : null;
}

export class ConditionalFormatCollectionProxy extends CollectionProxy<ConditionalFormatProxy> implements SameParameters<Pick<Excel.ConditionalFormatCollection, 'clearAll'>> {
  protected readonly typeName = 'ConditionalFormatCollection';

  constructor(
    context: MemoryRequestContext,
    private readonly locate: () => AreasTarget,
  ) {
    super(context);
  }

  private formats(): { sheet: SheetData; formats: ConditionalFormatData[] } {
    const { sheet, rects } = this.locate();
    return { sheet, formats: this.model.conditionalFormatsIn(sheet, rects) };
  }

  protected currentItems(): ConditionalFormatProxy[] {
    const { sheet, formats } = this.formats();
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
  private byId(id: string): Binding | null {
    const { sheet, formats } = this.formats();
    const position = positionOfId(id);
    const format = position === null ? undefined : sheet.conditionalFormats[position];
    return position !== null && format !== undefined && formats.includes(format) ? { sheet, position } : null;
  }

  getItem(id: string): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this.context, () => {
      const binding = this.byId(id);
      if (!binding) throw itemNotFound(`conditional format ${id}`);
      return binding;
    });
  }

  getItemOrNullObject(id: string): ConditionalFormatProxy {
    this.requireApi('1.14', 'ConditionalFormatCollection.getItemOrNullObject');
    return new ConditionalFormatProxy(this.context, () => this.byId(id), true);
  }

  getItemAt(index: number): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this.context, () => {
      const { sheet, formats } = this.formats();
      const format = formats[index];
      if (!format) throw itemNotFound(`conditional format at index ${index}`);
      return { sheet, position: sheet.conditionalFormats.indexOf(format) };
    });
  }

  getCount(): MemoryClientResult<number> {
    const result = new MemoryClientResult<number>(this.context);
    this.enqueue(() => result.set(this.formats().formats.length));
    return result;
  }

  clearAll(): void {
    this.enqueue(() => {
      const { sheet, rects } = this.locate();
      for (const rect of rects) this.model.clearConditionalFormats(sheet, rect);
    });
  }
}

export class ConditionalFormatProxy extends ProxyObject implements Pick<Excel.ConditionalFormat, 'id' | 'priority' | 'stopIfTrue'>, SameParameters<Pick<Excel.ConditionalFormat, 'delete'>> {
  protected readonly typeName = 'ConditionalFormat';
  private binding: Binding | null = null;
  private customProxy: CustomConditionalFormatProxy | undefined;
  private customOrNullProxy: CustomConditionalFormatProxy | undefined;

  constructor(context: MemoryRequestContext, locate: () => Binding | null, nullable = false) {
    super(context);
    this.enqueue(() => {
      const binding = locate();
      if (!binding) {
        if (!nullable) throw itemNotFound('conditional format');
        this.markNull(true);
        return;
      }
      this.binding = binding;
      this.markNull(false);
    });
  }

  /** The format this proxy points at now (inside a sync). */
  target(): ConditionalFormatTarget {
    if (!this.binding) throw itemNotFound('conditional format');
    const sheet = this.model.requireSheet(this.binding.sheet.id);
    const format = 'position' in this.binding ? sheet.conditionalFormats[this.binding.position] : sheet.conditionalFormats.includes(this.binding.format) ? this.binding.format : undefined;
    if (!format) throw itemNotFound('conditional format (deleted, or moved to another priority)');
    return { sheet, format };
  }

  protected readers(): Readonly<Record<string, () => unknown>> {
    const position = (): number => {
      const { sheet, format } = this.target();
      return sheet.conditionalFormats.indexOf(format);
    };
    return {
      id: () => String(position()),
      type: () => this.target().format.type,
      priority: position,
      stopIfTrue: () => this.target().format.stopIfTrue,
    };
  }

  /** Getters: `custom` of another type fails when it is made, so only what a load names is made. */
  protected override children(): Readonly<Record<string, ProxyObject>> {
    const custom = (): CustomConditionalFormatProxy => this.custom;
    const customOrNullObject = (): CustomConditionalFormatProxy => this.customOrNullObject;
    return {
      get custom() {
        return custom();
      },
      get customOrNullObject() {
        return customOrNullObject();
      },
    };
  }

  get id(): string {
    return this.read('id');
  }
  get type(): Excel.ConditionalFormatType | ConditionalFormatType {
    return this.read('type');
  }
  get priority(): number {
    return this.read('priority');
  }
  set priority(value: number) {
    this.write('priority', value, () => {
      const { sheet, format } = this.target();
      this.model.setConditionalFormatPriority(sheet, format, value);
    });
  }
  get stopIfTrue(): boolean {
    return this.read('stopIfTrue');
  }
  set stopIfTrue(value: boolean) {
    this.write('stopIfTrue', value, () => {
      const { sheet, format } = this.target();
      if (format.stopIfTrue === null) throw new MemoryExcelError(ErrorCode.invalidArgument, `The argument is invalid or missing or has an incorrect format: a ${format.type} conditional format has no stopIfTrue.`);
      this.model.changeConditionalFormat(sheet, format, (target) => {
        target.stopIfTrue = value;
      });
    });
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

  /** The range the format applies to; fails when it applies to several areas. */
  getRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const { sheet, format } = this.target();
      if (format.ranges.length !== 1) throw new MemoryExcelError(ErrorCode.invalidOperation, 'The conditional format applies to several ranges: use getRanges().');
      return { sheet, rect: format.ranges[0] };
    });
  }

  getRangeOrNullObject(): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const { sheet, format } = this.target();
        return format.ranges.length === 1 ? { sheet, rect: format.ranges[0] } : null;
      },
      true,
    );
  }

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

export class CustomConditionalFormatProxy extends ProxyObject {
  protected readonly typeName = 'CustomConditionalFormat';
  readonly rule: ConditionalFormatRuleProxy;
  readonly format: ConditionalRangeFormatProxy;

  constructor(context: MemoryRequestContext, locate: () => ConditionalFormatTarget, nullable: boolean) {
    super(context);
    this.rule = new ConditionalFormatRuleProxy(context, locate);
    this.format = new ConditionalRangeFormatProxy(context, locate);
    this.enqueue(() => {
      const isCustom = locate().format.type === 'Custom';
      if (!isCustom && !nullable) throw new MemoryExcelError(ErrorCode.invalidOperation, 'The conditional format is not of type Custom.');
      this.markNull(!isCustom);
    });
  }

  protected readers(): Readonly<Record<string, () => unknown>> {
    return {};
  }

  protected override children(): Readonly<Record<string, ProxyObject>> {
    return { rule: this.rule, format: this.format };
  }
}

export class ConditionalFormatRuleProxy extends ProxyObject implements Pick<Excel.ConditionalFormatRule, 'formula' | 'formulaLocal'> {
  protected readonly typeName = 'ConditionalFormatRule';

  constructor(
    context: MemoryRequestContext,
    private readonly locate: () => ConditionalFormatTarget,
  ) {
    super(context);
  }

  protected readers(): Readonly<Record<string, () => unknown>> {
    return { formula: () => this.locate().format.formula, formulaLocal: () => this.locate().format.formula };
  }

  private change(name: string, value: string): void {
    this.write(name, value, () => {
      const { sheet, format } = this.locate();
      const formula = value.startsWith('=') ? value : `=${value}`;
      this.model.changeConditionalFormat(sheet, format, (target) => {
        target.formula = formula;
      });
    });
  }

  get formula(): string {
    return this.read('formula');
  }
  set formula(value: string) {
    this.change('formula', value);
  }
  get formulaLocal(): string {
    return this.read('formulaLocal');
  }
  set formulaLocal(value: string) {
    this.change('formulaLocal', value);
  }
}

export class ConditionalRangeFormatProxy extends ProxyObject {
  protected readonly typeName = 'ConditionalRangeFormat';
  readonly fill: ConditionalRangeFillProxy;
  readonly font: ConditionalRangeFontProxy;

  constructor(context: MemoryRequestContext, locate: () => ConditionalFormatTarget) {
    super(context);
    this.fill = new ConditionalRangeFillProxy(context, locate);
    this.font = new ConditionalRangeFontProxy(context, locate);
  }

  protected readers(): Readonly<Record<string, () => unknown>> {
    return {};
  }

  protected override children(): Readonly<Record<string, ProxyObject>> {
    return { fill: this.fill, font: this.font };
  }
}

export class ConditionalRangeFillProxy extends ProxyObject implements Pick<Excel.ConditionalRangeFill, 'color'>, SameParameters<Pick<Excel.ConditionalRangeFill, 'clear'>> {
  protected readonly typeName = 'ConditionalRangeFill';

  constructor(
    context: MemoryRequestContext,
    private readonly locate: () => ConditionalFormatTarget,
  ) {
    super(context);
  }

  protected readers(): Readonly<Record<string, () => unknown>> {
    return { color: () => this.locate().format.fill };
  }

  get color(): string {
    return this.read('color');
  }
  set color(value: string) {
    this.write('color', value, () => {
      const { sheet, format } = this.locate();
      const color = normalizeColor(value);
      this.model.changeConditionalFormat(sheet, format, (target) => {
        target.fill = color;
      });
    });
  }

  clear(): void {
    this.enqueue(() => {
      const { sheet, format } = this.locate();
      this.model.changeConditionalFormat(sheet, format, (target) => {
        target.fill = null;
      });
    });
  }
}

export class ConditionalRangeFontProxy extends ProxyObject implements Pick<Excel.ConditionalRangeFont, 'color' | 'bold' | 'italic'>, SameParameters<Pick<Excel.ConditionalRangeFont, 'clear'>> {
  protected readonly typeName = 'ConditionalRangeFont';

  constructor(
    context: MemoryRequestContext,
    private readonly locate: () => ConditionalFormatTarget,
  ) {
    super(context);
  }

  protected readers(): Readonly<Record<string, () => unknown>> {
    return { color: () => this.locate().format.fontColor, bold: () => this.locate().format.fontBold, italic: () => this.locate().format.fontItalic };
  }

  get color(): string {
    return this.read('color');
  }
  set color(value: string) {
    this.write('color', value, () => {
      const { sheet, format } = this.locate();
      const color = normalizeColor(value);
      this.model.changeConditionalFormat(sheet, format, (target) => {
        target.fontColor = color;
      });
    });
  }
  get bold(): boolean {
    return this.read('bold');
  }
  set bold(value: boolean) {
    this.write('bold', value, () => {
      const { sheet, format } = this.locate();
      this.model.changeConditionalFormat(sheet, format, (target) => {
        target.fontBold = value;
      });
    });
  }
  get italic(): boolean {
    return this.read('italic');
  }
  set italic(value: boolean) {
    this.write('italic', value, () => {
      const { sheet, format } = this.locate();
      this.model.changeConditionalFormat(sheet, format, (target) => {
        target.fontItalic = value;
      });
    });
  }

  clear(): void {
    this.enqueue(() => {
      const { sheet, format } = this.locate();
      this.model.changeConditionalFormat(sheet, format, (target) => {
        target.fontColor = null;
        target.fontBold = null;
        target.fontItalic = null;
      });
    });
  }
}
