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
      const done = canMail && tellOwnerOnce(spreadsheet, store, people, problem);
      if (done) stop();
      return done;
    },
  );
  if (told) removeTrigger(triggerUid);
}

function tellOwnerOnce(
  spreadsheet: Spreadsheet,
  store: Store,
  people: { runner: string; owner: string },
  problem: string,
): boolean {
  const told = `${people.runner} -> ${people.owner}`;
  if (store.get(TOLD_OWNER_KEY) === told) return true;
  if ((mailApp.remaining() ?? 1) < 1) return false;
  const subject = `Uptake: the daily run for "${spreadsheet.getName()}" needs you`;
  try {
    mailApp.send([people.owner], {
      subject: subject.replace(/[\r\n]+/g, ' '),
      text: `${problem}\n\n${spreadsheet.getUrl()}`,
      html: `<p>${escapeHtml(problem)}</p><p><a href="${escapeHtml(spreadsheet.getUrl())}">${escapeHtml(spreadsheet.getName())}</a></p>`,
    });
  } catch {
    // Not told: the note stays in Check set-up, and a later run under this account tries again.
    return false;
  }
  store.set(TOLD_OWNER_KEY, told);
  return true;
}
