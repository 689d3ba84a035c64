/**
 * Reads the team's log and roster from the spreadsheet: one getValues per sheet, whatever the
 * number of rows, and never a write to the team's sheets.
 */
import { AUDIT_SHEET } from '../shared/api';
import { DEFAULT_LOG_SHEET, DEFAULT_ROSTER_SHEET, SENT_SHEET } from '../core/base/sheet-names';
import { findHeader, HEADER_SEARCH_ROWS, HeaderNotFoundError, type HeaderMatch } from '../core/sheets/header';
import { LOG_FIELDS, parseLogSheets, type ParsedLog } from '../core/sheets/log';
import { cellText, headerKey } from '../core/base/text';
import type { LogField } from '../core/base/types';
import { MemberDirectory, parseRoster } from '../core/sheets/roster';
import type { DateReadOptions } from '../core/base/dates';
import { todayInZone } from './spreadsheet-locale';
import type { ParsedTeam } from '../core/sheets/team';
import type { Settings } from '../core/base/settings';
import type { Roster } from '../core/base/types';
import { setupErrorMessage, type SetupErrorCode, type SetupErrorFacts } from '../core/sheets/setup-errors';
import { withKeptEmails } from '../core/roles/shared-roster-email';
import type { RosterEmailPair } from '../core/roles/roster-approval';
import { readUsageSheets } from './usage-data';
import { workbookOf, type NamedSheet, type Workbook } from './workbook';

export { readHeadRows } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Sheets Uptake owns and re-creates; it never reads them as the team's log or roster. */
export const OWN_SHEETS = [AUDIT_SHEET, SENT_SHEET];

/**
 * A problem with the spreadsheet's set-up that the owner must fix, from the facts found: `message`
 * says how, in core's words (core/sheets/setup-errors), and `code` names the problem for the page.
 */
export class SetupError extends Error {
  readonly code: SetupErrorCode;

  constructor(readonly facts: SetupErrorFacts) {
    super(setupErrorMessage(facts));
    this.code = facts.code;
    this.name = 'SetupError';
  }
}

/** A sheet that is not the team's log nor roster by name or by being Uptake's own. */
function mayBeLog(name: string, settings: Pick<Settings, 'rosterSheet'>): boolean {
  return (
    !OWN_SHEETS.includes(name) &&
    name !== settings.rosterSheet &&
    name.toLowerCase() !== DEFAULT_ROSTER_SHEET.toLowerCase()
  );
}

function chosenSheet(book: Workbook, name: string): Sheet {
  const chosen = book.byName(name);
  if (!chosen) {
    throw new SetupError({ code: 'log-missing', sheet: name });
  }
  return chosen;
}

type LogSettings = Pick<Settings, 'logSheet' | 'logSheets' | 'rosterSheet'>;

/**
 * Every sheet of the log (spec §16), the team's own log first: the sheets pinned in Settings and
 * no other (a pinned sheet that is gone is a SetupError), else every sheet whose first rows hold
 * a log's headers (spec §1), read from the head rows alone (a sheet that is not a log is never
 * read whole). `readingAll`: as findLogSheet's; Log a run, which reads each sheet's tail, passes false.
 */
export function findLogSheets(spreadsheet: Spreadsheet | Workbook, settings: LogSettings, readingAll = true): Sheet[] {
  const book = workbookOf(spreadsheet);
  const own = findLogSheet(book, settings, readingAll);
  const others =
    settings.logSheets.length > 0
      ? pinnedSheets(book, settings).map((s) => s.sheet)
      : book
          .sheets()
          .filter((s) => mayBeLog(s.name, settings) && logHeader(book, s, readingAll) !== null)
          .map((s) => s.sheet);
  // The team's own log leads only when it is one of them: pinning means exactly the pinned list.
  const sheets = own && others.includes(own) ? [own] : [];
  for (const sheet of others) if (!sheets.includes(sheet)) sheets.push(sheet);
  return sheets;
}

/** The sheets pinned in Settings, in their order; a SetupError names one that is gone. */
function pinnedSheets(book: Workbook, settings: Pick<Settings, 'logSheets'>): NamedSheet[] {
  return settings.logSheets.map((name) => ({ sheet: chosenSheet(book, name), name }));
}

/**
 * The team's own log, for reading: the sheet named in Settings, else the first sheet of the log
 * (the pinned ones when pinned) whose headers are a log's (spec §1) and whose date column is not
 * a form's "Timestamp", else the first log sheet. Writers use findWritableLogSheet, which never
 * gives a form's answers sheet. `readingAll`: the caller reads the whole log anyway (see logHeader).
 */
export function findLogSheet(
  spreadsheet: Spreadsheet | Workbook,
  settings: LogSettings,
  readingAll = false,
): Sheet | null {
  const book = workbookOf(spreadsheet);
  if (settings.logSheet) return chosenSheet(book, settings.logSheet);
  for (const sheet of logCandidates(book, settings, readingAll)) return sheet;
  return null;
}

/**
 * The log sheets (the pinned ones when pinned) found by their headers, those not headed as a
 * form's answers first; lazily, so that a caller taking the first reads no further sheet.
 */
