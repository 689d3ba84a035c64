/**
 * The one daily trigger (an editor add-on may have one time-driven trigger per document): turned
 * on and off from the sidebar, moved when Settings change the hour.
 */
import { dayToIso } from '../core/base/dates';
import type { Settings } from '../core/base/settings';
import { KEYS, readJson, writeJson, type AutomationState, type HandOver } from '../core/automation/store';
import { triggerZone } from '../core/automation/trigger-zone';
import type { AutomationStatus } from '../shared/api';
import { automationStatus } from './automation-status';
import { withDocumentLock } from './document-lock';
import { todayIn } from './spreadsheet-locale';
import {
  automationStore,
  currentUserEmail,
  removeStaleMirrors,
  TRIGGER_DOCUMENT_PREFIX,
  writeMirror,
} from './automation-store';
import { SEND_MAIL_SCOPE, TRIGGERS_SCOPE } from '../core/base/permissions';
import { requirePermissions } from './permissions';
import { prepareSentKey } from './sent-key';
import { loadSettings, storeSettings } from './settings-store';
import { ownerEmail } from './roles';
import { sameAccount } from '../core/roles/roles';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The top-level function the daily trigger calls (src/index.ts). */
export const DAILY_HANDLER = 'runDaily';
const LOCK_WAIT_MS = 10_000;

/**
 * Apps Script allows 20 triggers per user per script ("Quotas for Google Services",
 * https://developers.google.com/apps-script/guides/services/quotas). For an add-on the script is
 * shared by every spreadsheet it is installed in, so a user with automation on in 20 spreadsheets
 * cannot turn it on in a 21st; Apps Script's own error names none of this.
 */
export const TRIGGER_LIMIT_MESSAGE =
  'Automation could not be turned on: your Google account already has the 20 scheduled runs Apps Script allows ' +
  'one add-on (one for each spreadsheet where you turned Uptake automation on). Turn automation off in a ' +
  'spreadsheet that no longer needs it (Extensions › Uptake › Open dashboard › Automation), then try again here.';

/** The daily trigger at the Settings hour in the spreadsheet's zone, or as near as Apps Script allows (core/automation/trigger-zone). */
function createDailyTrigger(digestHour: number, spreadsheetZone: string): GoogleAppsScript.Script.Trigger {
  const { timeZone, hour } = triggerZone(spreadsheetZone, digestHour, Session.getScriptTimeZone(), Date.now());
  try {
    return ScriptApp.newTrigger(DAILY_HANDLER).timeBased().everyDays(1).atHour(hour).inTimezone(timeZone).create();
  } catch (e) {
    if (/too many triggers/i.test(e instanceof Error ? e.message : String(e))) {
      // Apps Script's message says nothing a user can act on; this one replaces it (no `cause` in this runtime's lib).
      // eslint-disable-next-line preserve-caught-error
      throw new Error(TRIGGER_LIMIT_MESSAGE);
    }
    throw e;
  }
}

/**
 * This user's runDaily triggers for this spreadsheet. getUserTriggers lists "triggers owned by
 * this user in the given spreadsheet" ("Class ScriptApp",
 * https://developers.google.com/apps-script/reference/script/script-app); whether time-driven ones
 * count is not said, so the one automation made is also looked for by its id.
 */
export function dailyTriggers(
  spreadsheet: Spreadsheet,
  state: AutomationState | null,
): GoogleAppsScript.Script.Trigger[] {
  const mine = ScriptApp.getUserTriggers(spreadsheet).filter((t) => t.getHandlerFunction() === DAILY_HANDLER);
  if (state?.triggerId && !mine.some((t) => t.getUniqueId() === state.triggerId)) {
    // A trigger made where the document was not known shows only among the project's triggers.
    mine.push(...ScriptApp.getProjectTriggers().filter((t) => t.getUniqueId() === state.triggerId));
  }
  return mine;
}

/**
 * The ids of this user's triggers of the add-on, in every spreadsheet: getProjectTriggers "gets
 * all installable triggers associated with the current project and current user" ("Class
 * ScriptApp", https://developers.google.com/apps-script/reference/script/script-app).
 */
function liveTriggerIds(): string[] {
  return ScriptApp.getProjectTriggers().map((t) => t.getUniqueId());
}

function deleteTriggers(triggers: GoogleAppsScript.Script.Trigger[]): void {
  const user = PropertiesService.getUserProperties();
  for (const trigger of triggers) {
    user.deleteProperty(TRIGGER_DOCUMENT_PREFIX + trigger.getUniqueId());
    ScriptApp.deleteTrigger(trigger);
  }
}

/**
 * Turns the daily run on or off for the active spreadsheet. On twice leaves one trigger (at the
 * Settings hour); off removes it.
 */
