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
import type { TeamData } from '../src/gas/team-data';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The bundle's locals the bench calls: the exact functions "Run audit to sheet" and the sidebar use. */
export interface BundleInternals {
  readTeam(spreadsheet: Spreadsheet, settings: Settings): TeamData;
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
const IIFE_END = /return __toCommonJS\(([A-Za-z_$][\w$]*)\);?\}\)\(\);/g;

function countMatches(code: string, pattern: RegExp): number {
  return [...code.matchAll(pattern)].length;
}

/** What the bundle's global code reads besides its own functions: only these two, and only when called. */
export interface BenchGlobals {
  SpreadsheetApp: { getActiveSpreadsheet(): unknown };
  Session: { getScriptTimeZone(): string };
}

/**
 * Compiles `code` (the text of build/Code.js) in this realm, with its internals handed out.
 * Fails with what changed when the bundle no longer has exactly one function of each name
 * (esbuild renames a clashing local `readTeam2`, and minified identifiers would hide them).
 */
export function loadBundleInternals(code: string, globals: BenchGlobals): BundleInternals {
  const ends = countMatches(code, IIFE_END);
  if (ends !== 1) {
    throw new Error(
      `bench: build/Code.js should end its IIFE once with "return __toCommonJS(...)})();", found ${ends}: has the build's format changed?`,
    );
  }
  for (const name of INTERNAL_NAMES) {
    const found = countMatches(code, new RegExp(`function ${name}\\(`, 'g'));
    if (found !== 1) {
      throw new Error(
        `bench: build/Code.js has ${found} functions named ${name} (expected 1): the bench times the bundle's own ${name}; was it renamed or are identifiers minified?`,
      );
    }
  }
  // esbuild names a class that refers to itself in a static member `_Name`.
  const classBindings = CLASS_NAMES.map((name) => {
    const found = [...code.matchAll(new RegExp(`\\b(_?${name})=class\\b`, 'g'))];
    if (found.length !== 1) {
      throw new Error(
        `bench: build/Code.js has ${found.length} classes named ${name} (expected 1): the bench keeps one instance of it (keepShapes); was it renamed?`,
      );
    }
    return `__bench.${name}=${found[0][1]};`;
  });
  const handOut = INTERNAL_NAMES.map((name) => `__bench.${name}=${name};`).join('') + classBindings.join('');
  const instrumented =
    code.replace(IIFE_END, (end) => handOut + end) +
    '\n' +
    TOP_LEVEL_NAMES.map((name) => `__bench.${name}=${name};`).join('');
  const exports: Partial<BundleInternals> = {};
  // Parameters shadow the names the bundle reads as globals; nothing else leaks into this realm.
  const run = new Function('__bench', 'SpreadsheetApp', 'Session', instrumented) as (
    out: Partial<BundleInternals>,
    spreadsheetApp: BenchGlobals['SpreadsheetApp'],
    session: BenchGlobals['Session'],
  ) => void;
  run(exports, globals.SpreadsheetApp, globals.Session);
  for (const name of [...INTERNAL_NAMES, ...TOP_LEVEL_NAMES, ...CLASS_NAMES]) {
    if (typeof exports[name] !== 'function') throw new Error(`bench: build/Code.js did not hand out ${name}`);
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
