/**
 * A blank form just inserted is not painted pink: its "to fill" issues are published but not
 * highlighted until the check before submitting (core/check/attention.ts decides which).
 */
import { newHost } from './support/memory-host';

const DEPARTMENT = '部门整体支出绩效目标';
const ERROR_FILL = '#FFC7CE';

test('a blank form opens without highlights; the check before submitting highlights what is to fill', async () => {
  const t = newHost();
  await t.host.start();
  await t.host.insert({ template: 'department', year: 2026, withSample: false });
  await t.settle();
  const update = t.host.lastCheck();
  expect(update?.fullCheck).toBe(false);
  const form = update?.result.forms[0];
  const errors = form?.issues.filter((issue) => issue.severity === 'error') ?? [];
  expect(errors.length).toBe(11);
  expect([...t.memory.inspect.highlightedCells(DEPARTMENT).values()]).toEqual([]);

  await t.host.checkBeforeSubmit();
  expect(t.host.lastCheck()?.fullCheck).toBe(true);
  const highlighted = Object.fromEntries(t.memory.inspect.highlightedCells(DEPARTMENT));
  const unit = form?.form.fields.unit?.cell ?? '';
  expect(highlighted[unit]).toBe(ERROR_FILL);
  expect(Object.values(highlighted).filter((fill) => fill === ERROR_FILL).length).toBeGreaterThanOrEqual(8);
});
