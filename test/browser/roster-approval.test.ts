// The Roster's approval (rules §19), in Chromium at 300 px: the BUILT pages, google.script.run
// answered by the BUILT bundle. A member whose Roster row waits for the owner's approval sees
// Log a run as usual and My week says so, without figures; the owner's dashboard lists the roster
// emails not approved (a changed one as "was x, now y") with the follow-up owners, each with its
// own checkbox, and Approve approves exactly those ticked. Screenshots land in test-artifacts/screenshots/.
import { exampleTeam, openSidebar, screenshot } from './harness';
import { chromiumForSuite, SIDEBAR_WIDTH } from '../support/chromium';
import { until } from '../support/until';
import { rosterRows } from '../support/sheets';
import { LOG_SHEET, OWNER, ROSTER_SHEET, TEAM_ROSTER, teamLogRows } from './team';

jest.setTimeout(90_000);

const chromium = chromiumForSuite();
const BEN = TEAM_ROSTER.find((member) => member.email === 'ben@example.com')!;
const SAM = 'sam@example.com';

test('a member whose Roster row waits for approval: Log a run as usual, My week says why and shows no figures', async () => {
  const { gas, bundle } = exampleTeam();
  bundle.saveSettings({ ownerEmail: OWNER });
  gas.session.setUser(BEN.email!);
  const s = await openSidebar(chromium(), gas, bundle, 'showMyWeek');
  await until('Log a run with My week', () => s.calls.some((c) => c.fn === 'getLogForm'));
  const note = s.page.locator('#my-week-note');
  await note.waitFor({ state: 'visible' });
  expect(await note.innerText()).toMatch(
    /^Your row on the Roster \(your email, ben@example\.com\) waits for the approval of the owner of Uptake for this spreadsheet \(owner@example\.com\), so My week shows no figures yet\./,
  );
  expect(await s.page.locator('#my-week-lines li').count()).toBe(0);
  const text = await s.page.locator('#my-week').innerText();
  for (const member of TEAM_ROSTER) expect(text).not.toContain(member.name);
  // The form is there to log with.
  expect(await s.page.locator('#run-member').isEditable()).toBe(true);
  expect(s.calls.filter((c) => !c.ok)).toEqual([]);
  expect(s.pageErrors).toEqual([]);
  expect(await s.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(SIDEBAR_WIDTH);
  await screenshot(s.page, 'member-waiting-for-approval.png');
});

test('the owner’s approve card lists the roster emails (a change as was/now) with the follow-up owners; Approve takes exactly those ticked', async () => {
  const roster = TEAM_ROSTER.map((member, index) => (index === 0 ? { ...member, owner: SAM } : member));
  const { gas, bundle } = exampleTeam({ [LOG_SHEET]: teamLogRows(), [ROSTER_SHEET]: rosterRows(roster) });
  bundle.saveSettings({ ownerEmail: OWNER });
  bundle.approveRoster({ followUpOwners: [], rosterEmails: bundle.getDashboard(null).unapprovedRosterEmails });
  // Since then: Ben's email changed, and a new member was added.
  const sheet = gas.sheet(ROSTER_SHEET);
  const benRow = roster.indexOf(roster.find((member) => member.email === BEN.email)!) + 2;
  sheet.getRange(benRow, 2).setValues([['ben.okafor@example.com']]);
  gas.user.appendRow(ROSTER_SHEET, ['Zoe Park', 'zoe@example.com']);
  const s = await openSidebar(chromium(), gas, bundle, 'showDashboard');
  await s.page.waitForSelector('#roster-approval');
  expect((await s.page.locator('#unapproved-roster-emails li').allInnerTexts()).map((t) => t.trim())).toEqual([
    `${BEN.name}: was ben@example.com, now ben.okafor@example.com`,
    'Zoe Park: zoe@example.com',
  ]);
  expect((await s.page.innerText('#unapproved-follow-up-owners')).trim()).toBe(
    `${roster[0].name} → follow-ups to ${SAM}`,
  );
  expect(await s.page.innerText('#approve-roster')).toBe('Approve ticked');
  await s.page.click('#tick-all-roster');
  expect(await s.page.innerText('#approve-roster')).toBe('Approve 3 ticked');
  expect(await s.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(SIDEBAR_WIDTH);
  await screenshot(s.page, 'roster-approval.png');

  // Typed after the card was drawn: not approved by this click.
  gas.user.appendRow(ROSTER_SHEET, ['Yann Roux', 'yann@example.com']);
  await s.page.click('#approve-roster');
  await until('the approval', () => s.calls.some((c) => c.fn === 'approveRoster'));
  const call = s.calls.find((c) => c.fn === 'approveRoster')!;
  expect([call.ok, call.args]).toEqual([
    true,
    [
      {
        followUpOwners: [{ address: SAM, members: [roster[0].name] }],
        rosterEmails: [
          { name: BEN.name, email: 'ben.okafor@example.com' },
          { name: 'Zoe Park', email: 'zoe@example.com' },
        ],
      },
    ],
  ]);
  await s.page.waitForSelector('#roster-approved');
  expect(await s.page.innerText('#roster-approved')).toMatch(/^Approved sam@example\.com \(follow-ups of Ana Lima\)/);
  expect(bundle.getDashboard(null).unapprovedRosterEmails).toEqual([
    { name: 'Yann Roux', email: 'yann@example.com', was: null },
  ]);
  expect((await s.page.locator('#unapproved-roster-emails li').allInnerTexts()).map((t) => t.trim())).toEqual([
    'Yann Roux: yann@example.com',
  ]);
  expect(s.pageErrors).toEqual([]);
});