function* logCandidates(book: Workbook, settings: LogSettings, readingAll: boolean): Generator<Sheet, void, undefined> {
  const formHeaded: Sheet[] = [];
  const sheets = settings.logSheets.length > 0 ? pinnedSheets(book, settings) : book.sheets();
  for (const named of sheets) {
    const { sheet, name } = named;
    if (!mayBeLog(name, settings)) continue;
    const header = logHeader(book, named, readingAll);
    if (!header) continue;
    if (isFormTimestamp(book.headRows(sheet), header)) formHeaded.push(sheet);
    else yield sheet;
  }
  yield* formHeaded;
}

/**
 * A form's answers sheet, which only its form writes (rules §16): linked to a form ("Class
 * Sheet", getFormUrl() gives "the URL for the form that sends its responses to this sheet, or
 * null if this sheet has no associated form",
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#getFormUrl()), or headed
 * as Google Forms heads one, Timestamp first (a copy of a form's answers, or a form unlinked).
 */
export function isFormAnswersSheet(spreadsheet: Spreadsheet | Workbook, sheet: Sheet): boolean {
  if (sheet.getFormUrl()) return true;
  const head = workbookOf(spreadsheet).headRows(sheet);
  try {
    return isFormTimestamp(head, findHeader(head, LOG_FIELDS, 'sheet'));
  } catch {
    return false;
  }
}

/** Where Log a run and set-up may write: the team's own log; `formAnswers` names a form's answers sheet found instead. */
export interface WritableLog {
  sheet: Sheet | null;
  formAnswers: string | null;
}

/**
 * The team's own log for writing (findLogSheet), never a form's answers sheet: when the log
 * found is a form's (the only log, or the one chosen in Settings), `sheet` is null and
 * `formAnswers` names it. One getFormUrl call a log sheet looked at, usually one.
 */
export function findWritableLogSheet(spreadsheet: Spreadsheet | Workbook, settings: LogSettings): WritableLog {
  const book = workbookOf(spreadsheet);
  if (settings.logSheet) {
    const chosen = chosenSheet(book, settings.logSheet);
    return isFormAnswersSheet(book, chosen)
      ? { sheet: null, formAnswers: settings.logSheet }
      : { sheet: chosen, formAnswers: null };
  }
  let formAnswers: string | null = null;
  for (const sheet of logCandidates(book, settings, false)) {
    if (!isFormAnswersSheet(book, sheet)) return { sheet, formAnswers: null };
    formAnswers ??= book.nameOf(sheet);
  }
  return { sheet: null, formAnswers };
}

/** Google Forms heads its answers sheet's first column "Timestamp". */
function isFormTimestamp(head: unknown[][], header: HeaderMatch<LogField>): boolean {
  return isTimestampFirst(head[header.rowIndex] ?? [], header);
}

function isTimestampFirst(headerRow: unknown[], header: HeaderMatch<LogField>): boolean {
  return header.columns.date === 0 && headerKey(cellText(headerRow[0])) === headerKey('timestamp');
}

/** isFormAnswersSheet for a log whose header row was read already: one getFormUrl call. */
export function isFormAnswersLog(sheet: Sheet, headerRow: unknown[], header: HeaderMatch<LogField>): boolean {
  return sheet.getFormUrl() !== null || isTimestampFirst(headerRow, header);
}

/**
 * The log header of a sheet, from its first rows alone; null when it has none. For a caller that
 * reads the whole log anyway (`readingAll`), the sheet "Set up log and roster" names as the log
 * is read whole at once instead: it is the log (its one read shows the header too), and a head
 * read first would cost calls the dashboard waits for. Log a run reads head rows only.
 */
function logHeader(book: Workbook, { sheet, name }: NamedSheet, readingAll: boolean): HeaderMatch<LogField> | null {
  const head =
    readingAll && name.trim().toLowerCase() === DEFAULT_LOG_SHEET.toLowerCase()
      ? book.values(sheet).slice(0, HEADER_SEARCH_ROWS)
      : book.headRows(sheet);
  try {
    return findHeader(head, LOG_FIELDS, 'sheet');
  } catch {
    return null;
  }
}

/** Required log headers a sheet must show (at least) to be taken for a log with a broken header. */
const NEAR_LOG_HEADERS = 2;

/**
 * When no sheet is a log: the sheet that comes closest (half the required headers or more on
 * one row), with what its header lacks, so that a typo or a deleted column is named instead of
 * "no log". null when no sheet comes close.
 */
function nearestLogProblem(book: Workbook, settings: Pick<Settings, 'rosterSheet'>): SetupError | null {
  const required = LOG_FIELDS.filter((spec) => spec.required);
  let best: { name: string; found: number; error: HeaderNotFoundError } | null = null;
  for (const { sheet, name } of book.sheets()) {
    if (!mayBeLog(name, settings)) continue;
    try {
      findHeader(book.headRows(sheet), LOG_FIELDS, 'log');
    } catch (error) {
      if (!(error instanceof HeaderNotFoundError)) throw error;
      const found = required.length - error.missing.length;
      if (found >= NEAR_LOG_HEADERS && (!best || found > best.found)) best = { name, found, error };
    }
  }
  return best ? new SetupError({ code: 'log-header', sheet: best.name, header: best.error, nearest: true }) : null;
}

