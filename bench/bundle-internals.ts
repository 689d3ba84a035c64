/**
 * The core as build/Code.js ships it, callable from the bench.
 *
 * The bundle's global `Uptake` exposes only the entry points; readTeam, auditTeam and teamHistory are locals
 * of its IIFE. Rather than add a bench-only entry point to production, or bundle the sources a
 * second time (different code from what ships), the bench compiles the text of build/Code.js with
 * one extra statement before the IIFE returns, which hands those locals out. Every function body
 * the bench times is the shipped one, byte for byte.
 */
import type { Audit } from '../src/core/audit/audit-types';
import type { History } from '../src/core/history/history-types';
import type { Settings } from '../src/core/base/settings';
import type { RosterApprovals, TeamData } from '../src/gas/team-data';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The bundle's locals the bench calls: the exact functions "Run audit to sheet" and the sidebar use. */
export interface BundleInternals {
  /** `approved`: the roster pairings the owner approved (none in the bench: no email is on two rows). */
  readTeam(spreadsheet: Spreadsheet, settings: Settings, approved: RosterApprovals): TeamData;
  auditTeam(team: TeamData, settings: Settings, asOfIso?: string | null, weeks?: number | null): Audit;
  /** The history the dashboard adds to the audit (spec §13). */
  teamHistory(team: TeamData, settings: Settings, asOfIso?: string | null, weeks?: number | null): History;
  validateSettings(input: unknown): Settings;
  /** The top-level stubs Apps Script calls for custom-function cells. */
  ADOPTION_CATEGORY(...args: unknown[]): unknown;
  ACCEPTANCE_RATE(...args: unknown[]): unknown;
  USES_PER_WEEK(...args: unknown[]): unknown;
  /** The classes a parse makes instances of (see keepShapes). */
  CellMemo: new (read: (cell: unknown) => unknown) => object;
  RunTableBuilder: new (capacity: number) => { build(length: number): object };
  MemberDirectory: new () => object;
}

const INTERNAL_NAMES = ['readTeam', 'auditTeam', 'teamHistory', 'validateSettings'] as const;
const TOP_LEVEL_NAMES = ['ADOPTION_CATEGORY', 'ACCEPTANCE_RATE', 'USES_PER_WEEK'] as const;
const CLASS_NAMES = ['CellMemo', 'RunTableBuilder', 'MemberDirectory'] as const;
const IDENTIFIER = '[A-Za-z_$][\\w$]*';
/**
 * The build shortens local names and keeps each function's and class's own name with esbuild's
 * keepNames: `function De(e,t){…}s(De,"readTeam")`, where `s` is its function
 * `var s=(e,t)=>Pn(e,"name",{value:t,configurable:!0})`. That function's own name varies by build.
 */
const NAME_SETTER = new RegExp(
  `var (${IDENTIFIER})=\\((${IDENTIFIER}),(${IDENTIFIER})\\)=>${IDENTIFIER}\\(\\2,"name",\\{value:\\3,configurable:!0\\}\\)`,
  'g',
);
/** esbuild's `__toCommonJS` function, whose call the IIFE returns: `var $d=e=>Ed(Pn({},"__esModule",{value:!0}),e)`. */
const TO_COMMON_JS = new RegExp(
  `var (${IDENTIFIER})=(${IDENTIFIER})=>${IDENTIFIER}\\(${IDENTIFIER}\\(\\{\\},"__esModule",\\{value:!0\\}\\),\\2\\)`,
  'g',
);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The one match of `pattern` in `code`, or an error naming what the build's format should have. */
function onlyMatch(code: string, pattern: RegExp, what: string): RegExpMatchArray {
  const found = [...code.matchAll(pattern)];
  if (found.length !== 1) {
    throw new Error(
      `bench: build/Code.js should define ${what} once, found ${found.length}: has the build's format changed (scripts/build.mjs keeps names with keepNames)?`,
    );
  }
  return found[0];
}

/**
 * The local binding of the bundle's one function or class called `name`, from the keepNames call
 * that names it. Fails when there is not exactly one (esbuild renames a clashing local
 * `readTeam2`, and a second function of the name would be a second candidate).
 */
function bindingOf(code: string, nameSetter: string, name: string, kind: 'functions' | 'classes'): string {
  const named = new RegExp(`(?<![\\w$])${escapeRegExp(nameSetter)}\\((${IDENTIFIER}),"${name}"\\)`, 'g');
  const found = [...code.matchAll(named)];
  if (found.length !== 1) {
    throw new Error(
      `bench: build/Code.js has ${found.length} ${kind} named ${name} (expected 1): the bench times the bundle's own ${name}; was it renamed?`,
    );
  }
  return found[0][1];
}

/** What the bundle's global code reads besides its own functions: only these two, and only when called. */
export interface BenchGlobals {
  SpreadsheetApp: { getActiveSpreadsheet(): unknown };
  Session: { getScriptTimeZone(): string };
}

