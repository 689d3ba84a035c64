// Rules §19: the Roster's Follow-up owner cell is in the tab every editor edits, so a member's
// figures go only to follow-up owners the owner approved with the dashboard's Approve (saving
// Settings, the first save included, and turning automation on approve none); an unapproved
// address gets nothing, the owner gets those follow-ups, and Check set-up names the address with
// what to do. Through the built bundle.
import { example, readExample } from '../support/example';
import { fakeWithBundle } from '../support/fake-bundle';
import { approveFollowUps, approveOfferedFollowUps, offeredFollowUps } from '../support/approve';

const read = readExample;
const ATTACKER = 'attacker@evil.example';
const APPROVED = 'sam.lee@northwind.example';

function team() {
  const roster = read('roster.csv');
  const made = fakeWithBundle({
    now: `${example.asOf}T06:00:00Z`,
    user: example.owner,
    spreadsheet: { sheets: { 'AI usage log': read('log.csv'), Roster: roster } },
  });
  return { ...made, roster };
}

/** The addresses the owner approved as follow-up owners, for any member. */
const approvedAddresses = (bundle: ReturnType<typeof team>['bundle']) =>
  bundle.getSettings().followUpApprovals.map((pair) => pair.address);

const mailTo = <Mail extends { to: string }>(sent: Mail[], address: string) =>
  sent.filter((mail) => mail.to.toLowerCase().split(/,\s*/).includes(address));

test('a follow-up owner a member types into the Roster after the owner saved gets no email; the owner gets those follow-ups', () => {
  const { gas, bundle } = team();
  bundle.saveSettings({ ownerEmail: example.owner });
  bundle.setAutomation(true);
  // A member (any editor) then makes an outside address everyone's follow-up owner.
  const rosterSheet = gas.spreadsheet.getSheetByName('Roster')!;
  const rows = rosterSheet.getLastRow();
  rosterSheet.getRange(2, 9, rows - 1, 1).setValues(Array.from({ length: rows - 1 }, () => [ATTACKER]));
  bundle.$runDays(10);
  expect(JSON.stringify(gas.mail.sent)).not.toContain(ATTACKER);
  expect(mailTo(gas.mail.sent, example.owner.toLowerCase()).some((m) => /follow-up|week-three/i.test(m.subject))).toBe(
    true,
  );
  const lines = bundle.getSetupCheck();
  const line = lines.find((l) => l.id === 'follow-up-owner-not-approved');
  expect(line?.detail).toContain(ATTACKER);
  expect(line?.detail).toMatch(/clicks Approve/);
});

test('saving Settings and turning automation on approve no follow-up owner: the owner gets the follow-ups until Approve', () => {
  const { gas, bundle } = team();
  bundle.saveSettings({ ownerEmail: example.owner });
  bundle.setAutomation(true);
  bundle.saveSettings({ digestHour: 8 });
  expect(approvedAddresses(bundle)).toEqual([]);
  bundle.$runDays(10);
  expect(mailTo(gas.mail.sent, APPROVED)).toEqual([]);
  expect(mailTo(gas.mail.sent, example.owner.toLowerCase()).some((m) => /follow-up|week-three/i.test(m.subject))).toBe(
    true,
  );
  const line = bundle.getSetupCheck().find((l) => l.id === 'follow-up-owner-not-approved');
  expect(line?.detail).toContain(APPROVED);
  expect(line?.detail).toMatch(/clicks Approve/);
});

test('the follow-up owners the owner approves from the dashboard get their follow-ups; later saves keep them', () => {
  const { gas, bundle } = team();
  bundle.saveSettings({ ownerEmail: example.owner });
  approveOfferedFollowUps(bundle);
  bundle.saveSettings({ digestHour: 8 });
  bundle.setAutomation(true);
  expect(approvedAddresses(bundle)).toContain(APPROVED);
  bundle.$runDays(10);
  expect(mailTo(gas.mail.sent, APPROVED).length).toBeGreaterThan(0);
  expect(bundle.getSetupCheck().some((l) => l.id === 'follow-up-owner-not-approved')).toBe(false);
});

