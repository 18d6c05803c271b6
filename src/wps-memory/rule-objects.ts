/**
 * Conditional formats and data validation: `Range.FormatConditions` (the sheet's formats over
 * the range, by priority, `Item(i)` 1-based), `FormatCondition` (Formula1, Interior, Font,
 * AppliesTo, Delete), `Range.Validation` (Add, Delete and the rule's properties).
 */
import { XL_EXPRESSION, type WpsFont, type WpsFormatCondition, type WpsFormatConditions, type WpsInterior, type WpsRange, type WpsValidation } from '../wps/wps-api';
import type { Rect } from './address';
import { WpsErrorCode, WpsMemoryError } from './errors';
import { requireBoolean, requireColor, requireNumber, requireString, SheetObject, WpsObject, type WpsHost } from './object-base';
import { assertFormula } from './model-cells';
import type { FormatConditionData, ValidationData } from './sheet-data';

/** What a conditional format changes of a cell: a fill (`Interior`) or a font (`Font`), as a rule holds them. */
abstract class RuleFormat extends WpsObject {
  constructor(
    host: WpsHost,
    private readonly sheetId: number,
    protected readonly format: FormatConditionData,
  ) {
    super(host);
  }

  protected change(member: string, change: (format: FormatConditionData) => void): void {
    this.write(member, () => this.host.model.changeFormatCondition(this.host.model.sheetById(this.sheetId), this.format, change));
  }
}

/** `FormatCondition.Interior`: a rule without fill reads null. */
export class MemoryRuleInterior extends RuleFormat implements WpsInterior {
  protected readonly kind = 'Interior';

  get Color(): number | null {
    return this.read('Color', () => this.format.interiorColor);
  }
  set Color(value: number) {
    this.change('Color', (format) => {
      format.interiorColor = requireColor(value, 'FormatCondition.Interior.Color');
    });
  }
}

/**
 * `FormatCondition.Font`: colour and weight; a conditional format cannot change the font's name
 * or size ("FormatCondition.Font property (Excel)": only some font properties apply), so those
 * read null and refuse a write.
 */
export class MemoryRuleFont extends RuleFormat implements WpsFont {
  protected readonly kind = 'Font';

  get Color(): number | null {
    return this.read('Color', () => this.format.fontColor);
  }
  set Color(value: number) {
    this.change('Color', (format) => {
      format.fontColor = requireColor(value, 'FormatCondition.Font.Color');
    });
  }
  get Bold(): boolean | null {
    return this.read('Bold', () => this.format.fontBold);
  }
  set Bold(value: boolean) {
    this.change('Bold', (format) => {
      format.fontBold = requireBoolean(value, 'FormatCondition.Font.Bold');
    });
  }
  get Size(): number | null {
    return this.read('Size', () => null);
  }
  set Size(_value: number) {
    this.write('Size', () => {
      throw new WpsMemoryError(WpsErrorCode.invalidOperation, 'Unable to set the Size property of the Font class: a conditional format keeps the cell\'s font size.');
    });
  }
  get Name(): string | null {
    return this.read('Name', () => null);
  }
  set Name(_value: string) {
    this.write('Name', () => {
      throw new WpsMemoryError(WpsErrorCode.invalidOperation, 'Unable to set the Name property of the Font class: a conditional format keeps the cell\'s font.');
    });
  }
}

export class MemoryFormatCondition extends SheetObject implements WpsFormatCondition {
  protected readonly kind = 'FormatCondition';

  constructor(
    host: WpsHost,
    sheetId: number,
    private readonly format: FormatConditionData,
  ) {
    super(host, sheetId);
  }

  private live(): FormatConditionData {
    if (!this.sheet.formatConditions.includes(this.format)) throw new WpsMemoryError(WpsErrorCode.itemNotFound, 'This conditional format was deleted.');
    return this.format;
  }

  /** XlFormatConditionType: xlExpression 2, xlCellValue 1. */
  get Type(): number {
    return this.read('Type', () => this.live().type);
  }
  /** The formula as written, with its `=`. */
  get Formula1(): string {
    return this.read('Formula1', () => this.live().formula1);
  }
  get Interior(): MemoryRuleInterior {
    return this.read('Interior', () => new MemoryRuleInterior(this.host, this.sheetId, this.live()));
  }
  get Font(): MemoryRuleFont {
    return this.read('Font', () => new MemoryRuleFont(this.host, this.sheetId, this.live()));
  }
  /** The areas the format applies to, as one Range. */
  get AppliesTo(): WpsRange {
    return this.read('AppliesTo', () => this.host.factory.range(this.sheetId, this.live().ranges));
  }

  Delete(): void {
    this.invoke('Delete', () => this.model.deleteFormatCondition(this.sheet, this.live()));
  }

  /** Priority 1: first in the sheet's list, the others renumbered below it ("FormatCondition.SetFirstPriority method (Excel)"). */
  SetFirstPriority(): void {
    this.invoke('SetFirstPriority', () => this.model.moveFormatConditionFirst(this.sheet, this.live()));
  }
}

export class MemoryFormatConditions extends SheetObject implements WpsFormatConditions {
  protected readonly kind = 'FormatConditions';

  constructor(
    host: WpsHost,
    sheetId: number,
    private readonly areas: readonly Rect[],
  ) {
    super(host, sheetId);
  }

  private list(): FormatConditionData[] {
    return this.model.formatConditionsOver(this.sheet, this.areas);
  }

  get Count(): number {
    return this.read('Count', () => this.list().length);
  }

