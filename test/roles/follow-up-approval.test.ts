// Rules §19: the Roster's Follow-up owner cell is in the tab every editor edits, so a member's
// figures go only to follow-up owners the owner approved (by saving Settings or turning
// automation on); an address a member typed in afterwards gets nothing, the owner gets those
// follow-ups, and Check set-up names the address with what to do. Through the built bundle.
import { example, readExample } from '../support/example';
import { fakeWithBundle } from '../support/fake-bundle';

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
  expect(line?.detail).toMatch(/saves Settings/);
});

test('the follow-up owners in the Roster when the owner saves Settings are approved and get their follow-ups', () => {
  const { gas, bundle } = team();
  bundle.saveSettings({ ownerEmail: example.owner });
  bundle.setAutomation(true);
  bundle.$runDays(10);
  expect(mailTo(gas.mail.sent, APPROVED).length).toBeGreaterThan(0);
  expect(bundle.getSetupCheck().some((l) => l.id === 'follow-up-owner-not-approved')).toBe(false);
});
