/**
 * LibreOffice and poppler, driven from the tests: conversions to PDF, PNG and PPM, and an
 * edit script run by a Basic macro inside LibreOffice (rows inserted by LibreOffice itself,
 * then saved as .xlsx). Each test run has its own LibreOffice profile.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const SOFFICE_TIMEOUT_MS = 90_000;

export function toolsMissing(): string[] {
  return ['soffice', 'pdftoppm', 'pdfinfo', 'pdftotext'].filter((tool) => spawnSync('which', [tool]).status !== 0);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export class LibreOffice {
  readonly profile: string;

  constructor() {
    this.profile = mkdtempSync(join(tmpdir(), 'perf-target-forms-lo-'));
  }

  private run(args: readonly string[]): void {
    const result = spawnSync('soffice', [`-env:UserInstallation=file://${this.profile}`, '--headless', '--norestore', ...args], {
      timeout: SOFFICE_TIMEOUT_MS,
      killSignal: 'SIGKILL',
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`soffice ${args.join(' ')} failed (${result.status ?? result.signal}): ${result.stderr}`);
  }

  /** Converts to another format (`pdf`, `xls`); returns the output path. */
  convert(input: string, format: string, outDir: string): string {
    mkdirSync(outDir, { recursive: true });
    this.run(['--convert-to', format, '--outdir', outDir, input]);
    const output = join(outDir, basename(input).replace(/\.[^.]+$/, `.${format}`));
    if (!existsSync(output)) throw new Error(`soffice wrote no ${output}`);
    return output;
  }

  /**
   * Runs an edit script in LibreOffice: lines of tab-separated fields — `open PATH`,
   * `insert ROW COUNT` (0-based, before ROW), `text ROW COL TEXT`, `number ROW COL VALUE`,
   * `save PATH` (as .xlsx), `close`. The profile is made by a first run if needed.
   */
  edit(commands: readonly (readonly (string | number)[])[]): void {
    const module = join(this.profile, 'user/basic/Standard/Module1.xba');
    if (!existsSync(module)) this.run(['--terminate_after_init']);
    if (!existsSync(module)) throw new Error('LibreOffice made no Basic library in its profile');
    const source = readFileSync(join(__dirname, 'edit-script.bas'), 'utf8');
    writeFileSync(
      module,
      '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n' +
        `<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">${escapeXml(source)}</script:module>`,
    );
    const script = join(this.profile, 'edit-script.txt');
    writeFileSync(script, [...commands, ['quit']].map((fields) => fields.join('\t')).join('\n') + '\n');
    this.run([`macro:///Standard.Module1.RunScript("${script}")`]);
  }

  dispose(): void {
    rmSync(this.profile, { recursive: true, force: true });
  }
}

export interface PdfInfo {
  readonly pages: number;
  readonly width: number;
  readonly height: number;
}

export function pdfInfo(pdf: string): PdfInfo {
  const text = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(text);
  const pages = /Pages:\s+(\d+)/.exec(text);
  if (!size || !pages) throw new Error(`pdfinfo said: ${text}`);
  return { pages: Number(pages[1]), width: Number(size[1]), height: Number(size[2]) };
}

export function pdfText(pdf: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', ['-layout', ...range, pdf, '-'], { encoding: 'utf8' });
}

/** Every word on every page with its box, from `pdftotext -bbox`. */
export function pdfWords(pdf: string): { page: number; pageWidth: number; xMin: number; xMax: number; yMin: number; text: string }[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  const words: { page: number; pageWidth: number; xMin: number; xMax: number; yMin: number; text: string }[] = [];
  let page = 0;
  let pageWidth = 0;
  for (const line of html.split('\n')) {
    const pageMatch = /<page width="([\d.]+)"/.exec(line);
    if (pageMatch) {
      page++;
      pageWidth = Number(pageMatch[1]);
    }
    const word = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/.exec(line);
    if (word) words.push({ page, pageWidth, xMin: Number(word[1]), yMin: Number(word[2]), xMax: Number(word[3]), text: word[4] });
  }
  return words;
}

/** Renders the PDF's pages to PNG (kept for people to look at) and PPM (read by the tests). */
export function renderPages(pdf: string, outPrefix: string, dpi = 50): { png: string[]; ppm: string[] } {
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', pdf, outPrefix]);
  execFileSync('pdftoppm', ['-r', String(dpi), pdf, outPrefix]);
  const pages = pdfInfo(pdf).pages;
  const names = (ext: string): string[] =>
    Array.from({ length: pages }, (_, i) => {
      const width = String(pages).length;
      return `${outPrefix}-${String(i + 1).padStart(width, '0')}.${ext}`;
    });
  return { png: names('png'), ppm: names('ppm') };
}

export interface Pixels {
  readonly width: number;
  readonly height: number;
  readonly rgb: Buffer;
}

/** Reads a binary PPM (P6) as written by pdftoppm. */
export function readPpm(path: string): Pixels {
  const bytes = readFileSync(path);
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error(`${path} is not a binary PPM`);
  return { width: Number(header[1]), height: Number(header[2]), rgb: bytes.subarray(header[0].length) };
}

/** How many pixels are within `tolerance` of the colour, per channel. */
export function countColour(pixels: Pixels, colour: readonly [number, number, number], tolerance = 6): number {
  let count = 0;
  for (let i = 0; i + 2 < pixels.rgb.length; i += 3) {
    if (Math.abs(pixels.rgb[i] - colour[0]) <= tolerance && Math.abs(pixels.rgb[i + 1] - colour[1]) <= tolerance && Math.abs(pixels.rgb[i + 2] - colour[2]) <= tolerance) count++;
  }
  return count;
}
