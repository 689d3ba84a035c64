// Turning the corpus into what each surface reads, and the snapshot that proves Uptake changed
// nothing in the team's sheets.
import { isoToDay } from '../../src/core/base/dates';
import { localInstant } from '../../local/gas-run';
import { toCsv } from '../../local/csv';
import { createFakeGas, type FakeGasOptions } from '../../packages/fake-apps-script';
import { loadUptake } from '../../local/uptake-bundle';
import { BUILD_DIR, readBuilt } from '../bundle/support';
import { OWNER } from '../support/sheets';
import { isDateCell, TODAY, type Cell, type CorpusCase, type DateCell, type Expected, type RowReason } from './corpus';

export { OWNER };
export const LOG_SHEET = 'AI usage log';
export const ROSTER_SHEET = 'Roster';
/** Uptake's own sheets: the only ones it may write (besides one appended row from "Log a run"). */
export const OWN_SHEETS = ['Adoption audit', 'Uptake sent'];

export function zoneOf(c: Pick<CorpusCase, 'timeZone'>): string {
  return c.timeZone ?? 'UTC';
}

export function localeOf(c: Pick<CorpusCase, 'locale'>): string {
  return c.locale ?? 'en_GB';
}

export function dateOrderOf(c: Pick<CorpusCase, 'locale'>): 'DMY' | 'MDY' {
  return localeOf(c) === 'en_US' ? 'MDY' : 'DMY';
}

/** The instant a date cell holds: its wall time (midnight by default) in the sheet's zone. */
export function instantOf(cell: DateCell, timeZone: string): Date {
  const day = isoToDay(cell.date);
  if (day === null) throw new Error(`corpus: bad date ${cell.date}`);
  const [hour, minute] = (cell.time ?? '00:00').split(':').map(Number);
  return new Date(localInstant(day, hour, minute, timeZone));
}

/** The cells as getValues returns them (what the core reads). */
export function valuesOf(rows: Cell[][], timeZone: string): unknown[][] {
  return rows.map((row) => row.map((cell) => (isDateCell(cell) ? instantOf(cell, timeZone) : cell)));
}

/**
 * The cells as a sheet-building write must give them (the fake is created with
 * valueParsing 'text', so strings stay strings): text starting with = or ' gets the
 * apostrophe a person types to keep it text.
 */
export function sheetInputOf(rows: Cell[][], timeZone: string): unknown[][] {
  return valuesOf(rows, timeZone).map((row) =>
    row.map((cell) => (typeof cell === 'string' && /^[=']/.test(cell) ? `'${cell}` : cell)),
  );
}

/** A cell as a CSV download shows it. */
export function csvCell(cell: Cell): string {
  if (isDateCell(cell)) return cell.time ? `${cell.date} ${cell.time}` : cell.date;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell);
}

export function csvOf(rows: Cell[][]): string {
  return toCsv(rows.map((row) => row.map(csvCell)));
}

/** Noon of TODAY in the zone: a fake clock where today is TODAY in the spreadsheet's zone. */
export function noonToday(timeZone: string): number {
  return localInstant(isoToDay(TODAY)!, 12, 0, timeZone);
}

/** A fake spreadsheet holding the case's log (and roster), the bundle loaded, the owner's settings saved. */
export function caseSheets(c: CorpusCase, options: FakeGasOptions = {}) {
  readBuilt('Code.js');
  const timeZone = zoneOf(c);
  const gas = createFakeGas({
    now: noonToday(timeZone),
    user: OWNER,
    valueParsing: 'text',
    activeSpreadsheetInTimeTriggers: true,
    spreadsheet: { name: `Team sheet (${c.id})`, timeZone, locale: localeOf(c), sheets: {} },
    ...options,
  });
  gas.addSheet(LOG_SHEET, sheetInputOf(c.log, timeZone));
  if (c.roster) gas.addSheet(ROSTER_SHEET, sheetInputOf(c.roster, timeZone));
  const sheet1 = gas.spreadsheet.getSheetByName('Sheet1');
  if (sheet1) gas.spreadsheet.deleteSheet(sheet1);
  for (const a1 of c.merges ?? []) gas.user.merge(LOG_SHEET, a1);
  const bundle = loadUptake(gas, BUILD_DIR);
  bundle.saveSettings({ ownerEmail: OWNER });
  return { gas, bundle };
}

// ---- expectations ----------------------------------------------------------------------------

export const rowReasons = (problems: { row: number; reason: string }[]): RowReason[] =>
  problems.map((p) => [p.row, p.reason]);

/** Sorted, so that the order in which the audit gathers notices does not matter. */
export function sorted(list: RowReason[]): RowReason[] {
  return [...list].sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
}

/** The notices an audit of the spreadsheet (auditTeam) gives: the log's, the roster's (prefixed), the audit's own. */
export function auditNoticesOf(e: Expected, rosterSkipped = e.rosterSkipped ?? []): RowReason[] {
  return sorted([
    ...e.notices,
    ...rosterSkipped.map(([row, reason]): RowReason => [row, `Roster row ${row} skipped: ${reason}`]),
    ...(e.rosterNotices ?? []).map(([row, reason]): RowReason => [row, `Roster row ${row}: ${reason}`]),
    ...(e.auditNotices ?? []),
  ]);
}

/** Runs per member, for the members with runs in the window. */
export function runsByMember(members: { member: string; runs: number }[]): Record<string, number> {
  return Object.fromEntries(members.filter((m) => m.runs > 0).map((m) => [m.member, m.runs]));
}

export function unpromptedByMember(
  members: { member: string; unpromptedRuns: number }[],
  names: string[],
): Record<string, number | undefined> {
  return Object.fromEntries(names.map((name) => [name, members.find((m) => m.member === name)?.unpromptedRuns]));
}
