// Retry and give-up: an email MailApp refuses is tried on the next runs, then given up and recorded.
import {
  afterReport,
  failedBefore,
  attemptKey,
  failureLine,
  MAX_SEND_ATTEMPTS,
  noteFailure,
  noteSent,
  type FailureBook,
} from '../../../src/core/automation/failures';
import type { RecordDraft } from '../../../src/core/programme/sent-row';

const empty: FailureBook = { attempts: {}, failures: [] };
const draft: RecordDraft = {
  member: 'Ana',
  milestone: 'Day-seven follow-up',
  recipient: 'lead@example.com',
  dueDate: '2026-03-10',
  trainingDate: '2026-03-03',
  memberEmail: '',
  note: '',
};
const email = (at: string, records: RecordDraft[] = [draft]) => ({
  at,
  what: 'Day-seven follow-up for Ana',
  recipients: ['lead@example.com'],
  error: 'Invalid email: lead@example.com',
  records,
});

describe('an email that keeps failing', () => {
  test(`is tried ${MAX_SEND_ATTEMPTS} times, then given up with a record noting why`, () => {
    let book = empty;
    const givenUp: RecordDraft[][] = [];
    for (const at of ['2026-03-10 08:08', '2026-03-11 08:08', '2026-03-12 08:08']) {
      const next = noteFailure(book, email(at));
      book = next.book;
      givenUp.push(next.givenUp);
    }
    expect(givenUp.map((g) => g.length)).toEqual([0, 0, 1]);
    expect(givenUp[2][0]).toEqual({ ...draft, note: 'Not sent after 3 attempts: Invalid email: lead@example.com' });
    expect(book.attempts).toEqual({});
    expect(book.failures).toHaveLength(1);
    expect(failureLine(book.failures[0])).toBe(
      'Day-seven follow-up for Ana to lead@example.com failed 3 times (last 2026-03-12 08:08): Invalid email: lead@example.com; Uptake gave up and recorded it as not sent.',
    );
  });

  test('an email without records (a problem email) counts its attempts by what and to whom', () => {
    const once = noteFailure(empty, email('2026-03-10 08:08', [])).book;
    const twice = noteFailure(once, email('2026-03-11 08:08', [])).book;
    expect(twice.failures.map((f) => [f.attempts, f.givenUp])).toEqual([[2, false]]);
    expect(failureLine(once.failures[0])).toMatch(/failed \(last 2026-03-10 08:08\).*tries again at the next run\.$/);
  });

  test('a long name or error is cut before it is kept', () => {
    const long = 'x'.repeat(50_000);
    const { book } = noteFailure(empty, {
      ...email('t'),
      what: long,
      error: long,
      records: [{ ...draft, member: long }],
    });
    expect(JSON.stringify(book).length).toBeLessThan(2_000);
    expect(Object.keys(book.attempts)[0]).toBe(attemptKey({ ...draft, member: long }));
  });
});

describe('an email that went after failing', () => {
  test('leaves no attempt and no failure behind', () => {
    const { book } = noteFailure(empty, email('2026-03-10 08:08'));
    expect(noteSent(book, email('2026-03-11 08:08'))).toEqual(empty);
  });

  test('reported failures leave the book; one that happened after the report stays', () => {
    const { book } = noteFailure(empty, email('2026-03-10 08:08'));
    const later = noteFailure(book, email('2026-03-11 08:08')).book;
    expect(afterReport(later.failures, book.failures).map((f) => [f.what, f.attempts])).toEqual([
      ['Day-seven follow-up for Ana', 2],
    ]);
    expect(afterReport(book.failures, book.failures)).toEqual([]);
  });
});

describe('a retried milestone and a newly due one in one email', () => {
  const ben: RecordDraft = { ...draft, member: 'Ben', dueDate: '2026-03-11', trainingDate: '2026-03-04' };
  const both = (at: string) => ({ ...email(at, [draft, ben]), what: 'Day-seven follow-up for Ana and Ben' });
  /** Ana failed alone on the 10th, then with Ben on the 11th. */
  const twoRuns = () => noteFailure(noteFailure(empty, email('2026-03-10 08:08')).book, both('2026-03-11 08:08')).book;

  test('a failure of that email is reported for each of them, each with its own count', () => {
    const book = twoRuns();
    expect(book.failures.map(failureLine)).toEqual([
      'Day-seven follow-up for Ana to lead@example.com failed 2 times (last 2026-03-11 08:08): Invalid email: lead@example.com; Uptake tries again at the next run.',
      'Day-seven follow-up for Ben to lead@example.com failed (last 2026-03-11 08:08): Invalid email: lead@example.com; Uptake tries again at the next run.',
    ]);
    expect(failedBefore(book, draft)).toBe(true);
    expect(failedBefore(book, ben)).toBe(true);
  });

  test('when it goes, neither is listed as pending any more', () => {
    expect(noteSent(twoRuns(), both('2026-03-12 08:08'))).toEqual(empty);
  });

  test('only the member tried three times is given up; the other is retried', () => {
    const { book, givenUp } = noteFailure(twoRuns(), both('2026-03-12 08:08'));
    expect(givenUp.map((g) => g.member)).toEqual(['Ana']);
    expect(book.failures.map((f) => [f.what, f.attempts, f.givenUp])).toEqual([
      ['Day-seven follow-up for Ana', 3, true],
      ['Day-seven follow-up for Ben', 2, false],
    ]);
    expect(failedBefore(book, ben)).toBe(true);
    expect(failedBefore(book, draft)).toBe(false);
  });
});
