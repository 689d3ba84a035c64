// Rules §19: the owner approves a follow-up owner for the members the dashboard showed it with,
// not an address for whichever members the Roster names later; approvals are the owner's, so a
// change of owner starts them again, and nobody but an owner saved in Settings stores any.
// Through the built bundle, as the owner and as a member.
import { ROSTER_HEADERS } from '../../src/core/sheets/roster';
import { approveListedRosterEmails, MEMBER, OWNER, roleTeam, runAs, world, type Fake } from './support';
import { fakeWithBundle, sampleTeam } from '../support/fake-bundle';
import { logRows, rosterRows } from '../support/sheets';
import { approveFollowUps, offeredFollowUps } from '../support/approve';

const FOLLOW_UP_COLUMN = ROSTER_HEADERS.indexOf('Follow-up owner') + 1;
const ROW = { Ana: 2, Ben: 3, Cleo: 4 };
/** An address outside the roster a member would like to send a colleague's figures to. */
const FRIEND = 'friend@example.com';

const setFollowUpOwner = (fake: Fake, member: keyof typeof ROW, address: string) =>
  fake.gas
    .sheet('Roster')
    .getRange(ROW[member], FOLLOW_UP_COLUMN)
    .setValues([[address]]);

/** The (member, follow-up owner) pairings the owner's card lists. */
const listedFollowUps = (fake: Fake) => runAs(fake, OWNER, 'getDashboard', [null]).followUpsToApprove;

const mailTo = (fake: Fake, address: string, about: RegExp) =>
  fake.gas.mail.sent.filter((mail) => mail.to.toLowerCase().includes(address) && about.test(mail.subject));

/** The owner made Ben (a member) Ana's follow-up owner and approved it; automation is on. */
function benFollowsAna(): Fake {
  const fake = roleTeam();
  setFollowUpOwner(fake, 'Ana', MEMBER);
  approveFollowUps(fake.bundle, offeredFollowUps(listedFollowUps(fake)), OWNER);
  runAs(fake, OWNER, 'setAutomation', [true]);
  return fake;
}

test('a follow-up owner approved for one member who types their address on a colleague’s row gets nothing of the colleague', () => {
  const fake = benFollowsAna();
  // Ben, a member, names himself Cleo's follow-up owner (Cleo's day-seven follow-up is in four days).
  setFollowUpOwner(fake, 'Cleo', MEMBER);
  expect(listedFollowUps(fake)).toEqual([{ member: 'Cleo', address: MEMBER, addressOf: 'Ben' }]);
  expect(runAs(fake, OWNER, 'getSetupCheck').find((l) => l.id === 'follow-up-owner-not-approved')?.detail).toMatch(
    /ben@example\.com as follow-up owner of Cleo/,
  );
  fake.bundle.$runDays(6);
  expect(mailTo(fake, MEMBER, /Cleo/)).toEqual([]);
  expect(mailTo(fake, OWNER, /Cleo/).length).toBeGreaterThan(0);
  // The pairing the owner approved still works: Ana's follow-up went to Ben.
  expect(mailTo(fake, MEMBER, /Ana/).length).toBeGreaterThan(0);
});

test('Approve approves an address only for the members it was listed with', () => {
  const fake = roleTeam();
  setFollowUpOwner(fake, 'Ana', MEMBER);
  const listed = offeredFollowUps(listedFollowUps(fake));
  // Typed after the page was drawn, for another member: that click does not approve it.
  setFollowUpOwner(fake, 'Cleo', MEMBER);
  expect(approveFollowUps(fake.bundle, listed, OWNER)).toMatch(/^Approved ben@example\.com \(follow-ups of Ana\)/);
  expect(listedFollowUps(fake)).toEqual([{ member: 'Cleo', address: MEMBER, addressOf: 'Ben' }]);
  expect(fake.bundle.getSettings().followUpApprovals).toEqual([{ member: 'Ana', address: MEMBER }]);
});

test('follow-up owners an earlier version approved by address alone are listed once more, and approve nobody until then', () => {
  const fake = roleTeam();
  setFollowUpOwner(fake, 'Ana', MEMBER);
  // What an earlier version stored: a flat list of addresses.
  const properties = fake.gas.properties.forDocument(fake.gas.spreadsheet.getId());
  const stored = JSON.parse(properties.getProperty('uptake.settings')!);
  delete stored.followUpApprovals;
  properties.setProperty('uptake.settings', JSON.stringify({ ...stored, approvedFollowUpOwners: [MEMBER] }));
  const listed = listedFollowUps(fake);
  expect(listed).toEqual([{ member: 'Ana', address: MEMBER, addressOf: 'Ben', approvedByAddress: true }]);
  expect(runAs(fake, OWNER, 'getSetupCheck').find((l) => l.id === 'follow-up-owner-not-approved')?.detail).toMatch(
    /An earlier version of Uptake approved ben@example\.com by address alone/,
  );
  runAs(fake, OWNER, 'setAutomation', [true]);
  fake.bundle.$runDays(2);
  expect(mailTo(fake, MEMBER, /Ana/)).toEqual([]);
  expect(mailTo(fake, OWNER, /Ana/).length).toBeGreaterThan(0);
  approveFollowUps(fake.bundle, offeredFollowUps(listed), OWNER);
  expect(fake.bundle.getSettings().approvedFollowUpOwners).toEqual([]);
  expect(listedFollowUps(fake)).toEqual([]);
});

