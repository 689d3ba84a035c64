// This week's three actions (rules §18) in the BUILT bundle's named digest: an overdue milestone
// whose email has not gone yet is an action however old, as the digest's table lists it; once its
// email has gone (the daily run sends it late), it is left to the next one.
import type { RosterSpec, RunSpec } from '../support/sheets';
import { OWNER, team } from './support';

const S = '2026-03-02';
const members: RosterSpec[] = [
  { name: 'Ana', training: '2025-11-03', pack: 'yes' },
  { name: 'Ben', training: '2025-11-03', pack: 'yes', anchor: 'Proposal' },
  { name: 'Cleo', training: '2025-11-10', pack: 'yes' },
];
const ACTION =
  'Sessions not held (replacement programme): book an individual anchor-workflow session for Ana, Ben and Cleo';

test('Sessions not held, due 9 March and not sent by 20 March: in the table and first of the three actions', () => {
  // Automation off: no run sends anything.
  const { gas, bundle } = team({ members, on: false });
  bundle.startProgramme({ start: S });
  gas.clock.set('2026-03-20T10:00:00Z');
  const preview = bundle.previewDigest();
  // The table lists it late (the next run sends it), eleven days after it fell due.
  expect(preview.text).toMatch(
    /Mon 9 Mar 2026 \(overdue, not sent yet\) +the team +Sessions not held \(replacement programme\)/,
  );
  const actions = preview.text.slice(preview.text.indexOf('This week’s three actions')).split('\n- ');
  expect(actions[1]).toMatch(new RegExp(`^${ACTION.replace(/[()]/g, '\\$&')}.* Was due Mon 9 Mar 2026\\.`));
});

test('once its email has gone (late, on 20 March), the milestone older than a week is no action', () => {
  const { gas, bundle } = team({ members });
  bundle.startProgramme({ start: S });
  // No run from 2 to 19 March; the run of 20 March sends it late, then the preview reads the sent sheet.
  gas.clock.set('2026-03-19T12:00:00Z');
  bundle.$runDays(1);
  expect(gas.mail.sent.some((m) => m.subject.startsWith('Uptake replacement programme: Sessions not held'))).toBe(true);
  expect(bundle.previewDigest().text).not.toContain(ACTION);
});

describe('the peer advocacy moment among the three actions names whom to invite (rules §17, §18)', () => {
  // Ana ran daily: the peer. Ben ran twice a week from 5 March: a Developing user in the week
  // ending 15 March (S + 13), so §17 invites him; Cleo never ran.
  const runs: RunSpec[] = [
    ...['2026-02-23', '2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28', '2026-03-01'].map(
      (date) => ({ date, member: 'Ana' }),
    ),
    ...['2026-03-05', '2026-03-09', '2026-03-12'].map((date) => ({ date, member: 'Ben' })),
  ];
  const INVITE =
    'Peer advocacy moment (replacement programme): invite Ben (participants who used AI in the week ending 2026-03-15) to share one specific result at the next team meeting';

  test('in the named digest and the sidebar: the participants per S + 14, who (the owner) and by when', () => {
    const { gas, bundle } = team({ members, runs, on: false });
    bundle.startProgramme({ start: S });
    gas.clock.set('2026-03-18T10:00:00Z');
    const digest = bundle.previewDigest().text;
    const line = digest.split('\n').find((l) => l.includes('Peer advocacy moment (replacement programme): '))!;
    expect(line).toContain(INVITE);
    expect(line).toMatch(/Was due Mon 16 Mar 2026\. Who: owner@example\.com\. By Wed 18 Mar 2026\.$/);
    const sidebar = bundle.getDashboard({ asOf: '2026-03-18' });
    const action = sidebar.actions!.find((a) => a.text.startsWith('Peer advocacy moment'))!;
    expect(action.text).toContain(INVITE);
    expect([action.members, action.who, action.by]).toEqual([['Ben'], [OWNER], '2026-03-18']);
  });
});

test('the sidebar, which does not read the sent sheet, counts the milestones due after the last daily run', () => {
  const { gas, bundle } = team({ members });
  bundle.startProgramme({ start: S });
  // The last run is on 5 March; Sessions not held falls due on the 9th and no run has sent it.
  bundle.$runDueTriggers('2026-03-05T12:00:00Z');
  gas.clock.set('2026-03-20T10:00:00Z');
  const first = bundle.getDashboard({ asOf: '2026-03-20' }).actions![0];
  expect([first.text.slice(0, ACTION.length), first.due, first.by]).toEqual([ACTION, '2026-03-09', '2026-03-20']);
  // Once a run has gone (and sent it late), eleven days on it is left to the next one.
  bundle.$runDays(1);
  const after = bundle.getDashboard({ asOf: '2026-03-21' }).actions!;
  expect(after.some((a) => a.text.startsWith('Sessions not held'))).toBe(false);
});
