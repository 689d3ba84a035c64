// Every value the automation keeps fits one value of its store (9 KB in document properties,
// 1 KB in a user-properties mirror), whatever the team typed. Texts of quotes and control
// characters are the hard case: stored as JSON they take up to six bytes a character.
import { DailyRun } from '../../../src/core/automation/daily-run';
import { fitBook, type Failure, type FailureBook } from '../../../src/core/automation/failures';
import { lastRunOf } from '../../../src/core/automation/run-report';
import { KEYS, shrinkToFit, storedBytes } from '../../../src/core/automation/store';
import type { RecordDraft } from '../../../src/core/programme/sent-row';
import { ports, runAt, setupOf, teamOf } from './support';

const DOCUMENT_VALUE = 9 * 1024;
const MIRROR_VALUE = 1024;
const LIMITS = [DOCUMENT_VALUE, MIRROR_VALUE];

/** `n` repeats of a quote, a control character, an accented letter and an emoji: 2 + 6 + 2 + 4 bytes as JSON. */
const awkward = (n: number) => '"\u0001é😀'.repeat(n);

describe('shrinkToFit', () => {
  test.each(LIMITS)(
    'cuts the longest text until the JSON fits %i bytes; short fields keep every character',
    (limit) => {
      const value = { hash: 'abc123', message: awkward(2_000), detail: awkward(300), emailed: false };
      const fitted = shrinkToFit(value, limit);
      expect(storedBytes(value)).toBeGreaterThan(limit);
      expect(storedBytes(fitted)).toBeLessThanOrEqual(limit);
      expect([fitted.hash, fitted.emailed]).toEqual(['abc123', false]);
      expect(fitted.message.endsWith('…')).toBe(true);
      expect(value.message.startsWith(fitted.message.slice(0, -2))).toBe(true);
    },
  );

  test('a value that fits is returned as it is', () => {
    const value = { message: 'Roster sheet missing' };
    expect(shrinkToFit(value, MIRROR_VALUE)).toBe(value);
  });
});

describe('fitBook', () => {
  const failure = (i: number): Failure => ({
    key: `k${i}`,
    at: '2026-03-10 08:08',
    what: `Day-seven follow-up for ${awkward(300)}`,
    recipient: awkward(2_000),
    error: awkward(300),
    attempts: 1,
    givenUp: false,
  });

  test.each(LIMITS)('failures of long awkward text: each cut to fit, the newest kept (%i bytes)', (limit) => {
    const book: FailureBook = { attempts: {}, failures: [1, 2, 3, 4, 5].map(failure) };
    const fitted = fitBook(book, limit);
    expect(storedBytes(fitted.failures)).toBeLessThanOrEqual(limit);
    expect(fitted.failures.length).toBeGreaterThan(0);
    expect(fitted.failures.at(-1)!.key).toBe('k5');
  });

  test.each(LIMITS)('more attempt counts than a value holds: the highest kept (%i bytes)', (limit) => {
    const attempts = Object.fromEntries(Array.from({ length: 2_000 }, (_, i) => [`r${i}`, (i % 2) + 1]));
    const fitted = fitBook({ attempts, failures: [] }, limit);
    expect(storedBytes(fitted.attempts)).toBeLessThanOrEqual(limit);
    const kept = Object.values(fitted.attempts);
    expect(kept.length).toBeGreaterThan(10);
    expect(kept.every((n) => n === 2)).toBe(true);
  });

  test('a book that fits is kept as it is (no write for nothing)', () => {
    const book: FailureBook = { attempts: { a: 1, b: 2 }, failures: [] };
    expect(fitBook(book, MIRROR_VALUE)).toEqual(book);
    expect(fitBook(book, MIRROR_VALUE).attempts).toBe(book.attempts);
  });
});

