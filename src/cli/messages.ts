/**
 * The command line's own words, in Chinese and English. Issue messages come from the core
 * (`formatIssue`); these are the words around them.
 */
import { severityLabels, templateTitles, type Lang, type Severity, type TemplateId } from '../core';
import { DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_SECONDS, MAX_INPUT_BYTES } from './check/limits';
import type { ReadFailureCode } from './xlsx/package-file';

/** Why a file was not read: refused before reading (docs/security.md). */
export type RefusalCode =
  /** A FIFO, a device, a socket: reading one could block or never end. */
  | 'not_regular_file'
  /** Above `MAX_INPUT_BYTES`. */
  | 'file_too_large'
  /** A symbolic link inside a folder: not followed (a folder's links could point anywhere, or in a loop). */
  | 'symlink'
  /** A folder (given or found) that cannot be listed. */
  | 'folder_unreadable';

/** Why the worker process checking a file ended before reporting it. */
export type WorkerFailureCode = 'out_of_memory' | 'timed_out' | 'worker_crashed' | 'worker_unavailable';

/** Why a file gave no forms to check. `no_form` is a result, not a read error, but counts as unreadable. */
export type FileProblemCode = ReadFailureCode | RefusalCode | WorkerFailureCode | 'no_form' | 'annotate_failed' | 'check_failed';

/** Why an annotated copy was not written where it was to go. */
export type AnnotateRefusal = 'symlink_in_path' | 'outside_folder' | 'not_a_file';

export interface CliStrings {
  readonly help: string;
  readonly unknownOption: (option: string) => string;
  readonly missingValue: (option: string) => string;
  readonly badValue: (option: string, value: string, expected: string) => string;
  readonly unknownCommand: (command: string) => string;
  readonly missingCommand: string;
  readonly missingPaths: string;
  readonly missingOutput: string;
  readonly templateWritten: (path: string) => string;
  readonly annotateCollision: (input: string, target: string) => string;
  readonly annotateDuplicate: (target: string) => string;
  readonly fileProblem: Readonly<Record<FileProblemCode, string>>;
  /** The bound a worker broke, after its problem's words. */
  readonly memoryLimit: (megabytes: number) => string;
  readonly timeLimit: (seconds: number) => string;
  readonly annotateRefusal: Readonly<Record<AnnotateRefusal, string>>;
  readonly severity: Readonly<Record<Severity, string>>;
  readonly template: Readonly<Record<TemplateId, string>>;
  readonly fileSummary: (forms: number, errors: number, warnings: number) => string;
  readonly otherSheets: (sheets: readonly string[]) => string;
  readonly formHeading: (sheet: string, template: string, year: number | null) => string;
  readonly annotatedCopy: (path: string) => string;
  readonly totals: (files: number, errors: number, warnings: number, unreadable: number) => string;
  readonly progress: (done: number, total: number) => string;
  readonly building: string;
  readonly resultsSheet: string;
  readonly resultsHeader: readonly [string, string, string, string, string];
  readonly csvHeader: readonly [string, string, string, string, string, string, string, string, string];
}

const ZH_HELP = `perf-target-forms — 绩效目标申报助手（命令行）

用法:
  perf-target-forms template department|project [--year 2022] [--sample] -o 文件.xlsx
      导出申报表模板（部门整体支出 / 项目）为 .xlsx，带自动求和、数据验证和打印设置。
      --year   预算年度，默认为明年（--sample 时为 2022）
      --sample 填入参考示例（2022 衡阳市归国华侨联合会）
  perf-target-forms check [选项] [--] 路径…
      检查已填写的工作簿（.xlsx / .xlsm）；路径可以是文件或文件夹（递归）。
      每个文件都在一个受限的检查进程中检查：超时或内存超限的文件单独报告，其余照常检查。
      --format     输出格式 text|json|csv，默认 text
      --lang       消息语言 zh-CN|en-US，默认 zh-CN
      --jobs       最多用几个检查进程，默认为 CPU 核数（不足 4 MiB 的一批只用一个）
      --annotate   为有问题的文件在该目录中写一份标注副本（问题单元格高亮，另附“检查结果”表）；原文件不会被修改
                   （.xlsm 的副本为 .xlsx，不含宏）
      --timeout    每个文件的时间上限（秒），默认 ${DEFAULT_TIMEOUT_SECONDS}
      --max-memory 每个检查进程的内存上限（MiB），默认 ${DEFAULT_MEMORY_MB}
      --           其后的参数都是路径（文件名以 - 开头时使用）
  perf-target-forms --help

退出码: 0 无错误；1 有错误；2 有文件无法读取或用法错误。`;

