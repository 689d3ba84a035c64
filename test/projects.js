// Which jest project a suite belongs to, decided by what it reads: a suite is `bundle` when it,
// or a file it imports from this project (followed through relative imports, type imports
// included), loads the built bundle or builds it; every other suite is `unit` and runs with
// nothing built. Read as text, like scripts/check-imports.mjs, so the config needs nothing compiled.
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
/** What loads build/ or makes it: the loaders' names, the folder's constant, a path to it, the build script. */
const USES_BUILD =
  /\b(?:BUILD_DIR|loadBundle|loadUptake|fakeWithBundle|bundleCliInto)\b|\bpath\.(?:join|resolve)\([^)]*['"]build['"]|scripts\/build\.mjs/;
/** `import … from './x'` and `export … from './x'` at the start of a line (not an import quoted in a test's text), `import('./x')`, `require('./x')`. */
const IMPORT =
  /^\s*(?:import|export)\b[^'"`;]*?\bfrom\s*(['"])(\.{1,2}\/[^'"\n]+)\1|\b(?:import|require)\s*\(\s*(['"])(\.{1,2}\/[^'"\n]+)\3/gm;
const SUFFIXES = ['', '.ts', '.js', '.mjs', '/index.ts', '/index.js'];

/**
 * The project files `file` imports by a relative path.
 * @param {string} file absolute
 * @param {string} text its text
 * @returns {string[]}
 */
function importsOf(file, text) {
  /** @type {string[]} */
  const found = [];
  for (const match of text.matchAll(IMPORT)) {
    const base = path.resolve(path.dirname(file), match[2] ?? match[4]);
    const target = SUFFIXES.map((s) => base + s).find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
    if (target && !target.includes(`${path.sep}node_modules${path.sep}`)) found.push(target);
  }
  return found;
}

/**
 * Whether `file` or anything it imports, however deep, uses build/.
 * @param {string} file absolute
 * @param {Map<string, boolean>} memo file → answer, shared by the calls of one split
 * @returns {boolean}
 */
function usesBuild(file, memo = new Map()) {
  const known = memo.get(file);
  if (known !== undefined) return known;
  memo.set(file, false); // a cycle adds nothing
  const text = fs.readFileSync(file, 'utf8');
  // This file names the loaders only to look for them.
  if (file === __filename) return false;
  // src/ never loads build/, and the in-memory Apps Script (packages/) loads the folder its
  // caller names: only the tests, the bench and the local run name build/.
  const own =
    !['src', 'packages'].some((top) => file.startsWith(path.join(ROOT, top) + path.sep)) && USES_BUILD.test(text);
  /** @type {boolean} */
  const answer = own || importsOf(file, text).some((target) => usesBuild(target, memo));
  memo.set(file, answer);
  return answer;
}

/**
 * Every suite under `dir`, absolute.
 * @param {string} dir
 * @returns {string[]}
 */
function suites(dir = path.join(ROOT, 'test')) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? suites(path.join(dir, e.name)) : e.name.endsWith('.test.ts') ? [path.join(dir, e.name)] : [],
    );
}

/**
 * The suites that need no build, project-relative with '/'.
 * @returns {string[]}
 */
function unitSuites() {
  const memo = new Map();
  return suites()
    .filter((file) => !usesBuild(file, memo))
    .map((file) => path.relative(ROOT, file).split(path.sep).join('/'))
    .sort();
}

module.exports = { unitSuites, usesBuild };
