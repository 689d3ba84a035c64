/**
 * The programme runs itself: one daily time-driven trigger (an editor add-on may have one per
 * type per document) sends the programme reminders every day and the weekly digest on the
 * chosen weekday.
 *
 * Exactly once: every email is recorded in the "Uptake sent" sheet right after MailApp returns
 * (one setValues and a flush per email), and a run sends only what is due and not recorded.
 * The residual window is the time between sendEmail returning and the flush: a run killed
 * exactly there sends that one email again next run. Runs stop starting emails after
 * TIME_BUDGET_MS, well before the 6-minute kill, so the one kill Uptake can foresee never
 * falls inside the window; if writing the record fails, it is kept in properties and written
 * first thing next run.
 */
import { dayOfInstant, dayToIso, isoToDay, weekday, type Day } from '../core/base/dates';
import { plural } from '../core/base/text';
import type { Audit } from '../core/audit/audit-types';
import { composeDigest } from '../core/programme/digest';
import { renderEmail, type EmailContent } from '../core/mail/email';
import { lastCompleteDay, planReminders, upcomingMilestones } from '../core/programme/reminders';
import { digestDraft, type RecordDraft, type SentIndex } from '../core/programme/sent-records';
import { validateSettings, type Settings } from '../core/base/settings';
import type { AutomationStatus, DigestPreview } from '../shared/api';
import { errorMessage, isQuotaError, MAX_RECIPIENTS_PER_EMAIL, remainingQuota, sendEmail } from './mail';
import { appendRecords, localTimestamp, readSentIndex, sentSheet, stamp } from './sent-sheet';
import { loadSettings } from './settings-store';
import { spreadsheetDateOptions } from './spreadsheet-locale';
import { auditTeam, readTeam, SetupError, type TeamData } from './team-data';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The top-level function the daily trigger calls (src/index.ts). */
export const DAILY_HANDLER = 'runDaily';
/** Stop starting emails after this long: Apps Script kills a run at 6 minutes. */
export const TIME_BUDGET_MS = 270_000;
/** An email that fails this many runs in a row is given up, recorded as not sent and reported. */
export const MAX_SEND_ATTEMPTS = 3;
const MAX_FAILURES_KEPT = 25;
const LOCK_WAIT_MS = 5_000;
/** Apps Script refuses a property value over 9 KB (counted in UTF-8 bytes). */
const PROPERTY_VALUE_BYTES = 9 * 1024;
/** Report lines and stored messages are cut to this: a 50,000-character name must not fill a property. */
const STORED_LINE_CHARS = 300;

const KEYS = {
  state: 'uptake.automation',
  lastRun: 'uptake.automation.lastRun',
  problem: 'uptake.automation.problem',
  failures: 'uptake.automation.failures',
  attempts: 'uptake.automation.attempts',
  pending: 'uptake.automation.pending',
  /** The roster sheet the last run read: a run that finds none after one existed says so. */
  roster: 'uptake.automation.roster',
  /** Settings copied for runs that cannot read document properties (user-properties mirror only). */
  settings: 'uptake.settings',
};
const TRIGGER_DOCUMENT_PREFIX = 'uptake.trigger.';
const MIRROR_PREFIX = 'uptake.doc.';

// ---- state ----------------------------------------------------------------------------------

interface AutomationState {
  on: boolean;
  triggerId: string | null;
  /** The hour the trigger was made for (Settings.digestHour then). */
  hour: number;
  spreadsheetId: string;
  /** Who turned automation on: the owner when Settings names none, and the trigger's owner. */
  turnedOnBy: string;
  /** ISO day automation was turned on: digests due before it are not caught up. */
  since: string;
}

interface LastRun {
  at: string;
  report: string[];
  /** Why the run could not work at all (no authorisation, no spreadsheet): shown among the problems. */
  problem?: string;
}

/** A set-up problem the daily run emailed to the owner (kept so that it is emailed once). */
interface StoredProblem {
  hash: string;
  code: string;
  message: string;
  emailed: boolean;
  since: string;
}

/** An email MailApp refused, kept until the owner's next digest reports it (one entry per email). */
interface Failure {
  at: string;
  what: string;
  recipient: string;
  error: string;
  attempts: number;
  givenUp: boolean;
}

