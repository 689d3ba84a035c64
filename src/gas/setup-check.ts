/**
 * "Check set-up": gathers what Apps Script says about this install and hands it to the pure
 * checks (src/core/setup-check). It only reads: no sheet, property or trigger changes (the lock
 * is taken for no time and released at once to see whether it is free).
 */
import { setupChecks } from '../core/setup-check/checks';
import type { ApprovalFacts, CheckLine, FormFacts, SetupFacts, SheetFacts } from '../core/setup-check/facts';
import { ownerChangeFacts } from './owner-change';
import { rosterOrNull } from './follow-up-approval';
import { checkedCaller, type CheckedCall } from './sidebar-call';
import type { Settings } from '../core/base/settings';
import { answersSheetOf, openStoredForm, storedForm } from './logging-form';
import { triggerZone } from '../core/automation/trigger-zone';
import { utf8Bytes } from '../core/base/text';
import { automationStatus } from './automation-status';
import { KEYS, readJson, type AutomationState } from '../core/automation/store';
import { currentUserEmail, mirroredApprovals, snapshotStore } from './automation-store';
import { dailyTriggers } from './automation-trigger';
import { TRIGGERS_SCOPE } from '../core/base/permissions';
import { permissionsFound } from './permissions';
import { loadStoredSettings, type StoredSettings } from './settings-store';
import { findLogSheet, findLogSheets, findRosterSheet, noLogError, OWN_SHEETS, SetupError } from './team-data';
import { SENT_SHEET } from '../core/base/sheet-names';
import { readUsageSheets } from './usage-data';
import { periodsOfSource } from '../core/usage/read';
import { dayToIso } from '../core/base/dates';
import { Workbook } from './workbook';
import { documentLock } from './document-lock';

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

/** Bytes of a property store's keys and values, as getProperties read them. */
function storeBytes(values: Record<string, string>): number {
  let bytes = 0;
  for (const [key, value] of Object.entries(values)) bytes += utf8Bytes(key) + utf8Bytes(value);
  return bytes;
}

/** The owner's approvals of the Roster, as loadStoredSettings read them. */
function approvalFacts({ settings, approved, everApproved }: StoredSettings): ApprovalFacts {
  return {
    followUpOwners: settings.followUpApprovals,
    followUpOwnersByAddress: settings.approvedFollowUpOwners,
    followUpOwnersMirrored: mirroredApprovals(settings.followUpApprovals).length,
    rosterEmails: approved,
    everApproved,
  };
}

function lockFacts(): SetupFacts['lock'] {
  const { lock, kind } = documentLock();
  const available = lock.tryLock(0);
  if (available) lock.releaseLock();
  return { kind, available };
}

/** The stored logging form, from the document's properties already read; never made again here. */
function formFacts(
  spreadsheet: Spreadsheet,
  settings: Settings,
  documentValues: Record<string, string>,
): FormFacts | 'gone' | null {
  const stored = storedForm(documentValues);
  if (!stored) return null;
  const form = openStoredForm(stored);
  if (!form) return 'gone';
  let destination: string | null = null;
  try {
    destination = form.getDestinationId();
  } catch {
    // "Class Form", getDestinationId(): throws when the form has no response destination.
  }
  // Found by its link to the form, not by its headers: an older form's sheet is not it.
  const answers = answersSheetOf(spreadsheet, stored);
  return {
    url: form.getPublishedUrl(),
    linked: destination === spreadsheet.getId(),
    published: form.isPublished(),
    accepting: form.isAcceptingResponses(),
    answersSheet: answers && answers.getName(),
    pinnedLogSheets: settings.logSheets,
  };
}

/**
 * The usage exports (spec §15), found as the dashboard finds them: a sheet's head rows tell, and
 * only an export is read whole (one getValues each). The roster is not needed to say a sheet's
 * format and period, so it is not read.
 */
