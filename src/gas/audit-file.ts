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

/** The address of a spreadsheet by id, without opening it (no service call). */
function spreadsheetUrl(id: string): string {
  return `https://docs.google.com/spreadsheets/d/${encodeURIComponent(id)}/edit`;
}

/** The caller's audit spreadsheet for this team's spreadsheet, when they have one; null otherwise. */
export function auditFileUrl(team: Spreadsheet): string | null {
  const id = PropertiesService.getUserProperties().getProperty(auditFileKey(team));
  return id ? spreadsheetUrl(id) : null;
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
  const properties = PropertiesService.getUserProperties();
  const id = properties.getProperty(auditFileKey(team));
  if (id) {
    try {
      return { target: SpreadsheetApp.openById(id), private: true };
    } catch {
      // Deleted or no longer the owner's: a new one is made below.
    }
  }
  const target = SpreadsheetApp.create(auditFileName(team));
  properties.setProperty(auditFileKey(team), target.getId());
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