/** Where the automation keeps its state: a small key-value store over a Properties object. */
interface Store {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

function propertiesStore(properties: GoogleAppsScript.Properties.Properties, prefix = ''): Store {
  return {
    get: (key) => properties.getProperty(prefix + key),
    set: (key, value) => {
      properties.setProperty(prefix + key, value);
    },
    remove: (key) => {
      properties.deleteProperty(prefix + key);
    },
  };
}

/**
 * The document's properties; outside a document (a trigger without document context, which
 * the platform does not guarantee) the trigger owner's mirror of them for this spreadsheet.
 */
function automationStore(spreadsheetId: string): { store: Store; mirrored: boolean } {
  const documentProperties = PropertiesService.getDocumentProperties();
  if (documentProperties) return { store: propertiesStore(documentProperties), mirrored: false };
  return {
    store: propertiesStore(PropertiesService.getUserProperties(), `${MIRROR_PREFIX}${spreadsheetId}.`),
    mirrored: true,
  };
}

function readJson<T>(store: Store, key: string, fallback: T): T {
  const raw = store.get(key);
  if (!raw) return fallback;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return fallback;
  }
}

function writeJson(store: Store, key: string, value: unknown): void {
  store.set(key, JSON.stringify(value));
}

function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function clipped(text: string, max = STORED_LINE_CHARS): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Drops items (from the start, or the end) until `encode` of the rest fits one property value. */
function fitProperty<T>(items: T[], encode: (kept: T[]) => unknown, dropFrom: 'start' | 'end'): T[] {
  let kept = items;
  while (kept.length > 0 && utf8Bytes(JSON.stringify(encode(kept))) > PROPERTY_VALUE_BYTES) {
    kept = dropFrom === 'start' ? kept.slice(1) : kept.slice(0, -1);
  }
  return kept;
}

function settingsFor(mirrored: boolean, store: Store): Settings {
  if (!mirrored) return loadSettings();
  try {
    return validateSettings(readJson<Partial<Settings>>(store, KEYS.settings, {}));
  } catch {
    return validateSettings({});
  }
}

function ownerOf(settings: Settings, state: AutomationState | null): string {
  return settings.ownerEmail || state?.turnedOnBy || '';
}

function currentUserEmail(): string {
  try {
    return Session.getEffectiveUser().getEmail() || Session.getActiveUser().getEmail() || '';
  } catch {
    return '';
  }
}

function todayIn(spreadsheet: Spreadsheet): { today: Day; timeZone: string } {
  const timeZone = spreadsheetDateOptions(spreadsheet).timeZone;
  return { today: dayOfInstant(Date.now(), timeZone), timeZone };
}

// ---- the trigger ----------------------------------------------------------------------------

/** This user's runDaily triggers for this spreadsheet. */
function dailyTriggers(spreadsheet: Spreadsheet, state: AutomationState | null): GoogleAppsScript.Script.Trigger[] {
  const mine = ScriptApp.getUserTriggers(spreadsheet).filter((t) => t.getHandlerFunction() === DAILY_HANDLER);
  if (state?.triggerId && !mine.some((t) => t.getUniqueId() === state.triggerId)) {
    // A trigger made where the document was not known shows only among the project's triggers.
    mine.push(...ScriptApp.getProjectTriggers().filter((t) => t.getUniqueId() === state.triggerId));
  }
  return mine;
}

/** Mirrors what a run outside the document needs into the trigger owner's user properties. */
function writeMirror(spreadsheetId: string, state: AutomationState, settings: Settings): void {
  const user = PropertiesService.getUserProperties();
  const mirror = propertiesStore(user, `${MIRROR_PREFIX}${spreadsheetId}.`);
  writeJson(mirror, KEYS.state, state);
  writeJson(mirror, KEYS.settings, settings);
  if (state.triggerId) user.setProperty(TRIGGER_DOCUMENT_PREFIX + state.triggerId, spreadsheetId);
}

/**
 * Turns the daily run on or off for the active spreadsheet. On twice leaves one trigger (at the
 * Settings hour); off removes it.
 */
