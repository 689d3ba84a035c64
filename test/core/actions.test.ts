/** This week's three actions (rules §18): overdue milestones first, then open causes by members affected. */
import { OWNER, rosterRows, type RosterSpec, type RunSpec } from '../support/sheets';
import { actionLine, weekActions, type ActionsInput } from '../../src/core/programme/actions';
import { parseRoster } from '../../src/core/sheets/roster';
import { audit, day, runsOf, UTC } from './fixtures';
import { dayToIso } from '../../src/core/base/dates';

const AS_OF = '2026-03-15';

const ROSTER: RosterSpec[] = [
  // Day 7 on 12 Mar: overdue on the 15th unless a follow-up session was recorded.
  { name: 'Ana', training: '2026-03-05', anchor: 'Proposal', owner: 'lead@example.com' },
  // Trained on 1 Feb, ran in the first week, then stopped: cause 3 (obstacle) and nothing overdue.
  { name: 'Ben', training: '2026-02-01', anchor: 'Proposal' },
  { name: 'Cy', training: '2026-02-01', anchor: 'Proposal' },
  { name: 'Di', training: '2026-02-01', anchor: 'Proposal' },
  { name: 'Eve', training: '2026-02-01', anchor: 'Report' },
];
const RUNS = [
  ...runsOf('Ben', 2, '2026-02-05', { workflow: 'Proposal' }),
  ...runsOf('Cy', 2, '2026-02-05', { workflow: 'Proposal' }),
  ...runsOf('Eve', 4, AS_OF, { workflow: 'Report' }),
  ...runsOf('Ana', 1, AS_OF, { workflow: 'Proposal' }),
];

function input(over: Partial<ActionsInput> = {}): ActionsInput {
  return {
    audit: audit(RUNS, { asOf: AS_OF, roster: ROSTER }),
    roster: parseRoster(rosterRows(ROSTER), UTC).members,
    interventions: [],
    ownerEmail: OWNER,
    today: day(AS_OF),
    ...over,
  };
}

describe("this week's three actions (rules §18)", () => {
  test('an overdue milestone comes first, to the follow-up owner, by today; then causes by members affected', () => {
    const actions = weekActions(input());
    expect(actions.length).toBeLessThanOrEqual(3);
    expect(actions[0]).toMatchObject({
      kind: 'overdue milestone',
      members: ['Ana'],
      who: ['lead@example.com'],
      by: AS_OF,
      due: '2026-03-12',
    });
    const causes = actions.slice(1);
    expect(causes.every((a) => a.kind === 'open cause' && a.by === '2026-03-21')).toBe(true);
    const sizes = causes.map((a) => a.members.length);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    // A member cause names every member, the last after "and" (Ben and Cy stopped: cause 3).
    const memberCause = causes.find((a) => a.members.length > 1 && a.text.includes(`(${a.members[0]}`))!;
    const names = memberCause.members;
    expect(memberCause.text).toContain(`(${names.slice(0, -1).join(', ')} and ${names[names.length - 1]})`);
    expect(actionLine(actions[0])).toBe(
      'Day-seven follow-up for Ana: hold the 15-minute follow-up ("Did you use it? What happened? What did not work?"). Was due 2026-03-12. Who: lead@example.com. By 2026-03-15.',
    );
  });

  test('a follow-up session recorded on day 5 to 14 closes the day-seven milestone', () => {
    const held = weekActions(
      input({ interventions: [{ date: '2026-03-13', member: 'Ana', type: 'Follow-up session' }] }),
    );
    expect(held.filter((a) => a.kind === 'overdue milestone')).toEqual([]);
  });

  test('an addressed cause is no action; a member cause gathers its members and their follow-up owners', () => {
    const all = weekActions(input());
    const obstacle = all.find((a) => a.text.startsWith('Obstacle with no follow-up'))!;
    expect(obstacle.members).toEqual(['Ben', 'Cy']);
    expect(obstacle.who).toEqual([OWNER]);
    const advised = input();
    for (const f of advised.audit.diagnosis)
      if (f.code === 'obstacle') f.addressed = { date: '2026-03-10', type: 'Follow-up session' };
    expect(weekActions(advised).some((a) => a.text.startsWith('Obstacle'))).toBe(false);
  });

  test('a milestone whose email has not gone yet stays an action however old, until done', () => {
    // On 25 Mar Ana's day 7 (12 Mar) is 13 days old: left to the next one once its email went.
    const later = { today: day('2026-03-25') };
    const ana = (over: Partial<ActionsInput>) =>
      weekActions(input({ ...later, ...over })).filter((a) => a.kind === 'overdue milestone' && a.members[0] === 'Ana');
    expect(ana({})).toEqual([]);
    // Not sent yet (the digest's late row): still the first action, by the day it is read.
    const late = [{ member: 'Ana', milestone: 'Day-seven follow-up', dueDate: '2026-03-12' }];
    expect(ana({ late }).map((a) => [a.who, a.due, a.by])).toEqual([
      [['lead@example.com'], '2026-03-12', '2026-03-25'],
    ]);
    // Held (a Follow-up session on day 8): no action, sent or not.
    const held = [{ date: '2026-03-13', member: 'Ana', type: 'Follow-up session' as const }];
    expect(ana({ late, interventions: held })).toEqual([]);
  });

  test('cause 5 (no peer advocacy) names the adopters to invite', () => {
    const cause5 = input();
    cause5.audit.diagnosis.push({
      ...cause5.audit.diagnosis[0],
      code: 'no-peer-advocacy',
      cause: 'No peer advocacy (cause 5)',
      step: 'Run the peer advocacy moment at the next team meeting, naming the adopters.',
      member: undefined,
      workflow: undefined,
      addressed: null,
      notImprovedAfter: null,
    });
    const line = weekActions({ ...cause5, today: day('2026-03-25') }).find((a) =>
      a.text.startsWith('No peer advocacy'),
    );
    // Eve (4 runs in the week) is the week's Genuine adopter.
    expect(line?.text).toBe(
      'No peer advocacy (cause 5): Run the peer advocacy moment at the next team meeting, naming the adopters. Invite Eve to share one specific result.',
    );
  });

  test('never more than three', () => {
    const many = input({ today: day(AS_OF) });
    expect(weekActions(many).length).toBeLessThanOrEqual(3);
    expect(many.audit.diagnosis.length + 1).toBeGreaterThan(3);
  });
});

