// Builds the Apps Script project into build/ (the rootDir that .clasp.json pushes):
//   build/Code.js          src/index.ts bundled as one IIFE + a top-level stub per export
//   build/appsscript.json  the manifest, copied
//   build/<name>.html      each src/client/<name>.html with its scripts and styles inlined
//   build-maps/Code.js.map Code.js's source map, for the in-memory Apps Script and npm start (not pushed)
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC_INDEX = path.join(ROOT, 'src', 'index.ts');
const CLIENT_DIR = path.join(ROOT, 'src', 'client');
const MANIFEST = path.join(ROOT, 'appsscript.json');
const OUT_DIR = path.join(ROOT, 'build');
// Code.js's source map, beside build/ rather than in it: clasp pushes every file of build/.
const MAP_DIR = path.join(ROOT, 'build-maps');
const GLOBAL_NAME = 'Uptake';
// Uptake's own size budgets (scripts/size-budgets.json), not Google limits: every execution
// parses the whole of Code.js. The build and `npm run bench -- --check` hold the same figures.
// Code.js went from 150 KB to 256 KB when the automation split, the history (rules §13) and the
// interventions (§14) passed it; 382 KB of a 384 KB budget with the usage exports, the logging
// form, the replacement programme and the owner's views (§15-§19); 294 KB once local names were
// shortened (function names kept, below), under a budget of 336 KB. V8 compiles a function's body
// only when it first runs, so an execution pays for the whole file's pre-parse and for the code it
// runs, not for every feature.
const CODE_JS_BUDGET_BYTES = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'scripts', 'size-budgets.json'), 'utf8'),
).codeJsBytes;

class BuildError extends Error {}

/**
 * @typedef {object} EntryPoint
 * @property {string} name
 * @property {string[]} params  parameter list as written in the stub (`name` or `...name`)
 * @property {string[]} paramNames
 * @property {string} jsDoc  the JSDoc comment, verbatim from src/index.ts
 * @property {boolean} custom  whether the JSDoc carries @customfunction
 */

