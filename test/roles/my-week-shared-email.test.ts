// Rules §19: My week finds the caller by the Roster's Email column, which every editor can edit.
// An email on two rows (a member who typed theirs on a colleague's row too) shows figures only
// to the row whose pairing the owner approved; with none approved, no figures and a message to
// ask the owner; Check set-up tells the owner. Through the built bundle.
import { MEMBER, roleTeam } from './support';

test('an email on two roster rows, neither approved, gets no figures in My week, and a message to ask the owner', () => {
  const { gas, bundle } = roleTeam({}, {}, { rosterApproved: false });
  const roster = gas.sheet('Roster');
  expect(roster.getRange(3, 2).getValues()[0][0]).toBe(MEMBER); // Ben's own row
  roster.getRange(2, 2).setValues([[MEMBER.toUpperCase()]]); // typed on Ana's row too
  const view = bundle.$run('getMyWeek', [], { user: MEMBER });
  expect(view.week).toBeNull();
  expect(view.message).toMatch(/^Your Google account \(ben@example\.com\) is on more than one row/);
  expect(view.message).toMatch(/Ask the owner/);
  expect(JSON.stringify(view)).not.toMatch(/Ana/);
  // The owner's Check set-up names the address, as the first of its rows has it, and both rows.
  const line = bundle.getSetupCheck().find((l) => l.id === 'roster-email-shared');
  expect(line).toMatchObject({
    status: 'warn',
    detail: expect.stringMatching(/^BEN@EXAMPLE\.COM is on 2 Roster rows: row 2 \(Ana\) and row 3 \(Ben\)\./),
  });
});

test('a member who types their approved email on a colleague’s row too still sees only their own week', () => {
  const { gas, bundle } = roleTeam();
  gas
    .sheet('Roster')
    .getRange(2, 2)
    .setValues([[MEMBER]]);
  const view = bundle.$run('getMyWeek', [], { user: MEMBER });
  expect(view.week?.member).toBe('Ben');
  expect(JSON.stringify(view)).not.toMatch(/Ana/);
});

test('with each email on one row, My week shows the member their own week and Check set-up has no such line', () => {
  const { bundle } = roleTeam();
  const view = bundle.$run('getMyWeek', [], { user: MEMBER });
  expect(view.week?.member).toBe('Ben');
  expect(bundle.getSetupCheck().some((l) => l.id === 'roster-email-shared')).toBe(false);
});
