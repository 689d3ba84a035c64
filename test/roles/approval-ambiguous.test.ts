// Rules §19: the owner's card offers no approval for a Roster row whose email or name is on another
// row (which row is the member is the owner's to settle first). An approval given before such a
// row appeared is held back by the same rule: the member's follow-ups go to the owner, the card
// lists the pairing again, withheld, and Check set-up says why; once the Roster is corrected the
// approval applies again. (The row that keeps an email on two rows, its name and email approved
// by the owner, keeps its follow-up owner: test/roles/shared-email-attack.test.ts.) Through the
// built bundle, in the in-memory Apps Script.
import { ROSTER_HEADERS } from '../../src/core/sheets/roster';
import { rosterRows, type RosterSpec } from '../support/sheets';
import { BOSS, OWNER, ROSTER, team } from '../automation/support';

type Team = ReturnType<typeof team>;

const ZOE = 'Zoë Dupré';
const MEMBERS: RosterSpec[] = [
  { name: 'Chloé Martin', email: 'chloe@example.com', training: '2026-03-12' },
  { name: ZOE, email: 'zoe@example.com', training: '2026-03-12', owner: BOSS },
];
/** The row an editor adds below Zoë's. */
const ADDED_ROW = 4;

/** Zoë's follow-up owner Boss, approved by the owner on the card; automation on. */
function approvedTeam(): Team {
  const made = team({ members: MEMBERS, runs: [], approveFollowUps: false });
  const said = made.bundle.$run(
    'approveRoster',
    [{ followUpOwners: [{ address: BOSS, members: [ZOE] }], rosterEmails: [] }],
    { user: OWNER },
  );
  expect(said).toMatch(/^Approved boss@example\.com \(follow-ups of Zoë Dupré\)/);
  return made;
}

/** Writes `spec` as Roster row ADDED_ROW, as an editor would; null clears the row. */
function setAddedRow({ gas }: Team, spec: RosterSpec | null): void {
  const cells = spec ? rosterRows([spec])[1] : ROSTER_HEADERS.map(() => '');
  gas.sheet(ROSTER).getRange(ADDED_ROW, 1, 1, cells.length).setValues([cells]);
}

const card = ({ bundle }: Team) => bundle.$run('getDashboard', [null], { user: OWNER }).followUpsToApprove;
const checkLine = ({ bundle }: Team) =>
  bundle.$run('getSetupCheck', [], { user: OWNER }).find((line) => line.id === 'follow-up-owner-not-approved');
const zoeDaySevenTo = ({ gas }: Team) =>
  gas.mail.sent.filter((mail) => /Day-seven.*Zoë/.test(mail.subject)).map((mail) => mail.recipients);

test.each([
  [
    'Zoë’s name',
    { name: ZOE, email: 'zed@example.com' },
    /^not offered: "Zoë Dupré" is on rows 3 and 4/,
    [ZOE],
    'not offered: "Zoë Dupré" is on rows 3 and 4 (Uptake reads row 3 only); give each member one row first',
  ],
  [
    'Zoë’s email',
    { name: 'Zed Other', email: 'zoe@example.com' },
    /^not offered: its email zoe@example\.com is also on row 4 \(Zed Other\)/,
    ['zoe@example.com', 'Zed Other'],
    "not offered: its email zoe@example.com is also on row 4 (Zed Other); correct the Roster's Email cells first",
  ],
])(
  'a row added with %s after the approval: Boss gets nothing until the Roster is corrected',
  (_what, added, why, quoted, line) => {
    const zoe = approvedTeam();
    setAddedRow(zoe, added);
    // The card lists the pairing again, withheld, saying that the earlier approval waits.
    const listed = card(zoe);
    expect(listed).toEqual([
      { member: ZOE, address: BOSS, withheld: expect.stringMatching(why), withheldTeamText: quoted },
    ]);
    expect(listed[0].withheld).toMatch(/; the approval you gave before does not apply until then$/);
    // Said once: the card's "the approval you gave before does not apply until then" is not repeated.
    expect(checkLine(zoe)?.detail).toBe(
      'The roster names boss@example.com as follow-up owner of Zoë Dupré, whose approval is held back: those ' +
        'follow-ups go to the owner instead. The owner approved it for Zoë Dupré before another Roster row took ' +
        'the same email or name: that approval does not apply while the rows are ambiguous, and applies again ' +
        'once the Roster is corrected. Approve is not offered for this row until the Roster is corrected (as said ' +
        `below); otherwise correct the Roster's Follow-up owner cell. For Zoë Dupré, Approve is ${line}.`,
    );
    // Held back, not dropped: the owner's approval is still stored.
    expect(zoe.bundle.getSettings().followUpApprovals).toEqual([{ member: ZOE, address: BOSS }]);
    zoe.bundle.$runDueTriggers('2026-03-25T12:00:00Z');
    expect(zoeDaySevenTo(zoe)).toEqual([[OWNER]]);
  },
);

test('the added row removed again: the approval applies, and Boss gets Zoë’s follow-up', () => {
  const zoe = approvedTeam();
  setAddedRow(zoe, { name: ZOE, email: 'zed@example.com' });
  zoe.bundle.$runDueTriggers('2026-03-13T12:00:00Z');
  setAddedRow(zoe, null);
  expect(card(zoe)).toEqual([]);
  expect(checkLine(zoe)).toBeUndefined();
  zoe.bundle.$runDueTriggers('2026-03-25T12:00:00Z');
  expect(zoeDaySevenTo(zoe)).toEqual([[BOSS]]);
});
