// The "Roster to approve" card item by item (rules §19), in Chromium at 300 px: the BUILT
// dashboard answered by the BUILT bundle. A changed follow-up owner shows what it was; an address
// that is a member's own email is flagged with whose it is; a name on two rows is listed with the
// reason and no checkbox; nothing is ticked until the owner ticks; Tick all leaves out the flagged
// items; Approve sends exactly the ticked ones. The owner's own row, on a team an earlier version
// approved, is listed once saying why. Screenshot in test-artifacts/screenshots/.
import path from 'path';
import { exampleTeam, openSidebar, screenshot, SCREENSHOT_DIR } from './harness';
import { chromiumForSuite, SIDEBAR_WIDTH } from '../support/chromium';
import { until } from '../support/until';
import { rosterRows } from '../support/sheets';
import { HTML_NAME, LOG_SHEET, OWNER, ROSTER_SHEET, TEAM_ROSTER, teamLogRows } from './team';
import type { RosterApprovalRequest } from '../../src/shared/api';

jest.setTimeout(90_000);

const chromium = chromiumForSuite();
const SAM = 'sam@example.com';
const TOM = 'tom@example.com';
const [ANA, BEN, CHLOE, DEV] = TEAM_ROSTER;

test('each pairing with its own checkbox, unticked: was, whose own address, not offered; Approve sends the ticked', async () => {
  const roster = [
    { ...ANA, owner: SAM },
    { ...BEN, owner: ANA.email },
    { ...CHLOE, owner: CHLOE.email },
    { ...DEV, owner: SAM },
    { name: HTML_NAME, owner: TOM },
    { name: 'Olivia Grant', email: OWNER },
  ];
  const { gas, bundle } = exampleTeam({ [LOG_SHEET]: teamLogRows(), [ROSTER_SHEET]: rosterRows(roster) });
  bundle.saveSettings({ ownerEmail: OWNER });
  // Approved as an earlier version left it: every row's email but the owner's own (taken as approved on any row).
  const emails = bundle.getDashboard(null).unapprovedRosterEmails.filter((change) => change.email !== OWNER);
  bundle.approveRoster({ followUpOwners: [{ address: SAM, members: [ANA.name] }], rosterEmails: emails });
  const sheet = gas.sheet(ROSTER_SHEET);
  sheet.getRange(2, 9).setValues([[TOM]]); // Ana Lima's follow-up owner, approved as Sam, now Tom
  gas.user.appendRow(ROSTER_SHEET, [DEV.name, 'dev.two@example.com']); // Dev Patel on two rows

  const s = await openSidebar(chromium(), gas, bundle, 'showDashboard');
  await s.page.waitForSelector('#roster-approval');
  // Dev Patel's pairing, approved before his name was on two rows, listed again with no checkbox;
  // the owner's own row, listed once, saying why it is there.
  expect((await s.page.innerText('#unapproved-roster-emails')).trim()).toBe(
    `${DEV.name}: ${DEV.email} — not offered: "${DEV.name}" is on rows 5 and 8 (Uptake reads row 5 only); give ` +
      'each member one row first; the approval you gave before does not apply until then\n' +
      `Olivia Grant: ${OWNER} (your own address: tick it once if this row is yours; Uptake no longer takes your address as approved on any row)`,
  );
  const items = s.page.locator('#unapproved-follow-up-owners li');
  expect((await items.allInnerTexts()).map((text) => text.trim())).toEqual([
    `${ANA.name} → follow-ups to ${TOM} (was ${SAM})`,
    `${BEN.name} → follow-ups to ${ANA.email} (${ANA.name}’s own address: check before approving, a colleague would get ${BEN.name}’s named follow-ups)`,
    `${CHLOE.name} → follow-ups to ${CHLOE.email} (${CHLOE.name}’s own address: check before approving, the member would get their own named follow-ups)`,
    `${DEV.name} → follow-ups to ${SAM} — not offered: "${DEV.name}" is on rows 5 and 8 (Uptake reads row 5 only); give each member one row first`,
    `${HTML_NAME} → follow-ups to ${TOM}`,
  ]);
  // The cell holding markup is text: no image in the card, and the team's strings are isolated.
  expect(await s.page.locator('#roster-approval img').count()).toBe(0);
  expect(await items.nth(4).locator('bdi').allInnerTexts()).toEqual([HTML_NAME, TOM]);
  // Four checkboxes (none for Dev Patel), none ticked; Approve waits for a tick.
  const boxes = items.locator('input[type=checkbox]');
  expect(await boxes.count()).toBe(4);
  expect(await items.nth(3).locator('input').count()).toBe(0);
  for (let i = 0; i < 4; i++) expect(await boxes.nth(i).isChecked()).toBe(false);
  expect(await s.page.isDisabled('#approve-roster')).toBe(true);
  expect(await s.page.innerText('#roster-approval')).toContain(
    'Tick all leaves out an address marked as someone else’s',
  );
  expect(await s.page.innerText('#roster-approval')).toContain(
    'Until your own row is approved, a row with your address is listed as yours: check its name.',
  );

  // Tick all: the owner's row, Ana Lima's and the last; Ben Okafor's and Chloé Martin's (flagged) stay unticked.
  await s.page.click('#tick-all-roster');
  expect(await Promise.all([0, 1, 2, 3].map((i) => boxes.nth(i).isChecked()))).toEqual([true, false, false, true]);
  expect(await s.page.innerText('#tick-all-roster')).toBe('Untick all');
  // The owner unticks the last, ticks Ben Okafor's after reading its flag.
  await boxes.nth(3).uncheck();
  await boxes.nth(1).check();
  expect(await s.page.innerText('#approve-roster')).toBe('Approve 3 ticked');
  expect(await s.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(SIDEBAR_WIDTH);
  await screenshot(s.page, 'roster-approve-ticked.png');
  // The card alone, at a size a reviewer reads.
  await s.page.locator('#roster-approval').screenshot({ path: path.join(SCREENSHOT_DIR, 'roster-approve-card.png') });

  const release = s.hold();
  await s.page.click('#approve-roster');
  // While the approval is on its way, nothing on the card can be ticked, unticked or sent again.
  for (const control of ['#approve-roster', '#tick-all-roster', '#unapproved-follow-up-owners input >> nth=0'])
    expect(await s.page.isDisabled(control)).toBe(true);
  release();
  await until('the approval', () => s.calls.some((c) => c.fn === 'approveRoster'));
  const call = s.calls.find((c) => c.fn === 'approveRoster')!;
  expect([call.ok, call.args[0] as RosterApprovalRequest]).toEqual([
    true,
    {
      followUpOwners: [
        { address: TOM, members: [ANA.name] },
        { address: ANA.email, members: [BEN.name] },
      ],
      rosterEmails: [{ name: 'Olivia Grant', email: OWNER }],
    },
  ]);
  await s.page.waitForSelector('#roster-approved');
  expect(bundle.getSettings().followUpApprovals).toEqual([
    { member: ANA.name, address: TOM },
    { member: BEN.name, address: ANA.email },
  ]);
  // Redrawn: what was not ticked still waits, unticked; the owner's row is not asked again; Dev
  // Patel's held-back pairing stays listed until the Roster gives him one row.
  expect(
    (await s.page.locator('#unapproved-roster-emails li').allInnerTexts()).map((text) => text.trim().split(':')[0]),
  ).toEqual([DEV.name]);
  expect(await s.page.locator('#unapproved-follow-up-owners li').count()).toBe(3);
  expect(await s.page.locator('#unapproved-follow-up-owners input:checked').count()).toBe(0);
  expect(s.pageErrors).toEqual([]);
});
