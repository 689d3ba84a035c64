// `node scripts/check-imports.mjs [folder]` (run by `npm run lint`): keeps the layout's promises
// that ESLint cannot see across files. It reads every .ts and .mjs file under src/, local/,
// packages/, scripts/ and bench/ of the folder (default: this project) and fails, naming the
// files, on
//  - an import cycle between files, `import type` included: the bundle erases type imports, but
//    two files that need each other's types are one unit a reader must take in at once;
//  - src/core importing src/gas, src/client, src/shared, src/index, local/, packages/ or test/
//    (the rules know nothing of Apps Script, the sidebar, what they exchange or how they are run);
//  - src/shared importing src/gas, src/client or src/index (both sides import it);
//  - src/gas importing src/client or src/index (the server's adapters, below the entry points);
//  - src/, local/ or packages/ importing test/ (product code never needs a test to run);
//  - src/ importing packages/ (the add-on does not ship the in-memory Apps Script);
//  - packages/ importing src/ or local/ (a package stands on its own);
//  - src/client importing src/gas or src/index (the sidebar reaches the server through
//    google.script.run only);
//  - src/core/README.md's layer table saying other than CORE_LAYERS below.
// It reads the files as text and needs nothing installed.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SCANNED = ['src', 'local', 'packages', 'scripts', 'bench'];
const EXTENSIONS = ['.ts', '.mjs'];
/** What a specifier without an extension may name, in the order the bundler tries them. */
const RESOLVE_SUFFIXES = ['', '.ts', '.mjs', '.js', '/index.ts', '/index.mjs', '/index.js'];

/**
 * Each rule: files under the folder `from` may not import files under any of `banned` (folders
 * end in '/', anything else is a file name without its extension). The most specific rule first.
 */
const RULES = [
  {
    from: 'src/core/',
    banned: ['src/gas/', 'src/client/', 'src/shared/', 'src/index', 'local/', 'packages/', 'test/'],
    why: 'src/core holds the pure rules: it imports nothing from Apps Script adapters, the sidebar, what they exchange (src/shared), the entry points, local/ or test/',
  },
  {
    from: 'src/shared/',
    banned: ['src/gas/', 'src/client/', 'src/index'],
    why: 'src/shared holds what the sidebar and the server exchange, over core: both sides import it, it imports neither',
  },
  { from: 'src/', banned: ['test/'], why: 'product code does not import tests' },
  {
    from: 'src/',
    banned: ['packages/'],
    why: 'the add-on does not ship the in-memory Apps Script its tests run it in',
  },
  { from: 'local/', banned: ['test/'], why: 'product code does not import tests' },
  {
    from: 'packages/',
    banned: ['src/', 'local/', 'test/'],
    why: 'a package stands on its own: it imports nothing from the add-on, its local run or its tests',
  },
  {
    from: 'src/client/',
    banned: ['src/gas/', 'src/index'],
    why: 'the sidebar reaches the server through google.script.run, never by importing src/gas or the entry points',
  },
  {
    from: 'src/gas/',
    banned: ['src/client/', 'src/index'],
    why: 'the Apps Script adapters run on the server: they import neither the sidebar (it runs in the browser) nor the entry points that import them',
  },
];

/**
 * The layers of src/core (src/core/README.md shows them as a table): each folder and the folders
 * its files may import, type imports included (a layer is what a folder knows of the others). A
 * file may import its own folder; a folder missing here may import no other.
 */
export const CORE_LAYERS = {
  v8: [],
  base: [],
  mail: ['base'],
  sheets: ['base', 'v8'],
  usage: ['base', 'sheets'],
  history: ['base', 'sheets'],
  form: ['base', 'sheets'],
  audit: ['base', 'sheets', 'usage'],
  functions: ['base', 'sheets', 'audit'],
  interventions: ['base', 'sheets', 'audit', 'mail'],
  programme: ['base', 'audit', 'interventions', 'mail', 'history'],
  automation: ['base', 'audit', 'interventions', 'mail', 'programme', 'history'],
  roles: ['base', 'audit', 'programme'],
  'setup-check': ['base', 'usage', 'roles'],
};

