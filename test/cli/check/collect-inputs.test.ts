/** Which files a `check` run covers, in which order, and where their annotated copies go. */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { collectInputs, planAnnotateTargets } from '../../../src/cli/check/collect-inputs';
import { tempDir } from '../helpers/workbooks';

let dir: ReturnType<typeof tempDir>;

beforeAll(() => {
  dir = tempDir('inputs');
  for (const path of ['b/z.xlsx', 'b/a.xlsm', 'b/~$a.xlsx', 'b/notes.txt', 'a.xlsx', 'c/old.XLS', 'c/deep/2022.xlsx']) {
    mkdirSync(join(dir.path, path, '..'), { recursive: true });
    writeFileSync(join(dir.path, path), '');
  }
});
afterAll(() => dir.remove());

describe('collecting inputs', () => {
  it('keeps the order of the paths given and walks folders sorted, recursively', async () => {
    const inputs = await collectInputs([join(dir.path, 'c'), join(dir.path, 'b'), join(dir.path, 'a.xlsx'), join(dir.path, 'missing.xlsx')]);
    expect(inputs.map((input) => input.file.slice(dir.path.length + 1))).toEqual(['c/deep/2022.xlsx', 'c/old.XLS', 'b/a.xlsm', 'b/z.xlsx', 'a.xlsx', 'missing.xlsx']);
  });

  it('names the annotated copies after the inputs, inside folders as in the folder given; .xlsm copies are .xlsx', async () => {
    const inputs = await collectInputs([join(dir.path, 'c'), join(dir.path, 'b'), join(dir.path, 'a.xlsx')]);
    expect(inputs.map((input) => input.annotateName)).toEqual([join('deep', '2022.xlsx'), 'old.XLS', 'a.xlsx', 'z.xlsx', 'a.xlsx']);
  });
});

describe('links inside a folder', () => {
  it('reports a linked workbook and a linked folder, one line each, and follows neither; a link named directly is followed', async () => {
    const folder = join(dir.path, 'links');
    mkdirSync(join(folder, 'real'), { recursive: true });
    writeFileSync(join(folder, 'real/form.xlsx'), '');
    symlinkSync(join(folder, 'real/form.xlsx'), join(folder, 'linked.xlsx'));
    symlinkSync(join(folder, 'real'), join(folder, 'linked-folder'));
    symlinkSync(join(folder, 'real/form.xlsx'), join(folder, 'notes.txt'));
    const inputs = await collectInputs([folder, join(folder, 'linked.xlsx')]);
    expect(inputs.map((input) => [input.file.slice(folder.length + 1), input.refused ?? 'checked'])).toEqual([
      ['linked-folder', 'symlink'],
      ['linked.xlsx', 'symlink'],
      ['real/form.xlsx', 'checked'],
      ['linked.xlsx', 'checked'],
    ]);
  });
});

describe('planning the annotated copies', () => {
  it('puts each copy in the folder given', async () => {
    const inputs = await collectInputs([join(dir.path, 'b')]);
    const plan = planAnnotateTargets(inputs, join(dir.path, 'out'));
    expect(plan).toEqual({ ok: true, targets: [resolve(dir.path, 'out/a.xlsx'), resolve(dir.path, 'out/z.xlsx')] });
  });

  it('refuses a copy that would overwrite its input', async () => {
    const inputs = await collectInputs([join(dir.path, 'a.xlsx')]);
    expect(planAnnotateTargets(inputs, dir.path)).toEqual({ ok: false, reason: 'collision', input: join(dir.path, 'a.xlsx'), target: resolve(dir.path, 'a.xlsx') });
  });

  it('refuses two copies with the same name', async () => {
    const inputs = await collectInputs([join(dir.path, 'a.xlsx'), join(dir.path, 'b')]);
    expect(planAnnotateTargets(inputs, join(dir.path, 'out'))).toEqual({ ok: false, reason: 'duplicate', target: resolve(dir.path, 'out/a.xlsx') });
  });
});