export function setAutomation(on: boolean): AutomationStatus {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  if (!lock.tryLock(LOCK_WAIT_MS * 2))
    throw new Error('Uptake is busy (the daily run or another change is in progress). Try again in a minute.');
  try {
    const { store } = automationStore(spreadsheet.getId());
    // Turned off or on again: a roster removed on purpose is no longer a problem.
    store.remove(KEYS.roster);
    const settings = loadSettings();
    const previous = readJson<AutomationState | null>(store, KEYS.state, null);
    const existing = dailyTriggers(spreadsheet, previous);
    const { today, timeZone } = todayIn(spreadsheet);
    const user = PropertiesService.getUserProperties();

    if (!on) {
      for (const trigger of existing) {
        user.deleteProperty(TRIGGER_DOCUMENT_PREFIX + trigger.getUniqueId());
        ScriptApp.deleteTrigger(trigger);
      }
      // Another editor's trigger cannot be deleted from here; it sees this and removes itself.
      writeJson(store, KEYS.state, { ...(previous ?? emptyState(spreadsheet)), on: false, triggerId: null });
      return automationStatus();
    }

    let keep =
      previous?.on &&
      existing.length === 1 &&
      previous.hour === settings.digestHour &&
      existing[0].getUniqueId() === previous.triggerId
        ? existing[0]
        : null;
    if (!keep) {
      for (const trigger of existing) {
        user.deleteProperty(TRIGGER_DOCUMENT_PREFIX + trigger.getUniqueId());
        ScriptApp.deleteTrigger(trigger);
      }
      keep = ScriptApp.newTrigger(DAILY_HANDLER)
        .timeBased()
        .everyDays(1)
        .atHour(settings.digestHour)
        .inTimezone(timeZone)
        .create();
    }
    const state: AutomationState = {
      on: true,
      triggerId: keep.getUniqueId(),
      hour: settings.digestHour,
      spreadsheetId: spreadsheet.getId(),
      turnedOnBy: (previous?.on && previous.turnedOnBy) || currentUserEmail(),
      since: previous?.on ? previous.since : dayToIso(today),
    };
    writeJson(store, KEYS.state, state);
    writeMirror(spreadsheet.getId(), state, settings);
    return automationStatus();
  } finally {
    lock.releaseLock();
  }
}

function emptyState(spreadsheet: Spreadsheet): AutomationState {
  return { on: false, triggerId: null, hour: 0, spreadsheetId: spreadsheet.getId(), turnedOnBy: '', since: '' };
}

/**
 * After Settings change: moves the trigger to the new hour and refreshes the settings copy a
 * run outside the document reads. Does nothing while automation is off.
 */
export function syncAutomationSchedule(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const { store } = automationStore(spreadsheet.getId());
  const state = readJson<AutomationState | null>(store, KEYS.state, null);
  if (!state?.on) return;
  if (state.hour !== loadSettings().digestHour) {
    setAutomation(true);
    return;
  }
  writeMirror(spreadsheet.getId(), state, loadSettings());
}

// ---- status ---------------------------------------------------------------------------------

/** What the sidebar shows: on or off, the last run and what it sent, problems to fix. Never throws. */
export function automationStatus(): AutomationStatus {
  let settings: Settings;
  try {
    settings = loadSettings();
  } catch {
    settings = validateSettings({});
  }
  const status: AutomationStatus = {
    on: false,
    hour: settings.digestHour,
    digestWeekday: settings.digestWeekday,
    lastRun: null,
    lastRunReport: [],
    problems: [],
    remainingQuota: null,
  };
  try {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const { store } = automationStore(spreadsheet.getId());
    const stores = [
      store,
      propertiesStore(PropertiesService.getUserProperties(), `${MIRROR_PREFIX}${spreadsheet.getId()}.`),
    ];
    const state = readJson<AutomationState | null>(store, KEYS.state, null);
    status.on = state?.on === true;
    // A run outside the document writes to the owner's mirror: show whichever ran last.
    const runs = stores
      .map((s) => readJson<LastRun | null>(s, KEYS.lastRun, null))
      .filter((r): r is LastRun => r !== null);
    const last = runs.sort((a, b) => b.at.localeCompare(a.at))[0];
    if (last) {
      status.lastRun = last.at;
      status.lastRunReport = last.report;
    }
    status.problems = problemsIn(store);
    if (last?.problem) status.problems.unshift(last.problem);
    if (state?.on && state.hour !== settings.digestHour) {
      status.problems.push(
        `The daily run is still set for ${state.hour}:00; turn automation off and on again to move it to ${settings.digestHour}:00.`,
      );
    }
    status.remainingQuota = remainingQuota();
  } catch (error) {
    status.problems.push(`Uptake could not read the automation status: ${errorMessage(error)}`);
  }
  return status;
}

