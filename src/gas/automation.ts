/**
 * The programme runs itself: one daily time-driven trigger sends the programme reminders every
 * day and the weekly digest on the chosen weekday. The rules of a run are in
 * src/core/automation/; this file gives them Apps Script (the spreadsheet, properties, MailApp,
 * the lock) and holds the entry points: the daily run, "send digest now" and the preview.
 */
import { approvedRoster, unapprovedLine } from '../core/roles/follow-up-approval';
import { heldBackRows } from '../core/roles/approval-offer';
import { dayToIso, isoToDay } from '../core/base/dates';
import { plural } from '../core/base/text';
import type { Settings } from '../core/base/settings';
import type { Audit } from '../core/audit/audit-types';
import { DailyRun } from '../core/automation/daily-run';
import { readProgramme, withBaseline } from '../core/automation/programme-store';
import { digestContent } from '../core/automation/digest-content';
import type { RunPorts, RunSetup } from '../core/automation/ports';
import { failureLine, type Failure } from '../core/automation/failures';
import { errorMessage } from '../core/automation/mail-rules';
import type { AuditSource, SentLog, SetupProblem, TeamView } from '../core/automation/ports';
import { interventionsReader } from './interventions-data';
import { keepApprovalsInStep } from './follow-up-approval';
import { formChoices } from '../core/form/questions';
import { keepFormInStep, loggingFormUrl } from './logging-form';
import type { FormLinks } from '../core/base/types';
import { withDocumentLock } from './document-lock';
import { todayIn } from './spreadsheet-locale';
import { digestAudiences } from '../core/automation/schedule';
import {
  KEYS,
  readJson,
  writeJson,
  type AutomationState,
  type LastRun,
  type MissedRun,
  type Store,
} from '../core/automation/store';
import { SentIndex } from '../core/programme/sent-records';
import { localTimestamp } from '../core/programme/sent-row';
import type { DigestPreview } from '../shared/api';
import {
  automationStore,
  currentUserEmail,
  ownerMovedFromMirror,
  ownerOf,
  propertiesStore,
  mirrorStore,
  settingsFor,
  TRIGGER_DOCUMENT_PREFIX,
} from './automation-store';
import { removeTrigger } from './automation-trigger';
import type { RosterEmailPair } from '../core/roles/roster-approval';
import { loadStoredSettings } from './settings-store';
import { programmeStore } from './programme-store';
import { stopNotOwnerRun, stopStaleMirrorRun } from './automation-owner';
import { sameAccount } from '../core/roles/roles';
import { mailApp } from './mail';
import { appendRecords, readSent, sentSheet, sentValues, writeRetagged } from './sent-sheet';
import { sentKeyForRun, storedSentKey } from './sent-key';
import { KeyedTags } from '../core/programme/sent-tags';
import { authorisationProblem, SEND_MAIL_SCOPE, TRIGGERS_SCOPE } from '../core/base/permissions';
import { requirePermissions } from './permissions';
import {
  dailyRunAccess,
  granted,
  knowsWhoseRun,
  mustAuthorise,
  whoseTriggerFromProperties,
  type DailyRunAccess,
} from './daily-run-access';
import { readTeam, SetupError, type TeamData } from './team-data';
import { SENT_SHEET } from '../core/base/sheet-names';
import { Workbook, workbookOf } from './workbook';
import { auditTeam } from '../core/audit/team-audit';
import { teamHistory } from '../core/history/team-history';
import { memberNotes } from '../core/sheets/log-notes';

export { DAILY_HANDLER, handOverAutomation, setAutomation, syncAutomationSchedule } from './automation-trigger';
export { automationStatus, checkedAutomationStatus } from './automation-status';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** How long "send digest now" waits for a run in progress before it says so. */
const LOCK_WAIT_MS = 10_000;
/**
 * How long the daily run waits for the lock. Bounded: the wait counts against the run's 6
 * minutes. The lock may be the script's, shared by every spreadsheet using the add-on
 * ("Class LockService", https://developers.google.com/apps-script/reference/lock/lock-service).
 */
const RUN_LOCK_WAIT_MS = 60_000;

// ---- the ports ------------------------------------------------------------------------------