const EN_HELP = `perf-target-forms — budget performance target forms (command line)

Usage:
  perf-target-forms template department|project [--year 2022] [--sample] -o FILE.xlsx
      Exports a declaration form template (department / project) as .xlsx, with sums,
      data validation and print setup.
      --year   the budget year, next year by default (2022 with --sample)
      --sample fills in the reference example (2022, 衡阳市归国华侨联合会)
  perf-target-forms check [OPTIONS] [--] PATH…
      Checks filled workbooks (.xlsx / .xlsm); PATHs are files or folders (recursive).
      Every file is checked in a bounded worker process: a file that times out or runs out
      of memory is reported on its own line, and the others are still checked.
      --format     output format text|json|csv, text by default
      --lang       language of the messages zh-CN|en-US, zh-CN by default
      --jobs       at most N worker processes; the number of CPU cores by default
                   (a batch under 4 MiB uses one)
      --annotate   writes an annotated copy of each file with issues into DIR (issue cells
                   highlighted, plus a sheet listing the issues); the inputs are never modified
                   (the copy of an .xlsm is an .xlsx, without the macros)
      --timeout    time limit per file in seconds, ${DEFAULT_TIMEOUT_SECONDS} by default
      --max-memory memory limit per worker process in MiB, ${DEFAULT_MEMORY_MB} by default
      --           every argument after it is a path (for file names that start with -)
  perf-target-forms --help

Exit codes: 0 no errors; 1 errors found; 2 a file could not be read, or a usage error.`;

const ZH: CliStrings = {
  help: `${ZH_HELP}\n\n${EN_HELP}`,
  unknownOption: (option) => `未知选项 ${option}（perf-target-forms --help 查看用法）`,
  missingValue: (option) => `选项 ${option} 需要一个值`,
  badValue: (option, value, expected) => `选项 ${option} 的值 "${value}" 无效，应为 ${expected}`,
  unknownCommand: (command) => `未知命令 ${command}（可用: template, check）`,
  missingCommand: '缺少命令（template 或 check），perf-target-forms --help 查看用法',
  missingPaths: '请指定要检查的文件或文件夹',
  missingOutput: '请用 -o 指定输出文件（.xlsx）',
  templateWritten: (path) => `已写入 ${path}`,
  annotateCollision: (input, target) => `拒绝覆盖输入文件: 标注副本 ${target} 与输入 ${input} 是同一个文件，请换一个 --annotate 目录`,
  annotateDuplicate: (target) => `多个输入文件的标注副本都会写到 ${target}，请分开检查或换一个 --annotate 目录`,
  fileProblem: {
    empty_file: '文件是空的（0 字节）',
    xls_file: '这是 .xls 文件，请另存为 .xlsx 后再检查',
    encrypted: '文件受密码保护，请取消密码后再检查',
    corrupt_file: '文件已损坏或不完整，无法打开',
    beyond_limits: '文件超出读取限制（解压后过大、压缩比异常，或单元格、合并区域过多），未检查',
    not_a_workbook: '这不是 Excel 工作簿',
    not_found: '找不到该文件',
    io_error: '无法读取文件（没有权限或不是文件）',
    no_form: '工作簿中没有可识别的申报表',
    annotate_failed: '无法写入标注副本',
    check_failed: '检查该文件时出错',
    not_regular_file: '不是普通文件（设备、管道或套接字），未读取',
    file_too_large: `文件超过 ${MAX_INPUT_BYTES / 1024 / 1024} MiB，未读取`,
    symlink: '这是符号链接，未跟随（请直接给出它指向的文件）',
    folder_unreadable: '无法读取该文件夹（没有权限）',
    out_of_memory: '内存超限：检查该文件所需内存超过上限，已跳过',
    timed_out: '超时：检查该文件超过时间上限，已跳过',
    worker_crashed: '检查进程意外退出，已跳过该文件',
    worker_unavailable: '无法启动检查进程',
  },
  memoryLimit: (megabytes) => `（${megabytes} MiB）`,
  timeLimit: (seconds) => `（${seconds} 秒）`,
  annotateRefusal: {
    symlink_in_path: '目标路径中有符号链接，拒绝写入',
    outside_folder: '目标路径在 --annotate 目录之外，拒绝写入',
    not_a_file: '目标已存在且不是普通文件，拒绝覆盖',
  },
  severity: severityLabels('zh-CN'),
  template: templateTitles('zh-CN'),
  fileSummary: (forms, errors, warnings) => `${forms} 张表，${errors} 个错误，${warnings} 个警告`,
  otherSheets: (sheets) => `不是申报表的工作表: ${sheets.join('、')}`,
  formHeading: (sheet, template, year) => `  [${sheet}] ${template}${year === null ? '' : `（${year} 年度）`}`,
  annotatedCopy: (path) => `  标注副本: ${path}`,
  totals: (files, errors, warnings, unreadable) =>
    `共 ${files} 个文件: ${errors} 个错误，${warnings} 个警告${unreadable > 0 ? `，${unreadable} 个文件无法检查` : ''}`,
  progress: (done, total) => `已检查 ${done}/${total}`,
  building: '正在构建命令行…',
  resultsSheet: '检查结果',
  resultsHeader: ['工作表', '单元格', '级别', '代码', '说明'],
  csvHeader: ['文件', '工作表', '模板', '年度', '级别', '代码', '单元格', '说明', '版式'],
};

