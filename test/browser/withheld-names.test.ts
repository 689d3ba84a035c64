// The "Roster to approve" card's items Approve is not offered for (rules §19), in Chromium at
// 300 px: the BUILT dashboard answered by the BUILT bundle. A new row, its name right-to-left,
// carries Ana Lima's email: both rows' follow-up owners are listed with the reason and no
// checkbox, and the other row's name and the email inside that reason are isolated (<bdi>) like
// every name on the card, so a right-to-left name cannot reorder the sentence around it.
// Screenshot in test-artifacts/screenshots/.
import path from 'path';
import { exampleTeam, openSidebar, SCREENSHOT_DIR } from './harness';
import { chromiumForSuite, SIDEBAR_WIDTH } from '../support/chromium';
import { rosterRows } from '../support/sheets';
import { LOG_SHEET, OWNER, ROSTER_SHEET, TEAM_ROSTER, teamLogRows } from './team';

jest.setTimeout(90_000);

const chromium = chromiumForSuite();
const SAM = 'sam@example.com';
const TOM = 'tom@example.com';
const [ANA, BEN] = TEAM_ROSTER;
/** "Layla Haddad" in Arabic: a name written right to left. */
const RTL_NAME = 'ليلى حداد';

test('a withheld item isolates the other row’s right-to-left name and the shared email inside its reason', async () => {
  const roster = [{ ...ANA, owner: SAM }, BEN, { name: RTL_NAME, email: ANA.email, owner: TOM }];
  const { gas, bundle } = exampleTeam({ [LOG_SHEET]: teamLogRows(), [ROSTER_SHEET]: rosterRows(roster) });
  bundle.saveSettings({ ownerEmail: OWNER });

  const s = await openSidebar(chromium(), gas, bundle, 'showDashboard');
  await s.page.waitForSelector('#roster-approval');
  const followUps = s.page.locator('#unapproved-follow-up-owners li');
  expect((await followUps.allInnerTexts()).map((text) => text.trim())).toEqual([
    `${ANA.name} → follow-ups to ${SAM} — not offered: its email ${ANA.email} is also on row 4 (${RTL_NAME}); correct the Roster's Email cells first`,
    `${RTL_NAME} → follow-ups to ${TOM} — not offered: its email ${ANA.email} is also on row 2 (${ANA.name}); correct the Roster's Email cells first`,
  ]);
  // Every name and address from a cell, the reason's included, in its own <bdi>, as text.
  expect(await followUps.nth(0).locator('bdi').allInnerTexts()).toEqual([ANA.name, SAM, ANA.email, RTL_NAME]);
  expect(await followUps.nth(1).locator('bdi').allInnerTexts()).toEqual([RTL_NAME, TOM, ANA.email, ANA.name]);
  expect(await followUps.locator('input').count()).toBe(0);
  // Their emails are taken off both rows, so the roster's email list has neither: the collisions list names both, isolated.
  expect(await s.page.innerText('#unapproved-roster-emails')).not.toContain(ANA.email);
  expect(await s.page.locator('#roster-email-collisions li bdi').allInnerTexts()).toEqual(
    expect.arrayContaining([ANA.email, ANA.name, RTL_NAME]),
  );
  expect(s.pageErrors).toEqual([]);
  expect(await s.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(SIDEBAR_WIDTH);
  await s.page.locator('#roster-approval').screenshot({ path: path.join(SCREENSHOT_DIR, 'roster-withheld-rtl.png') });
});
