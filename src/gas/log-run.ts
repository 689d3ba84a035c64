/**
 * "Log a run": the form's data and the one write Uptake makes to the team's log, a new row at
 * its end, in the log's own column order, under the document lock.
 */
import { dayToIso, dayToLabel, SHEETS_EPOCH_DAY } from '../core/base/dates';
import { EDIT_TYPE_CHOICES, OUTCOME_CHOICES } from '../core/sheets/log';
import { checkLogRun, type LogEntry } from '../core/sheets/log-request';
import { MemberDirectory } from '../core/sheets/roster';
import { isApprovedPairing } from '../core/roles/roster-approval';
import type { Settings } from '../core/base/settings';
import { isEmail, memberKey } from '../core/base/text';
import type { LogField } from '../core/base/types';
import type { LogFormData, LogRunResult } from '../shared/api';
import { DATE_FORMAT, TEXT_FORMAT } from '../core/base/cell-formats';
import { todayIn } from './spreadsheet-locale';
import { withDocumentLock } from './document-lock';
import { appendByHeader, type CellWrite } from './append-row';
import { nextFreeRow, readLogHead, readRecentLog } from './recent-log';
import { findWritableLogSheet, noLogError, SetupError } from './team-data';
import { MY_WEEK_ROWS, myWeekView } from './my-week';
import type { StoredSettings } from './settings-store';
import { loggingFormUrl } from './logging-form';
import { currentUserEmail } from './automation-store';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Per user: whom this person logged as last time, so the form starts with their name. */
export const LOG_AS_PROPERTY = 'uptake.logAs';
/** How long "Log a run" waits for another writer to finish. */
export const LOCK_WAIT_MS = 10_000;

/** Distinct by key, in the order given. */
function distinct<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Said when the only log is a form's answers sheet, which only the form writes (rules §16):
 * Log a run appends nowhere else, so it says where to log instead.
 */
export function formAnswersOnlyError(sheetName: string): SetupError {
  return new SetupError({ code: 'form-answers-only', sheet: sheetName, formUrl: loggingFormUrl() });
}

/** The team's own log to append to; throws SetupError saying what to do when there is none. */
function logToWrite(spreadsheet: Spreadsheet, settings: Settings): Sheet {
  const { sheet, formAnswers } = findWritableLogSheet(spreadsheet, settings);
  if (formAnswers) throw formAnswersOnlyError(formAnswers);
  if (!sheet) throw noLogError(spreadsheet, settings);
  return sheet;
}

/**
 * The roster's name of the account opening the form, matched by its email (the roster's Email
 * column) on a row whose (name, email) pairing the owner approved; '' when Google gives no email,
 * the roster does not know it, or the row waits for approval: it may be a colleague's row where
 * this email was typed (rules §19), whose name the form must not show. Nothing is guessed.
 */
function ownRosterName(directory: MemberDirectory, approved: StoredSettings['approved']): string {
  const email = currentUserEmail();
  const row = email ? directory.find(email) : undefined;
  if (!row?.email || memberKey(row.email) !== memberKey(email)) return '';
  return isApprovedPairing(row, approved) ? row.name : '';
}

/**
 * The form's lists and the caller's My week: from the roster and the log's recent rows, read once
 * in cells that do not grow with the log. The member starts as whom this account logged as last
 * time, else as its own roster name.
 */
