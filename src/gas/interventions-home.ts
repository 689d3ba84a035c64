/**
 * Where the Interventions sheet lives (rules §19): its notes are about named people, and Sheets
 * cannot hide a tab from the spreadsheet's editors, so with the team closed it is kept in the
 * owner's own audit spreadsheet (src/gas/audit-file.ts), not in the team's file; with "open
 * team" on, in the team spreadsheet. An Interventions tab an earlier version left in the team
 * spreadsheet is read where it is until the owner moves it: it is never moved or deleted
 * silently, and no new note is added to it.
 */
import type { Settings } from '../core/base/settings';
import { findHeader } from '../core/sheets/header';
import { DEFAULT_INTERVENTIONS_SHEET, INTERVENTION_FIELDS } from '../core/interventions/sheet';
import { TEXT_FORMAT } from '../core/base/cell-formats';
import { auditTarget, markInterventions, openAuditFile, readAuditFile, type AuditFileRecord } from './audit-file';
import { withDocumentLock } from './document-lock';
import { growTo } from './sheet-size';
import { newSheet } from './setup';
import { findLogSheet, findRosterSheet } from './team-data';
import { SENT_SHEET } from '../core/base/sheet-names';
import { AUDIT_SHEET } from '../shared/api';
import { workbookOf, type Workbook } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The team's own sheets, never taken for the Interventions sheet. */
export interface TeamSheetNames {
  logSheet: string | null;
  rosterSheet: string | null;
}

function hasInterventionHeaders(book: Workbook, sheet: Sheet): boolean {
  const head = book.headRows(sheet);
  if (!head.length) return false;
  try {
    findHeader(head, INTERVENTION_FIELDS, 'sheet');
    return true;
  } catch {
    return false;
  }
}

/**
 * The Interventions sheet of one spreadsheet: the one named "Interventions" if its headers are
 * there (looked at first: the usual case costs one read), else the first other sheet with Date,
 * Team member and Type headers that is not the log, the roster or a sheet Uptake writes. null
 * when none is.
 */
export function findInterventionsSheet(spreadsheet: Spreadsheet | Workbook, exclude: TeamSheetNames): Sheet | null {
  const book = workbookOf(spreadsheet);
  const skipped = new Set([AUDIT_SHEET, SENT_SHEET, exclude.logSheet, exclude.rosterSheet]);
  const sheets = book.sheets().filter((s) => !skipped.has(s.name));
  const byName = sheets.find((s) => s.name.trim().toLowerCase() === DEFAULT_INTERVENTIONS_SHEET.toLowerCase())?.sheet;
  if (byName && hasInterventionHeaders(book, byName)) return byName;
  return sheets.find((s) => s.sheet !== byName && hasInterventionHeaders(book, s.sheet))?.sheet ?? null;
}

/** An earlier version's Interventions tab in the team spreadsheet while the team is closed; else null. */
export function oldInterventionsTab(
  team: Spreadsheet | Workbook,
  exclude: TeamSheetNames,
  settings: Pick<Settings, 'openTeam'>,
): Sheet | null {
  return settings.openTeam ? null : findInterventionsSheet(team, exclude);
}

/** Where the interventions are read from: the sheet, its name, and the spreadsheet it is in. */
export interface InterventionsLocation {
  book: Workbook;
  sheet: Sheet;
  name: string;
}

/**
 * The Interventions sheet as every reader finds it (the dashboard, the audit sheet, the digest,
 * the programme): the team spreadsheet's when the team is open or an earlier version's tab is
 * still there; else the owner's own spreadsheet's, opened only when Uptake made one there (so a
 * dashboard with no interventions costs no call for it). `ownFile`: the owner's audit file as
 * already read (the dashboard reads it once for its link); undefined: read it here; null: none.
 */
export function findInterventions(
  team: Spreadsheet | Workbook,
  exclude: TeamSheetNames,
  settings: Pick<Settings, 'openTeam'>,
  ownFile?: AuditFileRecord | null,
): InterventionsLocation | null {
  const book = workbookOf(team);
  const inTeam = findInterventionsSheet(book, exclude);
  if (settings.openTeam || inTeam) return inTeam && { book, sheet: inTeam, name: book.nameOf(inTeam) };
  const file = ownFile === undefined ? readAuditFile(book.spreadsheet) : ownFile;
  if (!file?.interventions) return null;
  const own = openAuditFile(file);
  const sheet = own?.getSheetByName(DEFAULT_INTERVENTIONS_SHEET) ?? null;
  return own && sheet ? { book: workbookOf(own), sheet, name: DEFAULT_INTERVENTIONS_SHEET } : null;
}

