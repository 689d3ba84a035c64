/**
 * "Check set-up": gathers what Apps Script says about this install and hands it to the pure
 * checks (src/core/setup-check). It only reads: no sheet, property or trigger changes (the lock
 * is taken for no time and released at once to see whether it is free).
 */
import {
  setupChecks,
  type CheckLine,
  type FormFacts,
  type SetupFacts,
  type SheetFacts,
} from '../core/setup-check/checks';
import { FORM_QUESTIONS } from '../core/form/questions';
import { openStoredForm, storedForm } from './logging-form';
import { triggerZone } from '../core/automation/trigger-zone';
import { utf8Bytes } from '../core/base/text';
import { automationStatus } from './automation-status';
import { KEYS, readJson, type AutomationState } from '../core/automation/store';
import { automationStore, currentUserEmail } from './automation-store';
import { dailyTriggers } from './automation-trigger';
import { missingPermissionsMessage, permissionsFound, TRIGGERS_SCOPE } from './permissions';
import { loadSettings } from './settings-store';
import { spreadsheetDateOptions } from './spreadsheet-locale';
import { findLogSheet, findRosterSheet, noLogError, SENT_SHEET, SetupError } from './team-data';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function sheetFacts(sheet: Sheet): SheetFacts {
  return { name: sheet.getName(), rows: sheet.getMaxRows(), columns: sheet.getMaxColumns() };
}

/** A sheet, or what is wrong with finding it (SetupError's message says what to do). */
function found(find: () => Sheet | null, missing: () => string | null): SheetFacts | string | null {
  try {
    const sheet = find();
    return sheet ? sheetFacts(sheet) : missing();
  } catch (error) {
    if (error instanceof SetupError) return error.message;
    throw error;
  }
}

function storeBytes(store: GoogleAppsScript.Properties.Properties): number {
  let bytes = 0;
  for (const [key, value] of Object.entries(store.getProperties())) bytes += utf8Bytes(key) + utf8Bytes(value);
  return bytes;
}

function lockFacts(): SetupFacts['lock'] {
  const document = LockService.getDocumentLock();
  const lock = document ?? LockService.getScriptLock();
  const available = lock.tryLock(0);
  if (available) lock.releaseLock();
  return { kind: document ? 'document' : 'script', available };
}

/** A sheet whose first row is a form's answers header: Timestamp, then the member question. */
function answersSheetName(sheets: Sheet[]): string | null {
  for (const sheet of sheets) {
    const width = sheet.getLastColumn();
    if (width < 2) continue;
    const head = sheet
      .getRange(1, 1, 1, Math.min(width, 2))
      .getValues()[0]
      .map((cell) => String(cell).trim());
    if (head[0] === 'Timestamp' && head[1] === FORM_QUESTIONS.member) return sheet.getName();
  }
  return null;
}

/** The stored logging form, read once; never made again here. */
function formFacts(spreadsheet: Spreadsheet, sheets: Sheet[]): FormFacts | 'gone' | null {
  const stored = storedForm();
  if (!stored) return null;
  const form = openStoredForm(stored);
  if (!form) return 'gone';
  let destination: string | null = null;
  try {
    destination = form.getDestinationId();
  } catch {
    // "Class Form", getDestinationId(): throws when the form has no response destination.
  }
  return {
    url: form.getPublishedUrl(),
    linked: destination === spreadsheet.getId(),
    published: form.isPublished(),
    accepting: form.isAcceptingResponses(),
    answersSheet: answersSheetName(sheets),
  };
}

export function gatherSetupFacts(spreadsheet: Spreadsheet): SetupFacts {
  const settings = loadSettings();
  const permissions = permissionsFound();
  const status = automationStatus();
  const timeZone = spreadsheetDateOptions(spreadsheet).timeZone;
  const state = readJson<AutomationState | null>(automationStore(spreadsheet.getId()).store, KEYS.state, null);
  const user = currentUserEmail();
  // Without "run when you are not present" (partial consent) no trigger can be listed or made.
  const canSeeTriggers = !permissions.missing?.some((p) => p.scope === TRIGGERS_SCOPE);
  const triggers = canSeeTriggers ? dailyTriggers(spreadsheet, state) : null;
  const sheets = spreadsheet.getSheets();
  return {
    authorization: {
      required: permissions.required,
      url: permissions.url,
      missing: missingPermissionsMessage(permissions),
    },
    owner: { setting: settings.ownerEmail, effectiveUser: user },
    trigger: {
      on: status.on,
      found: triggers && triggers.length,
      // Apps Script lists each user's own triggers only: another editor's is not among this user's.
      turnedOnBy: state?.on && state.turnedOnBy && state.turnedOnBy !== user ? state.turnedOnBy : null,
      hour: status.hour,
      timeZone,
      note: triggerZone(timeZone, status.hour, Session.getScriptTimeZone(), Date.now()).note,
    },
    lastRun: { at: status.lastRun, report: status.lastRunReport, problems: status.problems },
    mailQuotaLeft: status.remainingQuota,
    timeZones: { spreadsheet: spreadsheet.getSpreadsheetTimeZone(), script: Session.getScriptTimeZone() },
    sheets: {
      log: found(
        () => findLogSheet(spreadsheet, settings),
        () => noLogError(spreadsheet, settings).message,
      ) as SheetFacts | string,
      roster: found(
        () => findRosterSheet(spreadsheet, settings),
        () => null,
      ),
      sent: found(
        () => spreadsheet.getSheetByName(SENT_SHEET),
        () => null,
      ) as SheetFacts | null,
    },
    spreadsheetCells: sheets.reduce((sum, sheet) => sum + sheet.getMaxRows() * sheet.getMaxColumns(), 0),
    form: formFacts(spreadsheet, sheets),
    propertyBytes: {
      document: storeBytes(PropertiesService.getDocumentProperties()),
      user: storeBytes(PropertiesService.getUserProperties()),
    },
    lock: lockFacts(),
  };
}

/** The panel's lines. */
export function setupCheck(spreadsheet: Spreadsheet): CheckLine[] {
  return setupChecks(gatherSetupFacts(spreadsheet));
}