/**
 * The "Uptake sent" sheet, created on first use; each append is flushed so a later kill cannot
 * undo it. Reading it gets the key of its tags (made by the owner's first run) and re-writes as
 * tags the rows an earlier version wrote in clear, before anything is sent.
 */
function sentLog(spreadsheet: Spreadsheet, timeZone: string, opened: { store: Store; mirrored: boolean }): SentLog {
  let sheet: GoogleAppsScript.Spreadsheet.Sheet | null = null;
  let tags: KeyedTags | null = null;
  const open = () => (sheet ??= sentSheet(spreadsheet));
  return {
    read: () => {
      const values = sentValues(open());
      const key = sentKeyForRun(opened, spreadsheet.getId(), values);
      tags = key ? new KeyedTags(key) : null;
      const read = readSent(values, timeZone, tags);
      if (read.retagged) writeRetagged(open(), read.retagged);
      return read.index;
    },
    append: (records) => {
      // The run sends nothing without a key (SentIndex.canRecord): a record without one is a bug.
      if (!tags) throw new Error('The "Uptake sent" sheet cannot be written without its key.');
      appendRecords(open(), records, tags);
      SpreadsheetApp.flush();
    },
  };
}

/** The sent sheet's records without creating the sheet or a key (a preview writes nothing). */
function readSentIndexIfAny(spreadsheet: Spreadsheet, timeZone: string, store: Store): SentIndex {
  const sheet = spreadsheet.getSheetByName(SENT_SHEET);
  if (!sheet) return SentIndex.empty();
  const key = storedSentKey(store);
  return readSent(sentValues(sheet), timeZone, key ? new KeyedTags(key) : null).index;
}

/** Audits of the team, computed once per (as-of, window, first day) within a run. */
function auditSource(team: TeamData, settings: Settings): AuditSource {
  const cache = new Map<string, Audit>();
  return (asOf, weeks, fromDay) => {
    const key = `${asOf}|${weeks}|${fromDay ?? ''}`;
    let audit = cache.get(key);
    if (!audit) {
      audit = auditTeam(team, settings, dayToIso(asOf), weeks, fromDay);
      cache.set(key, audit);
    }
    return audit;
  };
}

/**
 * What only the daily run does as it reads the team (the owner's run: runDaily stopped any other
 * account's). The digest on request and its preview read the team without writing anything.
 */
interface DailyRunRead {
  /** Adds a line to the run's report: the logging form's dropdowns updated, the follow-up owners not approved. */
  report: (line: string) => void;
  /** The run reads the owner's mirror of the document's properties (a run outside the document). */
  mirrored: boolean;
}

/**
 * The team as a run sees it. Throws SetupError with what to fix. `dailyRun`: the daily run's read,
 * which also keeps the approvals and the logging form's dropdowns in step with the Roster and
 * reports what it did; null for the digest on request and its preview, which change nothing.
 */
function teamView(
  spreadsheet: Spreadsheet | Workbook,
  { settings, approved }: RunSettings,
  dailyRun: DailyRunRead | null,
): TeamView {
  // One workbook: the sheets' list and each sheet's values are read once for the log, the roster
  // and the Interventions sheet alike.
  const book = workbookOf(spreadsheet);
  const team = readTeam(book, settings, approved);
  // The daily run drops the approvals of pairings the Roster no longer names, so that an address
  // typed back waits for the owner again.
  if (dailyRun)
    settings = keepApprovalsInStep(book.spreadsheet, settings, team.roster, { mirrored: dailyRun.mirrored });
  let form: FormLinks | null;
  if (dailyRun) {
    const inStep = keepFormInStep(() => formChoices(team.roster, team.log.table));
    if (inStep.line) dailyRun.report(inStep.line);
    form = inStep.links;
  } else {
    // The digest on request and its preview need only the address: no FormApp call.
    const url = loggingFormUrl();
    form = url ? { url, prefilledFor: () => null } : null;
  }
  // Figures go only to follow-up owners the owner approved (rules §19); the run's report says which not.
  // Nor to a row whose email or name is on another row, which the owner's card withholds (heldBackRows).
  const roster = approvedRoster(
    team.roster?.members ?? [],
    settings.followUpApprovals,
    settings.ownerEmail,
    [],
    heldBackRows(team.roster),
  );
  if (dailyRun) for (const entry of roster.unapproved) dailyRun.report(unapprovedLine(entry));
  return {
    form,
    roster: roster.members,
    rosterSheetName: team.rosterSheet?.getName() ?? null,
    audits: auditSource(team, settings),
    interventions: interventionsReader(book, team, settings),
    history: (asOf) => teamHistory(team, settings, dayToIso(asOf)),
    notes: (key, from, to) => memberNotes(team.log, key, from, to),
  };
}

