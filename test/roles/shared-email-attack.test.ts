// Rules §19: a member types a colleague's email on their own roster row, to knock the colleague
// out of My week, to read the colleague's figures, or to have the owner's Approve hand them the
// email. The owner's approved (name, email) pairing keeps the email; the other row waits, the
// owner's dashboard and Check set-up name both rows, and Approve gives the email to no row while
// it is on two. Through the built bundle, as the owner, the colleague and the member.
import { approveListedRosterEmails, MEMBER, OWNER, roleTeam, runAs, world, type Fake } from './support';
import { logRows } from '../support/sheets';
import { TODAY } from '../support/fake-bundle';
import { approveOfferedFollowUps } from '../support/approve';
import { runWithoutDocument } from '../automation/support';

const ANA = 'ana@example.com';
const CLEO = 'cleo@example.com';
const EMAIL_COLUMN = 2;
const TRAINING_COLUMN = 4;
const ROW = { Ana: 2, Ben: 3, Cleo: 4 };

const typeEmail = (fake: Fake, row: number, email: string) =>
  fake.gas
    .sheet('Roster')
    .getRange(row, EMAIL_COLUMN)
    .setValues([[email]]);
const myWeek = (fake: Fake, user: string) => runAs(fake, user, 'getMyWeek');
const dashboard = (fake: Fake) => runAs(fake, OWNER, 'getDashboard', [null]);
const sharedLine = (fake: Fake) => runAs(fake, OWNER, 'getSetupCheck').find((l) => l.id === 'roster-email-shared');

/** The sample team, the roster approved, and a run Ana logged under her email (as a form does). */
function team(rosterApproved = true): Fake {
  const fake = roleTeam({}, {}, { rosterApproved });
  fake.gas.user.appendRow('Log', logRows([{ date: TODAY, member: ANA, workflow: 'Client proposal' }])[1]);
  return fake;
}

describe('Ben types Ana’s email on his own row after the owner approved Ana’s', () => {
  const fake = team();
  const anaBefore = myWeek(fake, ANA);
  const benBefore = myWeek(fake, MEMBER);
  // In capitals: the same address to Google, and to Uptake.
  typeEmail(fake, ROW.Ben, 'ANA@Example.com');

  test('Ana keeps her My week, runs under her email included; Ben’s shows no figures and no other name', () => {
    expect(anaBefore.week?.thisWeek).toBeDefined();
    expect(myWeek(fake, ANA)).toEqual(anaBefore);
    const ben = myWeek(fake, MEMBER);
    expect(ben.week).toBeNull();
    expect(ben.message).toMatch(/Ask the owner/);
    expect(JSON.stringify(ben)).not.toMatch(/Ana|Cleo|ana@/);
    expect(runAs(fake, ANA, 'getLogForm').member).toBe('Ana');
    expect(runAs(fake, MEMBER, 'getLogForm').member).toBe('');
  });

  test('the owner’s dashboard and Check set-up name both rows, and which one keeps the email', () => {
    const drawn = dashboard(fake);
    expect(drawn.rosterEmailCollisions).toEqual([
      {
        email: ANA,
        rows: [
          { row: ROW.Ana, name: 'Ana', email: ANA },
          { row: ROW.Ben, name: 'Ben', email: 'ANA@Example.com' },
        ],
        kept: { row: ROW.Ana, name: 'Ana', email: ANA },
      },
    ]);
    expect(drawn.unapprovedRosterEmails).toEqual([]);
    expect(sharedLine(fake)?.detail).toBe(
      'ana@example.com is on 2 Roster rows: row 2 (Ana) and row 3 (Ben). You approved it for row 2 (Ana): Ana ' +
        'keeps My week, and the dashboard, the daily emails and the usage exports count the log and usage rows ' +
        'under it as Ana’s. Row 3 (Ben) waits, with no figures in My week and nothing counted under the email. ' +
        "A daily run that cannot read this spreadsheet's own properties (Google does not promise a trigger can) " +
        'works from your copy of the settings, which keeps no roster approvals, and counts the log rows under the ' +
        'email as no one’s; in such a run the follow-ups of row 2 (Ana) go to you, also when you approved a ' +
        'follow-up owner for it. ' +
        'Approve cannot give an email to a row while it is on two rows: correct the Email cell of the wrong row, ' +
        'and check who changed it (every editor can edit the Roster).',
    );
  });

  test('Approve, as listed or crafted, gives Ben’s row no email and takes none from Ana', () => {
    const before = world(fake);
    expect(approveListedRosterEmails(fake)).toMatch(/^There was nothing left to approve/);
    const crafted = { followUpOwners: [], rosterEmails: [{ name: 'Ben', email: ANA }] };
    expect(runAs(fake, OWNER, 'approveRoster', [crafted])).toMatch(/^There was nothing left to approve/);
    expect(world(fake)).toBe(before);
    expect(myWeek(fake, ANA)).toEqual(anaBefore);
    expect(myWeek(fake, MEMBER).week).toBeNull();
  });

  test('once Ben’s row is corrected, everyone’s My week is back and the dashboard lists nothing', () => {
    typeEmail(fake, ROW.Ben, MEMBER);
    expect(myWeek(fake, ANA)).toEqual(anaBefore);
    expect(myWeek(fake, MEMBER)).toEqual(benBefore);
    expect(dashboard(fake).rosterEmailCollisions).toEqual([]);
    expect(sharedLine(fake)).toBeUndefined();
  });
});

