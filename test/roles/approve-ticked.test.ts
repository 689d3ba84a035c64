// Rules §19: the owner's "Roster to approve" card lists each (member, follow-up owner) pairing
// with what the owner needs to judge it (the address approved before; a member's own address),
// offers nothing for a row whose email or name is on another row, and approves exactly the
// ticked pairings the server still offers. Tried as an attacker would, by calling the entry point
// directly as the owner with crafted arguments and as a member. Through the built bundle.
import { ROSTER_HEADERS } from '../../src/core/sheets/roster';
import { approveListedRosterEmails, MEMBER, OWNER, roleTeam, runAs, world, type Fake } from './support';

const FOLLOW_UP_COLUMN = ROSTER_HEADERS.indexOf('Follow-up owner') + 1;
const EMAIL_COLUMN = ROSTER_HEADERS.indexOf('Email') + 1;
const ROW = { Ana: 2, Ben: 3, Cleo: 4 };
const SAM = 'sam@example.com';
const TOM = 'tom@example.com';

const setCell = (fake: Fake, row: number, column: number, value: string) =>
  fake.gas
    .sheet('Roster')
    .getRange(row, column)
    .setValues([[value]]);
const setFollowUpOwner = (fake: Fake, member: keyof typeof ROW, address: string) =>
  setCell(fake, ROW[member], FOLLOW_UP_COLUMN, address);
const dashboard = (fake: Fake) => runAs(fake, OWNER, 'getDashboard', [null]);
const offered = (fake: Fake) => dashboard(fake).followUpsToApprove;
const approvals = (fake: Fake) => fake.bundle.getSettings().followUpApprovals;
/** The owner's click with these pairings ticked (each as the card sends it). */
const approveTicked = (fake: Fake, user: string, ticked: { member: string; address: string }[]) =>
  runAs(fake, user, 'approveRoster', [
    { followUpOwners: ticked.map(({ member, address }) => ({ address, members: [member] })), rosterEmails: [] },
  ]);
const NOTHING = /^There was nothing left to approve/;

describe('a changed follow-up owner', () => {
  /** Sam approved for Ana and Ben; then Ana's changes to Tom. */
  function changed(): Fake {
    const fake = roleTeam();
    setFollowUpOwner(fake, 'Ana', SAM);
    setFollowUpOwner(fake, 'Ben', SAM);
    approveTicked(fake, OWNER, [
      { member: 'Ana', address: SAM },
      { member: 'Ben', address: SAM },
    ]);
    setFollowUpOwner(fake, 'Ana', TOM);
    return fake;
  }

  test('is listed with the address approved before, also after the owner approved another pairing', () => {
    const fake = changed();
    expect(offered(fake)).toEqual([{ member: 'Ana', address: TOM, was: SAM }]);
    setFollowUpOwner(fake, 'Cleo', SAM);
    expect(approveTicked(fake, OWNER, [{ member: 'Cleo', address: SAM }])).toMatch(
      /^Approved sam@example\.com \(follow-ups of Cleo\)/,
    );
    expect(offered(fake)).toEqual([{ member: 'Ana', address: TOM, was: SAM }]);
    // Sam, approved before, gets none of Ana's follow-ups meanwhile: the roster names Tom.
    runAs(fake, OWNER, 'setAutomation', [true]);
    fake.bundle.$runDays(10);
    const toSamAboutAna = fake.gas.mail.sent.filter((mail) => mail.to.includes(SAM) && /Ana/.test(mail.subject));
    expect(toSamAboutAna).toEqual([]);
    expect(JSON.stringify(fake.gas.mail.sent)).not.toContain(TOM);
  });

  test('approving it replaces the earlier pairing; emptied, the owner’s next dashboard drops it (typed back, it waits again)', () => {
    const fake = changed();
    approveTicked(fake, OWNER, [{ member: 'Ana', address: TOM }]);
    expect(approvals(fake)).toEqual([
      { member: 'Ben', address: SAM },
      { member: 'Ana', address: TOM },
    ]);
    setFollowUpOwner(fake, 'Ana', '');
    dashboard(fake);
    expect(approvals(fake)).toEqual([{ member: 'Ben', address: SAM }]);
    setFollowUpOwner(fake, 'Ana', TOM);
    expect(offered(fake)).toEqual([{ member: 'Ana', address: TOM }]);
  });

  test('changed back to the address approved before, after the owner approved another pairing: it waits again', () => {
    const fake = changed();
    setFollowUpOwner(fake, 'Cleo', SAM);
    approveTicked(fake, OWNER, [{ member: 'Cleo', address: SAM }]);
    // The earlier address is kept to show ("was"), never as an approval.
    expect(approvals(fake)).toEqual([
      { member: 'Ben', address: SAM },
      { member: 'Cleo', address: SAM },
    ]);
    setFollowUpOwner(fake, 'Ana', ' Sam@Example.com ');
    expect(offered(fake)).toEqual([{ member: 'Ana', address: 'Sam@Example.com' }]);
  });

  test('emptied, seen by the owner’s dashboard, typed back by an editor: listed again, not approved', () => {
    const fake = roleTeam();
    setFollowUpOwner(fake, 'Ana', SAM);
    approveTicked(fake, OWNER, [{ member: 'Ana', address: SAM }]);
    setFollowUpOwner(fake, 'Ana', '');
    expect(offered(fake)).toEqual([]);
    setFollowUpOwner(fake, 'Ana', SAM);
    expect(offered(fake)).toEqual([{ member: 'Ana', address: SAM }]);
    // Loading the dashboard again writes nothing when nothing changed.
    const before = world(fake);
    dashboard(fake);
    expect(world(fake)).toBe(before);
  });
});

