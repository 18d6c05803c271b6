/**
 * The files a `check` run covers: files as given, folders walked recursively (sorted, so the
 * output order is stable), and where each annotated copy goes.
 */
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import type { RefusalCode } from '../messages';

/** Workbooks a folder walk picks up; `.xls` files are picked up to be reported as needing conversion. */
const WORKBOOK_EXTENSIONS = /\.(xlsx|xlsm|xls)$/i;
/** Excel's owner files (`~$book.xlsx`) left beside an open workbook are not workbooks. */
const OWNER_FILE = /^~\$/;

export interface InputFile {
  /** As the user gave it, or joined to the folder they gave. */
  readonly file: string;
  /** Path relative to the annotate folder: the base name, or the path inside the folder given. */
  readonly annotateName: string;
  /** Why it is reported without being checked: a link found in a folder, a folder that cannot be listed. */
  readonly refused?: RefusalCode;
}

/**
 * The annotated copy of a `.xlsm` is a `.xlsx`: ExcelJS does not carry the macros over, and
 * Excel refuses a file whose extension promises macros it does not hold.
 */
export function annotatedName(name: string): string {
  return name.replace(/\.xlsm$/i, '.xlsx');
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isWorkbookName(name: string): boolean {
  return WORKBOOK_EXTENSIONS.test(name) && !OWNER_FILE.test(name);
}

/**
 * A link inside a folder is reported, not followed: it may point out of the folder, at a
 * device, or back up in a loop. A link the user names directly is followed, as they asked.
 */
async function isReportedLink(path: string, name: string): Promise<boolean> {
  if (isWorkbookName(name)) return true;
  const target = await stat(path).catch(() => null);
  return target?.isDirectory() ?? false;
}

async function walk(folder: string, root: string, found: InputFile[]): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch {
    // One folder that cannot be listed costs its own line; the rest of the walk goes on.
    found.push({ file: folder, annotateName: relative(root, folder), refused: 'folder_unreadable' });
    return;
  }
  entries.sort((a, b) => byCodePoint(a.name, b.name));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) await walk(path, root, found);
    else if (entry.isSymbolicLink()) {
      if (await isReportedLink(path, entry.name)) found.push({ file: path, annotateName: relative(root, path), refused: 'symlink' });
    } else if (isWorkbookName(entry.name)) {
      // Regular or not: a FIFO or a device named like a workbook is refused when it is opened.
      found.push({ file: path, annotateName: annotatedName(relative(root, path)) });
    }
  }
}

/**
 * Expands the paths in the order given. A path that does not exist is kept as a file: reading
 * it reports the problem for that file while the others are still checked.
 */
export async function collectInputs(paths: readonly string[]): Promise<InputFile[]> {
  const found: InputFile[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) await walk(path, path, found);
    else found.push({ file: path, annotateName: annotatedName(basename(path)) });
  }
  return found;
}

export type AnnotatePlan =
  | { readonly ok: true; readonly targets: readonly (string | undefined)[] }
  | { readonly ok: false; readonly reason: 'collision'; readonly input: string; readonly target: string }
  | { readonly ok: false; readonly reason: 'duplicate'; readonly target: string };

/** Where each annotated copy goes (none for a refused input); refuses a copy that would overwrite an input or another copy. */
export function planAnnotateTargets(inputs: readonly InputFile[], folder: string): AnnotatePlan {
  const inputPaths = new Map(inputs.map((input) => [resolve(input.file), input.file]));
  const seen = new Set<string>();
  const targets: (string | undefined)[] = [];
  for (const input of inputs) {
    if (input.refused !== undefined) {
      targets.push(undefined);
      continue;
    }
    const target = resolve(folder, input.annotateName);
    const collidingInput = inputPaths.get(target);
    if (collidingInput !== undefined) return { ok: false, reason: 'collision', input: collidingInput, target };
    if (seen.has(target)) return { ok: false, reason: 'duplicate', target };
    seen.add(target);
    targets.push(target);
  }
  return { ok: true, targets };
}
