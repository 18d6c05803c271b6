/**
 * The command line's arguments. A usage mistake is a `UsageError` (one line, exit code 2,
 * never a stack trace).
 */
import { LANGS, MAX_BUDGET_YEAR, MIN_BUDGET_YEAR, SAMPLE_YEARS, TEMPLATE_IDS, type Lang, type TemplateId } from '../core';
import { DEFAULT_LIMITS, MEMORY_RANGE, TIMEOUT_RANGE, type CheckLimits } from './check/limits';
import { cliStrings, type CliStrings } from './messages';
import { OUTPUT_FORMATS, type OutputFormat } from './output/report-format';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}


export type Command =
  | { readonly kind: 'help'; readonly lang: Lang }
  | {
      readonly kind: 'template';
      readonly lang: Lang;
      readonly template: TemplateId;
      readonly year: number;
      readonly sample: boolean;
      readonly output: string;
    }
  | {
      readonly kind: 'check';
      readonly lang: Lang;
      readonly paths: readonly string[];
      readonly format: OutputFormat;
      readonly jobs: number;
      readonly limits: CheckLimits;
      readonly annotate?: string;
    };

export interface ArgDefaults {
  /** Processes that may check in parallel when `--jobs` is not given: the number of cores. */
  readonly jobs: number;
  /** The template year when `--year` is not given (and not `--sample`). */
  readonly year: number;
}

interface OptionSpec {
  readonly takesValue: boolean;
  readonly commands: readonly ('template' | 'check' | 'any')[];
}

const OPTIONS: Readonly<Record<string, OptionSpec>> = {
  '--help': { takesValue: false, commands: ['any'] },
  '-h': { takesValue: false, commands: ['any'] },
  '--lang': { takesValue: true, commands: ['any'] },
  '--year': { takesValue: true, commands: ['template'] },
  '--sample': { takesValue: false, commands: ['template'] },
  '-o': { takesValue: true, commands: ['template'] },
  '--output': { takesValue: true, commands: ['template'] },
  '--format': { takesValue: true, commands: ['check'] },
  '--jobs': { takesValue: true, commands: ['check'] },
  '--annotate': { takesValue: true, commands: ['check'] },
  '--timeout': { takesValue: true, commands: ['check'] },
  '--max-memory': { takesValue: true, commands: ['check'] },
};

/** The language asked for, looked for before anything else so that usage errors speak it. */
export function langOf(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') break;
    const value = arg.startsWith('--lang=') ? arg.slice('--lang='.length) : arg === '--lang' ? argv[i + 1] : undefined;
    if (value !== undefined) return value.toLowerCase().startsWith('en') ? 'en-US' : 'zh-CN';
  }
  return 'zh-CN';
}

interface Parsed {
  readonly positionals: string[];
  readonly options: Map<string, string | true>;
}

function split(argv: readonly string[], strings: CliStrings): Parsed {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPositionals || !arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    const equals = arg.indexOf('=');
    const name = equals > 0 ? arg.slice(0, equals) : arg;
    const spec = OPTIONS[name];
    if (!spec) throw new UsageError(strings.unknownOption(name));
    if (!spec.takesValue) {
      if (equals > 0) throw new UsageError(strings.badValue(name, arg.slice(equals + 1), '(none)'));
      options.set(name, true);
      continue;
    }
    const value = equals > 0 ? arg.slice(equals + 1) : argv[++i];
    if (value === undefined || value === '') throw new UsageError(strings.missingValue(name));
    options.set(name, value);
  }
  return { positionals, options };
}

function stringOption(parsed: Parsed, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = parsed.options.get(name);
    if (typeof value === 'string') return value;
  }
  return undefined;
}

function checkOptionsBelong(parsed: Parsed, command: 'template' | 'check', strings: CliStrings): void {
  for (const name of parsed.options.keys()) {
    const spec = OPTIONS[name];
    if (!spec.commands.includes('any') && !spec.commands.includes(command)) throw new UsageError(strings.unknownOption(name));
  }
}

function positiveInteger(option: string, value: string, strings: CliStrings, min: number, max: number): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < min || number > max) throw new UsageError(strings.badValue(option, value, `${min}–${max}`));
  return number;
}

function limitsOf(parsed: Parsed, strings: CliStrings): CheckLimits {
  const timeout = stringOption(parsed, '--timeout');
  const memory = stringOption(parsed, '--max-memory');
  return {
    timeoutMs: timeout === undefined ? DEFAULT_LIMITS.timeoutMs : positiveInteger('--timeout', timeout, strings, TIMEOUT_RANGE.min, TIMEOUT_RANGE.max) * 1000,
    memoryMb: memory === undefined ? DEFAULT_LIMITS.memoryMb : positiveInteger('--max-memory', memory, strings, MEMORY_RANGE.min, MEMORY_RANGE.max),
  };
}

export function parseArgs(argv: readonly string[], defaults: ArgDefaults): Command {
  const lang = langOf(argv);
  const strings = cliStrings(lang);
  const parsed = split(argv, strings);
  const langValue = stringOption(parsed, '--lang');
  if (langValue !== undefined && !LANGS.includes(langValue as Lang)) throw new UsageError(strings.badValue('--lang', langValue, LANGS.join(' | ')));
  if (parsed.options.has('--help') || parsed.options.has('-h')) return { kind: 'help', lang };

  const [command, ...rest] = parsed.positionals;
  if (command === undefined) throw new UsageError(strings.missingCommand);

  if (command === 'template') {
    checkOptionsBelong(parsed, 'template', strings);
    const [template, ...extra] = rest;
    if (template === undefined || !TEMPLATE_IDS.includes(template as TemplateId)) {
      throw new UsageError(strings.badValue('template', template ?? '', TEMPLATE_IDS.join(' | ')));
    }
    if (extra.length > 0) throw new UsageError(strings.unknownOption(extra[0]));
    const output = stringOption(parsed, '-o', '--output');
    if (output === undefined) throw new UsageError(strings.missingOutput);
    const sample = parsed.options.has('--sample');
    const yearText = stringOption(parsed, '--year');
    const year = yearText === undefined ? (sample ? SAMPLE_YEARS[template as TemplateId] : defaults.year) : positiveInteger('--year', yearText, strings, MIN_BUDGET_YEAR, MAX_BUDGET_YEAR);
    return { kind: 'template', lang, template: template as TemplateId, year, sample, output };
  }

  if (command === 'check') {
    checkOptionsBelong(parsed, 'check', strings);
    if (rest.length === 0) throw new UsageError(strings.missingPaths);
    const formatText = stringOption(parsed, '--format') ?? 'text';
    if (!OUTPUT_FORMATS.includes(formatText as OutputFormat)) throw new UsageError(strings.badValue('--format', formatText, OUTPUT_FORMATS.join(' | ')));
    const jobsText = stringOption(parsed, '--jobs');
    const jobs = jobsText === undefined ? defaults.jobs : positiveInteger('--jobs', jobsText, strings, 1, 256);
    const annotate = stringOption(parsed, '--annotate');
    return { kind: 'check', lang, paths: rest, format: formatText as OutputFormat, jobs, limits: limitsOf(parsed, strings), ...(annotate !== undefined ? { annotate } : {}) };
  }

  throw new UsageError(strings.unknownCommand(command));
}
