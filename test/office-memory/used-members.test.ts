/**
 * The in-memory Excel implements only what the project calls: every property a proxy declares
 * in its table, and every method on its prototype, is used somewhere in src/excel, src/preview
 * or the tests (this file aside) — as `.member` or named in a `load('…')` string. A member
 * nothing uses is dead weight that still has to be kept true to Excel: remove it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  ConditionalFormatCollectionProxy,
  ConditionalFormatProxy,
  ConditionalFormatRuleProxy,
  ConditionalRangeFillProxy,
  ConditionalRangeFontProxy,
  ConditionalRangeFormatProxy,
  CustomConditionalFormatProxy,
} from '../../src/office-memory/conditional-format-proxies';
import { RangeBorderCollectionProxy, RangeBorderProxy, RangeFillProxy, RangeFontProxy, RangeFormatProxy } from '../../src/office-memory/format-proxies';
import { BoundProxy, CollectionProxy, ProxyObject, declaredProperties } from '../../src/office-memory/proxy-base';
import { RangeAreasProxy, RangeProxy } from '../../src/office-memory/range-proxies';
import { NamedItemCollectionProxy, NamedItemProxy, PageLayoutProxy, WorksheetProtectionProxy } from '../../src/office-memory/sheet-part-proxies';
import { MemoryEventHandlerResult, MemoryEventHandlers, RuntimeProxy, WorkbookProxy, WorksheetCollectionProxy, WorksheetProxy } from '../../src/office-memory/sheet-proxies';
import { DataValidationProxy } from '../../src/office-memory/validation-proxies';

const ROOT = join(__dirname, '..', '..');
const THIS_FILE = join(__dirname, 'used-members.test.ts');

const PROXY_CLASSES: readonly { readonly name: string; readonly prototype: object }[] = [
  RangeProxy,
  RangeAreasProxy,
  RangeFormatProxy,
  RangeFillProxy,
  RangeFontProxy,
  RangeBorderCollectionProxy,
  RangeBorderProxy,
  DataValidationProxy,
  ConditionalFormatCollectionProxy,
  ConditionalFormatProxy,
  CustomConditionalFormatProxy,
  ConditionalFormatRuleProxy,
  ConditionalRangeFormatProxy,
  ConditionalRangeFillProxy,
  ConditionalRangeFontProxy,
  WorkbookProxy,
  WorksheetCollectionProxy,
  WorksheetProxy,
  RuntimeProxy,
  WorksheetProtectionProxy,
  NamedItemCollectionProxy,
  NamedItemProxy,
  PageLayoutProxy,
  MemoryEventHandlers,
  MemoryEventHandlerResult,
];

/** Members every proxy shares (load, isNullObject, items, …), the internal `target()` and the collections' `currentItems()` hook. */
const SHARED = new Set(['constructor', 'currentItems', ...[ProxyObject, BoundProxy, CollectionProxy].flatMap((base) => Object.getOwnPropertyNames(base.prototype))]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry) && path !== THIS_FILE ? [path] : [];
  });
}

const CORPUS = ['src/excel', 'src/preview', 'test'].flatMap((dir) => sourceFiles(join(ROOT, dir)).map((file) => readFileSync(file, 'utf8'))).join('\n');

function isUsed(member: string): boolean {
  return new RegExp(`\\.${member}\\b|[/'",]\\s*${member}\\s*['",/]`).test(CORPUS);
}

/** The methods and accessors a class defines itself, and the properties its table declares. */
function membersOf(proxyClass: { readonly prototype: object }): string[] {
  const own = Object.getOwnPropertyNames(proxyClass.prototype).filter((name) => !SHARED.has(name));
  return [...new Set([...own, ...declaredProperties(proxyClass)])];
}

describe('the in-memory Excel implements only what the project calls', () => {
  it.each(PROXY_CLASSES.map((proxyClass) => [proxyClass.name, proxyClass] as const))('%s: every member is used', (_name, proxyClass) => {
    const unused = membersOf(proxyClass).filter((member) => !isUsed(member));
    expect(unused).toEqual([]);
  });

  it('finds a member nothing calls', () => {
    expect(isUsed('getResizedRange')).toBe(false);
    expect(isUsed('getMergedAreasOrNullObject')).toBe(true);
  });
});
