// A team of 200 (spec §17) on the BUILT bundle: the stored programme fits one document property
// (9 KB, "Quotas for Google Services", https://developers.google.com/apps-script/guides/services/quotas),
// so the programme starts and each milestone goes exactly once. Worked out from §17 by hand:
// 10 peers run daily; 190 participants, none with a run; two have a session on 4 March.
import { plus, type RosterSpec, type RunSpec } from '../support/sheets';
import { dayOf, duplicates, LEAD, OWNER, sentRows, team } from './support';

const S = '2026-03-02';
// Names of 20 to 22 characters, emails of about 30: the record that kept each email passed 9 KB.
const name = (i: number) => `Participant Number ${String(i).padStart(3, '0')}`;
const peer = (i: number) => `Peer Adopter Number ${String(i).padStart(2, '0')}`;
const members: RosterSpec[] = [
  ...Array.from({ length: 10 }, (_, i) => ({ name: peer(i), training: '2025-11-03', pack: 'yes' })),
  ...Array.from({ length: 190 }, (_, i) => ({
    name: name(i),
    email: `participant.number.${i}@example.com`,
    training: '2025-11-03',
    pack: 'yes',
    owner: i === 7 ? LEAD : '',
  })),
];
const runs: RunSpec[] = [];
for (let d = '2026-02-16'; d <= '2026-04-05'; d = plus(d, 1))
  for (let i = 0; i < 10; i++) runs.push({ date: d, member: peer(i) });

const isProgramme = (subject: string) => subject.startsWith('Uptake replacement programme:');

describe('a replacement programme for a team of 200', () => {
  const { gas, bundle } = team({ members, runs });
  const started = bundle.startProgramme({ start: S });
  for (const [day, member] of [
    ['2026-03-04', name(7)],
    ['2026-03-04', name(120)],
  ]) {
    bundle.$runDueTriggers(`${day}T12:00:00Z`);
    bundle.recordIntervention({ date: day, member, type: 'Anchor-workflow session', workflow: '', note: '' });
  }
  bundle.$runDueTriggers('2026-04-06T12:00:00Z');
  const mails = gas.mail.sent.filter((m) => isProgramme(m.subject));

  test('it starts; the baseline is frozen with its 190 participants and kept in one property', () => {
    expect(started.message).toContain('Replacement programme set to start on 2026-03-02');
    const data = bundle.getDashboard({ asOf: '2026-03-20' });
    expect(data.programme!.baseline).toMatchObject({ asOf: '2026-03-01', membersInScope: 200, genuineAdopters: 10 });
    expect(data.programme!.participants).toHaveLength(190);
    expect(data.programme!.peers).toHaveLength(10);
    const stored = String(gas.properties.forDocument(gas.spreadsheet.getId()).getProperty('uptake.programme'));
    expect(Buffer.byteLength(stored, 'utf8')).toBeLessThanOrEqual(9 * 1024);
    expect((JSON.parse(stored) as { baseline: { participants: unknown[] } }).baseline.participants).toHaveLength(190);
  });

  test('each milestone goes once, on its day, to the right person', () => {
    expect(mails.map((m) => [dayOf(m), m.recipients.join(','), m.subject])).toEqual([
      [
        '2026-03-09',
        OWNER,
        'Uptake replacement programme: Sessions not held for Participant Number 000, Participant Number 001 and 186 others',
      ],
      ['2026-03-11', LEAD, 'Uptake replacement programme: Day-seven follow-up for Participant Number 007'],
      ['2026-03-11', OWNER, 'Uptake replacement programme: Day-seven follow-up for Participant Number 120'],
      // No participant ran a workflow by S + 13: one email for the team, naming no one.
      ['2026-03-16', OWNER, 'Uptake replacement programme: Peer advocacy moment'],
      ['2026-04-01', OWNER, 'Uptake replacement programme: Adoption reassessment'],
    ]);
    const rows = sentRows(gas).filter((r) => r.milestone.startsWith('Replacement programme: '));
    const keys = rows.map((r) => `${r.member}|${r.milestone}`);
    expect(duplicates(keys)).toEqual([]);
    // One row per participant named: 188 without a session, 2 follow-ups; the team's row for the
    // peer advocacy moment and the reassessment (every context pack is ready: no one named).
    const count = (milestone: string) => rows.filter((r) => r.milestone.endsWith(milestone)).length;
    const counts = ['Sessions not held', 'Day-seven follow-up', 'Peer advocacy moment', 'Adoption reassessment'];
    expect(counts.map(count)).toEqual([188, 2, 1, 1]);
    expect(mails.at(-1)!.body).toContain('Short of target: the next diagnosis is the context pack.');
    // The email of each participant named is read from the roster when the milestone goes.
    expect(rows.find((r) => r.member === name(7) && r.milestone.endsWith('Day-seven follow-up'))!.memberEmail).toBe(
      'participant.number.7@example.com',
    );
  });
});

test('a team too large for one property is refused with how many fit and what to do', () => {
  const many: RosterSpec[] = Array.from({ length: 400 }, (_, i) => ({ name: name(i), training: '2025-11-03' }));
  const { gas, bundle } = team({ members: many, on: false });
  // Started today (1 March): the baseline, the week ending 28 February, is frozen now.
  expect(() => bundle.startProgramme({ start: '2026-03-01' })).toThrow(
    /^The programme has 400 participants; with names of this length Uptake can keep about 2\d\d .*Run one programme for at most 2\d\d members below Genuine: give each team of that size its own spreadsheet/,
  );
  expect(gas.properties.forDocument(gas.spreadsheet.getId()).getProperty('uptake.programme')).toBeNull();
});
