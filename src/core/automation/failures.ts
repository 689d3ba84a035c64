/**
 * Emails MailApp refused: how many times each was tried, when Uptake gives up on it, and the
 * lines the owner reads about them (sidebar and the owner's digest). Pure but for the store the
 * run passes in: the run loads the book from it, applies these rules and saves it.
 */
import type { RecordDraft } from '../programme/sent-row';
import { clipped, fitProperty, KEYS, readJson, shrinkToFit, storedBytes, writeJson, type Store } from './store';

/** An email that fails this many runs in a row is given up, recorded as not sent and reported. */
export const MAX_SEND_ATTEMPTS = 3;
/** The failures kept for the owner's next digest (the oldest go first). */
export const MAX_FAILURES_KEPT = 50;

/**
 * A failure the owner's next digest reports: one per milestone record (so a retry that went in
 * an email with a newly due milestone clears its own entry, and a member given up is named
 * alone), one per email for the digest and the problem email.
 */
export interface Failure {
  /** attemptKey of the milestone record, or emailKey of an email without milestone records. */
  key: string;
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
  /** The records its sending would have settled; none for a problem email. */
  records: RecordDraft[];
}

/** A record of a member's milestone (not of a digest), whose failure is reported on its own. */
function isMilestone(draft: RecordDraft): boolean {
  return draft.member !== '';
}

/** The keys of the failure entries an email's outcome settles. */
function entryKeys(email: Pick<FailedEmail, 'what' | 'recipients' | 'records'>): string[] {
  const keys = email.records.filter(isMilestone).map(attemptKey);
  if (email.records.length === keys.length && keys.length) return keys;
  return [...keys, emailKey(email.what, email.recipients)];
}

/**
 * Counts one more failed attempt of an email. Records tried MAX_SEND_ATTEMPTS times are given
 * up: returned as drafts noted "Not sent after …", for the sent sheet.
 */
export function noteFailure(book: FailureBook, email: FailedEmail): { book: FailureBook; givenUp: RecordDraft[] } {
  const error = clipped(email.error);
  const attempts = { ...book.attempts };
  const givenUp: RecordDraft[] = [];
  const entries: Failure[] = [];
  /** Counts an attempt of a record; true when it is given up. */
  const attempt = (draft: RecordDraft): { tries: number; gaveUp: boolean } => {
    const key = attemptKey(draft);
    const tries = (attempts[key] ?? 0) + 1;
    if (tries < MAX_SEND_ATTEMPTS) {
      attempts[key] = tries;
      return { tries, gaveUp: false };
    }
    delete attempts[key];
    givenUp.push({ ...draft, note: `Not sent after ${MAX_SEND_ATTEMPTS} attempts: ${error}` });
    return { tries, gaveUp: true };
  };
  for (const draft of email.records.filter(isMilestone)) {
    const { tries, gaveUp } = attempt(draft);
    entries.push({
      key: attemptKey(draft),
      at: email.at,
      what: clipped(`${draft.milestone} for ${draft.member}`),
      recipient: clipped(draft.recipient || email.recipients.join(', '), 2_000),
      error,
      attempts: tries,
      givenUp: gaveUp,
    });
  }
  const others = email.records.filter((draft) => !isMilestone(draft));
  if (others.length || !email.records.length) {
    const key = emailKey(email.what, email.recipients);
    // A problem email has no record: its attempts are counted on its entry instead.
    const counted = others.map(attempt);
    const tries = counted.length
      ? Math.max(...counted.map((c) => c.tries))
      : (book.failures.find((f) => f.key === key)?.attempts ?? 0) + 1;
    entries.push({
      key,
      at: email.at,
      what: clipped(email.what),
      recipient: clipped(email.recipients.join(', '), 2_000),
      error,
      attempts: tries,
      givenUp: counted.some((c) => c.gaveUp),
    });
  }
  const replaced = new Set(entries.map((e) => e.key));
  const failures = [...book.failures.filter((f) => !replaced.has(f.key)), ...entries];
  return {
    book: { attempts, failures: failures.slice(-MAX_FAILURES_KEPT) },
    givenUp,
  };
}

/**
 * The book as a store keeps it, each part within one value of `limitBytes`: each failure cut to
 * fit, the oldest failures dropped first, and, if there are more attempt counts than a value
 * holds (hundreds), the lowest dropped first, so that the records closest to being given up get
 * there and make room. A dropped count only means that record is tried more often before Uptake
 * gives up: nothing goes twice, since the sent sheet alone says what went.
 */
export function fitBook(book: FailureBook, limitBytes: number): FailureBook {
  // An entry is stored inside an array: its brackets take 2 bytes.
  const failures = book.failures.map((f) => shrinkToFit(f, limitBytes - 2));
  let attempts = book.attempts;
  if (storedBytes(attempts) > limitBytes) {
    const highestFirst = Object.entries(attempts).sort((a, b) => b[1] - a[1]);
    attempts = Object.fromEntries(fitProperty(highestFirst, (kept) => Object.fromEntries(kept), 'end', limitBytes));
  }
  return { attempts, failures: fitProperty(failures, (kept) => kept, 'start', limitBytes) };
}

/** An email that went: the attempts and failures of everything it settled are history. */
export function noteSent(book: FailureBook, email: Pick<FailedEmail, 'what' | 'recipients' | 'records'>): FailureBook {
  const attempts = { ...book.attempts };
  for (const key of email.records.map(attemptKey)) delete attempts[key];
  const settled = new Set(entryKeys(email));
  return { attempts, failures: book.failures.filter((f) => !settled.has(f.key)) };
}

/** Whether an earlier run failed to send this record (it is being retried). */
export function failedBefore(book: FailureBook, draft: RecordDraft): boolean {
  return (book.attempts[attemptKey(draft)] ?? 0) > 0;
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

/** The key of an email's own failure entry (the digest, a problem email). */
export function emailKey(what: string, recipients: string[]): string {
  return hashText(`${what}|${recipients.join(',').toLowerCase()}`);
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

/** The book as the store keeps it. */
export function loadFailureBook(store: Store): FailureBook {
  return {
    attempts: readJson<Record<string, number>>(store, KEYS.attempts, {}),
    // Failures kept by an earlier version have no key: one per email, as they were.
    failures: readJson<Failure[]>(store, KEYS.failures, []).map((f) =>
      f.key ? f : { ...f, key: emailKey(f.what, [f.recipient]) },
    ),
  };
}

/**
 * Writes what changed from `before` (the book as loaded, which nothing wrote since): most emails
 * never failed, and the run holds the lock, so the store is not read again to compare. Returns
 * the book as now stored.
 */
export function saveFailureBook(store: Store, before: FailureBook, changed: FailureBook): FailureBook {
  const book = fitBook(changed, store.valueBytes);
  if (JSON.stringify(book.attempts) !== JSON.stringify(before.attempts)) writeJson(store, KEYS.attempts, book.attempts);
  if (JSON.stringify(book.failures) !== JSON.stringify(before.failures)) writeJson(store, KEYS.failures, book.failures);
  return book;
}
