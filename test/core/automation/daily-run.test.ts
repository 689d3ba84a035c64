// The daily run's rules on plain ports (no bundle): record right after each email, exactly once,
// quota and time budget, records kept when the sheet refuses them, retries and give-up.
import { type RosterSpec } from '../../support/sheets';
import { DailyRun } from '../../../src/core/automation/daily-run';
import { KEYS } from '../../../src/core/automation/store';
import { day } from '../fixtures';
import { OWNER, ports, runAt, setupOf, teamOf } from './support';

const NAMES = ['Ana', 'Ben', 'Cleo', 'Dara', 'Eli', 'Fay'];
const members: RosterSpec[] = NAMES.map((name) => ({
  name,
  training: '2026-03-03',
  owner: `${name.toLowerCase()}.lead@example.com`,
}));
const team = teamOf(members);
/** Tuesday 10 March, 8:10 UTC: six day-seven follow-ups are due. */
const DUE = '2026-03-10T08:10:00Z';
/** Automation turned on Monday 9 March: that day's digest is not caught up. */
const setup = setupOf({}, { since: day('2026-03-09') });
const daySevens = (subjects: string[]) => subjects.filter((s) => s.startsWith('Uptake: Day-seven'));

describe('each email is recorded right after it goes', () => {
  test('six due, six sent, each record appended before the next email; a second run the same day sends nothing', () => {
    const p = ports(DUE);
    const rowsWhenSent: number[] = [];
    p.mail.refuse = () => {
      rowsWhenSent.push(p.sent.rows.length);
      return null;
    };
    runAt(p, DUE, team, setup);
    expect(daySevens(p.mail.subjects())).toHaveLength(6);
    expect(rowsWhenSent).toEqual([0, 1, 2, 3, 4, 5]);
    expect(p.sent.rows.map((r) => r.member).sort()).toEqual(NAMES);
    const again = runAt(p, '2026-03-10T15:00:00Z', team, setup);
    expect(p.mail.sent).toHaveLength(6);
    expect(again.report).toEqual([]);
  });
});

describe('limits of one run', () => {
  test('quota used up: the rest waits for the next day, none lost, none doubled', () => {
    const p = ports(DUE);
    p.mail.quota = 4;
    const first = runAt(p, DUE, team, setup);
    expect(p.mail.sent).toHaveLength(4);
    expect(first.report.at(-1)).toBe(
      'Stopped early: the email quota is used up (Google counts it over 24 hours from the first email, not by calendar day). 2 emails wait for the next run.',
    );
    p.mail.quota = 100;
    runAt(p, '2026-03-11T08:10:00Z', team, setup);
    expect(p.sent.rows.map((r) => r.member).sort()).toEqual(NAMES);
    expect(new Set(p.sent.keys()).size).toBe(p.sent.rows.length);
  });

  test('close to the 6-minute limit: no email starts after the time budget', () => {
    const p = ports(DUE);
    p.mail.delayMs = 60_000;
    const run = runAt(p, DUE, team, setup);
    expect(p.mail.sent).toHaveLength(5);
    expect(run.stoppedBecause).toBe('the run was close to Apps Script’s 6-minute limit');
    expect(p.sent.rows).toHaveLength(5);
  });
});

describe('the sent sheet refusing a record', () => {
  test('the record is kept in the store, no further email starts, and the next run writes it first: nothing is sent twice', () => {
    const p = ports(DUE);
    p.sent.failAppends = 1;
    const run = runAt(p, DUE, team, setup);
    expect(p.mail.sent).toHaveLength(1);
    expect(p.sent.rows).toHaveLength(0);
    expect(JSON.parse(p.store.get(KEYS.pending)!)).toHaveLength(1);
    expect(run.report).toContainEqual(expect.stringContaining('Could not write to the "Uptake sent" sheet'));
    expect(run.stoppedBecause).toBe('the "Uptake sent" sheet could not be written');
    runAt(p, '2026-03-11T08:10:00Z', team, setup);
    expect(p.mail.sent).toHaveLength(6);
    expect(p.sent.rows.map((r) => r.member).sort()).toEqual(NAMES);
    expect(p.store.get(KEYS.pending)).toBeNull();
  });

  test('an email settling more records than one property holds keeps them all (9 KB a value)', () => {
    const many = Array.from({ length: 80 }, (_, i) => ({
      name: `Member ${i} ${'n'.repeat(80)}`,
      training: '2026-03-03',
      owner: 'lead@example.com',
    }));
    const p = ports(DUE);
    p.store.limitBytes = 9 * 1024;
    p.sent.failAppends = 1;
    runAt(p, DUE, teamOf(many), setup);
    expect(p.mail.sent).toHaveLength(1);
    expect(p.store.values.size).toBeGreaterThan(2);
    runAt(p, '2026-03-11T08:10:00Z', teamOf(many), setup);
    expect(p.mail.sent).toHaveLength(1);
    expect(p.sent.rows).toHaveLength(80);
    expect([...p.store.values.keys()].filter((k) => k.startsWith(KEYS.pending))).toEqual([]);
  });
});

