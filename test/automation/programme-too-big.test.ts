// A replacement programme too big to store (spec §17; one document property holds 9 KB, "Quotas
// for Google Services", https://developers.google.com/apps-script/guides/services/quotas), on the
// BUILT bundle. A start still to come is refused at once when today's members below Genuine would
// not fit; if the baseline still cannot be stored on the start day (the roster grew meanwhile),
// the run says so under Check set-up, emails the owner once, and the dashboard shows a programme
// that could not start, not a running one.
import { plus, rosterRows, type RosterSpec, type RunSpec } from '../support/sheets';
import { duplicates, mailLog, milestoneKeys, OWNER, ROSTER, team } from './support';

const name = (i: number) => `Participant Number ${String(i).padStart(3, '0')}`;
const peer = (i: number) => `Peer ${i}`;
const member = (i: number): RosterSpec => ({
  name: name(i),
  email: `p${i}@example.com`,
  training: '2025-11-03',
  pack: 'no',
});
function bigTeam(participants: number) {
  const members: RosterSpec[] = [
    ...Array.from({ length: 10 }, (_, i) => ({ name: peer(i), training: '2025-11-03', pack: 'yes' })),
    ...Array.from({ length: participants }, (_, i) => member(i)),
  ];
  const runs: RunSpec[] = [];
  for (let d = '2026-02-16'; d <= '2026-04-05'; d = plus(d, 1))
    for (let i = 0; i < 10; i++) runs.push({ date: d, member: peer(i) });
  return team({ members, runs });
}
const tooBig = /The programme has 4\d\d participants; with names of this length Uptake can keep about \d+ /;

/**
 * 200 participants and a programme set to start on 2026-03-09; then the roster grows by 210 before
 * the start, and the triggers run until `until`. `shrink` empties the 210 rows again, as an owner
 * who moves them to a spreadsheet of their own.
 */
function grownBeforeTheStart(until: string) {
  const { gas, bundle } = bigTeam(200);
  const started = bundle.startProgramme({ start: '2026-03-09' });
  const roster = gas.spreadsheet.getSheetByName(ROSTER)!;
  const added = rosterRows(Array.from({ length: 210 }, (_, i) => member(200 + i))).slice(1);
  const grown = roster.getRange(roster.getLastRow() + 1, 1, added.length, added[0].length);
  grown.setValues(added);
  bundle.$runDueTriggers(until);
  return { gas, bundle, started, shrink: () => grown.setValues(added.map((row) => row.map(() => ''))) };
}

test('a start to come with 410 members below Genuine today is refused at once, as a start today is', () => {
  const { gas, bundle } = bigTeam(410);
  expect(() => bundle.startProgramme({ start: '2026-03-09' })).toThrow(tooBig);
  expect(() => bundle.startProgramme({ start: '2026-03-01' })).toThrow(tooBig);
  expect(gas.properties.forDocument(gas.spreadsheet.getId()).getProperty('uptake.programme')).toBeNull();
  expect(bundle.getDashboard({}).programme).toBeNull();
});

describe('a start to come that fitted, with 410 participants on its start day', () => {
  const { gas, bundle, started } = grownBeforeTheStart('2026-04-12T12:00:00Z');
  const programmeMails = gas.mail.sent.filter((m) => /replacement programme/i.test(m.subject));

  test('the start was accepted with 200 participants', () => {
    expect(started.message).toContain('Replacement programme set to start on 2026-03-09');
  });

  test('the owner is emailed once that it could not start, and no programme email goes', () => {
    expect(programmeMails.map((m) => [m.recipients.join(','), m.subject])).toEqual([
      [OWNER, 'Uptake: the replacement programme could not start'],
    ]);
    expect(programmeMails[0].at.toISOString().slice(0, 10)).toBe('2026-03-09');
    expect(programmeMails[0].body).toMatch(tooBig);
    expect(programmeMails[0].body).toContain('The other reminders and the digests go on.');
    // The digests still go, every week.
    expect(gas.mail.sent.filter((m) => m.subject.includes('digest')).length).toBeGreaterThanOrEqual(5);
  });

  test('Check set-up lists it', () => {
    const problems = bundle.getAutomationStatus().problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^The replacement programme set for 2026-03-09 could not start: /);
    expect(problems[0]).toMatch(tooBig);
  });

  test('the dashboard shows it could not start: no baseline, no participants to record a session for', () => {
    const programme = bundle.getDashboard({ asOf: '2026-03-20' }).programme!;
    expect(programme.couldNotStart).toMatch(tooBig);
    expect(programme.baseline).toBeNull();
    expect(programme.participants).toEqual([]);
  });
});

describe('a programme that could not start is replaced at once by a new start, nothing sent twice', () => {
  const { gas, bundle, shrink } = grownBeforeTheStart('2026-03-12T12:00:00Z');
  const problemsBefore = bundle.getAutomationStatus().problems;
  // The owner moves the 210 to a spreadsheet of their own and starts again, on day 3 of the failed one.
  shrink();
  const restarted = bundle.startProgramme({ start: '2026-03-12' });
  const problemsAfterStart = bundle.getAutomationStatus().problems;
  bundle.$runDueTriggers('2026-04-14T12:00:00Z');
  const programmeMails = gas.mail.sent.filter((m) => /replacement programme/i.test(m.subject));

  test('before the new start, Check set-up said the programme could not start', () => {
    expect(problemsBefore).toHaveLength(1);
    expect(problemsBefore[0]).toMatch(/^The replacement programme set for 2026-03-09 could not start: /);
  });

  test('the new start is taken during the failed one’s 30 days, its baseline frozen at once', () => {
    expect(restarted.message).toBe(
      'Replacement programme started on 2026-03-12: baseline frozen from the week ending 2026-03-11, 200 participants.',
    );
    expect(restarted.programme.couldNotStart).toBeUndefined();
    expect(bundle.getDashboard({ asOf: '2026-03-20' }).programme!.start).toBe('2026-03-12');
  });

  test('Check set-up no longer says the programme could not start', () => {
    expect(problemsAfterStart).toEqual([]);
  });

  test('the new programme’s milestones go once each, on its days; the could-not-start email once', () => {
    expect(mailLog(programmeMails)).toEqual([
      ['2026-03-09', OWNER, 'Uptake: the replacement programme could not start'],
      [
        '2026-03-19',
        OWNER,
        'Uptake replacement programme: Sessions not held for Participant Number 000, Participant Number 001 and 198 others',
      ],
      ['2026-03-26', OWNER, 'Uptake replacement programme: Peer advocacy moment'],
      ['2026-04-11', OWNER, 'Uptake replacement programme: Adoption reassessment'],
    ]);
    expect(duplicates(milestoneKeys(gas))).toEqual([]);
    expect(bundle.getAutomationStatus().problems).toEqual([]);
  });
});

test('a Settings date replaces a programme that could not start, as the sidebar does', () => {
  const { bundle, shrink } = grownBeforeTheStart('2026-03-10T12:00:00Z');
  shrink();
  bundle.saveSettings({ ownerEmail: OWNER, programmeStart: '2026-03-10' });
  const programme = bundle.getDashboard({ asOf: '2026-03-10' }).programme!;
  expect([programme.start, programme.couldNotStart, programme.participants.length]).toEqual([
    '2026-03-10',
    undefined,
    200,
  ]);
});
