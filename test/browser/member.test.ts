// What a member sees (rules §19), in Chromium at 300 px: the BUILT pages, google.script.run answered
// by the BUILT bundle running as the member. Their own week, in plain words, with no one else's
// name; the dashboard page, opened from a stale menu, holds no data and says whose it is. The
// screenshots are the ones docs/privacy.md shows (copied from test-artifacts/screenshots/).
import { exampleTeam, openSidebar, screenshot } from './harness';
import { chromiumForSuite, SIDEBAR_WIDTH } from '../support/chromium';
import { until } from '../support/until';
import { OWNER, TEAM_ROSTER } from './team';

jest.setTimeout(90_000);

const chromium = chromiumForSuite();

const BEN = TEAM_ROSTER.find((member) => member.email === 'ben@example.com')!;
const OTHERS = TEAM_ROSTER.filter((member) => member !== BEN).flatMap((member) => [member.name, member.email ?? '']);

/** The example team, Settings saved by the owner (the team closed), then the member at the keyboard. */
function asMember() {
  const made = exampleTeam();
  made.bundle.saveSettings({ ownerEmail: OWNER });
  made.gas.session.setUser(BEN.email!);
  return made;
}

describe('a member’s sidebar', () => {
  test('"My week": their own figures in plain words, their category among them, no one else’s name', async () => {
    const { gas, bundle } = asMember();
    const s = await openSidebar(chromium(), gas, bundle, 'showMyWeek');
    await until('My week', () => s.calls.some((c) => c.fn === 'getMyWeek'));
    const section = s.page.locator('#my-week');
    await section.waitFor({ state: 'visible' });
    const lines = (await s.page.locator('#my-week-lines li').allInnerTexts()).map((t) => t.trim());
    expect(lines[0]).toMatch(/^This week \(the 7 days to today\): \d+ runs?, \d+ unprompted; /);
    expect(
      lines.some((line) => /^That makes you a (Genuine adopter|Developing user|Non-adopter) this week: /.test(line)),
    ).toBe(true);
    const text = await section.innerText();
    for (const other of OTHERS.filter(Boolean)) expect(text).not.toContain(other);
    // Every call the page made was allowed to the member, and none was the owner's.
    expect(s.calls.map((c) => [c.fn, c.ok])).toEqual(
      expect.arrayContaining([
        ['getLogForm', true],
        ['getMyWeek', true],
      ]),
    );
    expect(s.calls.filter((c) => !c.ok)).toEqual([]);
    expect(s.pageErrors).toEqual([]);
    expect(await s.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(SIDEBAR_WIDTH);
    await screenshot(s.page, 'member-my-week.png');
  });

  test('the dashboard page, opened from a menu a member still has: no figures, the owner named', async () => {
    const { gas, bundle } = asMember();
    const s = await openSidebar(chromium(), gas, bundle, 'showDashboard');
    await until('the refusal', () => s.calls.some((c) => c.fn === 'getDashboard'));
    expect(s.calls.find((c) => c.fn === 'getDashboard')).toMatchObject({ ok: false });
    const error = s.page.locator('#error');
    await error.waitFor({ state: 'visible' });
    expect(await error.innerText()).toMatch(
      /^Only the owner of Uptake for this spreadsheet \(owner@example\.com\) can load the dashboard\. You can log runs and see your week/,
    );
    const text = await s.page.locator('body').innerText();
    for (const member of TEAM_ROSTER) expect(text).not.toContain(member.name);
    // Nothing of the owner's is offered: no Settings tab, no automation switch, no digest buttons.
    for (const id of ['#tab-settings', '#automation', '#usage-import', '#logging-form'])
      expect([id, await s.page.locator(id).isVisible()]).toEqual([id, false]);
    expect(text).not.toMatch(/Send digest now|Preview digest|Settings/);
    await screenshot(s.page, 'member-dashboard.png');
  });
});
