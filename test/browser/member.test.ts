// What a member sees (rules §19), in Chromium at 300 px: the BUILT pages, google.script.run answered
// by the BUILT bundle running as the member. Their own week, in plain words, with no one else's
// name; the dashboard page, opened from a stale menu, holds no data and says whose it is. The
// screenshots are the ones docs/privacy.md shows (copied from test-artifacts/screenshots/).
import { exampleTeam, openSidebar, screenshot } from './harness';
import { chromiumForSuite, SIDEBAR_WIDTH } from '../support/chromium';
import { until } from '../support/until';
import { LOG_SHEET, OWNER, ROSTER_SHEET, TEAM_ROSTER, TEAM_RUNS, TODAY, teamLogRows, teamRosterRows } from './team';
import { FORM_HEADER_WITH_EMAIL, plus } from '../support/sheets';

jest.setTimeout(90_000);

const chromium = chromiumForSuite();

const BEN = TEAM_ROSTER.find((member) => member.email === 'ben@example.com')!;
const OTHERS = TEAM_ROSTER.filter((member) => member !== BEN).flatMap((member) => [member.name, member.email ?? '']);

/** The programme's start: Ben, a Developing user in the week before, is one of its participants. */
const PROGRAMME_START = '2026-03-09';

/**
 * Ben's answers to the logging form (rules §16), which collects emails and asks no Team member
 * question: his runs there count in his week with those of the team's log.
 */
const BEN_FORM_ANSWERS = [
  FORM_HEADER_WITH_EMAIL.filter((title) => title !== 'Team member'),
  [new Date(`${TODAY}T08:00:00Z`), BEN.email, 'Weekly update', 'Used as-is', 'tone', 'No', ''],
];

/** Ben's runs in the 7 days to today: the log's and his one form answer. */
const BEN_THIS_WEEK =
  TEAM_RUNS.filter((r) => r.member === BEN.name && r.date >= plus(TODAY, -6)).length + BEN_FORM_ANSWERS.length - 1;

/**
 * The example team, Settings saved by the owner (the team closed), then the member at the
 * keyboard; `programme`: with Ben's form answers beside the log and a replacement programme
 * started on PROGRAMME_START.
 */
function asMember(programme = false) {
  const made = programme
    ? exampleTeam({
        [LOG_SHEET]: teamLogRows(),
        [ROSTER_SHEET]: teamRosterRows(),
        'Form Responses 1': BEN_FORM_ANSWERS,
      })
    : exampleTeam();
  made.bundle.saveSettings({ ownerEmail: OWNER });
  // The owner approves the roster's emails, as the dashboard's Approve does (rules §19).
  made.bundle.approveRoster({
    followUpOwners: [],
    rosterEmails: made.bundle.getDashboard(null).unapprovedRosterEmails,
  });
  if (programme) made.bundle.startProgramme({ start: PROGRAMME_START });
  made.gas.session.setUser(BEN.email!);
  return made;
}

describe('a member’s sidebar', () => {
  test('"My week": their own figures (their form answers too), their programme, their name preselected, no one else’s', async () => {
    const { gas, bundle } = asMember(true);
    const s = await openSidebar(chromium(), gas, bundle, 'showMyWeek');
    await until('Log a run with My week', () => s.calls.some((c) => c.fn === 'getLogForm'));
    const section = s.page.locator('#my-week');
    await section.waitFor({ state: 'visible' });
    const lines = (await s.page.locator('#my-week-lines li').allInnerTexts()).map((t) => t.trim());
    expect(lines[0]).toMatch(
      new RegExp(`^This week \\(the 7 days to today\\): ${BEN_THIS_WEEK} runs, \\d+ unprompted; `),
    );
    // A participant of the replacement programme (rules §17): its milestones, not §8's. The team
    // is closed, so his account cannot see whether a session is recorded, and it is not claimed.
    expect(lines).toContain(
      'Next in your replacement programme: your anchor-workflow session; your day-seven follow-up comes a week after it. ' +
        'Then the peer advocacy moment, Mon 23 Mar 2026.',
    );
    // Log a run starts with his own roster name, found by his email; he can still change it.
    const member = s.page.locator('#run-member');
    expect(await member.inputValue()).toBe(BEN.name);
    expect(await member.isEditable()).toBe(true);
    expect(
      lines.some((line) => /^That makes you a (Genuine adopter|Developing user|Non-adopter) this week: /.test(line)),
    ).toBe(true);
    const text = await section.innerText();
    for (const other of OTHERS.filter(Boolean)) expect(text).not.toContain(other);
    // Nor anywhere the screenshot shows: the whole page as rendered (the member list is a
    // datalist, shown only as the member types).
    const page = await s.page.locator('body').innerText();
    expect(page).toContain(lines[0]);
    for (const other of OTHERS.filter(Boolean)) expect(page).not.toContain(other);
    // Every call the page made was allowed to the member, and none was the owner's; My week came
    // with the form, in one round trip.
    expect(s.calls.map((c) => [c.fn, c.ok])).toEqual(expect.arrayContaining([['getLogForm', true]]));
    expect(s.calls.filter((c) => c.fn === 'getMyWeek')).toEqual([]);
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
