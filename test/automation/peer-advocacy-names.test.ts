// The peer advocacy moment is one meeting: the digest and the day-14 email that go the same
// morning name the same people to invite (issue: the digest named the adopters, the email the
// member whose day 14 it was). Worked out by hand from §8, §10 (cause 5) and §11, on the BUILT
// bundle through the daily run.
import { type RosterSpec, type RunSpec } from '../support/sheets';
import { runsOf } from '../core/fixtures';
import { OWNER, team } from './support';

const members: RosterSpec[] = [
  // Genuine adopters in the week Mon 2 to Sun 8 March (a run every day).
  { name: 'Ana', training: '2026-01-05', anchor: 'Proposal' },
  { name: 'Ben', training: '2026-01-05', anchor: 'Proposal' },
  // Day 14 on Monday 9 March, the digest's day: Hugo a Developing user, Dev a Non-adopter.
  { name: 'Hugo', training: '2026-02-23', anchor: 'Proposal' },
  { name: 'Dev', training: '2026-02-23', anchor: 'Proposal' },
  // Non-adopters: 2 adopters of 7 in scope, so cause 5 (no peer advocacy) is open.
  { name: 'Cy', training: '2026-01-05', anchor: 'Proposal' },
  { name: 'Di', training: '2026-01-05', anchor: 'Proposal' },
  { name: 'Eve', training: '2026-01-05', anchor: 'Proposal' },
];
const runs: RunSpec[] = [
  ...runsOf('Ana', 40, '2026-03-08'),
  ...runsOf('Ben', 40, '2026-03-08'),
  ...runsOf('Hugo', 2, '2026-03-08'),
];
const INVITE =
  'Peer advocacy moment at the next team meeting (the week Mon 2 Mar 2026 to Sun 8 Mar 2026): invite the Genuine adopters Ana and Ben, and Hugo (a Developing user whose moment it is) to share one specific result, two minutes each.';

test('the digest and the day-14 email of Monday 9 March invite the same people, in the same words', () => {
  const { gas, bundle } = team({ members, runs });
  bundle.$runDueTriggers('2026-03-09T12:00:00Z');
  const monday = gas.mail.sent.filter((m) => m.at.toISOString().startsWith('2026-03-09'));
  const digest = monday.find((m) => m.subject.startsWith('Uptake weekly digest'))!;
  const dayFourteen = monday.find((m) => m.subject === 'Uptake: Peer advocacy moment for Dev and Hugo')!;
  expect(dayFourteen.recipients).toEqual([OWNER]);
  const invitation = (body: string) => body.split('\n').filter((line) => line.startsWith('Peer advocacy moment at'));
  expect(invitation(digest.body)).toEqual([INVITE]);
  expect(invitation(dayFourteen.body)).toEqual([INVITE]);
  // Cause 5's evidence in the digest names the same adopters.
  expect(digest.body).toContain('No peer advocacy (cause 5)');
  expect(digest.body).toContain('2 genuine adopters (Ana, Ben) out of 7 members in scope');
});