test('an address that is a roster member’s own email is flagged with whose it is', () => {
  const fake = roleTeam();
  setFollowUpOwner(fake, 'Ana', MEMBER);
  setFollowUpOwner(fake, 'Ben', 'BEN@example.com ');
  setFollowUpOwner(fake, 'Cleo', SAM);
  expect(offered(fake)).toEqual([
    { member: 'Ana', address: MEMBER, addressOf: 'Ben' },
    { member: 'Ben', address: 'BEN@example.com', addressOf: 'Ben' },
    { member: 'Cleo', address: SAM },
  ]);
});

test('an address that is the email of a skipped Roster row (a name on an earlier row) is flagged with the row', () => {
  const fake = roleTeam();
  setCell(fake, 5, 1, 'ana');
  setCell(fake, 5, EMAIL_COLUMN, 'ana.two@example.com');
  setFollowUpOwner(fake, 'Cleo', 'Ana.Two@example.com');
  expect(offered(fake).filter((entry) => entry.member === 'Cleo')).toEqual([
    { member: 'Cleo', address: 'Ana.Two@example.com', addressOfSkippedRow: 5 },
  ]);
  const line = runAs(fake, OWNER, 'getSetupCheck').find((l) => l.id === 'follow-up-owner-not-approved')?.detail;
  expect(line).toContain('It is the email of Roster row 5, skipped: check before approving.');
  expect(line).toContain('clicks Approve');
});

describe('rows the card offers no approval for', () => {
  /** Ben types Ana's email on his row (so neither row has it) and names Sam his follow-up owner. */
  function sharedEmail(): Fake {
    const fake = roleTeam();
    setCell(fake, ROW.Ben, EMAIL_COLUMN, 'ana@example.com');
    setFollowUpOwner(fake, 'Ben', SAM);
    setFollowUpOwner(fake, 'Ana', SAM);
    return fake;
  }

  test('a row whose email is also on another row: listed with the reason; no call approves it', () => {
    const fake = sharedEmail();
    expect(offered(fake)).toEqual([
      {
        member: 'Ana',
        address: SAM,
        withheld: expect.stringMatching(/^not offered: its email ana@example\.com is also on row 3 \(Ben\)/),
        withheldTeamText: ['ana@example.com', 'Ben'],
      },
      {
        member: 'Ben',
        address: SAM,
        withheld: expect.stringMatching(/^not offered: its email ana@example\.com is also on row 2 \(Ana\)/),
        withheldTeamText: ['ana@example.com', 'Ana'],
      },
    ]);
    const before = world(fake);
    const crafted = [
      { member: 'Ana', address: SAM },
      { member: 'Ben', address: SAM },
    ];
    expect(approveTicked(fake, OWNER, crafted)).toMatch(NOTHING);
    // Both pairings in one entry, as a crafted call may group them: withheld all the same.
    const grouped = { followUpOwners: [{ address: SAM, members: ['Ana', 'Ben'] }], rosterEmails: [] };
    expect(runAs(fake, OWNER, 'approveRoster', [grouped])).toMatch(NOTHING);
    expect(world(fake)).toBe(before);
    // Check set-up does not send the owner to an Approve the card does not offer.
    const line = runAs(fake, OWNER, 'getSetupCheck').find((l) => l.id === 'follow-up-owner-not-approved')?.detail;
    expect(line).toContain('Approve is not offered for these rows until the Roster is corrected');
    expect(line).not.toContain('clicks Approve');
  });

  test('a name on two rows: its follow-up owner and its email are listed with the reason; no call approves them', () => {
    const fake = roleTeam({}, {}, { rosterApproved: false });
    setFollowUpOwner(fake, 'Cleo', SAM);
    // A second "cleo" row, below: the read keeps row 4 (Cleo), skips row 5, and the card says so.
    fake.gas.user.appendRow('Roster', ['cleo', 'cleo.two@example.com']);
    const drawn = dashboard(fake);
    const reason = 'not offered: "Cleo" is on rows 4 and 5 (Uptake reads row 4 only); give each member one row first';
    expect(drawn.followUpsToApprove).toEqual([
      { member: 'Cleo', address: SAM, withheld: reason, withheldTeamText: ['Cleo'] },
    ]);
    expect(drawn.unapprovedRosterEmails.find((change) => change.name === 'Cleo')).toEqual({
      name: 'Cleo',
      email: 'cleo@example.com',
      was: null,
      withheld: reason,
      withheldTeamText: ['Cleo'],
    });
    const before = world(fake);
    const crafted = {
      followUpOwners: [{ address: SAM, members: ['Cleo'] }],
      rosterEmails: [{ name: 'Cleo', email: 'cleo@example.com' }],
    };
    expect(runAs(fake, OWNER, 'approveRoster', [crafted])).toMatch(NOTHING);
    expect(world(fake)).toBe(before);
    // Check set-up says the same, not only "click Approve".
    const lines = runAs(fake, OWNER, 'getSetupCheck');
    expect(lines.find((l) => l.id === 'follow-up-owner-not-approved')?.detail).toContain(
      `For Cleo, Approve is ${reason}.`,
    );
    expect(lines.find((l) => l.id === 'roster-emails-not-approved')?.detail).toContain(
      `Cleo: cleo@example.com (${reason})`,
    );
    // The other rows are offered as before.
    expect(approveListedRosterEmails(fake)).toBe(
      "Approved the roster's emails of Ana (ana@example.com), Ben (ben@example.com): My week shows these members their figures.",
    );
  });
});

