// An email on two Roster rows (rules §19), in Chromium at 300 px: the BUILT dashboard, answered
// by the BUILT bundle. Ben types Ana's approved email on his own row: the owner's "Roster to
// approve" card names both rows and which keeps the email, with no Approve for it. Screenshot
// in test-artifacts/screenshots/.
import { exampleTeam, openSidebar, screenshot } from './harness';
import { chromiumForSuite, SIDEBAR_WIDTH } from '../support/chromium';
import { OWNER, ROSTER_SHEET } from './team';

jest.setTimeout(90_000);

const chromium = chromiumForSuite();

test('the owner’s card names both rows of an email on two rows, says which keeps it, and offers no Approve for it', async () => {
  const { gas, bundle } = exampleTeam();
  bundle.saveSettings({ ownerEmail: OWNER });
  bundle.approveRoster({ followUpOwners: [], rosterEmails: bundle.getDashboard(null).unapprovedRosterEmails });
  gas
    .sheet(ROSTER_SHEET)
    .getRange(3, 2)
    .setValues([['ana@example.com']]); // Ben Okafor's row
  const s = await openSidebar(chromium(), gas, bundle, 'showDashboard');
  await s.page.waitForSelector('#roster-approval');
  const items = s.page.locator('#roster-email-collisions li');
  expect(await items.count()).toBe(1);
  expect((await items.innerText()).trim()).toMatch(
    /^ana@example\.com is on 2 Roster rows: row 2 \(Ana Lima\) and row 3 \(Ben Okafor\)\. You approved it for row 2 \(Ana Lima\): Ana Lima keeps My week, and the dashboard, the daily emails and the usage exports count the log and usage rows under it as Ana Lima’s\. Row 3 \(Ben Okafor\) waits.*correct the Email cell of the wrong row/,
  );
  // The team's strings are isolated text, not markup.
  expect(await items.locator('bdi').allInnerTexts()).toEqual([
    'ana@example.com',
    'Ana Lima',
    'Ben Okafor',
    'Ana Lima',
    'Ana Lima',
    'Ana Lima',
    'Ben Okafor',
    'Ana Lima', // the kept row, whose follow-ups go to the owner in a run outside the document
  ]);
  expect(await s.page.locator('#approve-roster').count()).toBe(0);
  expect(s.pageErrors).toEqual([]);
  expect(await s.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(SIDEBAR_WIDTH);
  await screenshot(s.page, 'roster-email-collision.png');
});

test('an approved email moved onto another row is listed with the member the owner approved it for', async () => {
  const { gas, bundle } = exampleTeam();
  bundle.saveSettings({ ownerEmail: OWNER });
  bundle.approveRoster({ followUpOwners: [], rosterEmails: bundle.getDashboard(null).unapprovedRosterEmails });
  const roster = gas.sheet(ROSTER_SHEET);
  roster.getRange(2, 2, 2, 1).setValues([[''], ['ana@example.com']]); // off Ana Lima's row, onto Ben Okafor's
  const s = await openSidebar(chromium(), gas, bundle, 'showDashboard');
  await s.page.waitForSelector('#roster-approval');
  const item = s.page.locator('#unapproved-roster-emails li');
  expect((await item.allInnerTexts()).map((t) => t.trim())).toEqual([
    'Ben Okafor: was ben@example.com, now ana@example.com (you approved it for Ana Lima)',
  ]);
  expect(await item.locator('bdi').allInnerTexts()).toEqual([
    'Ben Okafor',
    'ben@example.com',
    'ana@example.com',
    'Ana Lima',
  ]);
  expect(await s.page.innerText('#approve-roster')).toBe('Approve ticked');
  // An email approved for another member: flagged, so Tick all (which would tick nothing else) is not shown.
  expect(await s.page.isHidden('#tick-all-roster')).toBe(true);
  expect(await s.page.innerText('#roster-approval')).not.toContain('Tick all');
  expect(s.pageErrors).toEqual([]);
  expect(await s.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(SIDEBAR_WIDTH);
});