/** The imports across the layers that are allowed one by one, each with why. */
export const CORE_EXCEPTIONS = [
  {
    from: 'src/core/audit/member-report.ts',
    to: 'src/core/programme/milestones.ts',
    why: "each member's report carries where the member stands in the programme; milestones.ts imports only types from audit/ and interventions/summary.ts, so no chain leads back",
  },
  {
    from: 'src/core/history/tables.ts',
    to: 'src/core/audit/audit-table.ts',
    why: "the history's tables are audit sheet tables (it takes their types only)",
  },
  {
    from: 'src/core/sheets/team.ts',
    to: 'src/core/usage/types.ts',
    why: 'the team as read carries the usage exports read beside the log (their types only)',
  },
];

/**
 * Whether an import from one file of src/core to another keeps to CORE_LAYERS; null when it is
 * not between two folders of src/core.
 * @param {string} from
 * @param {string} to
 * @returns {string | null} the problem, or null
 */
export function coreLayerProblem(from, to) {
  const folderOf = (/** @type {string} */ file) => {
    const parts = file.split('/');
    return parts.length > 3 && parts[0] === 'src' && parts[1] === 'core' ? parts[2] : null;
  };
  const source = folderOf(from);
  const target = folderOf(to);
  if (source === null || target === null || source === target) return null;
  const allowed = /** @type {Record<string, string[]>} */ (CORE_LAYERS)[source];
  if (allowed?.includes(target)) return null;
  if (CORE_EXCEPTIONS.some((e) => e.from === from && e.to === to)) return null;
  const may = allowed ? (allowed.length ? allowed.join(', ') : 'no other folder') : 'nothing: it is not in CORE_LAYERS';
  return `${from} imports ${to}: src/core/${source}/ may import ${may} (CORE_LAYERS in scripts/check-imports.mjs, the table in src/core/README.md).`;
}

const CORE_README = 'src/core/README.md';

/**
 * The layer table of src/core/README.md: each row's folder and the folders it names under
 * "imports from" ("nothing", or names separated by commas, each possibly followed by a note in
 * brackets).
 * @param {string} text
 * @returns {Map<string, string[]>}
 */
export function layerTable(text) {
  /** @type {Map<string, string[]>} */
  const table = new Map();
  for (const row of text.matchAll(/^\| `([\w-]+)\/` \|.*\| ([^|]*) \|$/gm)) {
    const names = row[2].replace(/\([^)]*\)/g, '').trim();
    table.set(row[1], names === 'nothing' ? [] : names.split(',').map((name) => name.trim()));
  }
  return table;
}

/**
 * Where src/core/README.md and CORE_LAYERS part: the table must list each folder of src/core
 * with exactly the folders CORE_LAYERS lets it import, and the text must name both files of
 * each allowed exception, so that what a reader is told is what the check enforces. Nothing
 * when the folder has no src/core/README.md.
 * @param {string} root absolute
 * @returns {string[]}
 */
