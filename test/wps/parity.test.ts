/**
 * Cross-host parity: a form inserted through the WPS host reads back, through core's
 * extractor, exactly as the same form inserted through the Excel host (over office-memory).
 */
import { newWpsHost } from './support/wps-host';
import { newHost, issueKeysOf } from '../excel/support/memory-host';
import type { TemplateId } from '../../src/core/templates/template';

const FORMS: readonly { template: TemplateId; withSample: boolean }[] = [
  { template: 'department', withSample: true },
  { template: 'department', withSample: false },
  { template: 'project', withSample: true },
  { template: 'national-project', withSample: true },
  { template: 'hunan-department', withSample: true },
  { template: 'hunan-project', withSample: false },
];

describe.each(FORMS)('parity of $template (sample: $withSample)', ({ template, withSample }) => {
  it('reads back as the Excel host reads it back', async () => {
    const wps = newWpsHost();
    const excel = newHost();
    await Promise.all([wps.host.start(), excel.host.start()]);
    await wps.host.insert({ template, year: 2022, withSample });
    await excel.host.insert({ template, year: 2022, withSample });
    // A recheck reads every sheet back from the workbook (an insert checks its plan).
    await wps.host.recheck();
    await excel.host.recheck();
    await Promise.all([wps.settle(), excel.settle()]);
    const wpsForms = wps.host.lastCheck()?.result.forms.map((form) => form.form);
    const excelForms = excel.host.lastCheck()?.result.forms.map((form) => form.form);
    expect(wpsForms?.length).toBeGreaterThan(0);
    expect(wpsForms).toEqual(excelForms);
    expect(issueKeysOf(wps.host.lastCheck())).toEqual(issueKeysOf(excel.host.lastCheck()));
    expect(wps.problems).toEqual([]);
  });
});