export function setAutomation(on: boolean): AutomationStatus {
  // The daily run sends email and needs its trigger: said now, not by a run that fails tomorrow.
  if (on) requirePermissions([SEND_MAIL_SCOPE, TRIGGERS_SCOPE]);
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const busy = 'Uptake is busy (the daily run or another change is in progress). Try again in a minute.';
  return withDocumentLock(LOCK_WAIT_MS, busy, () => {
    const { store } = automationStore(spreadsheet.getId());
    // Turned off or on again: a roster removed on purpose is no longer a problem.
    store.remove(KEYS.roster);
    let settings = loadSettings();
    const previous = readJson<AutomationState | null>(store, KEYS.state, null);
    const existing = dailyTriggers(spreadsheet, previous);
    const { today, timeZone } = todayIn(spreadsheet);

    if (!on) {
      deleteTriggers(existing);
      // Another editor's trigger cannot be deleted from here; it sees this and removes itself.
      writeJson(store, KEYS.state, { ...(previous ?? emptyState(spreadsheet)), on: false, triggerId: null });
      removeStaleMirrors(liveTriggerIds());
      return statusAfterChange(spreadsheet, settings);
    }

    const owner = claimAutomation(spreadsheet, settings);
    // Turning automation on approves no follow-up owner (rules §19): only the dashboard's Approve does.
    settings = loadSettings();
    let keep = keptTrigger(previous, existing, settings);
    if (!keep) {
      deleteTriggers(existing);
      keep = createDailyTrigger(settings.digestHour, timeZone);
    }
    const state: AutomationState = {
      on: true,
      triggerId: keep.getUniqueId(),
      hour: settings.digestHour,
      spreadsheetId: spreadsheet.getId(),
      turnedOnBy: owner,
      since: previous?.on ? previous.since : dayToIso(today),
    };
    writeJson(store, KEYS.state, state);
    writeMirror(spreadsheet, state, settings);
    prepareSentKey(spreadsheet, store);
    removeStaleMirrors(liveTriggerIds());
    return statusAfterChange(spreadsheet, settings);
  });
}

/**
 * The status once setAutomation has written: each property store read once now, since what was
 * read before the change no longer holds; `settings` as the change read them.
 */
function statusAfterChange(spreadsheet: Spreadsheet, settings: Settings): AutomationStatus {
  const documentValues = PropertiesService.getDocumentProperties()?.getProperties() ?? null;
  return automationStatus(spreadsheet, settings, documentValues, PropertiesService.getUserProperties().getProperties());
}

/**
 * Automation runs under one account, the owner's (rules §19): installable triggers "always run
 * under the account of the person who created them" ("Installable triggers",
 * https://developers.google.com/apps-script/guides/triggers/installable), so a trigger made by
 * anyone else would send the reminders from their mailbox. Refuses any other account, naming
 * the owner; with no owner yet, the caller becomes it (saved in Settings). Returns the owner.
 */
function claimAutomation(spreadsheet: Spreadsheet, settings: Settings): string {
  const me = currentUserEmail();
  if (!me)
    throw new Error(
      'Google did not give Uptake your email address, so automation cannot run under your account: the owner turns it on.',
    );
  const owner = ownerEmail(settings);
  if (owner && !sameAccount(owner, me))
    throw new Error(
      `Automation runs under the owner's Google account, ${owner}, so that reminders and the digest leave from ` +
        `their mailbox: only ${owner} can turn it on, from their own Uptake sidebar.`,
    );
  if (!settings.ownerEmail) storeSettings(spreadsheet, { ownerEmail: me });
  return owner || me;
}

/**
 * After Settings name a new owner: the automation stops until the new owner turns it on from
 * their account. This account's trigger is deleted now; another account's sees the state
 * turned off at its next run and removes itself. The hand-over is kept (KEYS.handOver) for the
 * sidebar, which words it as things stand when it is read (handOverLine). Returns whether a
 * daily run was stopped.
 */
export function handOverAutomation(newOwner: string): boolean {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const { store } = automationStore(spreadsheet.getId());
  const state = readJson<AutomationState | null>(store, KEYS.state, null);
  if (!state?.on || sameAccount(state.turnedOnBy, newOwner)) return false;
  setAutomation(false);
  writeJson(store, KEYS.handOver, {
    at: new Date().toISOString(),
    from: state.turnedOnBy,
    to: newOwner,
  } satisfies HandOver);
  return true;
}

/** The existing trigger when it is the one automation made, alone, at the Settings hour. */
function keptTrigger(
  previous: AutomationState | null,
  existing: GoogleAppsScript.Script.Trigger[],
  settings: Settings,
): GoogleAppsScript.Script.Trigger | null {
  return previous?.on &&
    existing.length === 1 &&
    previous.hour === settings.digestHour &&
    existing[0].getUniqueId() === previous.triggerId
    ? existing[0]
    : null;
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
  writeMirror(spreadsheet, state, loadSettings());
}

/** Deletes a trigger automation no longer wants (turned off, or on again, by another editor). */
export function removeTrigger(uid: string | undefined): void {
  if (!uid) return;
  deleteTriggers(ScriptApp.getProjectTriggers().filter((trigger) => trigger.getUniqueId() === uid));
  PropertiesService.getUserProperties().deleteProperty(TRIGGER_DOCUMENT_PREFIX + uid);
}