function problemsIn(store: Store): string[] {
  const problems: string[] = [];
  const setup = readJson<StoredProblem | null>(store, KEYS.problem, null);
  if (setup) problems.push(setup.message);
  for (const failure of readJson<Failure[]>(store, KEYS.failures, [])) problems.push(failureLine(failure));
  return problems;
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
  const user = PropertiesService.getUserProperties();
  const id = event?.triggerUid ? user.getProperty(TRIGGER_DOCUMENT_PREFIX + event.triggerUid) : null;
  if (!store && id) store = propertiesStore(user, `${MIRROR_PREFIX}${id}.`);
  if (store)
    writeJson(store, KEYS.lastRun, {
      at: new Date(startedAt).toISOString(),
      report: [problem],
      problem,
    } satisfies LastRun);
}

/**
 * The daily trigger's handler. Checks its authorisation first, finds the spreadsheet, takes the
 * lock (a run already in progress means this one exits quietly) and does the day's work.
 */
export function runDaily(event?: TriggerEvent): void {
  const startedAt = Date.now();
  const auth = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
  if (auth.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.REQUIRED) {
    // Triggers keep firing when re-authorisation is needed, and MailApp would fail: say so instead.
    const url = auth.getAuthorizationUrl();
    reportOutside(
      event,
      startedAt,
      `Uptake needs to be authorised again before it can send anything: open Uptake from the Extensions menu and accept${url ? ` (${url})` : ''}.`,
    );
    return;
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
  const { store, mirrored } = automationStore(spreadsheet.getId());
  const state = readJson<AutomationState | null>(store, KEYS.state, null);
  if (state && (!state.on || (event?.triggerUid && state.triggerId && event.triggerUid !== state.triggerId))) {
    // Automation was turned off (or on again with a new trigger) by someone who could not delete this one.
    removeTrigger(event?.triggerUid);
    return;
  }
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) return;
  try {
    new DailyRun(spreadsheet, store, mirrored, state, startedAt, false).run();
  } finally {
    lock.releaseLock();
  }
}

function removeTrigger(uid: string | undefined): void {
  if (!uid) return;
  for (const trigger of ScriptApp.getProjectTriggers()) {
    if (trigger.getUniqueId() === uid) ScriptApp.deleteTrigger(trigger);
  }
  PropertiesService.getUserProperties().deleteProperty(TRIGGER_DOCUMENT_PREFIX + uid);
}

type SendResult = 'sent' | 'failed' | 'stopped';

/** One run's work: its clock, its report, and the rule "record right after each send". */
class DailyRun {
  readonly report: string[] = [];
  private stopReason: string | null = null;
  /** Why the run could do nothing at all, for the sidebar's problems. */
  private problem: string | null = null;
  private waiting = 0;
  private readonly timeZone: string;
  private readonly today: Day;
  private readonly settings: Settings;
  private readonly owner: string;
  private sheet: Sheet | null = null;
  private sent: SentIndex | null = null;

  constructor(
    private readonly spreadsheet: Spreadsheet,
    private readonly store: Store,
    mirrored: boolean,
    private readonly state: AutomationState | null,
    private readonly startedAt: number,
    private readonly onRequest: boolean,
  ) {
    const { today, timeZone } = todayIn(spreadsheet);
    this.today = today;
    this.timeZone = timeZone;
    this.settings = settingsFor(mirrored, store);
    this.owner = ownerOf(this.settings, state) || (onRequest ? currentUserEmail() : '');
  }

  run(): void {
    try {
      this.work();
    } catch (error) {
      this.report.push(
        `The daily run stopped on an error: ${errorMessage(error)}. What was not recorded is sent next run.`,
      );
      throw error;
    } finally {
      this.finish();
    }
  }