/** @param {ts.Node} node */
function hasExportModifier(node) {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

/**
 * @param {ts.SourceFile} sf
 * @param {ts.Node} node
 */
function where(sf, node) {
  const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
  return `${path.relative(ROOT, sf.fileName)}:${line + 1}`;
}

/**
 * The exported function declarations of src/index.ts by name (overloads share a name), with a
 * problem in `errors` for every other kind of export Apps Script could not call.
 * @param {ts.SourceFile} sf
 * @param {string[]} errors
 * @returns {Map<string, ts.FunctionDeclaration[]>}
 */
function exportedFunctions(sf, errors) {
  /** @type {Map<string, ts.FunctionDeclaration[]>} */
  const byName = new Map();
  for (const stmt of sf.statements) {
    if (ts.isFunctionDeclaration(stmt) && hasExportModifier(stmt)) {
      if (!stmt.name || (ts.getModifiers(stmt) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) {
        errors.push(
          `${where(sf, stmt)}: default export: Apps Script needs a named function; use \`export function NAME(...)\`.`,
        );
        continue;
      }
      const list = byName.get(stmt.name.text) ?? [];
      list.push(stmt);
      byName.set(stmt.name.text, list);
    } else if (ts.isExportDeclaration(stmt) && !stmt.isTypeOnly) {
      // The stub needs the JSDoc and parameter names, which a re-export does not carry here.
      errors.push(
        `${where(sf, stmt)}: re-export: declare each entry point in src/index.ts as \`export function NAME(...)\` with its JSDoc (a thin wrapper around the core function is fine).`,
      );
    } else if (ts.isExportAssignment(stmt)) {
      errors.push(
        `${where(sf, stmt)}: \`export default\`/\`export =\` is not an Apps Script entry point; use \`export function NAME(...)\`.`,
      );
    } else if (ts.isVariableStatement(stmt) && hasExportModifier(stmt)) {
      errors.push(...exportedFunctionValues(sf, stmt));
    }
  }
  return byName;
}

/**
 * A problem for each `export const NAME = function/arrow` of the statement.
 * @param {ts.SourceFile} sf
 * @param {ts.VariableStatement} stmt
 * @returns {string[]}
 */
function exportedFunctionValues(sf, stmt) {
  return stmt.declarationList.declarations
    .filter(
      (decl) => decl.initializer && (ts.isArrowFunction(decl.initializer) || ts.isFunctionExpression(decl.initializer)),
    )
    .map(
      (decl) =>
        `${where(sf, decl)}: \`export const ${decl.name.getText(sf)} = function/arrow\`: Apps Script only sees function declarations; write \`export function ${decl.name.getText(sf)}(...)\`.`,
    );
}

/**
 * The parameter list of the implementation as the stub writes it, and the parameters' names.
 * @param {ts.FunctionDeclaration} impl
 */
function parametersOf(impl) {
  /** @type {string[]} */
  const params = [];
  /** @type {string[]} */
  const paramNames = [];
  impl.parameters.forEach((p) => {
    if (ts.isIdentifier(p.name) && p.name.text === 'this') return;
    const pname = ts.isIdentifier(p.name) ? p.name.text : `arg${paramNames.length}`;
    paramNames.push(pname);
    params.push(p.dotDotDotToken ? `...${pname}` : pname);
  });
  return { params, paramNames };
}

/**
 * What a custom function's JSDoc lacks for Sheets' formula help: a param tag for each
 * parameter, and a return tag.
 * @param {ts.SourceFile} sf
 * @param {ts.FunctionDeclaration} impl
 * @param {string} name
 * @param {readonly ts.JSDocTag[]} tags
 * @param {string[]} paramNames
 * @returns {string[]}
 */
function customFunctionDocProblems(sf, impl, name, tags, paramNames) {
  /** @type {string[]} */
  const errors = [];
  const documented = new Set(
    tags.filter((t) => ts.isJSDocParameterTag(t)).map((t) => /** @type {ts.JSDocParameterTag} */ (t).name.getText(sf)),
  );
  for (const p of paramNames) {
    if (!documented.has(p)) {
      errors.push(
        `${where(sf, impl)}: custom function ${name}: parameter "${p}" has no @param line in its JSDoc (Sheets shows it in the formula help).`,
      );
    }
  }
  if (!tags.some((t) => t.tagName.text === 'return')) {
    const hint = tags.some((t) => t.tagName.text === 'returns')
      ? ' (write @return, the spelling Google documents for custom functions, not @returns)'
      : '';
    errors.push(`${where(sf, impl)}: custom function ${name} has no @return line in its JSDoc${hint}.`);
  }
  return errors;
}

/**
 * The entry point of the declarations of one name, or null with its problems in `errors`.
 * @param {ts.SourceFile} sf
 * @param {string} text  the source of src/index.ts
 * @param {string} name
 * @param {ts.FunctionDeclaration[]} decls
 * @param {string[]} errors
 * @returns {EntryPoint | null}
 */
function entryPointOf(sf, text, name, decls, errors) {
  // Overloads: parameters come from the implementation, JSDoc from whichever has one.
  const impl = decls.find((d) => d.body) ?? decls[decls.length - 1];
  const docs = [impl, ...decls]
    .map((d) => ts.getJSDocCommentsAndTags(d).filter(ts.isJSDoc))
    .find((list) => list.length > 0);
  // The comment directly above the function; earlier ones (e.g. a file header) do not count.
  const doc = docs?.[docs.length - 1];
  if (name === GLOBAL_NAME) {
    errors.push(`${where(sf, impl)}: an entry point may not be called ${GLOBAL_NAME}: that is the bundle's global.`);
    return null;
  }
  if (!doc) {
    errors.push(
      `${where(sf, impl)}: exported function ${name} has no JSDoc comment (/** ... */) directly above it. Apps Script shows that comment in the editor, and custom functions need it to appear in Sheets.`,
    );
    return null;
  }
  const { params, paramNames } = parametersOf(impl);
  const tags = doc.tags ?? [];
  const custom = tags.some((t) => t.tagName.text === 'customfunction');
  if (custom) errors.push(...customFunctionDocProblems(sf, impl, name, tags, paramNames));
  return { name, params, paramNames, jsDoc: text.slice(doc.pos, doc.end), custom };
}

/**
 * Reads the Apps Script entry points: every `export function` of src/index.ts.
 * Apps Script only calls top-level function declarations, and only the TypeScript source
 * still has the JSDoc that makes a custom function visible in Sheets, so both are taken
 * from here rather than from the bundle.
 * @param {string} file
 * @returns {EntryPoint[]}
 */
function readEntryPoints(file) {
  const text = fs.readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  /** @type {string[]} */
  const errors = [];
  /** @type {EntryPoint[]} */
  const entries = [];
  for (const [name, decls] of exportedFunctions(sf, errors)) {
    const entry = entryPointOf(sf, text, name, decls, errors);
    if (entry) entries.push(entry);
  }
  if (errors.length) {
    throw new BuildError(`src/index.ts cannot be turned into Apps Script entry points:\n  ${errors.join('\n  ')}`);
  }
  return entries;
}

/** @param {EntryPoint} e */
function stub(e) {
  return `${e.jsDoc}\nfunction ${e.name}(${e.params.join(', ')}) {\n  return ${GLOBAL_NAME}.${e.name}.apply(this, arguments);\n}\n`;
}

/** @param {esbuild.Message[]} messages */
function formatMessages(messages) {
  return esbuild.formatMessagesSync(messages, { kind: 'error', color: false }).join('');
}

/**
 * @param {esbuild.BuildOptions & { write: false }} options
 * @returns {Promise<string>} the text of the output file (its source map, if any, is left out)
 */
async function bundle(options) {
  return (await bundleWithMap(options)).text;
}

/**
 * @param {esbuild.BuildOptions & { write: false }} options
 * @returns {Promise<{ text: string, map: string | null }>} the output file and its source map
 */
async function bundleWithMap(options) {
  /** @type {esbuild.BuildResult<{ write: false }>} */
  let result;
  try {
    result = await esbuild.build({ logLevel: 'silent', ...options });
  } catch (err) {
    const errs = /** @type {{ errors?: esbuild.Message[] }} */ (err).errors;
    if (errs) throw new BuildError(formatMessages(errs));
    throw err;
  }
  if (result.warnings.length) process.stderr.write(formatMessages(result.warnings));
  const map = result.outputFiles.find((file) => file.path.endsWith('.map'));
  const code = result.outputFiles.find((file) => !file.path.endsWith('.map'));
  if (!code) throw new BuildError('esbuild wrote no code');
  return { text: code.text, map: map ? map.text : null };
}

async function buildCode() {
  const entries = readEntryPoints(SRC_INDEX);
  const banner =
    '// Generated by scripts/build.mjs from src/: edit the TypeScript and run `npm run build`.\n' +
    `// The functions at the end are the Apps Script entry points; they call into ${GLOBAL_NAME}.\n`;
  const { text: body, map } = await bundleWithMap({
    entryPoints: [SRC_INDEX],
    bundle: true,
    write: false,
    outfile: path.join(OUT_DIR, 'Code.js'),
    format: 'iife',
    globalName: GLOBAL_NAME,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2020',
    // Every execution (each custom-function cell, each sidebar call) parses the whole file:
    // drop whitespace and dead syntax, and shorten local names (a quarter of the file). keepNames
    // gives each function and class back its name as its `name` property, which V8 prints in a
    // stack trace, so the execution log still names the functions an error went through. It does
    // so at load, with about 1,000 calls that every execution runs: loading the file in a fresh
    // V8 context took a little longer than with every name kept (medians 9.8-10.3 ms against
    // 9.5-9.8 ms on a loaded machine), where shortened names without keepNames took 8.4 ms.
    // bench/bundle-internals.ts relies on those calls too: it finds the core's functions in the
    // minified file by the names keepNames' function (__name) gives them.
    minifyWhitespace: true,
    minifySyntax: true,
    minifyIdentifiers: true,
    keepNames: true,
    charset: 'utf8',
    banner: { js: banner },
    // A map for the in-memory Apps Script and npm start (errors then name src/ files), kept out of
    // Code.js and of build/: Apps Script runs the file as pushed and has no use for a map.
    sourcemap: 'external',
    sourcesContent: false,
  });
  // The stubs go after the bundle, so the map's lines still hold.
  const code = `${body}\n${entries.map(stub).join('\n')}`;
  if (Buffer.byteLength(code) > CODE_JS_BUDGET_BYTES) {
    throw new BuildError(
      `build/Code.js is ${kb(Buffer.byteLength(code))}, over the ${kb(CODE_JS_BUDGET_BYTES)} budget: the Apps Script editor gets slow and every execution parses the whole file.`,
    );
  }
  return { code, entries, map };
}

/**
 * Makes inlined text safe inside `<script>`/`<style>`: a literal `</script` (`</style`)
 * would end the element early; in scripts, `<!--` can switch the HTML parser into its
 * script-escape states and `<?` reads as a scriptlet should the file ever be served as a
 * template. esbuild keeps all three out of code, so they can only sit in strings, template
 * literals, regular expressions and comments, where `<\/` and `\x3C` mean the same. An odd
 * run of backslashes in front already escapes the `<`, so one of them is dropped.
 * @param {string} text
 * @param {'script' | 'style'} tag
 */
function escapeInline(text, tag) {
  const out = text.replace(new RegExp(`</(${tag})`, 'gi'), '<\\/$1');
  if (tag === 'style') return out;
  return out.replace(/(\\*)<(?=!--|\?)/g, (_m, slashes) => `${slashes.length % 2 ? slashes.slice(1) : slashes}\\x3C`);
}

/**
 * @param {string} htmlFile
 * @param {string} ref  the relative URL written in the HTML
 */
function resolveRef(htmlFile, ref) {
  const file = path.resolve(path.dirname(htmlFile), ref);
  if (!fs.existsSync(file)) {
    throw new BuildError(`${path.relative(ROOT, htmlFile)} refers to ${ref}, which does not exist.`);
  }
  return file;
}

/** @param {string} htmlFile */
async function buildHtml(htmlFile) {
  const rel = path.relative(ROOT, htmlFile);
  let html = fs.readFileSync(htmlFile, 'utf8');
  /** @type {Promise<[string, string]>[]} */
  const jobs = [];
  const scriptRe = /<script\b[^>]*?\bsrc\s*=\s*["'](\.{1,2}\/[^"']+)["'][^>]*>\s*<\/script\s*>/gi;
  const styleRe = /<link\b[^>]*?\brel\s*=\s*["']stylesheet["'][^>]*?\bhref\s*=\s*["'](\.{1,2}\/[^"']+)["'][^>]*>/gi;
  for (const m of html.matchAll(scriptRe)) {
    const entry = resolveRef(htmlFile, m[1]);
    jobs.push(
      bundle({
        entryPoints: [entry],
        bundle: true,
        write: false,
        outfile: 'inline.js',
        format: 'iife',
        platform: 'browser',
        target: 'es2020',
        minify: true,
        charset: 'utf8',
      }).then((js) => [m[0], `<script>${escapeInline(js.trim(), 'script')}</script>`]),
    );
  }
  for (const m of html.matchAll(styleRe)) {
    const entry = resolveRef(htmlFile, m[1]);
    jobs.push(
      bundle({
        entryPoints: [entry],
        bundle: true,
        write: false,
        outfile: 'inline.css',
        minify: true,
        charset: 'utf8',
        loader: { '.css': 'css' },
      }).then((css) => [m[0], `<style>${escapeInline(css.trim(), 'style')}</style>`]),
    );
  }
  for (const [tag, inlined] of await Promise.all(jobs)) {
    html = html.split(tag).join(inlined);
  }
  // Anything still relative would 404: HtmlService serves one file with no siblings.
  const leftover = /<(?:script|link|img)\b[^>]*\b(?:src|href)\s*=\s*["'](?!https?:|\/\/|data:|#)([^"']+)["']/i.exec(
    html,
  );
  if (leftover) {
    throw new BuildError(
      `${rel}: ${leftover[0]}... cannot be served by HtmlService; only <script src="./X.ts"></script> and <link rel="stylesheet" href="./X.css"> are inlined, other references must be absolute URLs.`,
    );
  }
  if (html.includes('<?')) {
    throw new BuildError(
      `${rel} contains "<?", which HtmlService reads as a scriptlet in templates; escape it (&lt;?).`,
    );
  }
  return html;
}

function kb(/** @type {number} */ bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

async function main() {
  const started = performance.now();
  const htmlFiles = fs.existsSync(CLIENT_DIR)
    ? fs
        .readdirSync(CLIENT_DIR)
        .filter((f) => f.endsWith('.html'))
        .sort()
    : [];
  let manifest;
  try {
    manifest = fs.readFileSync(MANIFEST, 'utf8');
    JSON.parse(manifest);
  } catch (err) {
    throw new BuildError(`appsscript.json: ${/** @type {Error} */ (err).message}`);
  }
  const [{ code, entries, map }, ...pages] = await Promise.all([
    buildCode(),
    ...htmlFiles.map((f) => buildHtml(path.join(CLIENT_DIR, f))),
  ]);

  /** @type {[string, string][]} */
  const outputs = [
    ['Code.js', code],
    ['appsscript.json', manifest],
    ...htmlFiles.map((f, i) => /** @type {[string, string]} */ ([f, pages[i]])),
  ];
  // Apps Script names a project's files without their extension: Code.html would clash.
  for (const f of htmlFiles) {
    if (/^(code|appsscript)\.html$/i.test(f)) {
      throw new BuildError(
        `src/client/${f} has the same name as a file Apps Script already has (Code, appsscript); rename it.`,
      );
    }
  }
  // clasp pushes everything in build/ and replaces the whole remote project, so a stale
  // file left from an earlier build would be deployed: start from an empty folder.
  fs.rmSync(OUT_DIR, { recursive: true, force: true });
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const [name, text] of outputs) {
    fs.writeFileSync(path.join(OUT_DIR, name), text);
  }
  fs.rmSync(MAP_DIR, { recursive: true, force: true });
  if (map) {
    fs.mkdirSync(MAP_DIR, { recursive: true });
    fs.writeFileSync(path.join(MAP_DIR, 'Code.js.map'), map);
  }

  const custom = entries.filter((e) => e.custom).map((e) => e.name);
  const other = entries.filter((e) => !e.custom).map((e) => e.name);
  for (const [name, text] of outputs) {
    console.log(`  build/${name.padEnd(24)} ${kb(Buffer.byteLength(text)).padStart(9)}`);
  }
  console.log(`  custom functions: ${custom.join(', ') || '(none)'}`);
  console.log(`  other entry points: ${other.join(', ') || '(none)'}`);
  console.log(`built in ${Math.round(performance.now() - started)} ms`);
}

main().catch((err) => {
  console.error(err instanceof BuildError ? `build failed: ${err.message}` : err);
  process.exit(1);
});