describe('an email MailApp refuses', () => {
  test('does not stop the others; retried on the next two runs, then recorded as not sent', () => {
    const p = ports(DUE);
    p.mail.refuse = (to) => (to.includes('ana.lead@example.com') ? 'Invalid email: ana.lead@example.com' : null);
    for (const iso of [DUE, '2026-03-11T08:10:00Z', '2026-03-12T08:10:00Z', '2026-03-13T08:10:00Z'])
      runAt(p, iso, team, setup);
    expect(daySevens(p.mail.subjects())).toHaveLength(5);
    expect(p.sent.rows.find((r) => r.member === 'Ana')).toMatchObject({
      recipient: 'ana.lead@example.com',
      note: 'Not sent after 3 attempts: Invalid email: ana.lead@example.com',
    });
    expect(JSON.parse(p.store.get(KEYS.failures)!)).toEqual([
      expect.objectContaining({ attempts: 3, givenUp: true, recipient: 'ana.lead@example.com' }),
    ]);
  });
});

describe('a run that could not take the lock', () => {
  test('is reported by the next run, which does its work and clears the note', () => {
    const p = ports(DUE);
    p.store.set(KEYS.missed, JSON.stringify({ at: '2026-03-10 08:08', waitedSeconds: 60 }));
    const run = runAt(p, '2026-03-11T08:10:00Z', team, setup);
    expect(run.report[0]).toBe(
      'The daily run of 2026-03-10 08:08 could not start (another Uptake run held the lock); this run did its work.',
    );
    expect(daySevens(p.mail.subjects())).toHaveLength(6);
    expect(p.store.get(KEYS.missed)).toBeNull();
  });
});

describe('a retry', () => {
  test('says the earlier email failed, not that the run did not send it', () => {
    const p = ports(DUE);
    p.mail.refuse = (to) => (to.includes('ana.lead@example.com') ? 'Invalid email: ana.lead@example.com' : null);
    runAt(p, DUE, team, setup);
    p.mail.refuse = () => null;
    runAt(p, '2026-03-11T08:10:00Z', team, setup);
    const retry = p.mail.sent.find((m) => m.to[0] === 'ana.lead@example.com')!;
    expect(retry.text).toContain('1 day ago; Uptake’s daily run tried to send it before, and the email failed');
    expect(p.store.get(KEYS.failures)).toBe('[]');
  });
});

describe('the weekly digest', () => {
  test('goes on the digest day, once; not for a digest day before automation was turned on', () => {
    const p = ports('2026-03-02T08:10:00Z');
    const one = teamOf([{ name: 'Ana', training: '2026-03-02' }]);
    runAt(p, '2026-03-02T08:10:00Z', one, setupOf({}, { since: null }));
    runAt(p, '2026-03-02T09:10:00Z', one);
    expect(p.mail.sent.map((m) => m.to)).toEqual([[OWNER]]);

    const late = ports('2026-03-03T08:10:00Z');
    const monday = p.sent.rows[0].dueDate;
    expect(monday).toBe('2026-03-02');
    runAt(late, '2026-03-03T08:10:00Z', one, setupOf({}, { since: day('2026-03-02') }));
    expect(late.mail.sent).toEqual([]);
  });

  test('send now goes to every recipient again, and stores no run report', () => {
    const p = ports('2026-03-04T10:00:00Z');
    const run = new DailyRun(p, setupOf({ recipients: ['boss@example.com'] }, { onRequest: true }));
    run.openSentLog();
    expect(run.sendDigest(teamOf([{ name: 'Ana' }]), run.today)).toBe(2);
    expect(p.mail.sent.map((m) => m.to)).toEqual([[OWNER], ['boss@example.com']]);
    expect(p.store.get(KEYS.lastRun)).toBeNull();
  });
});