describe('the replacement programme’s overdue milestones (rules §17) among the three actions', () => {
  // S = 2 Mar: sessions not held due 9 Mar, peer advocacy 16 Mar. Ben's session on 3 Mar: his
  // follow-up is due 10 Mar. Cy has none.
  const programme = {
    start: '2026-03-02',
    startedOn: '2026-03-02',
    baseline: {
      asOf: '2026-03-01',
      weeks: 1,
      membersInScope: 5,
      genuineAdopters: 0,
      adoptionRate: 0,
      blendedAcceptanceRate: null,
      categories: { 'Genuine adopter': 0, 'Developing user': 0, 'Non-adopter': 5 },
      participants: [
        { member: 'Ben', category: 'Non-adopter' as const },
        { member: 'Cy', category: 'Non-adopter' as const },
      ],
      peers: [],
    },
  };
  type Recorded = ActionsInput['interventions'][number];
  const session: Recorded = { date: '2026-03-03', member: 'Ben', type: 'Anchor-workflow session' };

  test('a follow-up and the sessions not held come before the causes, oldest first, with who and by when', () => {
    const actions = weekActions(input({ programme, interventions: [session], replaced: () => false }));
    const overdue = actions.filter((a) => a.kind === 'overdue milestone');
    expect(overdue.map((a) => [a.members, a.who, a.due, a.by])).toEqual([
      [['Cy'], [OWNER], '2026-03-09', AS_OF],
      [['Ben'], [OWNER], '2026-03-10', AS_OF],
      [['Ana'], ['lead@example.com'], '2026-03-12', AS_OF],
    ]);
    expect(actionLine(overdue[0])).toBe(
      'Sessions not held (replacement programme): book an individual anchor-workflow session for Cy, on their real current work. Was due 2026-03-09. Who: owner@example.com. By 2026-03-15.',
    );
    expect(actionLine(overdue[1])).toContain('Day-seven follow-up for Ben (replacement programme)');
  });

  test('a recorded follow-up closes the follow-up; a session for each closes the sessions; the peer moment once recorded', () => {
    const done: Recorded[] = [
      session,
      { date: '2026-03-09', member: 'Ben', type: 'Follow-up session' },
      { date: '2026-03-12', member: 'Cy', type: 'Anchor-workflow session' },
    ];
    const actions = weekActions(input({ programme, interventions: done }));
    expect(actions.filter((a) => a.text.includes('replacement programme'))).toEqual([]);
    // On 18 Mar the peer advocacy moment (due 16 Mar) is overdue until one is recorded for the team.
    const later = { today: day('2026-03-18'), programme };
    const peers = (extra: Recorded[]) =>
      weekActions(input({ ...later, interventions: [...done, ...extra] })).filter((a) =>
        a.text.startsWith('Peer advocacy moment (replacement programme)'),
      );
    expect(peers([]).map((a) => [a.who, a.due])).toEqual([[[OWNER], '2026-03-16']]);
    // Neither Ben nor Cy ran in the week ending 15 March: nobody to invite, as the programme's email says.
    expect(peers([])[0].text).toBe(
      'Peer advocacy moment (replacement programme): nobody to invite: no participant was a Developing user or Genuine adopter in the week ending 2026-03-15; follow them up first.',
    );
    expect(peers([{ date: '2026-03-17', member: null, type: 'Peer advocacy moment' }])).toEqual([]);
  });

  test('the peer advocacy moment names the participants who used AI in the week ending S + 13', () => {
    const done: Recorded[] = [session, { date: '2026-03-12', member: 'Cy', type: 'Anchor-workflow session' }];
    const membersAt = (runs: RunSpec[]) => (weekEnd: number) =>
      audit(runs, { asOf: dayToIso(weekEnd), roster: ROSTER }).members;
    const peersAction = (over: Partial<ActionsInput>) =>
      weekActions(input({ programme, interventions: done, today: day('2026-03-18'), ...over })).find((a) =>
        a.text.startsWith('Peer advocacy moment'),
      )!;
    // Ben ran twice in the week ending 15 March: a Developing user, invited.
    const ben = peersAction({ membersAt: membersAt([...RUNS, ...runsOf('Ben', 2, '2026-03-15')]) });
    expect(ben.members).toEqual(['Ben']);
    expect(ben.text).toContain('invite Ben (participants who used AI in the week ending 2026-03-15) to share');
    // Ben's runs on 16 and 17 March are after that week: not counted.
    const after = peersAction({ membersAt: membersAt([...RUNS, ...runsOf('Ben', 2, '2026-03-17')]) });
    expect(after.members).toEqual([]);
    // The baseline's peers are not the moment's invitees (§17): still nobody.
    const withPeers = { ...programme, baseline: { ...programme.baseline, peers: ['Eve'] } };
    expect(peersAction({ programme: withPeers, membersAt: membersAt(RUNS) }).members).toEqual([]);
  });

  test('missed more than a week ago, a milestone is left to the next one once its email has gone', () => {
    const actions = weekActions(input({ programme, interventions: [session], today: day('2026-03-20') }));
    expect(actions.some((a) => a.text.startsWith('Sessions not held'))).toBe(false);
    const late = [{ member: '', milestone: 'Sessions not held (replacement programme)', dueDate: '2026-03-09' }];
    const unsent = weekActions(input({ programme, interventions: [session], today: day('2026-03-20'), late }));
    expect(unsent[0].text).toMatch(/^Sessions not held \(replacement programme\): book .* for Cy,/);
  });

  test('a participant in the Sessions-not-held action is not asked again in cause 1’s anchor-workflow session action', () => {
    // Di has an anchor workflow, was trained, never ran it (cause 1); Eve adopts.
    const roster = ROSTER.filter((m) => m.name === 'Di' || m.name === 'Eve');
    const runs = RUNS.filter((r) => r.member === 'Eve');
    const only = (over: Partial<ActionsInput> = {}) =>
      input({
        audit: audit(runs, { asOf: AS_OF, roster }),
        roster: parseRoster(rosterRows(roster), UTC).members,
        ...over,
      });
    const demos = (actions: ReturnType<typeof weekActions>) =>
      actions.filter((a) => a.text.startsWith('Demonstrations not about their work'));
    expect(demos(weekActions(only())).map((a) => a.members)).toEqual([['Di']]);
    const withDi = {
      ...programme,
      baseline: { ...programme.baseline, participants: [{ member: 'Di', category: 'Non-adopter' as const }] },
    };
    const actions = weekActions(only({ programme: withDi, replaced: () => false }));
    const sessions = actions.find((a) => a.text.startsWith('Sessions not held'))!;
    expect(sessions.members).toEqual(['Di']);
    expect(actions.filter((a) => a.members.includes('Di'))).toEqual([sessions]);
    expect(demos(actions)).toEqual([]);
  });

  test('a participant with no anchor workflow on the roster is not asked "Did you use it?": the action identifies it, as the email does', () => {
    const noAnchor = ROSTER.map((m) => (m.name === 'Ben' ? { ...m, anchor: '' } : m));
    const actions = weekActions(
      input({ programme, interventions: [session], roster: parseRoster(rosterRows(noAnchor), UTC).members }),
    );
    const followUp = actions.find((a) => a.text.startsWith('Day-seven follow-up for Ben'))!;
    expect(followUp.text).not.toContain('("Did you use it?');
    expect(followUp.text).toContain('identify their anchor workflow');
    expect(followUp.text).toContain('"the one weekly task that takes the most time and gives the least satisfaction"');
  });
});

test('§8 day 7 for a member with no anchor workflow: the action identifies it instead of asking "Did you use it?"', () => {
  const noAnchor = ROSTER.map((m) => (m.name === 'Ana' ? { ...m, anchor: '' } : m));
  const actions = weekActions(input({ roster: parseRoster(rosterRows(noAnchor), UTC).members }));
  expect(actions[0].text).toBe(
    'Day-seven follow-up for Ana: hold the 15-minute follow-up to identify their anchor workflow (none is on the roster, so there is nothing yet to ask "Did you use it?" about): "the one weekly task that takes the most time and gives the least satisfaction", then add it to the roster.',
  );
});