  private work(): void {
    if (!this.owner) {
      this.problem =
        'Uptake does not know whom to email: set the owner email in Settings (or turn automation on again).';
      this.report.push(this.problem);
      return;
    }
    this.sheet = sentSheet(this.spreadsheet);
    this.writePending();
    this.sent = readSentIndex(this.sheet, this.timeZone);
    let team: TeamData;
    try {
      team = readTeam(this.spreadsheet, this.settings);
    } catch (error) {
      if (error instanceof SetupError) {
        this.reportSetupProblem(error);
        return;
      }
      throw error;
    }
    const rosterRead = this.store.get(KEYS.roster);
    if (!team.rosterSheet && rosterRead) {
      // Found by its name alone, a roster renamed or deleted would stop every reminder without a word.
      this.reportSetupProblem(
        new SetupError(
          'roster-missing',
          `The roster sheet "${rosterRead}" that the daily run read before is gone (deleted or renamed), so no programme reminders can be sent. ` +
            'Restore it, or choose the roster sheet in Settings; if you removed it on purpose, turn automation off and on again.',
        ),
      );
      return;
    }
    if (team.rosterSheet && team.rosterSheet.getName() !== rosterRead)
      this.store.set(KEYS.roster, team.rosterSheet.getName());
    this.store.remove(KEYS.problem);
    const audits = auditSource(team, this.settings);

    const plan = planReminders({
      roster: team.roster?.members ?? [],
      today: this.today,
      sent: this.sent,
      ownerEmail: this.owner,
      settings: this.settings,
      auditAt: audits,
      spreadsheetUrl: this.spreadsheet.getUrl(),
    });
    if (plan.settled.length) {
      this.record(plan.settled);
      for (const draft of plan.settled) this.report.push(`${draft.milestone} for ${draft.member}: ${draft.note}`);
    }
    for (const email of plan.emails) {
      const what = email.content.subject.replace(/^Uptake: /, '').replace(/ \(late\)$/, '');
      const result = this.send([email.to], email.content, email.records, what);
      if (result === 'sent') for (const line of email.summary) this.report.push(`Sent ${line} to ${email.to}`);
    }

    // The digest of a day before automation was turned on is not caught up; nor is the one of
    // that very day, unless this run is on it (automation turned on before the digest hour).
    const digestDay = latestDigestDay(this.today, this.settings.digestWeekday);
    const since = this.state?.since ? isoToDay(this.state.since) : null;
    if (since === null || digestDay > since || digestDay === this.today) this.sendDigest(team, audits, digestDay);
  }

  /**
   * The scheduled digest (or "send now") to every recipient who has not had this digest day's:
   * the owner alone first (their copy lists the problems), then the others in batches of 50.
   */
  sendDigest(team: TeamData, audits: AuditSource, digestDay: Day): number {
    const sent = this.sent!;
    const owner = this.owner.toLowerCase();
    const { named, aggregate } = digestAudiences(this.settings, owner);
    const owed = (recipients: string[]) =>
      this.onRequest ? recipients : recipients.filter((r) => !sent.hasDigest(digestDay, r));
    const failures = readJson<Failure[]>(this.store, KEYS.failures, []);
    const batches: { recipients: string[]; version: 'named' | 'aggregate'; forOwner: boolean }[] = [];
    const namedOwed = owed(named);
    if (namedOwed.includes(owner)) batches.push({ recipients: [owner], version: 'named', forOwner: true });
    for (const recipients of chunk(
      namedOwed.filter((r) => r !== owner),
      MAX_RECIPIENTS_PER_EMAIL,
    ))
      batches.push({ recipients, version: 'named', forOwner: false });
    for (const recipients of chunk(owed(aggregate), MAX_RECIPIENTS_PER_EMAIL))
      batches.push({ recipients, version: 'aggregate', forOwner: false });

    let delivered = 0;
    for (const batch of batches) {
      const content = digestContent(team, audits, this.spreadsheet, {
        digestDay,
        sentDay: this.today,
        named: batch.version === 'named',
        problems: batch.forOwner ? failures.map(failureLine) : [],
        onRequest: this.onRequest,
        owner,
      });
      const note = `${batch.version === 'named' ? 'Named' : 'Aggregate'} digest${this.onRequest ? ', sent on request' : ''}`;
      // "Send now" on the digest weekday counts as that day's digest; on other days its due date is no digest day.
      const drafts = batch.recipients.map((r) => digestDraft(this.onRequest ? this.today : digestDay, r, note));
      if (this.send(batch.recipients, content, drafts, `the ${batch.version} weekly digest`) !== 'sent') continue;
      delivered += batch.recipients.length;
      this.report.push(`Sent the ${batch.version} weekly digest to ${batch.recipients.join(', ')}`);
      if (batch.forOwner && failures.length) {
        // Reported now: keep only failures that happened after this digest was composed.
        const reported = new Set(failures.map((f) => JSON.stringify(f)));
        writeJson(
          this.store,
          KEYS.failures,
          readJson<Failure[]>(this.store, KEYS.failures, []).filter((f) => !reported.has(JSON.stringify(f))),
        );
      }
    }
    return delivered;
  }

