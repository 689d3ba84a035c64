// `node scripts/check-function-length.mjs [folder]` (run by `npm run lint`): no function in src/,
// local/, packages/, scripts/ or bench/ longer than MAX_LINES lines, so that each one can be read at
// once. It parses every .ts and .mjs file under those folders of the folder (default: this project)
// with the TypeScript compiler and counts the lines of each function, method, arrow function and
// function expression, from the line of its first token (its JSDoc not counted) to the line of its last. A function's nested functions are
// counted within it and on their own too. Prints each one over the limit, longest first.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const MAX_LINES = 80;

/**
 * The folders checked, relative to the project: the add-on's sources, its local run, the
 * repository's packages, the build and check scripts and the bench.
 */
export const CHECKED_DIRS = ['src', 'local', 'packages', 'scripts', 'bench'];

/**
 * @param {string} dir absolute
 * @returns {string[]}
 */
function sourceFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  const files = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(full));
    else if (/\.(ts|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(full);
  }
  return files;
}

/**
 * A function's name as a person would look for it: its own, its variable's or property's, else
 * "(anonymous)"; methods as Class.method.
 * @param {ts.Node} node
 */
function nameOf(node) {
  const own = /** @type {{ name?: ts.Node }} */ (node).name;
  let name = own && (ts.isIdentifier(own) || ts.isStringLiteral(own) || ts.isPrivateIdentifier(own)) ? own.text : '';
  const parent = node.parent;
  if (!name && parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) name = parent.name.text;
  if (!name && parent && ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name)) name = parent.name.text;
  if (!name && ts.isConstructorDeclaration(node)) name = 'constructor';
  const owner = parent && ts.isClassLike(parent) && parent.name ? `${parent.name.text}.` : '';
  return `${owner}${name || '(anonymous)'}`;
}

/**
 * @typedef {{ file: string, line: number, name: string, lines: number }} LongFunction
 */

/**
 * Every function of the text longer than `max` lines.
 * @param {string} file the name to report
 * @param {string} text
 * @param {number} [max]
 * @returns {LongFunction[]}
 */
export function longFunctionsIn(file, text, max = MAX_LINES) {
  const kind = file.endsWith('.mjs') ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  /** @type {LongFunction[]} */
  const found = [];
  /** @param {ts.Node} node */
  const visit = (node) => {
    if (ts.isFunctionLike(node) && /** @type {{ body?: ts.Node }} */ (node).body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = last - first + 1;
      if (lines > max) found.push({ file, line: first + 1, name: nameOf(node), lines });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * Every function under the folder's CHECKED_DIRS longer than `max` lines, longest first.
 * @param {string} root absolute
 * @param {number} [max]
 * @returns {LongFunction[]}
 */
export function longFunctions(root, max = MAX_LINES) {
  return CHECKED_DIRS.flatMap((dir) => sourceFiles(path.join(root, dir)))
    .flatMap((file) =>
      longFunctionsIn(path.relative(root, file).split(path.sep).join('/'), fs.readFileSync(file, 'utf8'), max),
    )
    .sort((a, b) => b.lines - a.lines || a.file.localeCompare(b.file));
}

/**
 * Problems a person can act on: every function over the limit, with where it starts.
 * @param {LongFunction[]} long
 * @returns {string[]}
 */
export function lengthProblems(long) {
  return long.map(
    (f) => `${f.file}:${f.line} ${f.name}: ${f.lines} lines, over ${MAX_LINES}: split it into named steps.`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
  const problems = lengthProblems(longFunctions(root));
  if (problems.length > 0) {
    process.stderr.write(`check-function-length: ${problems.length} problem(s):\n`);
    for (const problem of problems) process.stderr.write(`  ${problem}\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write(
      `check-function-length: no function in ${CHECKED_DIRS.join('/, ')}/ over ${MAX_LINES} lines.\n`,
    );
  }
}