function usageFacts(book: Workbook, settings: Settings): SetupFacts['usage'] {
  let logs: Sheet[] = [];
  try {
    logs = findLogSheets(book, settings);
  } catch (error) {
    // The log line says what is wrong with the log; the usage exports are still listed.
    if (!(error instanceof SetupError)) throw error;
  }
  const roster = found(
    () => findRosterSheet(book, settings),
    () => null,
  );
  const skip = [...OWN_SHEETS, ...logs.map((sheet) => book.nameOf(sheet))];
  if (roster && typeof roster !== 'string') skip.push(roster.name);
  const usage = readUsageSheets(book, skip, [], book.dateOptions());
  return {
    sources: usage.sources.map((source) => ({
      ...source.summary,
      periods: periodsOfSource(source).map((p) => ({ from: dayToIso(p.from), to: dayToIso(p.to) })),
      skipped: source.skipped.length,
      firstSkipped: source.skipped[0] ? { row: source.skipped[0].row, reason: source.skipped[0].reason } : null,
    })),
    refused: usage.refused,
  };
}

/**
 * Everything the lines need. Each property store is read once (one getProperties each, the
 * document's none when `checked`, the running sidebar call's check, holds it with the settings),
 * and the automation status, its state, the logging form and the stores' sizes are read from those values.
 */
export function gatherSetupFacts(
  spreadsheet: Spreadsheet,
  book = new Workbook(spreadsheet),
  checked: CheckedCall | null = checkedCaller(),
): SetupFacts {
  const documentValues = checked?.documentValues ?? PropertiesService.getDocumentProperties().getProperties();
  const stored = checked ?? loadStoredSettings(documentValues);
  const settings = stored.settings;
  const permissions = permissionsFound();
  const userValues = PropertiesService.getUserProperties().getProperties();
  const status = automationStatus(spreadsheet, settings, documentValues, userValues);
  const timeZone = book.dateOptions().timeZone;
  const state = readJson<AutomationState | null>(snapshotStore(documentValues), KEYS.state, null);
  const user = currentUserEmail();
  // Without "run when you are not present" (partial consent) no trigger can be listed or made.
  const canSeeTriggers = !permissions.missing?.some((p) => p.scope === TRIGGERS_SCOPE);
  const triggers = canSeeTriggers ? dailyTriggers(spreadsheet, state) : null;
  const approvals = approvalFacts(stored);
  return {
    authorization: {
      required: permissions.required,
      url: permissions.url,
      missing: permissions.missing,
    },
    owner: { setting: settings.ownerEmail, effectiveUser: user },
    trigger: {
      on: status.on,
      found: triggers && triggers.length,
      // Whether it is another editor's (whose trigger this user cannot list) is core's to say.
      turnedOnBy: (state?.on && state.turnedOnBy) || null,
      hour: status.hour,
      timeZone,
      note: triggerZone(timeZone, status.hour, Session.getScriptTimeZone(), Date.now()).note,
    },
    lastRun: { at: status.lastRun, report: status.lastRunReport, problems: status.problems },
    mailQuotaLeft: status.remainingQuota,
    timeZones: { spreadsheet: spreadsheet.getSpreadsheetTimeZone(), script: Session.getScriptTimeZone() },
    sheets: {
      log: found(
        () => findLogSheet(book, settings),
        () => noLogError(book, settings).message,
      ) as SheetFacts | string,
      roster: found(
        () => findRosterSheet(book, settings),
        () => null,
      ),
      sent: found(
        () => book.byName(SENT_SHEET),
        () => null,
      ) as SheetFacts | null,
    },
    form: formFacts(spreadsheet, settings, documentValues),
    usage: usageFacts(book, settings),
    spreadsheetCells: book.sheets().reduce((sum, { sheet }) => sum + sheet.getMaxRows() * sheet.getMaxColumns(), 0),
    propertyBytes: {
      document: storeBytes(documentValues),
      user: storeBytes(userValues),
    },
    // Read once for the lines about its rows, its emails and their approval, each email on two
    // rows given to the row the owner approved (rules §19).
    rosterRead: rosterOrNull(book, settings, approvals.rosterEmails),
    approvals,
    ownerChange: ownerChangeFacts(documentValues),
    lock: lockFacts(),
  };
}

/** The panel's lines. */
export function setupCheck(spreadsheet: Spreadsheet): CheckLine[] {
  // One view of the sheets for every line: each sheet's name and head rows are read once.
  return setupChecks(gatherSetupFacts(spreadsheet, new Workbook(spreadsheet)));
}