test.each(LIMITS)('lastRunOf: 60 long awkward lines and a long problem fit %i bytes', (limit) => {
  const report = Array.from({ length: 80 }, (_, i) => `Line ${i}: ${awkward(400)}`);
  const lastRun = lastRunOf('2026-03-10T08:08:00.000Z', report, awkward(2_000), limit);
  expect(storedBytes(lastRun)).toBeLessThanOrEqual(limit);
  expect(lastRun.report[0].startsWith('Line 0: ')).toBe(true);
  expect(lastRun.report.at(-1)).toMatch(/^… and \d+ more lines$/);
  expect(lastRun.problem!.startsWith('"')).toBe(true);
});

describe('the daily run in a mirror of 1 KB a value', () => {
  const DUE = '2026-03-10T08:10:00Z';
  // 120 members whose names are long and awkward (within the roster's 200 characters), each with a day-seven follow-up due.
  const members = Array.from({ length: 120 }, (_, i) => ({
    name: `${i} ${awkward(39)}`,
    training: '2026-03-03',
    owner: `lead${i}@example.com`,
  }));

  test('every email refused for days: no value over 1 KB, and each follow-up is given up once', () => {
    const p = ports(DUE);
    p.store.valueBytes = MIRROR_VALUE;
    p.store.limitBytes = MIRROR_VALUE;
    p.mail.refuse = (to) => `Invalid email: ${to.join(', ')}`;
    const team = teamOf(members);
    // 120 counts do not fit 1 KB: the highest are kept, given up first, and make room for the rest.
    for (let day = 10; day <= 16; day++) runAt(p, `2026-03-${day}T08:10:00Z`, team, setupOf());
    for (const value of p.store.values.values()) expect(Buffer.byteLength(value, 'utf8')).toBeLessThanOrEqual(1024);
    const givenUp = p.sent.rows.filter((r) => r.milestone === 'Day-seven follow-up');
    expect(givenUp.every((r) => r.note.startsWith('Not sent after 3 attempts'))).toBe(true);
    expect(givenUp.map((r) => r.member).sort()).toEqual(members.map((m) => m.name).sort());
    expect(p.mail.sent).toHaveLength(0);
  });

  test('a set-up problem of awkward text is stored, emailed once, and fits', () => {
    const p = ports(DUE);
    p.store.valueBytes = MIRROR_VALUE;
    p.store.limitBytes = MIRROR_VALUE;
    const problem = { code: 'log-missing', message: `No log sheet: ${awkward(2_000)}` };
    for (const at of [DUE, '2026-03-11T08:10:00Z']) {
      p.clock.at(at);
      new DailyRun(p, setupOf()).run(() => problem);
    }
    expect(p.mail.sent.map((m) => m.subject)).toEqual(['Uptake: the daily run needs a fix in your spreadsheet']);
    expect(Buffer.byteLength(p.store.get(KEYS.problem)!, 'utf8')).toBeLessThanOrEqual(1024);
  });
});

test('pending records of an email whose record the sheet refused: each within a 1 KB value, none lost', () => {
  const p = ports('2026-03-10T08:10:00Z');
  p.store.valueBytes = MIRROR_VALUE;
  p.store.limitBytes = MIRROR_VALUE;
  const names = Array.from({ length: 12 }, (_, i) => `${i} ${awkward(39)}`);
  const team = teamOf(names.map((name) => ({ name, training: '2026-03-03', owner: 'lead@example.com' })));
  p.sent.failAppends = 1;
  runAt(p, '2026-03-10T08:10:00Z', team, setupOf());
  const kept = [...p.store.values.keys()].filter((k) => k.startsWith(KEYS.pending));
  expect(kept.length).toBeGreaterThan(1);
  runAt(p, '2026-03-11T08:10:00Z', team, setupOf());
  expect(p.sent.rows.filter((r: RecordDraft) => r.milestone === 'Day-seven follow-up')).toHaveLength(12);
  // The one follow-up email (all twelve to their lead) went once; the next run wrote its records first.
  expect(p.mail.sent.filter((m) => m.subject.startsWith('Uptake: Day-seven'))).toHaveLength(1);
});
