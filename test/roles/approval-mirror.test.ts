// Rules §19: a daily run without document properties knows the approved follow-up owners only
// from the owner's mirror in their user properties. Every write of the approvals updates that
// mirror in the same call: the dashboard's Approve, the dashboard dropping an approval whose
// pairing the Roster no longer names, the daily run in the document doing the same. A run that
// reads the mirror alone then sends a member's follow-up to the address approved now, never to one
// dropped and typed back. Through the built bundle, in the in-memory Apps Script.
import { ROSTER_HEADERS } from '../../src/core/sheets/roster';
import { BOSS, LEAD, OWNER, ROSTER, runWithoutDocument, team } from '../automation/support';

const FOLLOW_UP_COLUMN = ROSTER_HEADERS.indexOf('Follow-up owner') + 1;
const ZOE_ROW = 3;
const ZOE = 'Zoë Dupré';

type Team = ReturnType<typeof team>;

/** Chloé and Zoë, trained on 12 March, Zoë's follow-up owner Boss; automation on, nothing approved yet. */
function zoeWithBoss(): Team {
  return team({
    members: [
      { name: 'Chloé Martin', email: 'chloe@example.com', training: '2026-03-12' },
      { name: ZOE, email: 'zoe@example.com', training: '2026-03-12', owner: BOSS },
    ],
    runs: [],
    approveFollowUps: false,
  });
}

const setZoeFollowUpOwner = ({ gas }: Team, value: string) =>
  gas
    .sheet(ROSTER)
    .getRange(ZOE_ROW, FOLLOW_UP_COLUMN)
    .setValues([[value]]);

/** The owner ticks Zoë's pairing with `address` on the card and clicks Approve. */
function approveForZoe({ bundle }: Team, address: string): string {
  return bundle.$run('approveRoster', [{ followUpOwners: [{ address, members: [ZOE] }], rosterEmails: [] }], {
    user: OWNER,
  });
}

/** The owner opens the dashboard (which drops approvals the Roster no longer names). */
const ownerOpensDashboard = ({ bundle }: Team) => bundle.$run('getDashboard', [null], { user: OWNER });

/** Every day from the 13th to the 24th of March, the owner's trigger without document properties. */
function runDaysWithoutDocument({ gas, bundle }: Team): void {
  for (let day = 13; day <= 24; day++) runWithoutDocument(gas, bundle, `2026-03-${day}T08:30:00Z`);
}

/** Who got Zoë's day-seven follow-up. */
const zoeDaySevenTo = ({ gas }: Team) =>
  gas.mail.sent.filter((mail) => /Day-seven.*Zoë/.test(mail.subject)).map((mail) => mail.recipients);

test('approved after automation was on: the run outside the document sends Zoë’s follow-up to Boss', () => {
  const zoe = zoeWithBoss();
  expect(approveForZoe(zoe, BOSS)).toMatch(/^Approved boss@example\.com \(follow-ups of Zoë Dupré\)/);
  runDaysWithoutDocument(zoe);
  expect(zoeDaySevenTo(zoe)).toEqual([[BOSS]]);
});

test('changed to Lead and approved again: the run outside the document sends it to Lead, not Boss', () => {
  const zoe = zoeWithBoss();
  approveForZoe(zoe, BOSS);
  setZoeFollowUpOwner(zoe, LEAD);
  expect(approveForZoe(zoe, LEAD)).toMatch(/^Approved lead@example\.com/);
  runDaysWithoutDocument(zoe);
  expect(zoeDaySevenTo(zoe)).toEqual([[LEAD]]);
});

test.each([
  ['the owner’s dashboard', ownerOpensDashboard],
  ['the daily run in the document', ({ bundle }: Team) => bundle.$runDueTriggers('2026-03-13T12:00:00Z')],
])(
  'Boss’s approval dropped by %s, then Boss typed back: the run outside the document sends Boss nothing',
  (_by, dropsIt) => {
    const zoe = zoeWithBoss();
    approveForZoe(zoe, BOSS);
    setZoeFollowUpOwner(zoe, '');
    dropsIt(zoe);
    expect(zoe.bundle.getSettings().followUpApprovals).toEqual([]);
    // An editor types the old address back: it waits for the owner again, in the mirror too.
    setZoeFollowUpOwner(zoe, BOSS);
    runDaysWithoutDocument(zoe);
    expect(zoeDaySevenTo(zoe)).toEqual([[OWNER]]);
  },
);