test.each([
  [
    'an unrelated save of Settings',
    (bundle: ReturnType<typeof team>['bundle']) => bundle.saveSettings({ digestHour: 8 }),
  ],
  ['turning automation on', (bundle: ReturnType<typeof team>['bundle']) => bundle.setAutomation(true)],
])('an address a member typed into the Roster is not approved by %s', (_, act) => {
  const { gas, bundle } = team();
  bundle.saveSettings({ ownerEmail: example.owner });
  approveOfferedFollowUps(bundle);
  const approvedBefore = approvedAddresses(bundle);
  gas.spreadsheet
    .getSheetByName('Roster')!
    .getRange(2, 9)
    .setValues([[ATTACKER]]);
  act(bundle);
  bundle.setAutomation(true);
  expect(approvedAddresses(bundle)).toEqual(approvedBefore);
  bundle.$runDays(10);
  expect(JSON.stringify(gas.mail.sent)).not.toContain(ATTACKER);
});

describe('one-click approval from the owner’s dashboard', () => {
  const NEW_OWNER = 'dana.fox@northwind.example';
  const LATER = 'late.comer@northwind.example';

  /** The owner saved Settings and approved the roster's follow-up owners; then the first member got a new one. */
  function withNewFollowUpOwner() {
    const made = team();
    made.bundle.saveSettings({ ownerEmail: example.owner });
    approveOfferedFollowUps(made.bundle);
    made.gas.spreadsheet
      .getSheetByName('Roster')!
      .getRange(2, 9)
      .setValues([[NEW_OWNER]]);
    return made;
  }

  test('the dashboard lists the unapproved pairings; Approve approves what it listed, not what came after', () => {
    const { gas, bundle } = withNewFollowUpOwner();
    const items = bundle.getDashboard(null).followUpsToApprove;
    expect(items).toEqual([expect.objectContaining({ member: expect.any(String), address: NEW_OWNER })]);
    const listed = offeredFollowUps(items);
    // Typed into the Roster after the owner looked: not approved by that click.
    gas.spreadsheet
      .getSheetByName('Roster')!
      .getRange(3, 9)
      .setValues([[LATER]]);
    const said = approveFollowUps(bundle, listed);
    expect(said).toMatch(new RegExp(`^Approved ${NEW_OWNER.replace(/\./g, '\\.')} \\(follow-ups of `));
    const approved = approvedAddresses(bundle);
    expect(approved).toContain(NEW_OWNER);
    expect(approved).not.toContain(LATER);
    expect(bundle.getDashboard(null).followUpsToApprove.map((item) => item.address)).toEqual([LATER]);
    const lines = bundle.getSetupCheck().filter((l) => l.id === 'follow-up-owner-not-approved');
    expect(lines.map((l) => l.detail).join(' ')).not.toContain(NEW_OWNER);
    expect(lines.map((l) => l.detail).join(' ')).toContain(LATER);
  });

  test('an address the roster does not name is never approved, whatever the page sends', () => {
    const { bundle } = withNewFollowUpOwner();
    // The owner's dashboard drops the approval of the pairing the Roster no longer names.
    bundle.getDashboard(null);
    const before = approvedAddresses(bundle);
    const firstMember = bundle.getDashboard(null).followUpsToApprove[0].member;
    for (const crafted of [[{ address: ATTACKER, members: [] }], [{ address: ATTACKER, members: [firstMember] }]])
      expect(approveFollowUps(bundle, crafted)).toMatch(/^There was nothing left to approve/);
    expect(approvedAddresses(bundle)).toEqual(before);
    expect(() => approveFollowUps(bundle, 'x')).toThrow(
      /^The follow-up owners must be a list of addresses, each with the members it follows up/,
    );
  });

  test('a member’s dashboard (team open) lists none, and a member cannot approve', () => {
    const { gas, bundle } = team();
    bundle.saveSettings({ ownerEmail: example.owner, openTeam: true });
    gas.spreadsheet
      .getSheetByName('Roster')!
      .getRange(2, 9)
      .setValues([[NEW_OWNER]]);
    const member = 'someone@northwind.example';
    expect(bundle.$run('getDashboard', [null], { user: member }).followUpsToApprove).toEqual([]);
    const firstMember = bundle.getDashboard(null).followUpsToApprove[0].member;
    expect(() => approveFollowUps(bundle, [{ address: NEW_OWNER, members: [firstMember] }], member)).toThrow(
      /^Only the owner of Uptake/,
    );
    expect(approvedAddresses(bundle)).not.toContain(NEW_OWNER);
  });
});

test('Approve on the card is the one way to approve a follow-up owner: no entry point approves by address', () => {
  const { bundle } = team();
  expect(bundle.$functions()).toContain('approveRoster');
  expect(bundle.$functions()).not.toContain('approveFollowUpOwners');
  expect(() => bundle.$runFromClient('approveFollowUpOwners', [{ address: ATTACKER, members: [] }])).toThrow(
    /Script function not found: approveFollowUpOwners/,
  );
});
