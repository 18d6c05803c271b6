/** Inserting a form through the WPS host: what WPS then holds, and the first check. */
import { newWpsHost, ownedFills } from './support/wps-host';
import { newHost, issueKeysOf } from '../excel/support/memory-host';
import { issueKeysOf as wpsIssueKeys } from '../excel/support/memory-host';

describe('WPS host: insert', () => {
  it('inserts the department form and checks it', async () => {
    const t = newWpsHost({ sheets: ['Sheet1'] });
    await t.host.start();
    await t.settle();
    const { sheet } = await t.host.insert({ template: 'department', year: 2022, withSample: true });
    await t.settle();
    expect(t.wps.inspect.sheetNames()).toContain(sheet);
    expect(t.problems).toEqual([]);
    const excel = newHost();
    await excel.host.start();
    await excel.host.insert({ template: 'department', year: 2022, withSample: true });
    await excel.settle();
    expect(wpsIssueKeys(t.host.lastCheck())).toEqual(issueKeysOf(excel.host.lastCheck()));
    expect(ownedFills(t.wps, sheet).size).toBeGreaterThanOrEqual(0);
  });
});
