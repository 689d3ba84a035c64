// Rules §19: My week finds the caller by the Roster's Email column, which every editor can edit.
// An email on two rows (a member who typed theirs on a colleague's row too) gets no figures and a
// message to ask the owner; Check set-up tells the owner. Through the built bundle.
import { fakeWithBundle, sampleTeam } from '../support/fake-bundle';
import { logRows, rosterRows } from '../support/sheets';

const OWNER = 'lead@corp.example';
const BEN = 'ben@example.com';

function team() {
  const { runs, roster } = sampleTeam();
  const made = fakeWithBundle({
    user: OWNER,
    spreadsheet: { sheets: { Log: logRows(runs), Roster: rosterRows(roster) } },
  });
  made.bundle.saveSettings({ ownerEmail: OWNER });
  return made;
}

test('an email on two roster rows gets no figures in My week, and a message to ask the owner', () => {
  const { gas, bundle } = team();
  const roster = gas.sheet('Roster');
  expect(roster.getRange(3, 2).getValue()).toBe(BEN); // Ben's own row
  roster.getRange(2, 2).setValue(BEN.toUpperCase()); // typed on Ana's row too
  const view = bundle.$run('getMyWeek', [], { user: BEN });
  expect(view.week).toBeNull();
  expect(view.message).toMatch(/^Your Google account \(ben@example\.com\) is on more than one row/);
  expect(view.message).toMatch(/Ask the owner/);
  expect(JSON.stringify(view)).not.toMatch(/Ana/);
  // The owner's Check set-up names the address.
  const line = bundle.getSetupCheck().find((l) => l.id === 'roster-email-shared');
  expect(line).toMatchObject({ status: 'warn', detail: expect.stringContaining(BEN) });
});

test('with each email on one row, My week shows the member their own week and Check set-up has no such line', () => {
  const { bundle } = team();
  const view = bundle.$run('getMyWeek', [], { user: BEN });
  expect(view.week?.member).toBe('Ben');
  expect(bundle.getSetupCheck().some((l) => l.id === 'roster-email-shared')).toBe(false);
});
