// "Check set-up" as a user sees it: the BUILT sidebar in Chromium at 300 px, opened from the menu
// item, its lines from the BUILT bundle's getSetupCheck in the in-memory Apps Script.
import { exampleTeam, openSidebar, screenshot } from './harness';
import { chromiumForSuite } from '../support/chromium';

jest.setTimeout(60_000);

const chromium = chromiumForSuite();

test('opens on the check, one line per check with its status in words, and checks again on demand', async () => {
  const { gas, bundle } = exampleTeam();
  gas.locks.holdElsewhere('document');
  const s = await openSidebar(chromium(), gas, bundle, 'showSetupCheck');
  const items = s.page.locator('#setup-check-list li');
  await items.nth(14).waitFor();
  expect(await s.page.locator('#view-setup-check').isVisible()).toBe(true);
  expect(await s.page.locator('#view-dashboard').isVisible()).toBe(false);
  const lines = (await items.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  expect(lines).toHaveLength(15);
  // Roster emails never approved (rules §19): the owner is told to approve them once.
  expect(lines.find((l) => l.includes('Roster emails not approved'))).toMatch(
    /^Check Roster emails not approved: You have not approved the roster's emails yet/,
  );
  expect(lines[0]).toBe('OK Authorisation: Every permission Uptake asks for is granted.');
  expect(lines.find((l) => l.includes('Lock'))).toMatch(/^Check Lock: The document lock is held by another run now/);
  expect(lines.find((l) => l.includes('Daily run'))).toBe(
    'Check Daily run: Automation is off: turn it on in the sidebar.',
  );

  gas.locks.release('document');
  await s.page.click('#run-setup-check');
  await s.page.waitForFunction(() =>
    document.querySelector('#setup-check-list [data-check="lock"]')?.textContent?.startsWith('OK'),
  );
  expect(s.calls.filter((c) => c.fn === 'getSetupCheck').map((c) => c.ok)).toEqual([true, true]);
  expect(s.pageErrors).toEqual([]);
  await screenshot(s.page, 'setup-check.png');
  await s.page.close();
});
