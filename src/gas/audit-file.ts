/**
 * Where the named audit sheet goes (rules §19): Sheets can protect a tab from edits but cannot
 * hide it from the spreadsheet's editors, so the audit goes to a spreadsheet of the owner's own,
 * created in their Drive the first time and shared with nobody, unless Settings open the team.
 */
import type { Settings } from '../core/base/settings';
import { AUDIT_SHEET } from './team-data';
import { Workbook } from './workbook';
import { withDocumentLock } from './document-lock';

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

/** What the owner's user property keeps of their audit spreadsheet: its id, and its address for the sidebar. */
interface AuditFileRecord {
  id: string;
  url: string;
}

function readRecord(team: Spreadsheet): AuditFileRecord | null {
  const raw = PropertiesService.getUserProperties().getProperty(auditFileKey(team));
  if (!raw) return null;
  try {
    const record = JSON.parse(raw) as Partial<AuditFileRecord>;
    return typeof record.id === 'string' && typeof record.url === 'string' ? { id: record.id, url: record.url } : null;
  } catch {
    // A value this version did not write: treated as none, and replaced at the next audit.
    return null;
  }
}

/** The caller's audit spreadsheet's address for this team's spreadsheet (no call to open it); null when none. */
export function auditFileUrl(team: Spreadsheet): string | null {
  return readRecord(team)?.url ?? null;
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
  const record = readRecord(team);
  if (record) {
    try {
      return { target: SpreadsheetApp.openById(record.id), private: true };
    } catch {
      // Deleted or no longer the owner's: a new one is made below.
    }
  }
  const target = SpreadsheetApp.create(auditFileName(team));
  const made: AuditFileRecord = { id: target.getId(), url: target.getUrl() };
  PropertiesService.getUserProperties().setProperty(auditFileKey(team), JSON.stringify(made));
  return { target, private: true };
}

/** Whether an earlier version's "Adoption audit" tab sits in the team spreadsheet while the team is not open. */
export function hasOldAuditTab(book: Workbook, settings: Settings): boolean {
  return !settings.openTeam && book.byName(AUDIT_SHEET) !== null;
}

export const OLD_TAB_QUESTION =
  `An earlier version of Uptake left an "${AUDIT_SHEET}" tab in this spreadsheet, with every member's figures ` +
  'by name, which every editor can read. The audit now goes to your own spreadsheet. Remove the old tab?';

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
