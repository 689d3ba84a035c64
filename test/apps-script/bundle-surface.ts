// The Apps Script members build/Code.js uses, found by type rather than by name: a TypeScript
// program over the sources the bundle is built from (src/index.ts and what it imports, with
// tsconfig.json's options) names the receiver of every property access, and an access counts when
// that receiver is of an Apps Script type (a member of @types/google-apps-script's
// `GoogleAppsScript` namespace, the global `Console`, or an augmentation of them in src/). So
// `rows.sort()` or a helper named `open` is no use of Range.sort or SpreadsheetApp.open.
//
// Only what esbuild kept counts: the bundle's source map (build-maps/Code.js.map) must map the
// member's name in src/ to the place in Code.js that spells it. Code esbuild dropped (a function
// nothing calls) has no mapping on its line, and is left out; an access on a line that is mapped
// while its name is not is reported, as then the map cannot tell whether it was kept.
import fs from 'fs';
import path from 'path';
import ts from 'typescript';
import { isAppsScriptDeclaration, readTypes, type ReadType } from './apps-script-types';
import { handedOn } from './handed-on';

const ROOT = path.join(__dirname, '..', '..');
const SRC_DIR = path.join(ROOT, 'src') + path.sep;
const BUNDLE = path.join(ROOT, 'build', 'Code.js');
const BUNDLE_MAP = path.join(ROOT, 'build-maps', 'Code.js.map');

export interface BundleSurface {
  /** Apps Script type ("Spreadsheet.Range", "Console") -> the members the bundle reads on it. */
  members: Map<string, Set<string>>;
  /** The Apps Script enums among those types (`Script.AuthMode`): their members are values. */
  enums: Set<string>;
  /** The service globals (`SpreadsheetApp`, `console`) the bundle names. */
  globals: Set<string>;
  /**
   * `src/x.ts:12 ...: why`, each read of Apps Script this cannot name or place: a computed member
   * (`range[name]`), a member only a local type adds to an Apps Script type, an access on a line
   * Code.js keeps whose name the map does not place, or an Apps Script value handed on as a type of
   * src/'s own (`const port: { getName(): string } = sheet`), whose reads are then not seen.
   */
  unresolved: string[];
}

/** The lib and type files planted programs share, parsed once. */
const PARSED = new Map<string, ts.SourceFile>();

/**
 * The program esbuild's entry (src/index.ts) makes, or `planted` source as a file of src/ for the
 * surface test's own test, with src/'s declaration files (augmentations), under tsconfig.json's
 * options as Apps Script sees the bundle: no DOM, no Node or jest types (which also keeps it quick).
 */
function sourceProgram(planted?: { file: string; text: string }): ts.Program {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(ROOT, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error('tsconfig.json could not be read');
  const declarations = config.fileNames.filter((f) => f.startsWith(SRC_DIR) && f.endsWith('.d.ts'));
  const lib = config.options.lib?.filter((file) => !/dom/i.test(file));
  const options = { ...config.options, lib, types: ['google-apps-script'] };
  if (!planted) return ts.createProgram([path.join(SRC_DIR, 'index.ts'), ...declarations], options);
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists } = host;
  host.fileExists = (file) => file === planted.file || fileExists(file);
  host.getSourceFile = (file, language, ...rest) => {
    if (file === planted.file) return ts.createSourceFile(file, planted.text, language, true);
    const parsed = PARSED.get(file) ?? getSourceFile(file, language, ...rest);
    if (parsed) PARSED.set(file, parsed);
    return parsed;
  };
  return ts.createProgram([planted.file, ...declarations], options, host);
}

/**
 * Whether the member `name` names may be read on an Apps Script value: not when it is only
 * JavaScript's own (`rows.sort`, `text.trim`, declared in TypeScript's lib files), a quick test
 * before the receiver's type is asked for.
 */
function readsAppsScript(checker: ts.TypeChecker, name: ts.MemberName): boolean {
  const declarations = checker.getSymbolAtLocation(name)?.declarations ?? [];
  const javaScriptOnly = (decl: ts.Declaration) =>
    decl.getSourceFile().isDeclarationFile && !isAppsScriptDeclaration(decl);
  return declarations.length === 0 || !declarations.every(javaScriptOnly);
}

