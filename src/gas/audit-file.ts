/**
 * Where the named audit sheet goes (rules §19): Sheets can protect a tab from edits but cannot
 * hide it from the spreadsheet's editors, so the audit goes to a spreadsheet of the owner's own,
 * created in their Drive the first time and shared with nobody, unless Settings open the team.
 */
import type { Settings } from '../core/base/settings';
import { AUDIT_SHEET } from '../shared/api';
import { Workbook } from './workbook';
import { withDocumentLock } from './document-lock';
import { currentUserEmail } from './automation-store';
import type { InterventionsHome } from '../core/roles/owner-change';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** User property (the owner's): their audit spreadsheet's id, per team spreadsheet. */
export const AUDIT_FILE_PREFIX = 'uptake.auditFile.';
/** How long removing the old tab waits for an audit being written. */
const LOCK_WAIT_MS = 30_000;

function auditFileKey(team: Spreadsheet): string {
  return AUDIT_FILE_PREFIX + team.getId();
}

export function auditFileName(team: Spreadsheet): string {
  return `Uptake audit: ${team.getName()}`;
}

/**
 * What the owner's user property keeps of their audit spreadsheet: its id, its address for the
 * sidebar, and whether Uptake made the Interventions sheet in it (src/gas/interventions-home.ts).
 */
export interface AuditFileRecord {
  id: string;
  url: string;
  interventions?: boolean;
}

/**
 * The caller's audit spreadsheet for this team's spreadsheet, as recorded (no call to open it);
 * null when none. `userValues`: the caller's user properties when already read (getProperties).
 */
export function readAuditFile(team: Spreadsheet, userValues?: Record<string, string>): AuditFileRecord | null {
  const raw = userValues
    ? (userValues[auditFileKey(team)] ?? null)
    : PropertiesService.getUserProperties().getProperty(auditFileKey(team));
  if (!raw) return null;
  try {
    const record = JSON.parse(raw) as Partial<AuditFileRecord>;
    if (typeof record.id !== 'string' || typeof record.url !== 'string') return null;
    return { id: record.id, url: record.url, interventions: record.interventions === true };
  } catch {
    // A value this version did not write: treated as none, and replaced at the next audit.
    return null;
  }
}

function writeRecord(team: Spreadsheet, record: AuditFileRecord): void {
  PropertiesService.getUserProperties().setProperty(auditFileKey(team), JSON.stringify(record));
}

/** The caller's audit spreadsheet's address for this team's spreadsheet (no call to open it); null when none. */
export function auditFileUrl(team: Spreadsheet): string | null {
  return readAuditFile(team)?.url ?? null;
}

/** The recorded audit spreadsheet, opened; null when it no longer opens (deleted, or no longer the caller's). */
export function openAuditFile(record: AuditFileRecord): Spreadsheet | null {
  try {
    return SpreadsheetApp.openById(record.id);
  } catch {
    return null;
  }
}

/**
 * Document property: the InterventionsHome (src/core/roles/owner-change.ts) of the owner who
 * recorded the interventions, so that after a change of owner the new one is told where they are.
 */
export const INTERVENTIONS_HOME_KEY = 'uptake.interventionsHome';

/** Records that the Interventions sheet is in the owner's audit spreadsheet `target`, so readers open it. */
export function markInterventions(team: Spreadsheet, target: Spreadsheet): void {
  writeRecord(team, { id: target.getId(), url: target.getUrl(), interventions: true });
  const home: InterventionsHome = { holder: currentUserEmail(), url: target.getUrl(), name: target.getName() };
  PropertiesService.getDocumentProperties().setProperty(INTERVENTIONS_HOME_KEY, JSON.stringify(home));
}

/**
 * The spreadsheet the audit is written to, and whether it is the team's. The owner's own is
 * opened by its stored id, or made with SpreadsheetApp.create, which needs the full
 * `spreadsheets` scope ("Class SpreadsheetApp", create(name), Authorization,
 * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app); a stored id
 * that no longer opens (the file was deleted) gets a new file.
 */
export function auditTarget(team: Spreadsheet, settings: Settings): { target: Spreadsheet; private: boolean } {
  if (settings.openTeam) return { target: team, private: false };
  const record = readAuditFile(team);
  const opened = record && openAuditFile(record);
  if (opened) {
    sameTimeZone(team, opened);
    return { target: opened, private: true };
  }
  // None yet, or deleted: a new one (whose Interventions sheet, if the old one had any, is gone with it).
  const target = SpreadsheetApp.create(auditFileName(team));
  sameTimeZone(team, target);
  writeRecord(team, { id: target.getId(), url: target.getUrl() });
  return { target, private: true };
}

/**
 * Gives the owner's spreadsheet the team spreadsheet's time zone: a date cell is read as a Date
 * at midnight in its own spreadsheet's zone, and Uptake reads every date in the team's, so the
 * same day must mean the same instant in both ("Class Spreadsheet", getSpreadsheetTimeZone()
 * and setSpreadsheetTimeZone(), https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet).
 */
function sameTimeZone(team: Spreadsheet, own: Spreadsheet): void {
  const zone = team.getSpreadsheetTimeZone();
  if (own.getSpreadsheetTimeZone() !== zone) own.setSpreadsheetTimeZone(zone);
}

/** Whether an earlier version's "Adoption audit" tab sits in the team spreadsheet while the team is not open. */
export function hasOldAuditTab(book: Workbook, settings: Settings): boolean {
  return !settings.openTeam && book.byName(AUDIT_SHEET) !== null;
}

/** Run audit to sheet's question about the audit tab in the team spreadsheet (whileOpen: written while the team was open). */
export function oldTabQuestion(whileOpen: boolean): string {
  const what = whileOpen
    ? `The "${AUDIT_SHEET}" tab in this spreadsheet was written while the team was open`
    : `An earlier version of Uptake left an "${AUDIT_SHEET}" tab in this spreadsheet`;
  return (
    `${what}, with every member's figures by name, which every editor can read. The audit now goes to your own ` +
    'spreadsheet. Remove the old tab?'
  );
}

/**
 * Deletes the old "Adoption audit" tab of the team spreadsheet, only when the owner asked
 * (never silently), and never while the team is open (there it is the audit). Returns what it did.
 */
export function removeOldAuditTab(team: Spreadsheet, settings: Settings): string {
  if (settings.openTeam)
    return `"Open team" is on, so the "${AUDIT_SHEET}" tab is where the audit goes: nothing was removed.`;
  return withDocumentLock(LOCK_WAIT_MS, 'An audit is being written right now: try again in a minute.', () => {
    const tab = team.getSheetByName(AUDIT_SHEET);
    if (!tab) return `There is no "${AUDIT_SHEET}" tab in this spreadsheet any more.`;
    team.deleteSheet(tab);
    return `The old "${AUDIT_SHEET}" tab was removed from this spreadsheet.`;
  });
}