export function logFormData(spreadsheet: Spreadsheet, { settings, approved }: StoredSettings): LogFormData {
  const remembered = PropertiesService.getUserProperties().getProperty(LOG_AS_PROPERTY) ?? '';
  const form: LogFormData = {
    today: dayToIso(todayIn(spreadsheet).today),
    member: remembered,
    members: [],
    workflows: [],
    outcomes: [...OUTCOME_CHOICES],
    editTypes: [...EDIT_TYPE_CHOICES],
    // Kept in the document's properties when the form was made: a member, who cannot open the
    // form through FormApp, sees it too, and no FormApp call is made (rules §16).
    formUrl: loggingFormUrl(),
    problem: null,
    myWeek: null,
  };
  let recent: ReturnType<typeof readRecentLog>;
  try {
    // One read serves the form and My week, which the page shows with it (one round trip).
    recent = readRecentLog(spreadsheet, settings, MY_WEEK_ROWS, approved);
  } catch (error) {
    if (error instanceof SetupError) {
      form.problem = { code: error.code, message: error.message };
      return form;
    }
    throw error;
  }
  form.myWeek = myWeekView(spreadsheet, settings, approved, recent);
  // The log read is a form's: when no team log is found either, Log a run has nowhere to write.
  const formAnswers = recent.isFormAnswers() ? findWritableLogSheet(spreadsheet, settings).formAnswers : null;
  if (formAnswers) {
    const problem = formAnswersOnlyError(formAnswers);
    form.problem = { code: problem.code, message: problem.message };
    return form;
  }
  const { roster, log } = recent;
  const rosterMembers = roster?.members ?? [];
  const directory = new MemberDirectory(rosterMembers);
  form.member ||= ownRosterName(directory, approved);
  // A log name shaped like an email is a form respondent's address the roster does not match
  // (rules §16): the owner's dashboard names it; it is not offered to every member (rules §19).
  const logNames = [...log.names.values()].filter((name) => !isEmail(name));
  const names = [...rosterMembers.map((m) => m.name), ...logNames];
  form.members = distinct(names, (name) => directory.keyFor(name)).sort((a, b) => a.localeCompare(b));

  const runs = log.runs;
  const mine = form.member ? directory.keyFor(form.member) : null;
  const recentOfMine = runs
    .filter((run) => run.memberKey === mine)
    .sort((a, b) => b.day - a.day || b.row - a.row)
    .map((run) => run.workflow);
  const frequency = new Map<string, { workflow: string; runs: number }>();
  for (const run of runs) {
    const entry = frequency.get(run.workflowKey) ?? { workflow: run.workflow, runs: 0 };
    entry.runs++;
    frequency.set(run.workflowKey, entry);
  }
  const byFrequency = [...frequency.values()]
    .sort((a, b) => b.runs - a.runs || a.workflow.localeCompare(b.workflow))
    .map((w) => w.workflow);
  form.workflows = distinct([...recentOfMine, ...byFrequency], memberKey);
  return form;
}

/** The cell a field gets and its number format ('' keeps the cell's own format). */
function cellFor(field: LogField, entry: LogEntry): CellWrite {
  switch (field) {
    case 'date':
      // A date serial number: the same calendar day whatever the spreadsheet's time zone.
      return [entry.day - SHEETS_EPOCH_DAY, DATE_FORMAT];
    case 'member':
      return [entry.member, TEXT_FORMAT];
    case 'workflow':
      return [entry.workflow, TEXT_FORMAT];
    case 'outcome':
      return [entry.outcome, TEXT_FORMAT];
    case 'editType':
      return [entry.editTypes, TEXT_FORMAT];
    case 'prompted':
      return [entry.prompted, ''];
    case 'notes':
      return [entry.notes, TEXT_FORMAT];
  }
}

/** A number format that already shows a date (the team's own style): kept for the new row. */
function isDateFormat(format: string): boolean {
  return format !== TEXT_FORMAT && /[dy]/i.test(format.replace(/"[^"]*"/g, ''));
}

function writeEntry(sheet: Sheet, entry: LogEntry): number {
  const head = readLogHead(sheet);
  const header = head.header;
  const row = nextFreeRow(sheet, head);
  appendByHeader(
    sheet,
    row,
    header.columns,
    (field) => cellFor(field, entry),
    (format, existing) => (format === DATE_FORMAT && isDateFormat(existing) ? existing : format || existing),
  );
  return row;
}

/** Appends one run to the log; returns its row and a confirmation. */
export function logRun(
  spreadsheet: Spreadsheet,
  { settings, approved }: StoredSettings,
  request: unknown,
): LogRunResult {
  const entry = checkLogRun(request, todayIn(spreadsheet).today);
  const sheet = logToWrite(spreadsheet, settings);
  const row = withDocumentLock(
    LOCK_WAIT_MS,
    'Someone else is adding a run to the log right now. Nothing was written: try again in a few seconds.',
    () => {
      const written = writeEntry(sheet, entry);
      SpreadsheetApp.flush();
      return written;
    },
  );
  PropertiesService.getUserProperties().setProperty(LOG_AS_PROPERTY, entry.member);
  return {
    row,
    message: `Logged in row ${row} of "${sheet.getName()}": ${entry.member}, ${entry.workflow}, ${entry.outcome.toLowerCase()} on ${dayToLabel(entry.day)}.`,
    myWeek: myWeekView(spreadsheet, settings, approved),
  };
}
