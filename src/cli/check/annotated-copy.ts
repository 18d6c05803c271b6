/**
 * Writes the annotated copy of a checked file: loads the whole workbook with ExcelJS (the
 * check itself reads only values), highlights the issues' cells, adds the 检查结果 sheet and
 * saves it under the target path. Loaded on first use, so that a plain `check` never pays
 * for loading ExcelJS.
 *
 * The copy goes only inside the `--annotate` folder and through no symbolic link in it: a link
 * planted at `批注/申报表.xlsx` or `批注/sub` would otherwise send the write elsewhere. It is
 * written to a new temporary file beside the target and renamed over it, which replaces a link
 * at the target itself rather than following it (docs/security.md).
 */
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { AnnotateRefusal, CliStrings } from '../messages';
import { readWorkbookBytes } from '../xlsx/read-workbook';
import { workbookToBuffer } from '../xlsx/save-workbook';
import { annotateWorkbook } from './annotate';
import type { FormReport } from './file-report';

export type AnnotatedCopyResult = { readonly ok: true } | { readonly ok: false; readonly detail: string };

export interface CopyPlace {
  /** Absolute path of the copy. */
  readonly target: string;
  /** The `--annotate` folder the copy must stay in. */
  readonly folder: string;
}

type Placed = { readonly ok: true } | { readonly ok: false; readonly refusal: AnnotateRefusal };

function errnoOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}

/** The entry at `path` without following a link, or null when there is none. */
async function entryAt(path: string): Promise<Awaited<ReturnType<typeof lstat>> | null> {
  try {
    return await lstat(path);
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Makes the folders between `folder` and the target, one at a time, refusing a link among
 * them; then refuses a target that exists and is neither a file nor a link (a folder, a FIFO).
 * The folder itself is the user's choice and may be a link.
 */
export async function prepareTarget(place: CopyPlace): Promise<Placed> {
  const folder = resolve(place.folder);
  const inside = relative(folder, resolve(place.target));
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return { ok: false, refusal: 'outside_folder' };
  await mkdir(folder, { recursive: true });
  const parts = inside.split(sep);
  let current = folder;
  for (const part of parts.slice(0, -1)) {
    current = join(current, part);
    let entry = await entryAt(current);
    if (entry === null) {
      await mkdir(current).catch((error: unknown) => {
        if (errnoOf(error) !== 'EEXIST') throw error;
      });
      entry = await entryAt(current);
    }
    if (entry === null || entry.isSymbolicLink() || !entry.isDirectory()) return { ok: false, refusal: 'symlink_in_path' };
  }
  const existing = await entryAt(join(folder, inside));
  if (existing !== null && !existing.isFile() && !existing.isSymbolicLink()) return { ok: false, refusal: 'not_a_file' };
  return { ok: true };
}

/** Writes `bytes` to a new file beside `target` (never an existing one), then renames it into place. */
async function replaceFile(target: string, bytes: Buffer): Promise<void> {
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  await writeFile(temporary, bytes, { flag: 'wx' });
  try {
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

export async function writeAnnotatedCopy(bytes: Buffer, forms: readonly FormReport[], strings: CliStrings, place: CopyPlace): Promise<AnnotatedCopyResult> {
  const read = await readWorkbookBytes(bytes);
  // The snapshot reader opened these bytes; ExcelJS may still find a part it cannot load.
  if (!read.ok) return { ok: false, detail: `${read.code}: ${read.detail}` };
  annotateWorkbook(read.workbook, forms, strings);
  try {
    const placed = await prepareTarget(place);
    if (!placed.ok) return { ok: false, detail: strings.annotateRefusal[placed.refusal] };
    await replaceFile(place.target, await workbookToBuffer(read.workbook));
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
  return { ok: true };
}
