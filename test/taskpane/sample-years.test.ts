import { getSample } from '../../src/core/sample';
import { TEMPLATE_IDS } from '../../src/core/templates/template';
import { SAMPLE_YEARS } from '../../src/taskpane/sample-years';

describe('the insert panel’s sample years', () => {
  it.each(TEMPLATE_IDS)('%s: the year the pane proposes is the sample’s own year', (id) => {
    expect(SAMPLE_YEARS[id]).toBe(getSample(id).year);
  });
});