/** The daily run's team (teamView), or the set-up problem that stops it. */
function teamOrProblem(
  spreadsheet: Spreadsheet | Workbook,
  read: RunSettings,
  dailyRun: DailyRunRead,
): TeamView | SetupProblem {
  try {
    return teamView(spreadsheet, read, dailyRun);
  } catch (error) {
    if (error instanceof SetupError) return { code: error.code, message: error.message };
    throw error;
  }
}

/** What a run reads of the document's properties for the team: the settings, and the roster pairings the owner approved. */
interface RunSettings {
  settings: Settings;
  approved: RosterEmailPair[];
}

/**
 * The settings and the approved roster pairings (rules §19), in one read of the document's
 * properties (loadStoredSettings). Outside the document (settingsFor) the roster's approvals are
 * not mirrored: an email on two roster rows is then no one's, as before any approval.
 */
function runSettings(mirrored: boolean, spreadsheet: Spreadsheet): RunSettings {
  return mirrored ? { settings: settingsFor(true, spreadsheet), approved: [] } : loadStoredSettings();
}

/**
 * A run of the spreadsheet, wired to Apps Script. The state and the settings are read here, once
 * the lock is held: what the trigger read before taking it may have changed while it waited.
 */
function dailyRun(
  book: Workbook,
  opened: { store: Store; mirrored: boolean },
  onRequest: boolean,
): { run: DailyRun; setup: RunSetup; read: RunSettings } {
  const spreadsheet = book.spreadsheet;
  const { timeZone } = book.dateOptions();
  const state = readJson<AutomationState | null>(opened.store, KEYS.state, null);
  const read = runSettings(opened.mirrored, spreadsheet);
  const settings = read.settings;
  const setup: RunSetup = {
    settings,
    owner: ownerOf(settings, state) || (onRequest ? currentUserEmail() : ''),
    since: state?.since ? isoToDay(state.since) : null,
    timeZone,
    spreadsheetName: spreadsheet.getName(),
    spreadsheetUrl: spreadsheet.getUrl(),
    onRequest,
  };
  const ports: RunPorts = {
    store: opened.store,
    mail: mailApp,
    clock: { now: () => Date.now() },
    sent: sentLog(spreadsheet, timeZone, opened),
    programme: programmeStore(spreadsheet),
    // Without document properties both stores fall back: the programme's to the spreadsheet's copy.
    programmeCopyOnly: opened.mirrored,
  };
  return { run: new DailyRun(ports, setup), setup, read };
}

// ---- the daily run --------------------------------------------------------------------------

interface TriggerEvent {
  triggerUid?: string;
}

/** Finds the spreadsheet: the active one, else the one this trigger was made for. */
function findSpreadsheet(event: TriggerEvent | undefined): { spreadsheet: Spreadsheet | null; error: string | null } {
  const active = SpreadsheetApp.getActiveSpreadsheet();
  if (active) return { spreadsheet: active, error: null };
  const ids: string[] = [];
  if (event?.triggerUid) {
    const id = PropertiesService.getUserProperties().getProperty(TRIGGER_DOCUMENT_PREFIX + event.triggerUid);
    if (id) ids.push(id);
  }
  const documentProperties = PropertiesService.getDocumentProperties();
  if (documentProperties) {
    const state = readJson<AutomationState | null>(propertiesStore(documentProperties), KEYS.state, null);
    if (state?.spreadsheetId) ids.push(state.spreadsheetId);
  }
  let error: string | null = ids.length ? null : 'it does not know which spreadsheet it belongs to';
  for (const id of ids) {
    try {
      return { spreadsheet: SpreadsheetApp.openById(id), error: null };
    } catch (e) {
      error = errorMessage(e);
    }
  }
  return { spreadsheet: null, error };
}

