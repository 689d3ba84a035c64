// Sixty days of daily runs for a roster with staggered training dates: exactly which emails go
// to whom on which day (spec §8 and §11), each once.
import { plus, type RosterSpec, type RunSpec } from '../support/sheets';
import { dayToLabel } from '../../src/core/base/dates';
import { day } from '../core/fixtures';
import { BOSS, LEAD, mailLog, milestoneKeys, duplicates, OWNER, sentRows, team } from './support';

const MILESTONE = {
  7: 'Day-seven follow-up',
  14: 'Peer advocacy moment',
  21: 'Week-three check',
  30: 'Adoption reassessment',
  42: 'Six-week measurement',
} as const;

const members: RosterSpec[] = [
  { name: 'Ana', email: 'ana@example.com', training: '2026-03-02', owner: LEAD },
  { name: 'Ben', email: 'ben@example.com', training: '2026-03-09' },
  { name: 'Cleo', training: '2026-03-09', status: 'Principled resistance' },
  { name: 'Dara', training: '2026-03-02', status: 'No suitable anchor workflow' },
  { name: 'Eve' },
  { name: 'Fay', training: '2026-03-09', owner: LEAD },
  // Trained before automation was turned on: day 7 (27 Feb) is caught up on the first run.
  { name: 'Gus', training: '2026-02-20' },
];
// Ben runs a workflow every day after training: a Genuine adopter by day 21, so no week-three check.
const runs: RunSpec[] = Array.from({ length: 60 }, (_, i) => ({
  date: plus('2026-03-10', i),
  member: 'Ben',
  workflow: 'Proposal',
}));

/** What spec §8 says should go out, from the roster alone: [day, to, subject]. */
function expectedReminders(): [string, string, string][] {
  const rows: { due: string; to: string; milestone: number; member: string }[] = [];
  for (const m of members) {
    if (!m.training || m.status) continue;
    for (const n of [7, 14, 21, 30, 42] as const) {
      if (n === 21 && m.name === 'Ben') continue; // Genuine adopter at send time
      const to = n === 7 || n === 21 ? (m.owner ?? OWNER) : OWNER;
      rows.push({ due: plus(m.training, n), to, milestone: n, member: m.name });
    }
  }
  // Gus's day 7 was due before the first run: it goes on the first run, 2 Mar.
  for (const r of rows) if (r.due < '2026-03-02') r.due = '2026-03-02';
  // Several members reaching the same milestone for the same recipient on the same day share one email.
  const groups = new Map<string, { due: string; to: string; milestone: number; names: string[] }>();
  for (const r of rows) {
    const key = `${r.due}|${r.to}|${r.milestone}`;
    const group = groups.get(key) ?? { due: r.due, to: r.to, milestone: r.milestone, names: [] };
    group.names.push(r.member);
    groups.set(key, group);
  }
  return [...groups.values()]
    .filter((g) => g.due <= '2026-04-30')
    .map(
      (g) =>
        [
          g.due,
          g.to,
          `Uptake: ${MILESTONE[g.milestone as 7]} for ${g.names.sort().join(' and ')}${g.names.includes('Gus') && g.milestone === 7 ? ' (late)' : ''}`,
        ] as [string, string, string],
    );
}

function expectedDigests(): [string, string, string][] {
  const rows: [string, string, string][] = [];
  for (let monday = '2026-03-02'; monday <= '2026-04-30'; monday = plus(monday, 7)) {
    const subject = `Uptake weekly digest: the week to ${dayToLabel(day(plus(monday, -1)))}`;
    rows.push([monday, OWNER, subject], [monday, BOSS, subject]);
  }
  return rows;
}

const byDayThenText = (a: [string, string, string], b: [string, string, string]) =>
  a.join('|').localeCompare(b.join('|'));

describe('sixty days of the daily run', () => {
  const { gas, bundle } = team({ members, runs, settings: { recipients: [BOSS] } });
  const fired = bundle.$runDays(60);

  test('the trigger fired once a day, and every run finished', () => {
    expect(fired).toHaveLength(60);
    expect(fired.filter((r: { ok: boolean }) => !r.ok)).toEqual([]);
    expect(new Set(fired.map((r: { at: Date }) => r.at.toISOString().slice(0, 10))).size).toBe(60);
    expect(fired[0].at.toISOString().slice(0, 10)).toBe('2026-03-02');
  });

  test('exactly the reminders of the programme went, to the right people, on their day', () => {
    const reminders = mailLog(gas.mail.sent).filter(([, , subject]) => !subject.startsWith('Uptake weekly digest'));
    expect(reminders.sort(byDayThenText)).toEqual(expectedReminders().sort(byDayThenText));
  });

  test('the digest went every Monday: named to the owner, aggregate to the extra recipient', () => {
    const digests = mailLog(gas.mail.sent).filter(([, , subject]) => subject.startsWith('Uptake weekly digest'));
    expect(digests.sort(byDayThenText)).toEqual(expectedDigests().sort(byDayThenText));
    for (const mail of gas.mail.sent.filter((m) => m.recipients.includes(BOSS))) {
      for (const name of members.map((m) => m.name))
        expect(`${mail.body}\n${mail.htmlBody}`).not.toMatch(new RegExp(`\\b${name}\\b`));
    }
    const ownerDigest = gas.mail.sent.find(
      (m) => m.recipients.includes(OWNER) && m.subject.startsWith('Uptake weekly digest') && m.body.includes('Ana'),
    );
    expect(ownerDigest).toBeDefined();
  });

  test('every (member, milestone) is recorded exactly once, the skipped week-three check included', () => {
    const keys = milestoneKeys(gas);
    expect(duplicates(keys)).toEqual([]);
    expect(keys).toContain('Ben|Week-three check');
    expect(sentRows(gas).find((r) => r.member === 'Ben' && r.milestone === 'Week-three check')).toMatchObject({
      recipient: '',
      note: expect.stringMatching(/^Not needed at the week-three check \(the week to \d{4}-\d\d-\d\d/),
    });
    expect(keys.filter((k) => /^(Cleo|Dara|Eve)\|/.test(k))).toEqual([]);
    // Ana's five, Ben's five, Fay's five, Gus's five (his day 42 on 3 April is inside the window).
    expect(keys).toHaveLength(20);
    const emailsOut = gas.mail.sent.filter((m) => !m.subject.startsWith('Uptake weekly digest')).length;
    expect(emailsOut).toBe(expectedReminders().length);
  });

  test('the late one says when it was due', () => {
    const gus = gas.mail.sent.find((m) => m.subject === 'Uptake: Day-seven follow-up for Gus (late)')!;
    expect(gus.body).toContain('due on Fri 27 Feb 2026, 3 days ago');
    expect(sentRows(gas).find((r) => r.member === 'Gus' && r.milestone === 'Day-seven follow-up')).toMatchObject({
      dueDate: '2026-02-27',
      note: 'Due 2026-02-27, sent 3 days late',
    });
  });

  test('the status shows the last run and what it sent', () => {
    const status = bundle.getAutomationStatus();
    expect(status).toMatchObject({ on: true, hour: 8, digestWeekday: 1, problems: [] });
    expect(status.lastRun?.slice(0, 10)).toBe('2026-04-30');
    expect(status.remainingQuota).toBeGreaterThan(0);
  });
});