/** The names Apps Script's globals have: `SpreadsheetApp` and the like, and `console` (a quick test). */
const GLOBAL_NAME = /^(?:[A-Z]\w*|console)$/;

/** The global a name refers to, when it is one of Apps Script's (`declare var SpreadsheetApp`). */
function appsScriptGlobal(checker: ts.TypeChecker, node: ts.Identifier): string | null {
  if (!GLOBAL_NAME.test(node.text)) return null;
  const symbol = checker.getSymbolAtLocation(node);
  const decl = symbol?.valueDeclaration;
  if (!symbol || !decl || !ts.isVariableDeclaration(decl)) return null;
  const global = ts.isSourceFile(decl.parent.parent.parent);
  return global && symbol.declarations?.some(isAppsScriptDeclaration) ? symbol.name : null;
}

/**
 * Source line -> column -> the text of Code.js the map gives that place (up to the next place it
 * maps), for one source file of the bundle. minifySyntax joins statements (`return a(), b`), so
 * a statement's text may start with a keyword before the name it maps.
 */
type FileMap = Map<number, Map<number, string>>;

/** Code.js's source map, by source file. */
function bundleMap(): Map<string, FileMap> {
  const map = JSON.parse(fs.readFileSync(BUNDLE_MAP, 'utf8')) as { sources: string[]; mappings: string };
  const files = map.sources.map((s) => path.resolve(path.dirname(BUNDLE_MAP), s));
  const out = new Map<string, FileMap>(files.map((f) => [f, new Map()]));
  const code = fs.readFileSync(BUNDLE, 'utf8').split('\n');
  const state = [0, 0, 0, 0]; // generated column, source, original line, original column
  map.mappings.split(';').forEach((line, generatedLine) => {
    state[0] = 0;
    const segments = line.split(',').filter(Boolean);
    const starts = segments.map((segment) => {
      const fields = decodeVlq(segment);
      fields.forEach((delta, i) => (state[i] += delta));
      return fields.length < 4 ? null : { column: state[0], file: files[state[1]], line: state[2], at: state[3] };
    });
    let end: number | undefined;
    for (const start of starts.reverse()) {
      if (!start) continue;
      const text = code[generatedLine].slice(start.column, end);
      const lines = out.get(start.file);
      lines?.set(start.line, (lines.get(start.line) ?? new Map<number, string>()).set(start.at, text));
      end = start.column;
    }
  });
  return out;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A source map segment's numbers (Source Map Revision 3, https://sourcemaps.info/spec.html). */
function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) * 2 ** shift;
    if (digit & 32) shift += 5;
    else {
      values.push(value % 2 ? -Math.floor(value / 2) : value / 2);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** Whether Code.js keeps `node` of `file`: 'kept' when mapped to text naming it, 'dropped' when its line is unmapped. */
function placeOf(
  node: ts.Identifier,
  file: ts.SourceFile,
  mapped: FileMap | undefined,
): 'kept' | 'dropped' | 'unplaced' {
  const { line, character } = file.getLineAndCharacterOfPosition(node.getStart(file));
  const columns = mapped?.get(line);
  const text = columns?.get(character);
  if (text !== undefined) return new RegExp(`(?<![\\w$])${node.text}(?![\\w$])`).test(text) ? 'kept' : 'unplaced';
  return columns ? 'unplaced' : 'dropped';
}

/** What a node reads of Apps Script: `range.getValues`, `const { getValues } = range`, `SpreadsheetApp`. */
interface Use {
  /** The name as written, whose place in Code.js tells whether esbuild kept it. */
  name: ts.Identifier;
  /** The Apps Script types it reads the member `name` of. */
  types: ReadType[];
  global: string | null;
}

function useOf(checker: ts.TypeChecker, node: ts.Node): Use | 'dynamic' | 'undeclared' | null {
  if (ts.isPropertyAccessExpression(node) && !readsAppsScript(checker, node.name)) return null;
  let name: ts.Identifier | null = null;
  let receiver: ts.Node | null = null;
  if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.name))
    [name, receiver] = [node.name, node.expression];
  else if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) {
    const property = node.propertyName ?? node.name;
    if (ts.isIdentifier(property)) [name, receiver] = [property, node.parent];
  } else if (ts.isElementAccessExpression(node))
    return readTypes(checker, node.expression, null).length ? 'dynamic' : null;
  else if (ts.isIdentifier(node)) {
    const global = appsScriptGlobal(checker, node);
    return global ? { name: node, types: [], global } : null;
  }
  if (!name || !receiver) return null;
  const types = readTypes(checker, receiver, name.text);
  if (types.length) return { name, types, global: null };
  // A member of an Apps Script value that only a local type adds (`Form & { isPublished(): boolean }`).
  return readTypes(checker, receiver, null).length ? 'undeclared' : null;
}