describe('Approve takes exactly the ticked pairings the server still offers', () => {
  function twoWaiting(): Fake {
    const fake = roleTeam();
    setFollowUpOwner(fake, 'Ana', SAM);
    setFollowUpOwner(fake, 'Cleo', TOM);
    return fake;
  }

  test('one ticked of two: that one is approved, the other still waits', () => {
    const fake = twoWaiting();
    expect(approveTicked(fake, OWNER, [{ member: 'Cleo', address: TOM }])).toBe(
      'Approved tom@example.com (follow-ups of Cleo): their follow-up emails go to them from the next daily run.',
    );
    expect(approvals(fake)).toEqual([{ member: 'Cleo', address: TOM }]);
    expect(offered(fake)).toEqual([{ member: 'Ana', address: SAM }]);
  });

  test.each([
    ['a pairing changed since the page was drawn', [{ member: 'Ana', address: TOM }]],
    ['an address for a member it is not named for', [{ member: 'Ben', address: SAM }]],
    ['a name not on the roster', [{ member: 'Zed', address: SAM }]],
    ['the owner’s own address', [{ member: 'Ana', address: OWNER }]],
  ])('crafted by the owner, %s, changes nothing', (_, ticked) => {
    const fake = twoWaiting();
    const before = world(fake);
    expect(approveTicked(fake, OWNER, ticked)).toMatch(NOTHING);
    expect(world(fake)).toBe(before);
  });

  test('called by a member, even for a pairing offered, is refused and changes nothing', () => {
    const fake = twoWaiting();
    const before = world(fake);
    const ticked = [{ followUpOwners: [{ address: SAM, members: ['Ana'] }], rosterEmails: [] }];
    expect(() => runAs(fake, MEMBER, 'approveRoster', ticked)).toThrow(/^Only the owner of Uptake/);
    expect(world(fake)).toBe(before);
  });
});

describe('the owner’s own row on a team approved under an earlier version (owner’s address taken as approved)', () => {
  /** The owner on the roster; the stored approvals those of an earlier version: every row but the owner's. */
  function upgraded(): Fake {
    const fake = roleTeam({}, {}, { rosterApproved: false });
    fake.gas.user.appendRow('Roster', ['Olivia', OWNER]);
    const listed = dashboard(fake).unapprovedRosterEmails.filter((change) => change.email !== OWNER);
    runAs(fake, OWNER, 'approveRoster', [{ followUpOwners: [], rosterEmails: listed }]);
    return fake;
  }

  test('is listed once, marked as the owner’s address with nothing before; approved, it is not asked again', () => {
    const fake = upgraded();
    expect(dashboard(fake).unapprovedRosterEmails).toEqual([
      { name: 'Olivia', email: OWNER, was: null, ownersAddress: true },
    ]);
    expect(approveListedRosterEmails(fake)).toMatch(/^Approved the roster's email of Olivia \(owner@example\.com\)/);
    expect(dashboard(fake).unapprovedRosterEmails).toEqual([]);
    // Later approvals keep it: a new member approved, the owner's row is not listed again.
    fake.gas.user.appendRow('Roster', ['Dana', 'dana@example.com']);
    approveListedRosterEmails(fake);
    expect(dashboard(fake).unapprovedRosterEmails).toEqual([]);
    expect(runAs(fake, OWNER, 'getMyWeek').week?.member).toBe('Olivia');
  });
});
