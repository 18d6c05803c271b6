/** Where an annotated copy may go: inside the `--annotate` folder, through no link, over no folder. */
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { prepareTarget } from '../../../src/cli/check/annotated-copy';
import { tempDir } from '../helpers/workbooks';

let dir: ReturnType<typeof tempDir>;
beforeAll(() => {
  dir = tempDir('annotate-target');
  mkdirSync(join(dir.path, 'out', 'a-folder'), { recursive: true });
  mkdirSync(join(dir.path, 'elsewhere'));
  symlinkSync(join(dir.path, 'elsewhere'), join(dir.path, 'out', 'linked'));
});
afterAll(() => dir.remove());

describe('prepareTarget', () => {
  it.each([
    ['a file in the folder', 'out/表.xlsx', { ok: true }],
    ['a file in new subfolders, made one at a time', 'out/sub/deeper/表.xlsx', { ok: true }],
    ['a path that leaves the folder', 'out/../表.xlsx', { ok: false, refusal: 'outside_folder' }],
    ['the folder itself', 'out', { ok: false, refusal: 'outside_folder' }],
    ['a path through a link inside the folder', 'out/linked/表.xlsx', { ok: false, refusal: 'symlink_in_path' }],
    ['a target that is a folder', 'out/a-folder', { ok: false, refusal: 'not_a_file' }],
  ])('%s (%s)', async (_what, target, expected) => {
    expect(await prepareTarget({ folder: join(dir.path, 'out'), target: join(dir.path, target) })).toEqual(expected);
  });

  it('made the subfolders it was asked for and nothing through the link', () => {
    expect(existsSync(join(dir.path, 'out', 'sub', 'deeper'))).toBe(true);
    expect(existsSync(join(dir.path, 'elsewhere', '表.xlsx'))).toBe(false);
  });
});