export function layerTableProblems(root) {
  const file = path.join(root, CORE_README);
  if (!fs.existsSync(file)) return [];
  const text = fs.readFileSync(file, 'utf8');
  const table = layerTable(text);
  const layers = /** @type {Record<string, string[]>} */ (CORE_LAYERS);
  const list = (/** @type {string[]} */ names) => (names.length ? [...names].sort().join(', ') : 'nothing');
  const problems = [];
  const folders = fs
    .readdirSync(path.join(root, 'src', 'core'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  for (const folder of [...new Set([...folders, ...Object.keys(layers), ...table.keys()])].sort()) {
    const told = table.get(folder);
    const enforced = layers[folder];
    if (!told) problems.push(`${CORE_README} has no row for src/core/${folder}/: add it with what it may import.`);
    else if (!enforced) problems.push(`src/core/${folder}/ is in ${CORE_README} but not in CORE_LAYERS: add it there.`);
    else if (list(told) !== list(enforced))
      problems.push(
        `${CORE_README} says src/core/${folder}/ imports from ${list(told)}, CORE_LAYERS ${list(enforced)}: make them the same.`,
      );
  }
  for (const exception of CORE_EXCEPTIONS)
    for (const end of [exception.from, exception.to])
      if (!text.includes(`\`${end.slice('src/core/'.length)}\``))
        problems.push(`${CORE_README} does not name ${end}, an import across the table that CORE_EXCEPTIONS allows.`);
  return problems;
}

/**
 * The text with comments and regular expressions replaced by spaces (line breaks kept), so that
 * an import inside a comment is not read and one with comments between its names still is.
 * Strings and template literals are kept as they are. A `/` that follows an operator or an
 * opening bracket starts a regular expression, whose quotes are not strings.
 * @param {string} text
 * @returns {string}
 */
export function withoutComments(text) {
  let out = '';
  let i = 0;
  let lastCode = '';
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      out += ' '.repeat(stop - i);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (c === "'" || c === '"' || c === '`' || (c === '/' && /^$|[(,=:[!&|?{};+\-*%<>~^]/.test(lastCode))) {
      // A string ends at its closing quote or, for ' and ", at the end of the line (an unclosed
      // one is a syntax error the compiler reports; here it must not swallow the file).
      let j = i + 1;
      while (j < text.length && text[j] !== c && !(c !== '`' && text[j] === '\n')) j += text[j] === '\\' ? 2 : 1;
      const literal = text.slice(i, j + 1);
      out += c === '/' ? literal.replace(/[^\n]/g, ' ') : literal;
      i = j + 1;
      lastCode = c;
    } else {
      out += c;
      if (!/\s/.test(c)) lastCode = c;
      i++;
    }
  }
  return out;
}

/** `import … from 'x'`, `export … from 'x'` (the names between may span lines). */
const FROM_IMPORT = /(?:^|[;}\n])\s*(?:import|export)\b([\w\s{},*$]*?)\bfrom\s*(['"])([^'"\n]+)\2/g;
/** `import 'x'` (for its effects). */
const EFFECT_IMPORT = /(?:^|[;}\n])\s*import()\s*(['"])([^'"\n]+)\2/g;
/** `import('x')`, anywhere in an expression. */
const DYNAMIC_IMPORT = /\bimport\s*\(()\s*(['"])([^'"\n]+)\2/g;

/**
 * @typedef {{ specifier: string }} Import
 */

/**
 * The modules a file imports, in the order they appear.
 * @param {string} text
 * @returns {Import[]}
 */
export function importsOf(text) {
  const code = withoutComments(text);
  const found = [];
  for (const pattern of [FROM_IMPORT, EFFECT_IMPORT, DYNAMIC_IMPORT]) {
    for (const match of code.matchAll(pattern)) {
      found.push({ at: match.index, specifier: match[3] });
    }
  }
  return found.sort((a, b) => a.at - b.at).map(({ specifier }) => ({ specifier }));
}

/**
 * @param {string} dir absolute
 * @returns {string[]} absolute paths of the .ts and .mjs files below it
 */
function sourceFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  const files = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(full));
    else if (EXTENSIONS.some((ext) => entry.name.endsWith(ext)) && !entry.name.endsWith('.d.ts')) files.push(full);
  }
  return files;
}

/**
 * The project-relative path (with '/') a relative specifier names: the file if one exists, else
 * the path as written (a banned import is reported even if its target is gone).
 * @param {string} root
 * @param {string} fromFile project-relative
 * @param {string} specifier
 * @returns {string}
 */
function resolve(root, fromFile, specifier) {
  const base = path.join(root, path.dirname(fromFile), specifier);
  for (const suffix of RESOLVE_SUFFIXES) {
    const candidate = base + suffix;
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return toProjectPath(root, candidate);
  }
  return toProjectPath(root, base);
}

/** @param {string} root @param {string} file */
function toProjectPath(root, file) {
  return path.relative(root, file).split(path.sep).join('/');
}

/** @param {string} file project-relative @param {string} place a folder ending in '/' or a file without extension */
function isUnder(file, place) {
  return place.endsWith('/') ? file.startsWith(place) : file.replace(/\.[cm]?[jt]s$/, '') === place;
}

/**
 * Every file's local imports (the files they name), project-relative.
 * @param {string} root
 * @returns {Map<string, string[]>}
 */
export function importGraph(root) {
  /** @type {Map<string, string[]>} */
  const graph = new Map();
  for (const folder of SCANNED) {
    for (const file of sourceFiles(path.join(root, folder))) {
      const from = toProjectPath(root, file);
      const local = importsOf(fs.readFileSync(file, 'utf8')).filter((i) => i.specifier.startsWith('.'));
      graph.set(
        from,
        local.map((i) => resolve(root, from, i.specifier)),
      );
    }
  }
  return graph;
}

/**
 * The cycles of the graph, one per knot (a strongly connected set of files), each as a path that
 * starts and ends on the same file. Tarjan's algorithm, kept iterative so depth is no limit.
 * @param {Map<string, string[]>} graph
 * @returns {string[][]}
 */
export function findCycles(graph) {
  /** @type {Map<string, number>} */ const index = new Map();
  /** @type {Map<string, number>} */ const low = new Map();
  /** @type {string[]} */ const stack = [];
  const onStack = new Set();
  const cycles = [];
  const targets = (/** @type {string} */ file) => (graph.get(file) ?? []).filter((t) => graph.has(t));
  for (const start of [...graph.keys()].sort()) {
    if (index.has(start)) continue;
    /** @type {{ file: string, next: number }[]} */
    const work = [{ file: start, next: 0 }];
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const { file } = frame;
      if (frame.next === 0 && !index.has(file)) {
        index.set(file, index.size);
        low.set(file, index.get(file) ?? 0);
        stack.push(file);
        onStack.add(file);
      }
      const edges = targets(file);
      if (frame.next < edges.length) {
        const target = edges[frame.next++];
        if (!index.has(target)) work.push({ file: target, next: 0 });
        else if (onStack.has(target)) low.set(file, Math.min(low.get(file) ?? 0, index.get(target) ?? 0));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].file;
        low.set(parent, Math.min(low.get(parent) ?? 0, low.get(file) ?? 0));
      }
      if (low.get(file) !== index.get(file)) continue;
      const knot = new Set();
      let member;
      do {
        member = stack.pop() ?? file;
        onStack.delete(member);
        knot.add(member);
      } while (member !== file);
      const selfImport = targets(file).includes(file);
      if (knot.size > 1 || selfImport) cycles.push(cycleThrough(graph, knot));
    }
  }
  return cycles;
}

/**
 * One cycle through a knot, from its first file by name: a shortest path back to it.
 * @param {Map<string, string[]>} graph
 * @param {Set<string>} knot
 * @returns {string[]}
 */
function cycleThrough(graph, knot) {
  const start = [...knot].sort()[0];
  /** @type {Map<string, string>} */ const cameFrom = new Map();
  const queue = [start];
  while (queue.length > 0) {
    const file = /** @type {string} */ (queue.shift());
    for (const target of graph.get(file) ?? []) {
      if (!knot.has(target)) continue;
      if (target === start) {
        const between = [];
        for (let at = file; at !== start; at = /** @type {string} */ (cameFrom.get(at))) between.unshift(at);
        return [start, ...between, start];
      }
      if (!cameFrom.has(target)) {
        cameFrom.set(target, file);
        queue.push(target);
      }
    }
  }
  return [start, start];
}

/**
 * Every problem in the folder's imports, as lines a person can act on.
 * @param {string} root absolute
 * @returns {string[]}
 */
export function checkImports(root) {
  const graph = importGraph(root);
  const problems = [];
  for (const [from, targets] of graph) {
    for (const target of new Set(targets)) {
      // The first rule broken says why; src/core importing test/ breaks two.
      const rule = RULES.find((r) => from.startsWith(r.from) && r.banned.some((place) => isUnder(target, place)));
      if (rule) problems.push(`${from} imports ${target}: ${rule.why}.`);
    }
    for (const target of new Set(targets)) {
      const problem = coreLayerProblem(from, target);
      if (problem && !problems.includes(problem)) problems.push(problem);
    }
  }
  for (const cycle of findCycles(graph)) {
    problems.push(`import cycle: ${cycle.join(' -> ')}. Move what both sides need into a file that imports neither.`);
  }
  problems.push(...layerTableProblems(root));
  return problems;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
  const problems = checkImports(root);
  if (problems.length > 0) {
    process.stderr.write(`check-imports: ${problems.length} problem(s) in the imports:\n`);
    for (const problem of problems) process.stderr.write(`  ${problem}\n`);
    process.exitCode = 1;
  } else {
    const files = importGraph(root).size;
    process.stdout.write(`check-imports: ${files} files, no import cycles, every layer imports only what it may.\n`);
  }
}