  private reportSetupProblem(error: SetupError): void {
    const hash = hashText(`${error.code}|${error.message}`);
    const stored = readJson<StoredProblem | null>(this.store, KEYS.problem, null);
    if (stored?.hash === hash && stored.emailed) {
      this.report.push(`Still waiting for a fix: ${error.message}`);
      return;
    }
    // Stored shortened (the email carries it whole): a header row of pasted text must not overflow the property.
    const problem: StoredProblem = {
      hash,
      code: error.code,
      message: clipped(error.message, 2_000),
      emailed: false,
      since: stored?.hash === hash ? stored.since : dayToIso(this.today),
    };
    writeJson(this.store, KEYS.problem, problem);
    const content = renderEmail('Uptake: the daily run needs a fix in your spreadsheet', [
      {
        kind: 'paragraph',
        text: `Uptake’s daily run could not read your team’s data in “${this.spreadsheet.getName()}”:`,
      },
      { kind: 'paragraph', strong: true, text: error.message },
      {
        kind: 'paragraph',
        text: 'Until this is fixed, no programme reminders or digests are sent; they are sent, once, after the fix. Uptake emails you about this problem once, not every day.',
      },
      { kind: 'link', label: 'Open the spreadsheet', url: this.spreadsheet.getUrl() },
    ]);
    // The problem email is not a programme email: it is remembered in properties, not in the sent sheet.
    const result = this.send([this.owner], content, [], 'Set-up problem email');
    if (result === 'sent') {
      writeJson(this.store, KEYS.problem, { ...problem, emailed: true });
      this.report.push(`Emailed ${this.owner} about a problem: ${error.message}`);
    } else {
      this.report.push(`Problem found (not emailed yet): ${error.message}`);
    }
  }

  /**
   * Sends one email if the time budget and the quota allow, then records it at once. A failure
   * is remembered for the owner's next digest and retried next run, up to MAX_SEND_ATTEMPTS.
   */
  send(recipients: string[], content: EmailContent, records: RecordDraft[], what: string): SendResult {
    if (this.stopReason) {
      this.waiting++;
      return 'stopped';
    }
    if (Date.now() - this.startedAt > TIME_BUDGET_MS)
      return this.stop('the run was close to Apps Script’s 6-minute limit');
    const quota = remainingQuota();
    if (quota !== null && quota < recipients.length) return this.stop('today’s email quota is used up');
    try {
      sendEmail(recipients, content);
    } catch (error) {
      if (isQuotaError(error)) return this.stop('today’s email quota is used up');
      this.failed(recipients, records, what, errorMessage(error));
      return 'failed';
    }
    this.record(records);
    this.clearFailure(records, what, recipients.join(', '));
    return 'sent';
  }

  private stop(reason: string): SendResult {
    this.stopReason = reason;
    this.waiting++;
    return 'stopped';
  }

  /** Appends records with one setValues and flushes, so a later kill cannot undo them. */
  private record(drafts: RecordDraft[]): void {
    if (!drafts.length) return;
    const records = stamp(drafts, Date.now(), this.timeZone);
    try {
      appendRecords(this.sheet!, records);
      SpreadsheetApp.flush();
    } catch (error) {
      // The email went: keep its record in properties and write it first thing next run.
      writeJson(this.store, KEYS.pending, [...readJson<unknown[]>(this.store, KEYS.pending, []), ...records]);
      this.report.push(`Could not write to the "Uptake sent" sheet (${errorMessage(error)}); kept for the next run.`);
    }
    this.sent?.add(drafts);
  }

  private writePending(): void {
    const pending = readJson<ReturnType<typeof stamp>>(this.store, KEYS.pending, []);
    if (!pending.length) return;
    appendRecords(this.sheet!, pending);
    SpreadsheetApp.flush();
    this.store.remove(KEYS.pending);
  }