/** The log's and the roster's names, found as the audit finds them (a roster that cannot be found: none). */
export function teamSheetNames(team: Spreadsheet | Workbook, settings: Settings): TeamSheetNames {
  const book = workbookOf(team);
  const log = findLogSheet(book, settings);
  let roster: Sheet | null = null;
  try {
    roster = findRosterSheet(book, settings);
  } catch {
    // A roster chosen in Settings that is gone: only the log is set aside.
  }
  return { logSheet: log && book.nameOf(log), rosterSheet: roster && book.nameOf(roster) };
}

/** What tab `tab` is: kept here while the team was open, or left by an earlier version (src/gas/open-team-tabs.ts). */
function whereTheyAre(tab: string, whileOpen: boolean): string {
  return whileOpen
    ? `The interventions were kept in this spreadsheet's "${tab}" tab while the team was open`
    : `An earlier version of Uptake keeps the interventions in this spreadsheet's "${tab}" tab`;
}

/** Said when a note is recorded while an earlier version's (or the open team's) tab is still in the team spreadsheet. */
export function moveFirst(tab: string, whileOpen: boolean): string {
  return (
    `${whereTheyAre(tab, whileOpen)}, which every editor can read. Move them to your own spreadsheet first (the ` +
    'dashboard offers it, and so does Run audit to sheet); then record this one, which goes there too. Nothing was written.'
  );
}

/** Run audit to sheet's question about tab `tab` (whileOpen: kept here while the team was open). */
export function oldInterventionsQuestion(tab: string, whileOpen: boolean): string {
  return (
    `${whereTheyAre(tab, whileOpen)} (notes about named people), which every editor can read. Move them to your ` +
    'own spreadsheet, and remove the tab from this one?'
  );
}

/** How long a move waits for another Uptake write to finish. */
const LOCK_WAIT_MS = 30_000;

/**
 * Moves an earlier version's Interventions tab to the owner's own spreadsheet, only when the
 * owner asks: every cell is copied as it shows (values and number formats, every column; text
 * as text, and a formula as the value it gave, so nothing is a formula in the copy), the copy
 * is read back, and only then is the tab deleted from the team spreadsheet. Returns what it did.
 */
export function moveOldInterventions(team: Spreadsheet, settings: Settings): string {
  if (settings.openTeam)
    return '"Open team" is on, so the interventions stay in this spreadsheet, where the team reads them: nothing was moved.';
  return withDocumentLock(
    LOCK_WAIT_MS,
    'Uptake is writing to this spreadsheet right now: try again in a minute.',
    () => {
      const old = oldInterventionsTab(team, teamSheetNames(team, settings), settings);
      if (!old) return 'There is no interventions tab in this spreadsheet any more.';
      const tab = old.getName();
      const { target } = auditTarget(team, settings);
      if (target.getSheetByName(DEFAULT_INTERVENTIONS_SHEET))
        throw new Error(
          `Your own spreadsheet "${target.getName()}" already has an "${DEFAULT_INTERVENTIONS_SHEET}" sheet, so the ` +
            `"${tab}" tab was not moved: copy its rows there by hand, then delete the tab. Nothing was changed.`,
        );
      const rows = copyCells(old, newSheet(target, DEFAULT_INTERVENTIONS_SHEET));
      markInterventions(team, target);
      team.deleteSheet(old);
      return (
        `Moved the "${tab}" tab (${rows} rows) to your own spreadsheet "${target.getName()}", which only you can ` +
        'open, and removed it from this one.'
      );
    },
  );
}

/** Copies every cell of `from` into the empty `to`, as it is; returns the rows copied. Throws if the copy differs. */
function copyCells(from: Sheet, to: Sheet): number {
  const range = from.getDataRange();
  const values = range.getValues();
  const formats = range.getNumberFormats();
  // A text cell is written as text: "=…" typed in a note stays the note, never a formula.
  const written = formats.map((row, r) =>
    row.map((format, c) => (typeof values[r][c] === 'string' ? TEXT_FORMAT : format)),
  );
  growTo(to, values.length, values[0]?.length ?? 0);
  const block = to.getRange(1, 1, values.length, values[0]?.length ?? 1);
  block.setNumberFormats(written);
  block.setValues(values);
  SpreadsheetApp.flush();
  const copied = block.getValues();
  if (JSON.stringify(copied) !== JSON.stringify(values))
    throw new Error('The copy of the interventions did not read back the same, so the old tab was kept.');
  to.setFrozenRows(Math.min(1, values.length));
  return values.length;
}
