// Rules §19: My week knows an account by the (name, email) pairing the owner approved, and the log
// is by name. When the approved name comes onto a second Roster row (two people, one name), the
// runs logged under it may be the other person's: the approval is held back by the card's own
// rule (heldBackRows, as for the follow-up owners: test/roles/approval-ambiguous.test.ts). My week
// shows that account no figures and says why, without the other row's name or email; the card
// lists the pairing again, withheld; Check set-up says so; the approval, kept stored, applies
// again once the Roster is corrected. Through the built bundle, in the in-memory Apps Script.
import { ROSTER_HEADERS } from '../../src/core/sheets/roster';
import { ROSTER_APPROVALS_KEY } from '../../src/core/roles/roster-approval';
import { rosterRows, type RosterSpec } from '../support/sheets';
import { OWNER, ROSTER, team } from '../automation/support';
import { approveListedRosterEmails } from './support';

type Team = ReturnType<typeof team>;

const CHLOE = 'Chloé Martin';
const CHLOE_EMAIL = 'chloe@example.com';
/** The other person called Chloé Martin, on the row an editor adds. */
const OTHER_EMAIL = 'c.martin@example.com';
const MEMBERS: RosterSpec[] = [
  { name: CHLOE, email: CHLOE_EMAIL, training: '2026-02-16' },
  { name: 'Zoë Dupré', email: 'zoe@example.com', training: '2026-02-16' },
];
/** The row an editor adds below Zoë's. */
const ADDED_ROW = 4;
const RUNS = [
  { date: '2026-02-23', member: CHLOE },
  { date: '2026-02-24', member: CHLOE },
  { date: '2026-02-26', member: 'Zoë Dupré' },
];

/** Chloé's and Zoë's (name, email) pairings approved by the owner on the card; automation off. */
function approvedTeam(): Team {
  const made = team({ members: MEMBERS, runs: RUNS, on: false });
  expect(approveListedRosterEmails(made)).toMatch(/^Approved/);
  return made;
}

/** Writes `spec` as Roster row ADDED_ROW, as an editor would; null clears the row. */
function setAddedRow({ gas }: Team, spec: RosterSpec | null): void {
  const cells = spec ? rosterRows([spec])[1] : ROSTER_HEADERS.map(() => '');
  gas.sheet(ROSTER).getRange(ADDED_ROW, 1, 1, cells.length).setValues([cells]);
}

const myWeekOf = ({ bundle }: Team) => bundle.$run('getMyWeek', [], { user: CHLOE_EMAIL });
const card = ({ bundle }: Team) => bundle.$run('getDashboard', [null], { user: OWNER }).unapprovedRosterEmails;
const checkLine = ({ bundle }: Team) =>
  bundle.$run('getSetupCheck', [], { user: OWNER }).find((line) => line.id === 'roster-emails-not-approved');
const storedApprovals = ({ gas }: Team) =>
  gas.properties.forDocument(gas.spreadsheet.getId()).getProperty(ROSTER_APPROVALS_KEY);

test('before the second row: Chloé’s My week shows her runs', () => {
  const chloe = approvedTeam();
  expect(myWeekOf(chloe)).toMatchObject({ week: { member: CHLOE, thisWeek: { runs: 2 } }, message: null });
  expect(card(chloe)).toEqual([]);
});

test('a second "Chloé Martin" row: no figures for chloe@, a plain message, the card and Check set-up say it is held back', () => {
  const chloe = approvedTeam();
  const stored = storedApprovals(chloe);
  setAddedRow(chloe, { name: CHLOE, email: OTHER_EMAIL, training: '2026-02-16' });

  const view = myWeekOf(chloe);
  expect(view.week).toBeNull();
  expect(view.message).toMatch(/^Your name \(Chloé Martin\) is on more than one Roster row/);
  expect(view.message).toMatch(
    /Ask the owner of Uptake for this spreadsheet \(owner@example\.com\) to correct the Roster/,
  );
  // Neither the other row's email nor any other member's name; and no figure of the name's runs.
  expect(JSON.stringify(view)).not.toMatch(/c\.martin|Zoë|row \d/);
  expect(view.message).not.toMatch(/\d+ runs?/);

  // The card lists the pairing again, withheld, with the wording of the follow-up case.
  expect(card(chloe)).toEqual([
    {
      name: CHLOE,
      email: CHLOE_EMAIL,
      was: null,
      heldBack: true,
      withheld: expect.stringMatching(
        /^not offered: "Chloé Martin" is on rows 2 and 4 .*; the approval you gave before does not apply until then$/,
      ),
      withheldTeamText: [CHLOE],
    },
  ]);
  // The held-back pairing alone: no "waits for your approval", no "click Approve" (Approve is not offered).
  expect(checkLine(chloe)?.detail).toBe(
    'You approved the name and email of Chloé Martin before another Roster row took the same name: that ' +
      'approval is held back while the rows are ambiguous (My week shows that account no figures), and applies ' +
      'again once the Roster is corrected: give each member one row.',
  );
  // Held back, not dropped: the owner's approval is still stored, also after the owner's load.
  expect(storedApprovals(chloe)).toBe(stored);
});

test('the Roster corrected: the approval applies again and Chloé sees her figures', () => {
  const chloe = approvedTeam();
  setAddedRow(chloe, { name: CHLOE, email: OTHER_EMAIL, training: '2026-02-16' });
  expect(myWeekOf(chloe).week).toBeNull();
  card(chloe); // the owner opens the dashboard meanwhile
  setAddedRow(chloe, { name: 'Chloé Moreau', email: OTHER_EMAIL, training: '2026-02-16' });
  expect(myWeekOf(chloe)).toMatchObject({ week: { member: CHLOE, thisWeek: { runs: 2 } }, message: null });
  expect(card(chloe).map((change) => change.name)).toEqual(['Chloé Moreau']);
  expect(checkLine(chloe)?.detail).not.toMatch(/held back/);
});