/**
 * Where a run that cannot work says why, for the sidebar: this document's properties, else the
 * trigger owner's mirror for the spreadsheet the trigger was made for.
 */
function reportOutside(event: TriggerEvent | undefined, startedAt: number, problem: string): void {
  const documentProperties = PropertiesService.getDocumentProperties();
  let store = documentProperties ? propertiesStore(documentProperties) : null;
  const id = event?.triggerUid
    ? PropertiesService.getUserProperties().getProperty(TRIGGER_DOCUMENT_PREFIX + event.triggerUid)
    : null;
  if (!store && id) store = mirrorStore(id);
  if (store)
    writeJson(store, KEYS.lastRun, {
      at: new Date(startedAt).toISOString(),
      report: [problem],
      problem,
    } satisfies LastRun);
}

/** Whether the id is one of the running user's triggers of this project for the daily run. */
function isOwnDailyTrigger(triggerUid: string | undefined): boolean {
  if (!triggerUid) return false;
  return ScriptApp.getProjectTriggers().some(
    (trigger) => trigger.getUniqueId() === triggerUid && trigger.getHandlerFunction() === 'runDaily',
  );
}

/**
 * The trigger keeps firing under its creator's account when that account's authorization is
 * missing or revoked, and a call needing what is not granted throws ("Enum AuthorizationStatus",
 * https://developers.google.com/apps-script/reference/script/authorization-status): nothing is
 * sent. Uptake cannot mail the owner then, so the run says why where the sidebar and Check set-up
 * show it, naming the permission, and fails: Google mails a trigger's creator a summary of its
 * failed runs, the one notice that reaches them ("Summary of failures for Google Apps Script").
 */
function failForAuthorisation(event: TriggerEvent | undefined, startedAt: number, access: DailyRunAccess): never {
  const problem = authorisationProblem(access.missing, access.url);
  reportOutside(event, startedAt, problem);
  throw new Error(problem);
}

/**
 * The daily trigger's handler. First whose run it is: a run under an account that is not the
 * owner's sends nothing and says why, whatever that account granted. Then the permissions the
 * run uses (without them it fails, having said which), the lock (waiting a bounded time; a run
 * that cannot take it leaves a note that the sidebar shows and the next run acts on) and the
 * day's work.
 */
export function runDaily(event?: TriggerEvent): void {
  const startedAt = Date.now();
  const access = dailyRunAccess();
  const uid = event?.triggerUid;
  // Only a daily trigger of the running user reaches the work: a page can call any global function
  // through google.script.run, and such a call has no trigger behind it. It changes nothing.
  if (!uid || (granted(access, TRIGGERS_SCOPE) && !isOwnDailyTrigger(uid))) return;
  if (!knowsWhoseRun(access)) {
    // Neither the spreadsheet nor the account's email can be read: the properties (no scope)
    // still tell an old trigger, or one an earlier owner turned on, from the owner's own.
    const whose = whoseTriggerFromProperties(uid);
    if (whose && !whose.stale) reportOutside(event, startedAt, whose.notOwner);
    if (whose) return;
    failForAuthorisation(event, startedAt, access);
  }
  const { spreadsheet, error } = findSpreadsheet(event);
  if (!spreadsheet) {
    reportOutside(
      event,
      startedAt,
      `The daily run could not open the spreadsheet (${error}), so it sent nothing. Turn automation off and on again from the sidebar; if this persists, tell whoever installed Uptake.`,
    );
    return;
  }
  const opened = automationStore(spreadsheet.getId());
  const state = readJson<AutomationState | null>(opened.store, KEYS.state, null);
  if (state && (!state.on || (state.triggerId && uid !== state.triggerId))) {
    // Automation was turned off (or on again with a new trigger) by someone who could not delete this one.
    removeTrigger(uid);
    return;
  }
  const runner = currentUserEmail();
  const settings = settingsFor(opened.mirrored, spreadsheet);
  const owner = ownerOf(settings, state);
  const canMail = granted(access, SEND_MAIL_SCOPE);
  if (owner && !sameAccount(runner, owner)) {
    stopNotOwnerRun(spreadsheet, opened.store, uid, { runner, owner }, canMail);
    return;
  }
  const copyOwner = opened.mirrored ? ownerMovedFromMirror(spreadsheet, settings.ownerEmail) : null;
  if (copyOwner !== null) {
    stopStaleMirrorRun(
      spreadsheet,
      opened.store,
      uid,
      { runner, mirrorOwner: settings.ownerEmail, copyOwner },
      canMail,
    );
    return;
  }
  if (mustAuthorise(access)) failForAuthorisation(event, startedAt, access);
  // Never skipped silently: the sidebar shows a missed run, and the next run does the work and says so.
  const missed = () =>
    writeJson(opened.store, KEYS.missed, {
      at: localTimestamp(startedAt, todayIn(spreadsheet).timeZone),
      waitedSeconds: RUN_LOCK_WAIT_MS / 1000,
    } satisfies MissedRun);
  withDocumentLock(RUN_LOCK_WAIT_MS, missed, () => {
    // One workbook for the zone, the team's sheets and the Interventions sheet: each read once.
    const book = new Workbook(spreadsheet);
    const { run, read } = dailyRun(book, opened, false);
    const daily: DailyRunRead = { report: (line) => run.report.push(line), mirrored: opened.mirrored };
    run.run(() => teamOrProblem(book, read, daily));
  });
}