test('with neither row approved, neither keeps the email, and Approve gives it to neither', () => {
  const fake = team(false);
  typeEmail(fake, ROW.Ben, ANA);
  expect(myWeek(fake, ANA).message).toMatch(/^Your Google account \(ana@example\.com\) is on more than one row/);
  expect(dashboard(fake).rosterEmailCollisions[0].kept).toBeNull();
  expect(sharedLine(fake)?.detail).toMatch(
    /You approved it for none of them, so My week shows figures to none of them/,
  );
  const crafted = {
    followUpOwners: [],
    rosterEmails: [
      { name: 'Ana', email: ANA },
      { name: 'Ben', email: ANA },
    ],
  };
  expect(runAs(fake, OWNER, 'approveRoster', [crafted])).not.toMatch(/ana@example\.com/);
  expect(myWeek(fake, ANA).week).toBeNull();
  expect(myWeek(fake, MEMBER).week).toBeNull();
});

/**
 * Ana, trained on 12 March (her day-seven follow-up due in the days run, not late), her follow-up
 * owner Cleo approved, automation on; then Ben puts Ana's email on his row, and himself as his
 * row's follow-up owner. Returns the team and who got which mail about whom.
 */
function anaEmailOnBensRow() {
  const fake = team();
  fake.gas
    .sheet('Roster')
    .getRange(ROW.Ana, TRAINING_COLUMN)
    .setValues([['2026-03-12']]);
  fake.gas
    .sheet('Roster')
    .getRange(ROW.Ana, 9)
    .setValues([[CLEO]]);
  approveOfferedFollowUps(fake.bundle, OWNER);
  runAs(fake, OWNER, 'setAutomation', [true]);
  // Ben puts Ana's email on his row, and himself as his own row's follow-up owner.
  typeEmail(fake, ROW.Ben, ANA);
  fake.gas
    .sheet('Roster')
    .getRange(ROW.Ben, 9)
    .setValues([[MEMBER]]);
  const about = (to: string, name: RegExp) =>
    fake.gas.mail.sent.filter((mail) => mail.to.toLowerCase().includes(to) && name.test(mail.subject));
  return { fake, about };
}

test('an email on two rows redirects no one’s follow-ups: they go where the owner approved', () => {
  const { fake, about } = anaEmailOnBensRow();
  fake.bundle.$runDays(6);
  expect(about(CLEO, /Ana/).length).toBeGreaterThan(0);
  expect(about(CLEO, /Day-seven follow-up for Ana/)).toHaveLength(1);
  expect(about(OWNER, /Day-seven follow-up for Ana/)).toEqual([]);
  expect(about(MEMBER, /Ana/)).toEqual([]);
  expect(about(ANA, /./)).toEqual([]);
});

test('a daily run outside the document (the owner’s copy, no roster approvals) sends Ana’s follow-ups to the owner, as Check set-up says', () => {
  const { fake, about } = anaEmailOnBensRow();
  const start = fake.gas.clock.now();
  for (let day = 1; day <= 6; day++)
    runWithoutDocument(fake.gas, fake.bundle, new Date(start + day * 86400000).toISOString());
  expect(about(OWNER, /Day-seven follow-up for Ana/)).toHaveLength(1);
  expect(about(CLEO, /Ana/)).toEqual([]);
  expect(about(MEMBER, /Ana/)).toEqual([]);
  expect(about(ANA, /./)).toEqual([]);
  expect(sharedLine(fake)?.detail).toContain('in such a run the follow-ups of row 2 (Ana) go to you');
});

test('Ben moves Ana’s approved email onto his row: the owner is shown it is Ana’s before any Approve', () => {
  const fake = team();
  typeEmail(fake, ROW.Ben, ANA);
  typeEmail(fake, ROW.Ana, '');
  expect(dashboard(fake).unapprovedRosterEmails).toEqual([
    { name: 'Ben', email: ANA, was: MEMBER, approvedFor: 'Ana' },
  ]);
  expect(runAs(fake, OWNER, 'getSetupCheck').find((l) => l.id === 'roster-emails-not-approved')?.detail).toContain(
    '(Ben: was ben@example.com, now ana@example.com (you approved it for Ana))',
  );
  // Until the owner approves, Ana's account is shown no one's figures, and no name.
  const ana = myWeek(fake, ANA);
  expect(ana.week).toBeNull();
  expect(JSON.stringify(ana)).not.toMatch(/Ben|Cleo/);
});
