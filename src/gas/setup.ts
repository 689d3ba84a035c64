/**
 * "Set up log and roster": creates the sheets that are missing, with headers, a frozen header
 * row and dropdowns. It never renames, reorders or rewrites the team's columns or rows; on an
 * existing log it only adds missing dropdowns, and only after asking.
 */
import { findHeader, HeaderNotFoundError } from '../core/sheets/header';
import { EDIT_TYPE_CHOICES, LOG_FIELDS, LOG_HEADERS, OUTCOME_CHOICES } from '../core/sheets/log';
import { ROSTER_HEADERS } from '../core/sheets/roster';
import type { Settings } from '../core/base/settings';
import { isBlankCell, plural } from '../core/base/text';
import { STATUS_LABELS } from '../core/base/types';
import { DATE_FORMAT, TEXT_FORMAT } from '../core/base/cell-formats';
import { findRosterSheet, findWritableLogSheet, SetupError } from './team-data';
import { DEFAULT_LOG_SHEET, DEFAULT_ROSTER_SHEET } from '../core/base/sheet-names';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Ui = GoogleAppsScript.Base.Ui;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;

const OUTCOME_HELP = 'Pick one: Used as-is, Light edit, Heavy edit or Not used.';
const EDIT_TYPE_HELP =
  'Pick one, or type several separated by commas (e.g. "tone, format"): tone, scope, format, missing info, wrong info.';
const PROMPTED_HELP = 'Ticked (or yes) when someone asked for this run; prompted runs do not count toward adoption.';
const PROMPTED_TEXT_CHOICES = ['yes', 'no'];
const STATUS_CHOICES = [STATUS_LABELS['principled-resistance'], STATUS_LABELS['no-anchor']];
const STATUS_HELP = `Leave blank for an active member, or pick ${STATUS_CHOICES.map((s) => `"${s}"`).join(' or ')}.`;
const YES_NO_HELP = 'yes or no.';

function rules() {
  const builder = () => SpreadsheetApp.newDataValidation();
  return {
    outcome: () =>
      builder().requireValueInList(OUTCOME_CHOICES, true).setAllowInvalid(false).setHelpText(OUTCOME_HELP).build(),
    // Several edit types may share a cell ("tone, format"), which a dropdown alone would refuse.
    editType: () =>
      builder().requireValueInList(EDIT_TYPE_CHOICES, true).setAllowInvalid(true).setHelpText(EDIT_TYPE_HELP).build(),
    checkbox: () => builder().requireCheckbox().setHelpText(PROMPTED_HELP).build(),
    // A log that already says "yes"/"x" keeps its text: a checkbox would show those cells as invalid.
    promptedText: () =>
      builder()
        .requireValueInList(PROMPTED_TEXT_CHOICES, true)
        .setAllowInvalid(true)
        .setHelpText(PROMPTED_HELP)
        .build(),
    date: () => builder().requireDate().setAllowInvalid(false).setHelpText('A date, e.g. 2026-03-02.').build(),
    status: () =>
      builder().requireValueInList(STATUS_CHOICES, true).setAllowInvalid(false).setHelpText(STATUS_HELP).build(),
    yesNo: () =>
      builder().requireValueInList(['yes', 'no'], true).setAllowInvalid(false).setHelpText(YES_NO_HELP).build(),
    email: () => builder().requireTextIsEmail().setAllowInvalid(false).setHelpText('An email address.').build(),
  };
}

/** The rows below a header row, down to the sheet's last row, of one column (1-based). */
export function columnBelow(sheet: Sheet, headerRow: number, column: number) {
  const rows = sheet.getMaxRows() - headerRow;
  return rows > 0 ? sheet.getRange(headerRow + 1, column, rows, 1) : null;
}

function isBlankSheet(sheet: Sheet): boolean {
  return sheet.getLastRow() === 0 && sheet.getLastColumn() === 0;
}