/**
 * The text of build/Code.js with one statement added before its IIFE returns, which hands the
 * internals out to `__bench`, and one after it for the top-level stubs.
 */
function instrument(code: string): string {
  const nameSetter = onlyMatch(code, NAME_SETTER, "esbuild's keepNames function (__name)")[1];
  const toCommonJs = onlyMatch(code, TO_COMMON_JS, "esbuild's __toCommonJS function")[1];
  const iifeEnd = new RegExp(`return ${escapeRegExp(toCommonJs)}\\((${IDENTIFIER})\\);?\\}\\)\\(\\);`, 'g');
  onlyMatch(code, iifeEnd, 'the end of its IIFE');
  const handOut = [
    ...INTERNAL_NAMES.map((name) => `__bench.${name}=${bindingOf(code, nameSetter, name, 'functions')};`),
    ...CLASS_NAMES.map((name) => `__bench.${name}=${bindingOf(code, nameSetter, name, 'classes')};`),
  ].join('');
  return (
    code.replace(iifeEnd, (end) => handOut + end) +
    '\n' +
    TOP_LEVEL_NAMES.map((name) => `__bench.${name}=${name};`).join('')
  );
}

/**
 * Compiles `code` (the text of build/Code.js) in this realm, with its internals handed out.
 * Fails with what changed when the bundle no longer has exactly one function or class of each
 * name, or when a binding found is not the function of that name (a nested one would be).
 */
export function loadBundleInternals(code: string, globals: BenchGlobals): BundleInternals {
  const exports: Partial<BundleInternals> = {};
  // Parameters shadow the names the bundle reads as globals; nothing else leaks into this realm.
  const run = new Function('__bench', 'SpreadsheetApp', 'Session', instrument(code)) as (
    out: Partial<BundleInternals>,
    spreadsheetApp: BenchGlobals['SpreadsheetApp'],
    session: BenchGlobals['Session'],
  ) => void;
  run(exports, globals.SpreadsheetApp, globals.Session);
  for (const name of [...INTERNAL_NAMES, ...TOP_LEVEL_NAMES, ...CLASS_NAMES]) {
    const handedOut = exports[name];
    if (typeof handedOut !== 'function' || handedOut.name !== name) {
      throw new Error(`bench: build/Code.js did not hand out its ${name} (got ${handedOut?.name ?? typeof handedOut})`);
    }
  }
  return exports as BundleInternals;
}

/** Instances kept for the life of the bench (see keepShapes). */
const kept: object[] = [];

/**
 * Keeps one instance of each class a parse makes, so that their hidden classes outlive every
 * parse. V8 compiles hot code against an object's hidden class (map), which a class's instances
 * reach through transitions V8 holds weakly: once every instance of a parse has died, a full
 * collection frees the map and throws away the optimised parse, and the next parse ran
 * unoptimised at two to four times the cost (BENCHMARKS.md, "Hidden classes"). Only a process that
 * parses more than once needs this (the bench); an Apps Script execution parses once, so the
 * shipped bundle does not do it. Object literals need nothing: the literal's boilerplate keeps
 * their map.
 */
export function keepShapes(bundle: BundleInternals): void {
  const builder = new bundle.RunTableBuilder(0);
  kept.push(new bundle.CellMemo(() => null), builder, builder.build(0), new bundle.MemberDirectory());
}

/**
 * A read-only spreadsheet holding a log and a roster, whose reads cost nothing: getValues hands
 * back the arrays it was given (readTeam never writes to them). What the bench times through it is
 * Uptake's own work; the reads themselves are spreadsheet service calls, counted separately.
 */
export function zeroCostSpreadsheet(
  sheets: Record<string, unknown[][]>,
  timeZone: string,
  locale: string,
): Spreadsheet {
  const sheetObjects = Object.entries(sheets).map(([name, values]) => {
    const width = values.reduce((max, row) => Math.max(max, row.length), 0);
    const range = (row: number, column: number, rows: number, columns: number) => ({
      getValues: () =>
        row === 1 && column === 1 && rows === values.length && columns === width
          ? values
          : values.slice(row - 1, row - 1 + rows).map((cells) => cells.slice(column - 1, column - 1 + columns)),
    });
    return {
      getName: () => name,
      getLastRow: () => values.length,
      getLastColumn: () => width,
      getMaxRows: () => values.length,
      getRange: range,
      getDataRange: () => range(1, 1, values.length, width),
    };
  });
  const spreadsheet = {
    getSpreadsheetTimeZone: () => timeZone,
    getSpreadsheetLocale: () => locale,
    getSheets: () => sheetObjects.slice(),
    getSheetByName: (name: string) => sheetObjects.find((s) => s.getName() === name) ?? null,
  };
  return spreadsheet as unknown as Spreadsheet;
}
