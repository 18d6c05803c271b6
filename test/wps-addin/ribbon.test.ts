/**
 * The ribbon button as a WPS user meets it: the first click opens the task pane, the next ones
 * hide and show that same pane — also from another page of the add-in, since the pane's ID
 * lives in PluginStorage. The root below keeps what WPS documents for these members
 * (wps-jsapi, `wps.CreateTaskPane`: "创建完这个taskpane后，需要将Visible属性置为true, 即可显示出来";
 * `wps.PluginStorage`: "每个wps加载项都有一个不同网页间共享的PluginStorage对象").
 */
import type { AddinRibbonUI, AddinRoot, AddinTaskPane } from '../../src/wps-addin/addin-root';
import { createRibbon, RIBBON, toggleTaskPane } from '../../src/wps-addin/ribbon';

interface FakeRoot extends AddinRoot {
  readonly panes: (AddinTaskPane & { readonly url: string; readonly title: string })[];
  readonly storage: Map<string, string | number | boolean>;
}

/** A fresh pane is hidden until `Visible = true`; IDs count from 1 per WPS session. */
function fakeRoot(): FakeRoot {
  const panes: FakeRoot['panes'] = [];
  const storage = new Map<string, string | number | boolean>();
  return {
    panes,
    storage,
    CreateTaskPane(url, title) {
      const pane = { ID: panes.length + 1, Visible: false, url, title };
      panes.push(pane);
      return pane;
    },
    GetTaskPane: (id) => panes.find((pane) => pane.ID === id) ?? null,
    PluginStorage: { getItem: (key) => storage.get(key), setItem: (key, value) => void storage.set(key, value) },
  };
}

const PANE_URL = 'https://intranet.example/perf-target-forms/taskpane.html';

describe('the ribbon button', () => {
  it.each([
    [1, [true]],
    [2, [false]],
    [3, [true]],
    [4, [false]],
  ])('after %i clicks there is one pane, visible: %j', (clicks, visible) => {
    const root = fakeRoot();
    const ribbon = createRibbon(() => root, () => PANE_URL);
    for (let click = 0; click < clicks; click++) expect(ribbon.OnAction({ Id: RIBBON.buttonId })).toBe(true);
    expect(root.panes.map((pane) => pane.Visible)).toEqual(visible);
    expect(root.panes.map((pane) => [pane.url, pane.title])).toEqual([[PANE_URL, '绩效目标申报助手']]);
  });

  it('finds the pane another page made, by the ID stored as text', () => {
    const root = fakeRoot();
    toggleTaskPane(root, PANE_URL);
    root.storage.set(RIBBON.paneKey, String(root.storage.get(RIBBON.paneKey)));
    toggleTaskPane(root, PANE_URL);
    expect(root.panes.map((pane) => pane.Visible)).toEqual([false]);
  });

  it('makes a new pane when the stored one is gone', () => {
    const root = fakeRoot();
    root.storage.set(RIBBON.paneKey, 7);
    toggleTaskPane(root, PANE_URL);
    expect(root.panes.map((pane) => [pane.ID, pane.Visible])).toEqual([[1, true]]);
    expect(root.storage.get(RIBBON.paneKey)).toBe(1);
  });

  it('ignores other controls, keeps the ribbon object and gives the icon', () => {
    const root = fakeRoot();
    const ribbonUI: AddinRibbonUI = { InvalidateControl: () => undefined };
    const ribbon = createRibbon(() => root, () => PANE_URL);
    expect(ribbon.OnAddinLoad(ribbonUI)).toBe(true);
    expect(root.ribbonUI).toBe(ribbonUI);
    ribbon.OnAction({ Id: 'someOtherButton' });
    expect(root.panes).toEqual([]);
    expect(ribbon.GetImage({ Id: RIBBON.buttonId })).toBe('images/icon.svg');
  });
});