/** A sheet named `name` to write into: an empty one of that name, else a new one with a free name. */
export function newSheet(spreadsheet: Spreadsheet, name: string): Sheet {
  const existing = spreadsheet.getSheetByName(name);
  if (!existing) return spreadsheet.insertSheet(name);
  if (isBlankSheet(existing)) return existing;
  for (let n = 2; ; n++) {
    const candidate = `${name} ${n}`;
    if (!spreadsheet.getSheetByName(candidate)) return spreadsheet.insertSheet(candidate);
  }
}

export function writeHeaders(sheet: Sheet, headers: string[]) {
  const header = sheet.getRange(1, 1, 1, headers.length);
  header.setNumberFormat(TEXT_FORMAT);
  header.setValues([headers]);
  header.setFontWeight('bold');
  sheet.setFrozenRows(1);
}

function createLog(spreadsheet: Spreadsheet): Sheet {
  const sheet = newSheet(spreadsheet, DEFAULT_LOG_SHEET);
  writeHeaders(sheet, LOG_HEADERS);
  const r = rules();
  const column = (header: string) => columnBelow(sheet, 1, LOG_HEADERS.indexOf(header) + 1);
  column('Date')?.setNumberFormat(DATE_FORMAT);
  // Typed text stays text: a workflow "=HYPERLINK(…)" or a member "+1" is not a formula.
  for (const header of ['Team member', 'Workflow', 'Edit type', 'Notes']) column(header)?.setNumberFormat(TEXT_FORMAT);
  column('Outcome')?.setDataValidation(r.outcome());
  column('Edit type')?.setDataValidation(r.editType());
  column('Prompted')?.setDataValidation(r.checkbox());
  return sheet;
}

function createRoster(spreadsheet: Spreadsheet): Sheet {
  const sheet = newSheet(spreadsheet, DEFAULT_ROSTER_SHEET);
  writeHeaders(sheet, ROSTER_HEADERS);
  const r = rules();
  const column = (header: string) => columnBelow(sheet, 1, ROSTER_HEADERS.indexOf(header) + 1);
  for (const header of ['Team member', 'Email', 'Role', 'Anchor workflow', 'Trained workflows', 'Follow-up owner']) {
    column(header)?.setNumberFormat(TEXT_FORMAT);
  }
  const training = column('Training date');
  training?.setNumberFormat(DATE_FORMAT);
  training?.setDataValidation(r.date());
  column('Status')?.setDataValidation(r.status());
  column('Context pack ready')?.setDataValidation(r.yesNo());
  column('Email')?.setDataValidation(r.email());
  column('Follow-up owner')?.setDataValidation(r.email());
  return sheet;
}

interface MissingValidation {
  label: string;
  column: number;
  rule: () => DataValidation;
  /** Existing cells the new rule will flag (never change). */
  flagged: number;
}

/** The log's dropdown columns that have no validation yet, judged by their first data cell. */
function missingLogValidation(sheet: Sheet, values: unknown[][]): { headerRow: number; missing: MissingValidation[] } {
  const header = findHeader(values, LOG_FIELDS, 'log');
  const headerRow = header.rowIndex + 1;
  const data = values.slice(header.rowIndex + 1);
  const r = rules();
  const missing: MissingValidation[] = [];
  const consider = (
    field: 'outcome' | 'editType' | 'prompted',
    label: string,
    pick: (cells: unknown[]) => { rule: () => DataValidation; flagged: number },
  ) => {
    const index = header.columns[field];
    if (index === undefined || headerRow >= sheet.getMaxRows()) return;
    if (sheet.getRange(headerRow + 1, index + 1).getDataValidation() !== null) return;
    const cells = data.map((row) => row[index]).filter((cell) => !isBlankCell(cell));
    missing.push({ label, column: index + 1, ...pick(cells) });
  };
  const outside = (cells: unknown[], choices: string[]) => {
    const allowed = new Set(choices.map((c) => c.toLowerCase()));
    return cells.filter((cell) => !allowed.has(String(cell).trim().toLowerCase())).length;
  };
  consider('outcome', 'Outcome', (cells) => ({ rule: r.outcome, flagged: outside(cells, OUTCOME_CHOICES) }));
  consider('editType', 'Edit type', () => ({ rule: r.editType, flagged: 0 }));
  consider('prompted', 'Prompted', (cells) =>
    cells.every((cell) => typeof cell === 'boolean')
      ? { rule: r.checkbox, flagged: 0 }
      : { rule: r.promptedText, flagged: outside(cells, PROMPTED_TEXT_CHOICES) },
  );
  return { headerRow, missing };
}