const EN: CliStrings = {
  help: `${EN_HELP}\n\n${ZH_HELP}`,
  unknownOption: (option) => `Unknown option ${option} (see perf-target-forms --help)`,
  missingValue: (option) => `Option ${option} needs a value`,
  badValue: (option, value, expected) => `Invalid value "${value}" for ${option}: expected ${expected}`,
  unknownCommand: (command) => `Unknown command ${command} (available: template, check)`,
  missingCommand: 'Missing command (template or check); see perf-target-forms --help',
  missingPaths: 'Give the files or folders to check',
  missingOutput: 'Give the output file (.xlsx) with -o',
  templateWritten: (path) => `Written ${path}`,
  annotateCollision: (input, target) => `Refusing to overwrite an input: the annotated copy ${target} would be the input ${input}; choose another --annotate folder`,
  annotateDuplicate: (target) => `Several inputs would have their annotated copy written to ${target}; check them separately or choose another --annotate folder`,
  fileProblem: {
    empty_file: 'The file is empty (0 bytes)',
    xls_file: 'This is an .xls file: save it as .xlsx, then check it again',
    encrypted: 'The file is protected by a password: remove the password, then check it again',
    corrupt_file: 'The file is damaged or incomplete and cannot be opened',
    beyond_limits: 'The file goes beyond the reader\'s limits (too large once unpacked, an unusual compression ratio, or too many cells or merges): not checked',
    not_a_workbook: 'This is not an Excel workbook',
    not_found: 'No such file',
    io_error: 'The file cannot be read (no permission, or not a file)',
    no_form: 'No recognisable declaration form in the workbook',
    annotate_failed: 'The annotated copy could not be written',
    check_failed: 'Checking this file failed unexpectedly',
    not_regular_file: 'Not a regular file (a device, pipe or socket): not read',
    file_too_large: `Larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB: not read`,
    symlink: 'A symbolic link: not followed (give the file it points to directly)',
    folder_unreadable: 'The folder cannot be read (no permission)',
    out_of_memory: 'Out of memory: checking this file needed more than the limit; skipped',
    timed_out: 'Timed out: checking this file took longer than the limit; skipped',
    worker_crashed: 'The checking process ended unexpectedly; this file was skipped',
    worker_unavailable: 'The checking process could not be started',
  },
  memoryLimit: (megabytes) => ` (${megabytes} MiB)`,
  timeLimit: (seconds) => ` (${seconds} s)`,
  annotateRefusal: {
    symlink_in_path: 'the target path holds a symbolic link; not written',
    outside_folder: 'the target path is outside the --annotate folder; not written',
    not_a_file: 'the target exists and is not a regular file; not replaced',
  },
  // English text names a severity by its code, as the JSON and CSV reports do.
  severity: { error: 'error', warning: 'warning' },
  template: templateTitles('en-US'),
  fileSummary: (forms, errors, warnings) => `${forms} form(s), ${errors} error(s), ${warnings} warning(s)`,
  otherSheets: (sheets) => `Sheets that are not forms: ${sheets.join(', ')}`,
  formHeading: (sheet, template, year) => `  [${sheet}] ${template}${year === null ? '' : ` (${year})`}`,
  annotatedCopy: (path) => `  Annotated copy: ${path}`,
  totals: (files, errors, warnings, unreadable) =>
    `${files} file(s): ${errors} error(s), ${warnings} warning(s)${unreadable > 0 ? `, ${unreadable} file(s) could not be checked` : ''}`,
  progress: (done, total) => `Checked ${done}/${total}`,
  building: 'Building the command line…',
  resultsSheet: '检查结果',
  resultsHeader: ['Sheet', 'Cell', 'Severity', 'Code', 'Message'],
  csvHeader: ['file', 'sheet', 'template', 'year', 'severity', 'code', 'cells', 'message', 'layout'],
};

export function cliStrings(lang: Lang): CliStrings {
  return lang === 'en-US' ? EN : ZH;
}
