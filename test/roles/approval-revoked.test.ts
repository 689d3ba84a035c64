// Rules §19: an approval holds only while the Roster names its (member, follow-up owner) pairing.
// The owner takes a member's follow-ups back (the cell emptied, or their own address typed in);
// the daily run, the owner's, drops the approval; an editor typing the old address back gets it
// listed on the owner's card, and the old address gets none of the member's follow-ups. Through
// the built bundle, in the in-memory Apps Script with a fake clock.
import { ROSTER_HEADERS } from '../../src/core/sheets/roster';
import { BOSS, OWNER, ROSTER, team } from '../automation/support';

const FOLLOW_UP_COLUMN = ROSTER_HEADERS.indexOf('Follow-up owner') + 1;
const ZOE_ROW = 3;

test.each([
  ['emptied', ''],
  ['given the owner’s own address', OWNER],
])('Zoë’s follow-up owner cell %s, the daily run, then Boss typed back: Boss gets no day-seven email', (_how, cell) => {
  const { gas, bundle } = team({
    members: [
      { name: 'Chloé Martin', email: 'chloe@example.com', training: '2026-03-12' },
      { name: 'Zoë Dupré', email: 'zoe@example.com', training: '2026-03-12', owner: BOSS },
    ],
    runs: [],
  });
  expect(bundle.getSettings().followUpApprovals).toEqual([{ member: 'Zoë Dupré', address: BOSS }]);
  const setCell = (value: string) =>
    gas
      .sheet(ROSTER)
      .getRange(ZOE_ROW, FOLLOW_UP_COLUMN)
      .setValues([[value]]);
  setCell(cell);
  bundle.$runDueTriggers('2026-03-14T12:00:00Z');
  // The run dropped the approval and kept Boss only to show as "was".
  expect(bundle.getSettings().followUpApprovals).toEqual([]);
  setCell('Boss@example.com');
  const card = bundle.$run('getDashboard', [null], { user: OWNER }).followUpsToApprove;
  expect(card).toEqual([{ member: 'Zoë Dupré', address: 'Boss@example.com' }]);
  bundle.$runDueTriggers('2026-03-25T12:00:00Z');
  const toBoss = gas.mail.sent.filter((mail) => mail.recipients.includes(BOSS));
  expect(toBoss).toEqual([]);
  // The owner got Zoë's day-seven follow-up instead.
  const toOwner = gas.mail.sent.filter(
    (mail) => mail.recipients.includes(OWNER) && /Day-seven.*Zoë/.test(mail.subject),
  );
  expect(toOwner).toHaveLength(1);
});