/** The Apps Script members and globals build/Code.js uses, read off src/ by type. */
export function bundleSurface(): BundleSurface {
  const program = sourceProgram();
  const checker = program.getTypeChecker();
  const map = bundleMap();
  const surface = emptySurface();
  for (const file of program.getSourceFiles())
    if (!file.isDeclarationFile && file.fileName.startsWith(SRC_DIR))
      survey(checker, file, map.get(file.fileName), surface);
  return surface;
}

/**
 * What the analysis cannot name or place in `text`, typed as a file of src/ would be (reported as
 * src/planted.ts:line): how the surface test's own test shows what it catches. No bundle maps it, so
 * no read is recorded.
 */
export function plantedUnresolved(text: string): string[] {
  const file = path.join(SRC_DIR, 'planted.ts');
  const program = sourceProgram({ file, text });
  const surface = emptySurface();
  const source = program.getSourceFile(file);
  if (!source) throw new Error('the planted file is not in its program');
  // A plant that does not type is no case src/ could hold.
  const errors = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
  if (errors.length)
    throw new Error(errors.map((e) => ts.flattenDiagnosticMessageText(e.messageText, '\n')).join('\n'));
  survey(program.getTypeChecker(), source, undefined, surface);
  return surface.unresolved;
}

function emptySurface(): BundleSurface {
  return { members: new Map(), enums: new Set(), globals: new Set(), unresolved: [] };
}

/** Records into `surface` what `file` reads of Apps Script (what `mapped` places in Code.js) and what it cannot. */
function survey(
  checker: ts.TypeChecker,
  file: ts.SourceFile,
  mapped: FileMap | undefined,
  surface: BundleSurface,
): void {
  const unresolved = (node: ts.Node, text: string, why: string) =>
    surface.unresolved.push(`${where(file, node)} ${text}: ${why}`);
  const visit = (node: ts.Node): void => {
    if (ts.isTypeNode(node)) return; // types read nothing at run time
    for (const handed of handedOn(checker, node))
      unresolved(
        handed.node,
        handed.node.getText(file),
        `${handed.why}, whose reads are not seen (type it as Apps Script's)`,
      );
    const use = useOf(checker, node);
    if (use === 'dynamic') unresolved(node, node.getText(file), 'a computed member of an Apps Script type');
    else if (use === 'undeclared')
      unresolved(
        node,
        node.getText(file),
        "a member Apps Script's types lack (declare it in src/gas/apps-script.d.ts)",
      );
    else if (use) {
      const place = placeOf(use.name, file, mapped);
      if (place === 'kept') record(surface, use);
      else if (place === 'unplaced')
        unresolved(
          use.name,
          use.types.map((t) => `${t.name}.${use.name.text}`).join(', ') || (use.global ?? ''),
          'not placed by the map',
        );
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
}

function record(surface: BundleSurface, use: Use): void {
  if (use.global) surface.globals.add(use.global);
  for (const type of use.types) {
    surface.members.set(type.name, (surface.members.get(type.name) ?? new Set()).add(use.name.text));
    if (type.isEnum) surface.enums.add(type.name);
  }
}

function where(file: ts.SourceFile, node: ts.Node): string {
  const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
  return `${path.relative(ROOT, file.fileName)}:${line + 1}`;
}