/** The sample team, no Settings saved, Drive-owned by OWNER, with the member's email moved from Ben's row onto Ana's. */
function memberOnAnasRow(user: string): Fake {
  const { runs, roster } = sampleTeam();
  const fake = fakeWithBundle({ user, spreadsheet: { sheets: { Log: logRows(runs), Roster: rosterRows(roster) } } });
  fake.gas.setDriveOwner(OWNER);
  fake.gas
    .sheet('Roster')
    .getRange(ROW.Ana, 2)
    .setValues([[MEMBER]]);
  fake.gas
    .sheet('Roster')
    .getRange(ROW.Ben, 2)
    .setValues([['']]);
  return fake;
}

/** A member who saved Settings first (so the owner), then put her email on Ana's row and approved it. */
function memberClaimedAna(): Fake {
  const fake = memberOnAnasRow(MEMBER);
  fake.bundle.saveSettings({ ownerEmail: MEMBER });
  setFollowUpOwner(fake, 'Ana', FRIEND);
  runAs(fake, MEMBER, 'approveRoster', [{ followUpOwners: [], rosterEmails: [{ name: 'Ana', email: MEMBER }] }]);
  approveFollowUps(fake.bundle, [{ address: FRIEND, members: ['Ana'] }], MEMBER);
  return fake;
}

test('approvals made by an earlier owner do not survive “Take over Uptake”: the new owner approves again', () => {
  const fake = memberClaimedAna();
  expect(fake.bundle.getSettings().followUpApprovals).toEqual([{ member: 'Ana', address: FRIEND }]);
  expect(runAs(fake, MEMBER, 'getMyWeek').week?.member).toBe('Ana');
  fake.gas.ui.queueResponse('YES');
  fake.gas.ui.queueResponse('OK');
  runAs(fake, OWNER, 'reclaimOwnership');
  expect(runAs(fake, OWNER, 'getSettings').ownerEmail).toBe(OWNER);
  const dashboard = runAs(fake, OWNER, 'getDashboard', [null]);
  expect(dashboard.rosterNeverApproved).toBe(true);
  expect(dashboard.unapprovedRosterEmails).toContainEqual({ name: 'Ana', email: MEMBER, was: null });
  expect(dashboard.followUpsToApprove).toEqual([{ member: 'Ana', address: FRIEND }]);
  expect(runAs(fake, OWNER, 'getSetupCheck').find((l) => l.id === 'roster-emails-not-approved')?.detail).toMatch(
    /Approvals start again whenever Uptake's owner changes/,
  );
  expect(runAs(fake, MEMBER, 'getMyWeek').week).toBeNull();
});

test('handing Uptake over in Settings starts the approvals again', () => {
  const fake = benFollowsAna();
  const NEW_OWNER = 'cleo@example.com';
  runAs(fake, OWNER, 'saveSettings', [{ ownerEmail: NEW_OWNER, handOver: true }]);
  const dashboard = runAs(fake, NEW_OWNER, 'getDashboard', [null]);
  expect(dashboard.rosterNeverApproved).toBe(true);
  expect(dashboard.followUpsToApprove).toEqual([{ member: 'Ana', address: MEMBER, addressOf: 'Ben' }]);
  expect(runAs(fake, MEMBER, 'getMyWeek').week).toBeNull();
});

test('before any owner is saved, an approval is refused and stores nothing: nobody becomes the owner by approving', () => {
  const fake = memberOnAnasRow(OWNER);
  setFollowUpOwner(fake, 'Ana', MEMBER);
  const before = world(fake);
  expect(() =>
    runAs(fake, MEMBER, 'approveRoster', [{ followUpOwners: [], rosterEmails: [{ name: 'Ana', email: MEMBER }] }]),
  ).toThrow(/^Uptake has no owner yet, so nothing was approved/);
  expect(() => approveFollowUps(fake.bundle, [{ address: MEMBER, members: ['Ana'] }], MEMBER)).toThrow(
    /^Uptake has no owner yet/,
  );
  expect(world(fake)).toBe(before);
  // The real owner saves Settings: nothing is approved, and Ben's My week shows no one's figures.
  fake.bundle.saveSettings({ ownerEmail: OWNER });
  expect(runAs(fake, MEMBER, 'getMyWeek').week).toBeNull();
  approveListedRosterEmails(fake);
  // Ben's email is on Ana's row here: the card flags her follow-up owner as her own address.
  expect(listedFollowUps(fake)).toEqual([{ member: 'Ana', address: MEMBER, addressOf: 'Ana' }]);
});
