/**
 * The fake holds only what the WPS host calls: every public member of its objects is a member of
 * the object model's types the adapter is written against (src/wps/wps-api.ts). A member the
 * adapter does not declare fails to compile here.
 */
import type { MemoryApiEvent, MemoryApplication, MemoryRange, MemorySheets, MemoryWorkbook, MemoryWorksheet } from '../../src/wps-memory';
import type { MemoryBorder, MemoryBorders, MemoryFont, MemoryInterior } from '../../src/wps-memory/format-objects';
import type { MemoryFormatCondition, MemoryFormatConditions, MemoryRuleFont, MemoryRuleInterior, MemoryValidation } from '../../src/wps-memory/rule-objects';
import type { MemoryName, MemoryNames, MemoryPageSetup } from '../../src/wps-memory/sheet-objects';
import type * as Wps from '../../src/wps/wps-api';

/** What every fake object carries for its own bookkeeping (which sheet, which cells). */
type Bookkeeping = 'sheetId' | 'areas';
type OnlyDeclared<Fake, Declared> = Exclude<keyof Fake, keyof Declared | Bookkeeping> extends never ? true : ['not in wps-api.ts:', Exclude<keyof Fake, keyof Declared | Bookkeeping>];
type Holds<T extends true> = T;

export type FakeMembersAreDeclared = [
  Holds<OnlyDeclared<MemoryApplication, Wps.WpsApplication>>,
  Holds<OnlyDeclared<MemoryApiEvent, Wps.WpsApiEvent>>,
  Holds<OnlyDeclared<MemoryWorkbook, Wps.WpsWorkbook>>,
  Holds<OnlyDeclared<MemorySheets, Wps.WpsSheets>>,
  Holds<OnlyDeclared<MemoryWorksheet, Wps.WpsWorksheet>>,
  Holds<OnlyDeclared<MemoryRange, Wps.WpsRange>>,
  Holds<OnlyDeclared<MemoryInterior, Wps.WpsInterior>>,
  Holds<OnlyDeclared<MemoryFont, Wps.WpsFont>>,
  Holds<OnlyDeclared<MemoryBorders, Wps.WpsBorders>>,
  Holds<OnlyDeclared<MemoryBorder, Wps.WpsBorder>>,
  Holds<OnlyDeclared<MemoryFormatConditions, Wps.WpsFormatConditions>>,
  Holds<OnlyDeclared<MemoryFormatCondition, Wps.WpsFormatCondition>>,
  Holds<OnlyDeclared<MemoryRuleInterior, Wps.WpsInterior>>,
  Holds<OnlyDeclared<MemoryRuleFont, Wps.WpsFont>>,
  Holds<OnlyDeclared<MemoryValidation, Wps.WpsValidation>>,
  Holds<OnlyDeclared<MemoryNames, Wps.WpsNames>>,
  Holds<OnlyDeclared<MemoryName, Wps.WpsName>>,
  Holds<OnlyDeclared<MemoryPageSetup, Wps.WpsPageSetup>>,
];

it('is checked by the compiler (this file compiles only when every fake member is declared)', () => {
  const proof: FakeMembersAreDeclared[number] = true;
  expect(proof).toBe(true);
});