  private failed(recipients: string[], records: RecordDraft[], whatSent: string, errorText: string): void {
    const recipient = clipped(recipients.join(', '), 2_000);
    const what = clipped(whatSent);
    const error = clipped(errorText);
    this.report.push(`Failed: ${what} to ${recipient}: ${error}`);
    const attempts = readJson<Record<string, number>>(this.store, KEYS.attempts, {});
    const givenUp: RecordDraft[] = [];
    let tries = 1;
    for (const draft of records) {
      const key = attemptKey(draft);
      attempts[key] = (attempts[key] ?? 0) + 1;
      tries = Math.max(tries, attempts[key]);
      if (attempts[key] >= MAX_SEND_ATTEMPTS) {
        givenUp.push({ ...draft, note: `Not sent after ${MAX_SEND_ATTEMPTS} attempts: ${error}` });
        delete attempts[key];
      }
    }
    if (records.length) writeJson(this.store, KEYS.attempts, attempts);
    const all = readJson<Failure[]>(this.store, KEYS.failures, []);
    const same = (f: Failure) => f.what === what && f.recipient === recipient;
    // Emails without records (the digest, a problem email) are counted here instead.
    if (!records.length) tries = (all.find(same)?.attempts ?? 0) + 1;
    const failures = all.filter((f) => !same(f));
    failures.push({
      at: localTimestamp(Date.now(), this.timeZone),
      what,
      recipient,
      error,
      attempts: tries,
      givenUp: givenUp.length > 0,
    });
    writeJson(
      this.store,
      KEYS.failures,
      fitProperty(failures.slice(-MAX_FAILURES_KEPT), (kept) => kept, 'start'),
    );
    if (givenUp.length) {
      this.record(givenUp);
      this.report.push(`Gave up on ${what} to ${recipient} after ${MAX_SEND_ATTEMPTS} attempts; recorded as not sent.`);
    }
  }

  /** An email that went after failing before: its attempts and its failure are history. */
  private clearFailure(records: RecordDraft[], what: string, recipient: string): void {
    const attempts = readJson<Record<string, number>>(this.store, KEYS.attempts, {});
    const keys = records.map(attemptKey).filter((key) => key in attempts);
    for (const key of keys) delete attempts[key];
    if (keys.length) writeJson(this.store, KEYS.attempts, attempts);
    const failures = readJson<Failure[]>(this.store, KEYS.failures, []);
    const left = failures.filter((f) => !(f.what === what && f.recipient === recipient));
    if (left.length !== failures.length) writeJson(this.store, KEYS.failures, left);
  }

  private finish(): void {
    if (this.stopReason)
      this.report.push(
        `Stopped early: ${this.stopReason}. ${plural(this.waiting, 'email waits', 'emails wait')} for the next run.`,
      );
    if (this.onRequest) return;
    const at = new Date(this.startedAt).toISOString();
    const lines = this.report.slice(0, 60).map((line) => clipped(line));
    const more = (kept: string[]) => `… and ${plural(this.report.length - kept.length, 'more line')}`;
    const report = fitProperty(lines, (kept) => ({ at, report: [...kept, more(kept)], problem: this.problem }), 'end');
    if (report.length < this.report.length) report.push(more(report));
    const lastRun: LastRun = { at, report };
    if (this.problem) lastRun.problem = clipped(this.problem, 2_000);
    writeJson(this.store, KEYS.lastRun, lastRun);
  }

  /** For "send digest now": the sheet and the index, without the reminders. */
  prepareForDigest(): void {
    this.sheet = sentSheet(this.spreadsheet);
    this.writePending();
    this.sent = readSentIndex(this.sheet, this.timeZone);
  }

  get stoppedBecause(): string | null {
    return this.stopReason;
  }

  get ownerEmail(): string {
    return this.owner;
  }

  get day(): Day {
    return this.today;
  }

  get runSettings(): Settings {
    return this.settings;
  }
}

/** Hashed: the key holds a member's name, which may be 50,000 characters long. */
function attemptKey(draft: RecordDraft): string {
  return hashText(
    [
      draft.milestone,
      draft.member.toLowerCase(),
      draft.memberEmail.toLowerCase(),
      draft.trainingDate,
      draft.dueDate,
      draft.recipient.toLowerCase(),
    ].join('|'),
  );
}