  /** 1-based, in priority order; throws beyond Count ("FormatConditions.Item method (Excel)"). */
  Item(index: number): MemoryFormatCondition {
    return this.invoke('Item', () => {
      const format = Number.isInteger(index) ? this.list()[index - 1] : undefined;
      if (!format) throw new WpsMemoryError(WpsErrorCode.itemNotFound, `There is no conditional format ${index} (Count is ${this.list().length}).`);
      return new MemoryFormatCondition(this.host, this.sheetId, format);
    });
  }

  /**
   * `Add(xlExpression, , Formula1)` over the range's areas: the format holds where the formula,
   * written for the range's top-left cell, is true; it must start with `=` ("FormatConditions.Add
   * method (Excel)"). The other types are not modelled: the project adds none.
   */
  Add(type: typeof XL_EXPRESSION, _operator: undefined, formula1: string): MemoryFormatCondition {
    return this.invoke('Add', () => {
      if (type !== XL_EXPRESSION) throw new WpsMemoryError(WpsErrorCode.invalidArgument, `Conditional format type ${type} is not modelled.`);
      const formula = requireString(formula1, 'FormatConditions.Add Formula1');
      if (!formula.startsWith('=')) throw new WpsMemoryError(WpsErrorCode.invalidArgument, 'An xlExpression formula starts with =.');
      assertFormula(formula);
      const added = this.model.addFormatCondition(this.sheet, this.areas as Rect[], { type, operator: null, formula1: formula, formula2: null });
      return new MemoryFormatCondition(this.host, this.sheetId, added);
    });
  }
}

type ValidationText = 'inputTitle' | 'inputMessage' | 'errorTitle' | 'errorMessage';
type ValidationFlag = 'ignoreBlank' | 'inCellDropdown' | 'showInput' | 'showError';

/** `Range.Validation`: the rule of the range's top-left cell; reading a rule where there is none fails. */
export class MemoryValidation extends SheetObject implements WpsValidation {
  protected readonly kind = 'Validation';

  constructor(
    host: WpsHost,
    sheetId: number,
    private readonly areas: readonly Rect[],
  ) {
    super(host, sheetId);
  }

  private rule(): ValidationData {
    const { top, left } = this.areas[0];
    const rule = this.model.validationAt(this.sheet, top, left);
    if (!rule) throw new WpsMemoryError(WpsErrorCode.invalidOperation, 'Application-defined or object-defined error: the cell has no data validation.');
    return rule;
  }

  /**
   * `Add(Type, AlertStyle, Operator, Formula1)`: XlDVType (xlValidateList 3: Formula1
   * is a comma-separated list or a reference), XlDVAlertStyle (xlValidAlertStop 1 by default),
   * XlFormatConditionOperator ("Validation.Add method (Excel)").
   */
  Add(type: number, alertStyle?: number, operator?: number, formula1?: string): void {
    this.invoke('Add', () => {
      requireNumber(type, 'Validation.Add Type');
      for (const area of this.areas) {
        this.model.addValidation(this.sheet, area, {
          type,
          alertStyle: alertStyle ?? 1,
          operator: operator ?? null,
          formula1: formula1 === undefined ? '' : requireString(formula1, 'Validation.Add Formula1'),
          formula2: null,
          ignoreBlank: true,
          inCellDropdown: true,
          showInput: true,
          showError: true,
          inputTitle: '',
          inputMessage: '',
          errorTitle: '',
          errorMessage: '',
        });
      }
    });
  }

  private text(key: ValidationText, member: string) {
    return {
      get: (): string => this.read(member, () => this.rule()[key]),
      set: (value: unknown): void =>
        this.write(member, () => {
          const text = requireString(value, `Validation.${member}`);
          this.model.changeValidation(this.sheet, this.rule(), (rule) => {
            rule[key] = text;
          });
        }),
    };
  }

  private flag(key: ValidationFlag, member: string) {
    return {
      get: (): boolean => this.read(member, () => this.rule()[key]),
      set: (value: unknown): void =>
        this.write(member, () => {
          const flag = requireBoolean(value, `Validation.${member}`);
          this.model.changeValidation(this.sheet, this.rule(), (rule) => {
            rule[key] = flag;
          });
        }),
    };
  }

  get InputTitle(): string {
    return this.text('inputTitle', 'InputTitle').get();
  }
  set InputTitle(value: string) {
    this.text('inputTitle', 'InputTitle').set(value);
  }
  get InputMessage(): string {
    return this.text('inputMessage', 'InputMessage').get();
  }
  set InputMessage(value: string) {
    this.text('inputMessage', 'InputMessage').set(value);
  }
  get ErrorTitle(): string {
    return this.text('errorTitle', 'ErrorTitle').get();
  }
  set ErrorTitle(value: string) {
    this.text('errorTitle', 'ErrorTitle').set(value);
  }
  get ErrorMessage(): string {
    return this.text('errorMessage', 'ErrorMessage').get();
  }
  set ErrorMessage(value: string) {
    this.text('errorMessage', 'ErrorMessage').set(value);
  }
  get IgnoreBlank(): boolean {
    return this.flag('ignoreBlank', 'IgnoreBlank').get();
  }
  set IgnoreBlank(value: boolean) {
    this.flag('ignoreBlank', 'IgnoreBlank').set(value);
  }
  get InCellDropdown(): boolean {
    return this.flag('inCellDropdown', 'InCellDropdown').get();
  }
  set InCellDropdown(value: boolean) {
    this.flag('inCellDropdown', 'InCellDropdown').set(value);
  }
  get ShowInput(): boolean {
    return this.flag('showInput', 'ShowInput').get();
  }
  set ShowInput(value: boolean) {
    this.flag('showInput', 'ShowInput').set(value);
  }
  get ShowError(): boolean {
    return this.flag('showError', 'ShowError').get();
  }
  set ShowError(value: boolean) {
    this.flag('showError', 'ShowError').set(value);
  }
}
