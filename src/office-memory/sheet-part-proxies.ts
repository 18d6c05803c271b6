/** A worksheet's parts: `Excel.WorksheetProtection`, its names, `Excel.PageLayout`. */
/* eslint-disable @typescript-eslint/no-unsafe-declaration-merging -- each proxy class merges with an interface of the Office.js properties its table installs on the prototype */
import { MAX_COLUMNS, parseSheetAddress, type Rect } from './address';
import { BoundProxy, PartCollectionProxy, PartProxy, installProperties, type PropertySpec, type PropertyTable } from './proxy-base';
import { RangeProxy, invalidArgument, rangeArgument, rectOnSheet, type SameParameters } from './range-proxies';
import { WorkbookModel, type NameData, type PageLayoutData, type SheetData } from './workbook-model';

// ---------------------------------------------------------------- protection

const PROTECTION_PROPERTIES = {
  protected: { read: (sheet: SheetData) => sheet.protection.protected },
} satisfies PropertyTable<SheetData>;

export class WorksheetProtectionProxy extends PartProxy<SheetData> {
  protected readonly typeName = 'WorksheetProtection';
}

// Declaration merging: the accessors come from the property table (installProperties), typed as Office.js's.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface WorksheetProtectionProxy extends Pick<Excel.WorksheetProtection, keyof typeof PROTECTION_PROPERTIES> {}
installProperties(WorksheetProtectionProxy, PROTECTION_PROPERTIES);

// ---------------------------------------------------------------- names

interface NameTarget {
  readonly scope: SheetData;
  readonly item: NameData;
}

export class NamedItemCollectionProxy extends PartCollectionProxy<NamedItemProxy, SheetData> implements SameParameters<Pick<Excel.NamedItemCollection, 'add'>> {
  protected readonly typeName = 'NamedItemCollection';

  protected currentItems(): NamedItemProxy[] {
    const scope = this.locate();
    return scope.names.filter((item) => item.visible).map((item) => this.context.runNow(() => new NamedItemProxy(this.context, () => ({ scope, item }))));
  }

  /** A name for a range (or a formula), scoped to the sheet. */
  add(name: string, reference: Excel.Range | RangeProxy | string, comment?: string): NamedItemProxy {
    return new NamedItemProxy(this.context, () => {
      const scope = this.locate();
      let formula: string;
      if (reference instanceof RangeProxy) {
        this.context.assertSameContext(reference);
        const { sheet, rect } = reference.target();
        formula = WorkbookModel.referenceFormula(sheet, rect);
      } else if (typeof reference === 'string') {
        formula = reference.startsWith('=') ? reference : `=${reference}`;
        const parsed = parseSheetAddress(formula);
        if (parsed && parsed.sheet === null) formula = WorkbookModel.referenceFormula(scope, parsed.rect);
      } else {
        throw invalidArgument('the reference must be a Range or a formula');
      }
      return { scope, item: this.model.addName(scope, name, formula, comment ?? '') };
    });
  }
}

const NAME_PROPERTIES = {
  name: { read: ({ item }: NameTarget) => item.name },
  formula: { read: ({ item }: NameTarget) => item.formula },
} satisfies PropertyTable<NameTarget>;

export class NamedItemProxy extends BoundProxy<NameTarget> {
  protected readonly typeName = 'NamedItem';

  target(): NameTarget {
    return this.bound();
  }
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface NamedItemProxy extends Pick<Excel.NamedItem, keyof typeof NAME_PROPERTIES> {}
installProperties(NamedItemProxy, NAME_PROPERTIES);

// ---------------------------------------------------------------- page layout

type LayoutMember = 'orientation' | 'paperSize' | 'centerHorizontally' | 'leftMargin' | 'rightMargin' | 'topMargin' | 'bottomMargin' | 'headerMargin' | 'footerMargin';

function layoutProperty(member: LayoutMember, valid: (value: unknown) => boolean): PropertySpec<SheetData> {
  return {
    read: (sheet) => sheet.pageLayout[member],
    write: (sheet: SheetData, value: unknown, model: WorkbookModel) => {
      if (!valid(value)) throw invalidArgument(`pageLayout.${member} ${JSON.stringify(value)}`);
      model.changePageLayout(sheet, (layout) => Object.assign(layout, { [member]: value }));
    },
  };
}

const isMargin = (value: unknown): boolean => typeof value === 'number' && value >= 0 && value < 1000;

function zoomOf(value: Excel.PageLayoutZoomOptions): PageLayoutData['zoom'] {
  const { scale, horizontalFitToPages, verticalFitToPages } = value;
  const fit = horizontalFitToPages !== undefined || verticalFitToPages !== undefined;
  if (scale !== undefined && (fit || scale < 10 || scale > 400)) throw invalidArgument('zoom: a scale from 10 to 400, or pages to fit, not both');
  if (!fit && scale === undefined) throw invalidArgument('zoom needs a scale or pages to fit');
  return fit ? { horizontalFitToPages: horizontalFitToPages ?? 0, verticalFitToPages: verticalFitToPages ?? 0 } : { scale };
}

const PAGE_LAYOUT_PROPERTIES = {
  orientation: layoutProperty('orientation', (value) => value === 'Portrait' || value === 'Landscape'),
  paperSize: layoutProperty('paperSize', (value) => typeof value === 'string' && value !== ''),
  centerHorizontally: layoutProperty('centerHorizontally', (value) => typeof value === 'boolean'),
  leftMargin: layoutProperty('leftMargin', isMargin),
  rightMargin: layoutProperty('rightMargin', isMargin),
  topMargin: layoutProperty('topMargin', isMargin),
  bottomMargin: layoutProperty('bottomMargin', isMargin),
  headerMargin: layoutProperty('headerMargin', isMargin),
  footerMargin: layoutProperty('footerMargin', isMargin),
  zoom: {
    read: (sheet: SheetData) => ({ ...sheet.pageLayout.zoom }),
    write: (sheet: SheetData, value: Excel.PageLayoutZoomOptions, model: WorkbookModel) => {
      const zoom = zoomOf(value);
      model.changePageLayout(sheet, (layout) => {
        layout.zoom = zoom;
      });
    },
  },
} satisfies PropertyTable<SheetData>;

export class PageLayoutProxy extends PartProxy<SheetData> implements SameParameters<Pick<Excel.PageLayout, 'setPrintArea' | 'setPrintTitleRows'>> {
  protected readonly typeName = 'PageLayout';

  #rectsOf(sheet: SheetData, value: unknown): Rect[] {
    if (typeof value !== 'string') return [rangeArgument(this.context, sheet, value)];
    return value
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '')
      .map((part) => rectOnSheet(sheet, part));
  }

  setPrintArea(printArea: Excel.Range | Excel.RangeAreas | RangeProxy | string): void {
    this.enqueue(() => {
      const sheet = this.target();
      const rects = this.#rectsOf(sheet, printArea);
      this.model.changePageLayout(sheet, (layout) => {
        layout.printArea = rects;
      });
    });
  }

  setPrintTitleRows(printTitleRows: Excel.Range | RangeProxy | string): void {
    this.enqueue(() => {
      const sheet = this.target();
      const [rect] = this.#rectsOf(sheet, printTitleRows);
      this.model.changePageLayout(sheet, (layout) => {
        layout.printTitleRows = { top: rect.top, bottom: rect.bottom, left: 0, right: MAX_COLUMNS - 1 };
      });
    });
  }
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PageLayoutProxy extends Pick<Excel.PageLayout, keyof typeof PAGE_LAYOUT_PROPERTIES> {}
installProperties(PageLayoutProxy, PAGE_LAYOUT_PROPERTIES);
