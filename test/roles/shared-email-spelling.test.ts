// Rules §19: an email on two roster rows stays with the row whose (name, email) pairing the owner
// approved, as that row spells it. Another row's spelling (any case, spaces around it, typed by
// whoever edits the Roster) is matched as the same address, but is never given to the kept row:
// the dashboard and the Sent sheet show the approved row's own. Through the built bundle.
import { OWNER, runAs, approveListedRosterEmails, type Fake } from './support';
import { fakeWithBundle, TODAY } from '../support/fake-bundle';
import { logRows, rosterRows, plus } from '../support/sheets';
import { auditOf } from '../support/dashboard';
import { sentRows } from '../automation/support';

const CHLOE = 'chloe.martin@example.com';
const ZOE = 'zoe.orsted@example.com';
/** Chloé's address as Zoë types it on her own row, above Chloé's. */
const ZOES_SPELLING = '  CHLOE.Martin@Example.COM ';
const ZOE_ROW = 2;
const EMAIL_COLUMN = 2;

/** Chloé (row 3) approved with her runs under her email; then Zoë (row 2) types Chloé's email. */
function attacked(): Fake {
  const runs = [0, 1, 2, 3].map((i) => ({ date: plus(TODAY, -i), member: CHLOE, workflow: 'Client proposal' }));
  const zoe = { name: 'Zoë Ørsted', email: ZOE, training: plus(TODAY, -20), anchor: 'Client proposal' };
  const chloe = { name: 'Chloé Martin', email: CHLOE, training: plus(TODAY, -20), anchor: 'Client proposal' };
  const fake = fakeWithBundle({
    user: OWNER,
    spreadsheet: { sheets: { Log: logRows(runs), Roster: rosterRows([zoe, chloe]) } },
  });
  fake.gas.setDriveOwner(OWNER);
  fake.bundle.saveSettings({ ownerEmail: OWNER });
  approveListedRosterEmails(fake);
  fake.gas
    .sheet('Roster')
    .getRange(ZOE_ROW, EMAIL_COLUMN)
    .setValues([[ZOES_SPELLING]]);
  return fake;
}

const audit = (fake: Fake) => auditOf(runAs(fake, OWNER, 'getDashboard', [{ asOf: TODAY, weeks: 1 }]));

test('the dashboard gives the approved row its own spelling, and counts the runs as hers', () => {
  const fake = attacked();
  const members = audit(fake).members;
  expect(members.find((m) => m.member === 'Chloé Martin')).toMatchObject({ email: CHLOE, runs: 4 });
  expect(members.find((m) => m.member === 'Zoë Ørsted')).toMatchObject({ email: null, runs: 0 });
  const collisions = runAs(fake, OWNER, 'getDashboard', [null]).rosterEmailCollisions;
  expect(collisions).toEqual([
    {
      email: ZOES_SPELLING.trim(),
      rows: [
        { row: ZOE_ROW, name: 'Zoë Ørsted', email: ZOES_SPELLING.trim() },
        { row: ZOE_ROW + 1, name: 'Chloé Martin', email: CHLOE },
      ],
      kept: { row: ZOE_ROW + 1, name: 'Chloé Martin', email: CHLOE },
    },
  ]);
});

test('the Sent sheet records Chloé’s rows under her address, and Zoë is sent nothing', () => {
  const fake = attacked();
  runAs(fake, OWNER, 'setAutomation', [true]);
  fake.bundle.$runDays(8);
  // The Sent sheet keeps the member email as a tag of the trimmed, lowercased address
  // (src/core/programme/sent-tags.ts), so no spelling of it is stored: untagged with the two
  // members' own addresses only, Chloé's rows carry hers.
  const chloesRows = sentRows(fake.gas, [CHLOE, ZOE]).filter((row) => row.member === 'Chloé Martin');
  expect(chloesRows.length).toBeGreaterThan(0);
  expect(chloesRows.map((row) => row.memberEmail)).toEqual(chloesRows.map(() => CHLOE));
  expect(fake.gas.mail.sent.flatMap((mail) => mail.recipients)).toEqual(fake.gas.mail.sent.flatMap(() => [OWNER]));
});