/** Small, stable hash of a problem's code and message (not security: "has it changed?"). */
export function hashText(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h.toString(16);
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The most recent digest weekday on or before `today`. */
export function latestDigestDay(today: Day, digestWeekday: number): Day {
  return today - ((weekday(today) - digestWeekday + 7) % 7);
}

type AuditSource = (asOf: Day, weeks: number, fromDay?: Day) => Audit;

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

/** Who gets which version: the owner the named one; extra recipients the aggregate one unless the owner chose named. */
function digestAudiences(settings: Settings, owner: string): { named: string[]; aggregate: string[] } {
  const ownerKey = owner.toLowerCase();
  const others = settings.recipients.map((r) => r.toLowerCase()).filter((r) => r !== ownerKey);
  return settings.namedForRecipients
    ? { named: [ownerKey, ...others], aggregate: [] }
    : { named: [ownerKey], aggregate: others };
}

interface DigestOptions {
  digestDay: Day;
  sentDay: Day;
  named: boolean;
  problems: string[];
  onRequest: boolean;
  owner: string;
}

function failureLine(f: Failure): string {
  const times = f.attempts > 1 ? ` ${f.attempts} times` : '';
  const outcome = f.givenUp ? '; Uptake gave up and recorded it as not sent' : '; Uptake tries again at the next run';
  return `${f.what} to ${f.recipient} failed${times} (last ${f.at}): ${f.error}${outcome}.`;
}

/**
 * The digest of the week before the digest day (spec §2: as-of = the day before, one week);
 * "send now" covers the seven days before today. The reminders use the same last complete day,
 * so a digest and a reminder sent the same morning agree.
 */
function digestContent(
  team: TeamData,
  audits: AuditSource,
  spreadsheet: Spreadsheet,
  options: DigestOptions,
): EmailContent {
  const asOf = lastCompleteDay(options.onRequest ? options.sentDay : options.digestDay);
  return composeDigest({
    current: audits(asOf, 1),
    previous: audits(asOf - 7, 1),
    upcoming: upcomingMilestones(team.roster?.members ?? [], options.sentDay, options.sentDay + 6, options.owner),
    named: options.named,
    problems: options.problems,
    spreadsheetUrl: spreadsheet.getUrl(),
    digestDay: options.digestDay,
    sentDay: options.sentDay,
    onRequest: options.onRequest,
  });
}

// ---- digest on request, preview -------------------------------------------------------------

/**
 * "Send digest now": the digest of the last seven days to the owner and the recipients, at
 * once, whatever the weekday. Sent on the digest weekday, it counts as that day's digest (the
 * daily run will not send it again). Returns a one-line summary.
 */
export function sendDigestNow(): string {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  if (!lock.tryLock(LOCK_WAIT_MS * 2))
    throw new Error('Uptake’s daily run is in progress: try again in a few minutes.');
  try {
    const { store, mirrored } = automationStore(spreadsheet.getId());
    const state = readJson<AutomationState | null>(store, KEYS.state, null);
    const run = new DailyRun(spreadsheet, store, mirrored, state, Date.now(), true);
    if (!run.ownerEmail)
      throw new Error('Uptake does not know whom to send the digest to: set the owner email in Settings.');
    // A SetupError's message says what to fix; the entry point passes it on as it is.
    const team = readTeam(spreadsheet, run.runSettings);
    run.prepareForDigest();
    const delivered = run.sendDigest(team, auditSource(team, run.runSettings), run.day);
    if (run.stoppedBecause) return `The digest was not sent: ${run.stoppedBecause}. Try again tomorrow.`;
    const failed = run.report.find((line) => line.startsWith('Failed'));
    if (failed)
      return delivered
        ? `Digest sent to ${plural(delivered, 'recipient')}; ${failed}`
        : `The digest was not sent: ${failed}`;
    return `Digest sent to ${plural(delivered, 'recipient')}.`;
  } finally {
    lock.releaseLock();
  }
}

/** The owner's digest as it would go now (as-of yesterday), and who would get a digest. */
export function previewDigest(): DigestPreview {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const { store, mirrored } = automationStore(spreadsheet.getId());
  const state = readJson<AutomationState | null>(store, KEYS.state, null);
  const settings = settingsFor(mirrored, store);
  const owner = ownerOf(settings, state) || currentUserEmail();
  const team = readTeam(spreadsheet, settings);
  const { today } = todayIn(spreadsheet);
  const failures = readJson<Failure[]>(store, KEYS.failures, []);
  const content = digestContent(team, auditSource(team, settings), spreadsheet, {
    digestDay: today,
    sentDay: today,
    named: true,
    problems: failures.map(failureLine),
    onRequest: true,
    owner,
  });
  const { named, aggregate } = digestAudiences(settings, owner);
  return {
    subject: content.subject,
    html: content.html,
    text: content.text,
    recipients: [...named, ...aggregate].filter(Boolean),
  };
}
