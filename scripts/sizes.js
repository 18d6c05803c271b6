#!/usr/bin/env node
// `node scripts/sizes.js [DIR]`: the functions over 80 lines and the files over 500 lines under
// DIR (default src), longest first — the limits of the code standards (data tables excepted).
'use strict';

const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const MAX_FUNCTION_LINES = 80;
const MAX_FILE_LINES = 500;
const root = path.resolve(process.argv[2] || 'src');

function sourceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function functionName(node) {
  if (node.name && ts.isIdentifier(node.name)) return node.name.text;
  if (node.name) return node.name.getText();
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText();
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  return '(anonymous)';
}

const longFunctions = [];
const longFiles = [];
for (const file of sourceFiles(root)) {
  const text = fs.readFileSync(file, 'utf8');
  const relative = path.relative(process.cwd(), file);
  const lineCount = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  if (lineCount > MAX_FILE_LINES) longFiles.push({ where: relative, lines: lineCount });
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const visit = (node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      const end = source.getLineAndCharacterOfPosition(node.end).line + 1;
      if (end - start + 1 > MAX_FUNCTION_LINES) longFunctions.push({ where: `${relative}:${start} ${functionName(node)}`, lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

const section = (title, rows) => [`${title}: ${rows.length}`, ...rows.sort((a, b) => b.lines - a.lines).map((row) => `  ${String(row.lines).padStart(5)}  ${row.where}`)];
process.stdout.write(`${[...section(`functions over ${MAX_FUNCTION_LINES} lines`, longFunctions), ...section(`files over ${MAX_FILE_LINES} lines`, longFiles)].join('\n')}\n`);