/** The error to give when findLogSheet finds no log: the nearest sheet's header problem, else "no log". */
export function noLogError(spreadsheet: Spreadsheet | Workbook, settings: Pick<Settings, 'rosterSheet'>): SetupError {
  return nearestLogProblem(workbookOf(spreadsheet), settings) ?? new SetupError({ code: 'no-log' });
}

/** The roster: the sheet named in Settings, else one named "Roster", else none (the log alone is audited). */
export function findRosterSheet(
  spreadsheet: Spreadsheet | Workbook,
  settings: Pick<Settings, 'rosterSheet'>,
): Sheet | null {
  const book = workbookOf(spreadsheet);
  if (settings.rosterSheet) {
    const chosen = book.byName(settings.rosterSheet);
    if (!chosen) {
      throw new SetupError({ code: 'roster-missing', sheet: settings.rosterSheet });
    }
    return chosen;
  }
  return book.sheets().find((s) => s.name.trim().toLowerCase() === DEFAULT_ROSTER_SHEET.toLowerCase())?.sheet ?? null;
}

/** The team as read from the spreadsheet: what core audits (ParsedTeam), and the sheets it came from. */
export interface TeamData extends ParsedTeam {
  /** The team's own log (the first of the log's sheets). */
  logSheet: Sheet;
  logSheetName: string;
  /** Every sheet of the log (spec §16), the team's own first. */
  logSheets: Sheet[];
  logSheetNames: string[];
  rosterSheet: Sheet | null;
  dateOptions: DateReadOptions;
}

/**
 * The roster sheet as Uptake reads it everywhere: parsed, then each email on two rows given to
 * the row the owner approved it for (`approved`, rules §19; src/core/roles/shared-roster-email.ts),
 * so that the log's rows, the usage exports (§15) and My week all match that email to the same row.
 */
function parseRosterSheet(
  book: Workbook,
  sheet: Sheet,
  dateOptions: DateReadOptions,
  approved: RosterApprovals,
): Roster {
  try {
    return withKeptEmails(parseRoster(book.values(sheet), dateOptions), approved)!;
  } catch (error) {
    if (error instanceof HeaderNotFoundError)
      throw new SetupError({ code: 'roster-header', sheet: book.nameOf(sheet), header: error });
    throw error;
  }
}

/**
 * The (name, email) pairings the owner approved (src/gas/settings-store.ts, loadStoredSettings):
 * every read of the roster takes them, so an email on two rows goes to the same row everywhere.
 */
export type RosterApprovals = readonly RosterEmailPair[];

/** The roster (parseRosterSheet), or null when there is none. Throws SetupError with what to fix. */
export function readRoster(
  spreadsheet: Spreadsheet | Workbook,
  settings: Pick<Settings, 'rosterSheet'>,
  dateOptions: DateReadOptions,
  approved: RosterApprovals,
): Roster | null {
  const book = workbookOf(spreadsheet);
  const sheet = findRosterSheet(book, settings);
  return sheet ? parseRosterSheet(book, sheet, dateOptions, approved) : null;
}

/**
 * Reads and parses the log (every sheet of it) and the roster (parseRosterSheet, with the owner's
 * `approved` pairings). Throws SetupError with what to fix.
 */
export function readTeam(spreadsheet: Spreadsheet | Workbook, settings: Settings, approved: RosterApprovals): TeamData {
  const book = workbookOf(spreadsheet);
  const dateOptions = book.dateOptions();
  const logSheets = findLogSheets(book, settings);
  if (logSheets.length === 0) {
    throw noLogError(book, settings);
  }
  const logSheetNames = logSheets.map((sheet) => book.nameOf(sheet));
  const rosterSheet = findRosterSheet(book, settings);
  const roster = rosterSheet ? parseRosterSheet(book, rosterSheet, dateOptions, approved) : null;
  let log: ParsedLog;
  try {
    log = parseLogSheets(
      logSheets.map((sheet, i) => ({ values: book.values(sheet), name: logSheetNames[i] })),
      { ...dateOptions, directory: new MemberDirectory(roster?.members ?? []) },
    );
  } catch (error) {
    if (error instanceof HeaderNotFoundError)
      throw new SetupError({ code: 'log-header', sheet: error.sheet ?? logSheetNames[0], header: error });
    throw error;
  }
  return {
    logSheet: logSheets[0],
    logSheetName: logSheetNames[0],
    logSheets,
    logSheetNames,
    rosterSheet,
    rosterSheetName: rosterSheet ? book.nameOf(rosterSheet) : null,
    log,
    roster,
    dateOptions,
    today: todayInZone(dateOptions.timeZone),
    usage: readUsageSheets(
      book,
      [...OWN_SHEETS, ...logSheetNames, ...(rosterSheet ? [book.nameOf(rosterSheet)] : [])],
      roster?.members ?? [],
      dateOptions,
    ),
  };
}
