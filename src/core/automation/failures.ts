/**
 * Emails MailApp refused: how many times each was tried, when Uptake gives up on it, and the
 * lines the owner reads about them (sidebar and the owner's digest). Pure: the run loads the
 * book from its store, applies these rules and saves it.
 */
import type { RecordDraft } from '../programme/sent-records';
import { clipped, fitProperty } from './store';

/** An email that fails this many runs in a row is given up, recorded as not sent and reported. */
export const MAX_SEND_ATTEMPTS = 3;
/** The failures kept for the owner's next digest (the oldest go first). */
export const MAX_FAILURES_KEPT = 25;

/** An email MailApp refused, kept until the owner's next digest reports it (one entry per email). */
export interface Failure {
  at: string;
  what: string;
  recipient: string;
  error: string;
  attempts: number;
  givenUp: boolean;
}

/** What the store keeps about failed emails: attempts by record, failures to report. */
export interface FailureBook {
  attempts: Record<string, number>;
  failures: Failure[];
}

export interface FailedEmail {
  /** Local time of the attempt, as the owner reads it. */
  at: string;
  what: string;
  recipients: string[];
  error: string;
  /** The records its sending would have settled; none for the digest or a problem email. */
  records: RecordDraft[];
}

/**
 * Counts one more failed attempt of an email. Records tried MAX_SEND_ATTEMPTS times are given
 * up: returned as drafts noted "Not sent after …", for the sent sheet.
 */
export function noteFailure(book: FailureBook, email: FailedEmail): { book: FailureBook; givenUp: RecordDraft[] } {
  const recipient = clipped(email.recipients.join(', '), 2_000);
  const what = clipped(email.what);
  const error = clipped(email.error);
  const attempts = { ...book.attempts };
  const givenUp: RecordDraft[] = [];
  let tries = 1;
  for (const draft of email.records) {
    const key = attemptKey(draft);
    attempts[key] = (attempts[key] ?? 0) + 1;
    tries = Math.max(tries, attempts[key]);
    if (attempts[key] >= MAX_SEND_ATTEMPTS) {
      givenUp.push({ ...draft, note: `Not sent after ${MAX_SEND_ATTEMPTS} attempts: ${error}` });
      delete attempts[key];
    }
  }
  const same = (f: Failure) => f.what === what && f.recipient === recipient;
  // Emails without records (the digest, a problem email) are counted here instead.
  if (!email.records.length) tries = (book.failures.find(same)?.attempts ?? 0) + 1;
  const failures = book.failures.filter((f) => !same(f));
  failures.push({ at: email.at, what, recipient, error, attempts: tries, givenUp: givenUp.length > 0 });
  return {
    book: { attempts, failures: fitProperty(failures.slice(-MAX_FAILURES_KEPT), (kept) => kept, 'start') },
    givenUp,
  };
}

/** An email that went after failing before: its attempts and its failure are history. */
export function noteSent(book: FailureBook, records: RecordDraft[], what: string, recipients: string[]): FailureBook {
  const attempts = { ...book.attempts };
  for (const key of records.map(attemptKey)) delete attempts[key];
  const recipient = clipped(recipients.join(', '), 2_000);
  const failures = book.failures.filter((f) => !(f.what === clipped(what) && f.recipient === recipient));
  return { attempts, failures };
}

/** The failures left once the owner's digest has reported `reported`. */
export function afterReport(failures: Failure[], reported: Failure[]): Failure[] {
  const seen = new Set(reported.map((f) => JSON.stringify(f)));
  return failures.filter((f) => !seen.has(JSON.stringify(f)));
}

export function failureLine(f: Failure): string {
  const times = f.attempts > 1 ? ` ${f.attempts} times` : '';
  const outcome = f.givenUp ? '; Uptake gave up and recorded it as not sent' : '; Uptake tries again at the next run';
  return `${f.what} to ${f.recipient} failed${times} (last ${f.at}): ${f.error}${outcome}.`;
}

/** Hashed: the key holds a member's name, which may be 50,000 characters long. */
export function attemptKey(draft: RecordDraft): string {
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

/** Small, stable hash of a text (not security: "has it changed?", "is it the same record?"). */
export function hashText(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h.toString(16);
}
