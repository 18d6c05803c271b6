import { PaneController } from '../../src/taskpane/pane-controller';
import { problemText } from '../../src/taskpane/problems';
import { ZH_CN } from '../../src/taskpane/strings/zh-CN';
import { EN_US } from '../../src/taskpane/strings/en-US';
import { buildFormViews } from '../../src/taskpane/view-model';
import { FakeHost } from './fake-host';
import { CODE_MESSAGES, DEPARTMENT_FORM, DEPARTMENT_SHEET, NOT_A_NUMBER, PROJECT_SHEET, CROSS_FORM, resultOf } from './sample-result';

function connected(host = new FakeHost()) {
  const controller = new PaneController(host, ZH_CN);
  const disconnect = controller.connect();
  return { host, controller, disconnect };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('PaneController over a host', () => {
  it('starts the host and shows each newer check', () => {
    const { host, controller } = connected();
    expect(host.calls).toEqual([{ method: 'start' }]);
    expect(controller.getState().check).toBeNull();
    const first = host.publish(resultOf({ form: DEPARTMENT_FORM, issues: [NOT_A_NUMBER] }));
    expect(controller.getState().check).toBe(first);
  });

  it('never lets an older check replace a newer one', () => {
    const { controller, host } = connected();
    const newer = host.publishUpdate({ sequence: 5, result: resultOf({ form: DEPARTMENT_FORM, issues: [] }) });
    host.publishUpdate({ sequence: 4, result: resultOf() });
    expect(controller.getState().check).toBe(newer);
  });

  it('stops listening when disconnected', () => {
    const { host, disconnect } = connected();
    expect(host.listenerCount).toBe(3);
    disconnect();
    expect(host.listenerCount).toBe(0);
  });

  it('follows the active sheet (the row actions act on its form), after an insertion too', async () => {
    const { host, controller } = connected();
    expect(controller.getState().activeSheet).toBeNull();
    host.activate(PROJECT_SHEET);
    expect(controller.getState().activeSheet).toBe(PROJECT_SHEET);
    await controller.insert({ template: 'department', year: 2026, withSample: false });
    expect(controller.getState().activeSheet).toBe(DEPARTMENT_SHEET);
  });

  it('runs the check before submitting and says so', async () => {
    const { host, controller } = connected();
    await controller.checkBeforeSubmit();
    expect(host.calls).toContainEqual({ method: 'checkBeforeSubmit' });
    expect(controller.getState().notice?.text).toBe(ZH_CN.checkBeforeSubmitDone);
  });

  it('selects the first cell of an issue on its own sheet, also for a cross-form issue', async () => {
    const { host, controller } = connected();
    const [form] = buildFormViews(resultOf({ form: DEPARTMENT_FORM, issues: [NOT_A_NUMBER, CROSS_FORM] }), 'zh-CN', ZH_CN, CODE_MESSAGES);
    const [local, cross] = form.sections.flatMap((section) => section.issues);
    await controller.select(local);
    await controller.select(cross);
    expect(host.calls.slice(1)).toEqual([
      { method: 'select', sheet: DEPARTMENT_SHEET, cell: 'D16' },
      { method: 'select', sheet: PROJECT_SHEET, cell: 'C5' },
    ]);
  });

  it('applies a quick fix and says so', async () => {
    const { host, controller } = connected();
    const [form] = buildFormViews(resultOf({ form: DEPARTMENT_FORM, issues: [NOT_A_NUMBER] }), 'zh-CN', ZH_CN, CODE_MESSAGES);
    await controller.fix(form.sections[0].issues[0]);
    expect(host.calls.at(-1)).toEqual({ method: 'applyFix', sheet: DEPARTMENT_SHEET, fix: { cell: 'D16', value: 5.19 } });
    expect(controller.getState().notice?.text).toBe('已修正 D16。');
    expect(controller.getState().busy).toBe(false);
  });

  it.each([
    ['insert', (c: PaneController) => c.insert({ template: 'project', year: 2027, withSample: true }), { method: 'insert', options: { template: 'project', year: 2027, withSample: true } }, '已插入到工作表“项目绩效目标”。'],
    ['addTaskRow', (c: PaneController) => c.addTaskRow(DEPARTMENT_SHEET), { method: 'addTaskRow', sheet: DEPARTMENT_SHEET }, '已添加一行。'],
    ['addIndicatorRow', (c: PaneController) => c.addIndicatorRow(DEPARTMENT_SHEET, '产出指标', '数量指标'), { method: 'addIndicatorRow', sheet: DEPARTMENT_SHEET, level1: '产出指标', level2: '数量指标' }, '已添加一行。'],
    ['clearHighlights', (c: PaneController) => c.clearHighlights(), { method: 'clearHighlights' }, '已清除所有标记。'],
    ['setLiveChecking', (c: PaneController) => c.setLiveChecking(false), { method: 'setLiveChecking', enabled: false }, '实时检查已暂停'],
  ] as const)('%s calls the host and leaves a notice', async (_name, act, call, notice) => {
    const { host, controller } = connected();
    await act(controller);
    expect(host.calls.at(-1)).toEqual(call);
    expect(controller.getState().notice?.text).toBe(notice);
  });

  it('pauses and resumes live checking', async () => {
    const { controller } = connected();
    expect(controller.getState().liveChecking).toBe(true);
    await controller.setLiveChecking(false);
    expect(controller.getState().liveChecking).toBe(false);
    await controller.setLiveChecking(true);
    expect(controller.getState().liveChecking).toBe(true);
  });

  it('shows a HostError as its problem, in Chinese, and keeps the pane usable', async () => {
    const { host, controller } = connected();
    host.failNext('addTaskRow', { code: 'protected_sheet', params: { sheet: DEPARTMENT_SHEET } });
    await controller.addTaskRow(DEPARTMENT_SHEET);
    const [shown] = controller.getState().problems;
    expect(problemText(shown.problem, ZH_CN)).toBe('工作表“部门整体支出绩效目标”受保护，无法修改。请先在“审阅”选项卡中撤消工作表保护，然后重试。');
    expect(controller.getState().busy).toBe(false);
    controller.dismissProblem(shown.id);
    expect(controller.getState().problems).toEqual([]);
  });

  it('shows a problem the host raises on its own once, however often it repeats', () => {
    const { host, controller } = connected();
    host.raise({ code: 'cell_edit_mode', params: {} });
    host.raise({ code: 'cell_edit_mode', params: {} });
    expect(controller.getState().problems.map((entry) => entry.problem)).toEqual([{ kind: 'host', problem: { code: 'cell_edit_mode', params: {} } }]);
  });

  it('shows a failed start, and the capabilities’ reasons, as problems', async () => {
    const host = new FakeHost({ capabilities: { liveChecking: false, reasons: [{ code: 'api_unsupported', params: { set: 'ExcelApi', version: '1.7' } }] } });
    host.failNext('start', { code: 'xls_file', params: {} });
    const { controller } = connected(host);
    await flush();
    expect(controller.getState().problems.map((entry) => problemText(entry.problem, ZH_CN))).toEqual([
      '此版本的 Excel 不支持所需功能（ExcelApi 1.7）。请更新 Excel，或使用 Microsoft 365 / Excel 网页版。',
      '加载项无法在 .xls 文件中运行。请将工作簿另存为 .xlsx 格式，然后重新打开。',
    ]);
    expect(controller.getState().liveChecking).toBe(false);
  });

  it('shows an unexpected error with its message rather than hiding it', async () => {
    const { host, controller } = connected();
    host.recheck = () => Promise.reject(new TypeError('boom'));
    await controller.recheck();
    expect(problemText(controller.getState().problems[0].problem, EN_US)).toBe('An unexpected error occurred: boom');
  });
});

describe('problem texts', () => {
  it.each(['protected_sheet', 'api_unsupported', 'xls_file', 'cell_edit_mode', 'sheet_not_found', 'not_a_form', 'excel_error'] as const)(
    '%s reads as a sentence in both languages',
    (code) => {
      const problem = { kind: 'host', problem: { code, params: { sheet: '表1', set: 'ExcelApi', version: '1.9', message: 'GeneralException' } } } as const;
      expect(problemText(problem, ZH_CN)).toMatch(/[。]$/);
      expect(problemText(problem, EN_US)).toMatch(/\.$/);
    },
  );
});