// ---- digest on request, preview -------------------------------------------------------------

/**
 * "Send digest now": the digest of the last seven days to the owner and the recipients, at
 * once, whatever the weekday. Sent on the digest weekday, it counts as that day's digest (the
 * daily run will not send it again). Returns a one-line summary.
 */
export function sendDigestNow(): string {
  requirePermissions([SEND_MAIL_SCOPE]);
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return withDocumentLock(LOCK_WAIT_MS, 'Uptake’s daily run is in progress: try again in a few minutes.', () => {
    const book = new Workbook(spreadsheet);
    const { run, setup, read } = dailyRun(book, automationStore(spreadsheet.getId()), true);
    if (!setup.owner)
      throw new Error('Uptake does not know whom to send the digest to: set the owner email in Settings.');
    // A SetupError's message says what to fix; the entry point passes it on as it is.
    const seen = teamView(book, read, null);
    const stored = readProgramme(programmeStore(spreadsheet));
    const team = { ...seen, programme: stored ? withBaseline(stored, seen.audits, run.today) : null };
    run.openSentLog();
    if (run.recordingProblem) return `The digest was not sent: ${run.recordingProblem}`;
    const delivered = run.sendDigest(team, run.today);
    if (run.stoppedBecause) return `The digest was not sent: ${run.stoppedBecause}.`;
    const failed = run.report.find((line) => line.startsWith('Failed'));
    if (failed)
      return delivered
        ? `Digest sent to ${plural(delivered, 'recipient')}; ${failed}`
        : `The digest was not sent: ${failed}`;
    return `Digest sent to ${plural(delivered, 'recipient')}.`;
  });
}

/** The owner's digest as it would go now (as-of yesterday), and who would get a digest. */
export function previewDigest(): DigestPreview {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const { store, mirrored } = automationStore(spreadsheet.getId());
  const state = readJson<AutomationState | null>(store, KEYS.state, null);
  const read = runSettings(mirrored, spreadsheet);
  const settings = read.settings;
  const owner = ownerOf(settings, state) || currentUserEmail();
  const team = teamView(spreadsheet, read, null);
  const { today, timeZone } = todayIn(spreadsheet);
  const failures = readJson<Failure[]>(store, KEYS.failures, []);
  const stored = readProgramme(programmeStore(spreadsheet));
  const programme = stored ? withBaseline(stored, team.audits, today) : null;
  const content = digestContent(
    { ...team, programme },
    { owner, onRequest: true, spreadsheetUrl: spreadsheet.getUrl() },
    {
      digestDay: today,
      sentDay: today,
      named: true,
      problems: failures.map(failureLine),
      // What the next run would send late is listed too: the preview and the run agree (spec §8).
      sent: readSentIndexIfAny(spreadsheet, timeZone, store),
    },
  );
  const { named, aggregate } = digestAudiences(settings, owner);
  return {
    subject: content.subject,
    html: content.html,
    text: content.text,
    recipients: [...named, ...aggregate].filter(Boolean),
  };
}
