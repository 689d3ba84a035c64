// The one way Uptake serialises its writes: the document lock, held around the work and released
// whatever the work does ("Class LockService",
// https://developers.google.com/apps-script/reference/lock/lock-service).

import type { SetupFacts } from '../core/setup-check/facts';

type Lock = GoogleAppsScript.Lock.Lock;

/**
 * The lock Uptake holds, and which it is (Check set-up names it): the document's; outside a
 * document (getDocumentLock is null there) the script's.
 */
export function documentLock(): { lock: Lock; kind: SetupFacts['lock']['kind'] } {
  const document = LockService.getDocumentLock();
  return document ? { lock: document, kind: 'document' } : { lock: LockService.getScriptLock(), kind: 'script' };
}

/**
 * Runs `work` holding the document lock, after waiting up to `waitMs` for another execution to
 * release it. When it is still held after that, `work` does not run: a string is thrown as the
 * error the person sees (nothing was written), and a function is called for its answer instead
 * (a record of the missed run, an alert). waitLock throws when the time runs out ("Class Lock",
 * https://developers.google.com/apps-script/reference/lock/lock#waitLock(Integer)).
 */
export function withDocumentLock<T, B = never>(waitMs: number, whenBusy: string | (() => B), work: () => T): T | B {
  const { lock } = documentLock();
  try {
    lock.waitLock(waitMs);
  } catch {
    if (typeof whenBusy === 'string') throw new Error(whenBusy);
    return whenBusy();
  }
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}
