/**
 * Where the workbook's parts are: its worksheets in tab order with their names, the shared
 * string table and the styles, found through `xl/workbook.xml` and its relationships.
 */
import { CLOSE, END, OPEN, XmlScanner } from './xml-scanner';

export interface SheetPart {
  readonly name: string;
  /** The part's path in the package, `xl/worksheets/sheet1.xml`. */
  readonly path: string;
}

export interface WorkbookParts {
  readonly sheets: readonly SheetPart[];
  readonly sharedStringsPath: string | null;
  readonly stylesPath: string | null;
  /** Dates count from 1904 (old Mac workbooks); serial numbers then differ by 1,462 days. */
  readonly date1904: boolean;
}

interface Relationship {
  readonly type: string;
  readonly target: string;
}

const RELATIONSHIP_TYPE = /\/([A-Za-z]+)$/;

/** The relationships of a part, by id; the type is the last segment of its URI (`worksheet`). */
function parseRelationships(xml: string, fromFolder: string): Map<string, Relationship> {
  const relationships = new Map<string, Relationship>();
  const scanner = new XmlScanner(xml);
  for (let token = scanner.next(); token !== END; token = scanner.next()) {
    if (token !== OPEN || scanner.name !== 'Relationship') continue;
    const id = scanner.attribute('Id');
    const target = scanner.attribute('Target');
    const type = RELATIONSHIP_TYPE.exec(scanner.attribute('Type') ?? '')?.[1] ?? '';
    if (id === undefined || target === undefined || scanner.attribute('TargetMode') === 'External') continue;
    relationships.set(id, { type, target: resolvePartPath(fromFolder, target) });
  }
  return relationships;
}

/** A relationship's target as a path in the package: relative to the source's folder, or absolute. */
function resolvePartPath(fromFolder: string, target: string): string {
  const segments = target.startsWith('/') ? [] : fromFolder.split('/').filter(Boolean);
  for (const segment of target.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return segments.join('/');
}

function isTrue(value: string | undefined): boolean {
  return value === '1' || value === 'true';
}

export function parseWorkbookParts(workbookXml: string, relationshipsXml: string | null): WorkbookParts {
  const relationships = relationshipsXml === null ? new Map<string, Relationship>() : parseRelationships(relationshipsXml, 'xl');
  const sheets: SheetPart[] = [];
  let date1904 = false;
  const scanner = new XmlScanner(workbookXml);
  for (let token = scanner.next(); token !== END; token = scanner.next()) {
    if (token !== OPEN) continue;
    if (scanner.name === 'workbookPr') date1904 = isTrue(scanner.attribute('date1904'));
    else if (scanner.name === 'sheet') {
      const name = scanner.attribute('name') ?? '';
      const relationship = relationships.get(scanner.attribute('id') ?? '');
      if (relationship) {
        // Chart sheets and macro sheets hold no cells.
        if (relationship.type === 'worksheet') sheets.push({ name, path: relationship.target });
      } else if (relationshipsXml === null) {
        // A package without workbook relationships: the conventional part name.
        sheets.push({ name, path: `xl/worksheets/sheet${scanner.attribute('sheetId') ?? sheets.length + 1}.xml` });
      }
    }
  }
  const targetOf = (type: string): string | null => [...relationships.values()].find((relationship) => relationship.type === type)?.target ?? null;
  return {
    sheets,
    sharedStringsPath: relationshipsXml === null ? 'xl/sharedStrings.xml' : targetOf('sharedStrings'),
    stylesPath: relationshipsXml === null ? 'xl/styles.xml' : targetOf('styles'),
    date1904,
  };
}

/** Built-in number formats that show dates or times (ids 14–22 and 45–47; 27–36 and 50–58 in CJK locales). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A format code shows a date when, outside quoted text and [brackets], it has date or time letters. */
function isDateFormatCode(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]/.test(bare);
}

/** For each cell style index (`s`), whether its number format shows a date. */
export function parseDateStyles(stylesXml: string): boolean[] {
  const customFormats = new Map<number, string>();
  const dateStyles: boolean[] = [];
  const scanner = new XmlScanner(stylesXml);
  let inCellXfs = false;
  for (let token = scanner.next(); token !== END; token = scanner.next()) {
    if (token === OPEN) {
      if (scanner.name === 'numFmt') customFormats.set(Number(scanner.attribute('numFmtId')), scanner.attribute('formatCode') ?? '');
      else if (scanner.name === 'cellXfs') inCellXfs = !scanner.selfClosing;
      else if (scanner.name === 'xf' && inCellXfs) {
        const id = Number(scanner.attribute('numFmtId') ?? 0);
        const custom = customFormats.get(id);
        dateStyles.push(custom === undefined ? BUILT_IN_DATE_FORMATS.has(id) : isDateFormatCode(custom));
      }
    } else if (token === CLOSE && scanner.name === 'cellXfs') inCellXfs = false;
  }
  return dateStyles;
}
