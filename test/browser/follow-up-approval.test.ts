// One-click approval of the roster's follow-up owners (rules §19), in Chromium: the BUILT sidebar
// at 300 px, google.script.run answered by the BUILT bundle. The owner's dashboard lists the
// follow-up owners not approved, member by member, unticked; Tick all and Approve store them as
// Settings' approved follow-up owners.
import { openExampleDashboard, screenshot } from './harness';
import { chromiumForSuite, SIDEBAR_WIDTH } from '../support/chromium';
import { rosterRows } from '../support/sheets';
import { LOG_SHEET, ROSTER_SHEET, TEAM_ROSTER, teamLogRows } from './team';
import { until } from '../support/until';
import type { RosterApprovalRequest } from '../../src/shared/api';

jest.setTimeout(90_000);

const chromium = chromiumForSuite();
const SAM = 'sam@example.com';

test('the owner ticks all the listed follow-up owners and approves them', async () => {
  const roster = TEAM_ROSTER.map((member, index) => (index < 2 ? { ...member, owner: SAM } : member));
  const { bundle, s, page } = await openExampleDashboard(
    chromium(),
    {
      [LOG_SHEET]: teamLogRows(),
      [ROSTER_SHEET]: rosterRows(roster),
    },
    { ownerSaved: true },
  );
  await page.waitForSelector('#roster-approval');
  const listed = await page.locator('#unapproved-follow-up-owners li').allInnerTexts();
  expect(listed.map((text) => text.trim())).toEqual([
    `${roster[0].name} → follow-ups to ${SAM}`,
    `${roster[1].name} → follow-ups to ${SAM}`,
  ]);
  // A team whose roster emails were never approved: the card says My week waits for this one Approve.
  expect(await page.innerText('#roster-approval')).toContain(
    'You have approved none yet, so no member sees their figures: check these once, tick them, then approve.',
  );
  expect(await page.locator('#unapproved-roster-emails li').count()).toBe(roster.length);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(SIDEBAR_WIDTH);
  await screenshot(page, 'follow-up-approval.png');
  // Nothing is ticked until the owner ticks: Approve waits for a tick.
  expect(await page.isDisabled('#approve-roster')).toBe(true);
  await page.click('#tick-all-roster');
  expect(await page.innerText('#approve-roster')).toBe(`Approve ${roster.length + 2} ticked`);
  await page.click('#approve-roster');
  await until('the approval', () => s.calls.some((c) => c.fn === 'approveRoster'));
  const call = s.calls.find((c) => c.fn === 'approveRoster')!;
  // With the roster's emails, which this team has not approved either; Sam for the two members listed.
  expect([call.ok, (call.args[0] as RosterApprovalRequest).followUpOwners]).toEqual([
    true,
    [
      { address: SAM, members: [roster[0].name] },
      { address: SAM, members: [roster[1].name] },
    ],
  ]);
  await page.waitForSelector('#roster-approved');
  expect(await page.innerText('#roster-approved')).toMatch(
    /^Approved sam@example\.com \(follow-ups of Ana Lima, Ben Okafor\)/,
  );
  // The team's names and addresses in the reply are isolated, as on the card.
  expect((await page.locator('#roster-approved bdi').allInnerTexts()).slice(0, 3)).toEqual([
    'sam@example.com',
    'Ana Lima',
    'Ben Okafor',
  ]);
  // Stored as Settings' approved pairings; the reloaded dashboard no longer offers them.
  expect(bundle.getSettings().followUpApprovals).toEqual([
    { member: roster[0].name, address: SAM },
    { member: roster[1].name, address: SAM },
  ]);
  expect(await page.locator('#roster-approval').count()).toBe(0);
  expect(s.pageErrors).toEqual([]);
});
