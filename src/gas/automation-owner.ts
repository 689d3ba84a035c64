/**
 * A daily run under an account that is not the owner's (an old trigger after the owner changed,
 * a trigger another editor made before roles existed) sends nothing (rules §19): it says why
 * where Check set-up and the sidebar read it, tells the owner once by email, and stops (its
 * trigger is removed once the owner has been told).
 */
import { KEYS, readJson, writeJson, type AutomationState, type LastRun, type Store } from '../core/automation/store';
import { escapeHtml } from '../core/mail/html';
import { removeTrigger } from './automation-trigger';
import { withDocumentLock } from './document-lock';
import { mailApp } from './mail';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Document property: the account the owner was last told about, so that they are told once. */
export const TOLD_OWNER_KEY = 'uptake.automation.toldOwner';
const LOCK_WAIT_MS = 60_000;

export function notOwnerProblem(runner: string, owner: string): string {
  const account = runner || 'an account whose email Google does not give';
  return (
    `The daily run ran under ${account}, not under the owner's account (${owner}), so it sent nothing and ` +
    `stopped. ${owner}: turn automation on from your Uptake sidebar, so that it runs under your account.`
  );
}

/** Handles the run: nothing is sent to the team; the owner hears of it once. */
export function stopNotOwnerRun(
  spreadsheet: Spreadsheet,
  store: Store,
  triggerUid: string | undefined,
  people: { runner: string; owner: string },
  canMail: boolean,
): void {
  const problem = notOwnerProblem(people.runner, people.owner);
  stopRun(
    spreadsheet,
    store,
    triggerUid,
    { to: people.owner, problem, key: `${people.runner} -> ${people.owner}` },
    canMail,
  );
}

/**
 * The problem of a run outside the document whose trigger owner's mirror names an owner the
 * spreadsheet's own copy of the settings does not: the owner changed (Take over Uptake, a
 * hand-over) and the old owner's trigger and mirror, which only that account can remove, stayed.
 */
export function staleMirrorProblem(runner: string, mirrorOwner: string, copyOwner: string): string {
  return (
    `The daily run under ${runner} sent nothing and stopped: this spreadsheet's settings name ` +
    `${copyOwner || 'no one'} as the owner of Uptake, while the copy ${runner} keeps for runs outside the ` +
    `spreadsheet names ${mirrorOwner || 'no one'}. If ${runner} is still meant to own Uptake here, open its ` +
    'Settings, save them, and turn automation on again from the sidebar.'
  );
}

/**
 * A run outside the document whose mirror names another owner than the spreadsheet's copy sends
 * nothing, says why where the non-owner run does, and stops. It tells the trigger's own account,
 * never the copy's owner: the copy is developer metadata an editor's script can rewrite, so a
 * forged copy can only stop this account's sends and make it hear of it, never mail an address of
 * the forger's choosing (automation-store.ts, settingsFor).
 */
export function stopStaleMirrorRun(
  spreadsheet: Spreadsheet,
  store: Store,
  triggerUid: string | undefined,
  people: { runner: string; mirrorOwner: string; copyOwner: string },
  canMail: boolean,
): void {
  const problem = staleMirrorProblem(people.runner, people.mirrorOwner, people.copyOwner);
  const notice = { to: people.runner, problem, key: `${people.runner} !> ${people.copyOwner}` };
  stopRun(spreadsheet, store, triggerUid, notice, canMail);
}

/** Whom to tell why the run stopped, what, and the key that says they were told. */
interface Notice {
  to: string;
  problem: string;
  key: string;
}

/** Nothing is sent to the team; `notice.to` hears of it once, then the trigger is removed. */
function stopRun(
  spreadsheet: Spreadsheet,
  store: Store,
  triggerUid: string | undefined,
  notice: Notice,
  canMail: boolean,
): void {
  const { problem } = notice;
  const note = () =>
    writeJson(store, KEYS.lastRun, { at: new Date().toISOString(), report: [], problem } satisfies LastRun);
  const stop = () => {
    const state = readJson<AutomationState | null>(store, KEYS.state, null);
    if (state?.on && triggerUid && state.triggerId === triggerUid)
      writeJson(store, KEYS.state, { ...state, on: false, triggerId: null } satisfies AutomationState);
  };
  // Without the lock, only the note: telling the owner waits for a run that has it (exactly once),
  // so the trigger and its state stay until the owner is told (lock busy, no quota, MailApp refused).
  const told = withDocumentLock(
    LOCK_WAIT_MS,
    () => {
      note();
      return false;
    },
    () => {
      note();
      // An account that did not grant sending cannot tell the owner: the note is all, and the
      // trigger stays, as when the quota is out.
      const done = canMail && tellOnce(spreadsheet, store, notice);
      if (done) stop();
      return done;
    },
  );
  if (told) removeTrigger(triggerUid);
}

function tellOnce(spreadsheet: Spreadsheet, store: Store, { to, problem, key }: Notice): boolean {
  if (store.get(TOLD_OWNER_KEY) === key) return true;
  if (!to) return false;
  if ((mailApp.remaining() ?? 1) < 1) return false;
  const subject = `Uptake: the daily run for "${spreadsheet.getName()}" needs you`;
  try {
    mailApp.send([to], {
      subject: subject.replace(/[\r\n]+/g, ' '),
      text: `${problem}\n\n${spreadsheet.getUrl()}`,
      html: `<p>${escapeHtml(problem)}</p><p><a href="${escapeHtml(spreadsheet.getUrl())}">${escapeHtml(spreadsheet.getName())}</a></p>`,
    });
  } catch {
    // Not told: the note stays in Check set-up, and a later run under this account tries again.
    return false;
  }
  store.set(TOLD_OWNER_KEY, key);
  return true;
}