function offerLogValidation(sheet: Sheet, ui: Ui, report: string[]) {
  const name = sheet.getName();
  let found: ReturnType<typeof missingLogValidation>;
  try {
    found = missingLogValidation(sheet, sheet.getDataRange().getValues());
  } catch (error) {
    if (error instanceof HeaderNotFoundError) {
      report.push(`Log "${name}": ${error.message}`);
      return;
    }
    throw error;
  }
  const { headerRow, missing } = found;
  if (!missing.length) {
    report.push(`The log "${name}" is already set up; nothing changed.`);
    return;
  }
  const columns = missing.map((m) => m.label).join(', ');
  const flagged = missing.reduce((sum, m) => sum + m.flagged, 0);
  const answer = ui.alert(
    'Add dropdowns to your log?',
    `Your log "${name}" has no dropdowns in: ${columns}. Add them from row ${headerRow + 1} down? ` +
      'No cell changes; ' +
      (flagged
        ? `${plural(flagged, 'existing cell')} outside the lists will only be flagged.`
        : 'every existing value fits the lists.'),
    ui.ButtonSet.YES_NO,
  );
  if (answer !== ui.Button.YES) {
    report.push(`Left the log "${name}" as it was (no dropdowns added).`);
    return;
  }
  for (const m of missing) columnBelow(sheet, headerRow, m.column)?.setDataValidation(m.rule());
  report.push(`Added dropdowns to the log "${name}" (${columns}) from row ${headerRow + 1} down; no value changed.`);
}

/**
 * The sheet `find` returns (null: none, create it), or undefined when it reports a set-up
 * problem (a sheet chosen in Settings is gone): the message then goes to the report and
 * nothing is created in its place.
 */
function sheetOrReport<T>(find: () => T | null, report: string[]): T | null | undefined {
  try {
    return find();
  } catch (error) {
    if (!(error instanceof SetupError)) throw error;
    report.push(error.message);
    return undefined;
  }
}

/**
 * Creates what is missing and asks before adding dropdowns to an existing log. Returns what it
 * did, one line each (also shown to the user in an alert).
 */
export function setUpLogAndRoster(spreadsheet: Spreadsheet, ui: Ui, settings: Settings): string[] {
  const report: string[] = [];
  const writable = sheetOrReport(() => findWritableLogSheet(spreadsheet, settings), report);
  const log = writable && writable.sheet;
  const formAnswers = writable ? writable.formAnswers : null;
  if (log === null) {
    // A form's answers sheet is written by its form alone (rules §16): the team gets a log of its own.
    if (formAnswers)
      report.push(
        `"${formAnswers}" is a form's answers sheet: Uptake left it as it is and reads it as part of the log.` +
          (settings.logSheet ? ' Choose the new log sheet in Settings so that Log a run writes there.' : ''),
      );
    const created = createLog(spreadsheet);
    report.push(
      `Created the log "${created.getName()}" with the columns ${LOG_HEADERS.join(', ')}, a frozen header row and dropdowns for Outcome, Edit type and Prompted.`,
    );
  } else if (log) {
    offerLogValidation(log, ui, report);
  }

  const roster = sheetOrReport(() => findRosterSheet(spreadsheet, settings), report);
  if (roster === null) {
    const created = createRoster(spreadsheet);
    report.push(
      `Created the roster "${created.getName()}" with the columns ${ROSTER_HEADERS.join(', ')}. Add one row per team member.`,
    );
  } else if (roster) {
    report.push(`The roster "${roster.getName()}" exists; Uptake left it as it is.`);
  }
  return report;
}
