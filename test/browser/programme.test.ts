// The replacement programme (rules §17) in Chromium: the BUILT sidebar at 300 px, google.script.run
// answered by the BUILT bundle. Started from the sidebar after the audit; a participant's
// anchor-workflow session recorded in one step from their line, as an intervention of that type.
import { exampleTeam, openExampleDashboard, openSidebar } from './harness';
import { chromiumForSuite } from '../support/chromium';
import { OWNER, TODAY } from './team';
import { until } from '../support/until';

jest.setTimeout(90_000);

const chromium = chromiumForSuite();

test('started from the sidebar, then a session recorded from a participant’s line', async () => {
  const { gas, bundle, s, page } = await openExampleDashboard(chromium());
  await page.waitForSelector('#start-programme');
  expect(await page.inputValue('#programme-start')).toBe(TODAY);
  await page.click('#start-programme');
  await until('the start', () => s.calls.some((c) => c.fn === 'startProgramme'));
  expect(s.calls.find((c) => c.fn === 'startProgramme')!.args).toEqual([{ start: TODAY }]);
  await page.waitForSelector('#programme-participants');
  expect(await page.locator('#programme-status').innerText()).toMatch(/^Started .* · day 0 of 30\.$/);

  const data = bundle.getDashboard();
  const first = data.programme!.participants[0];
  expect(first.session).toBeNull();
  const calls = s.calls.length;
  await page.locator('#programme-participants button.record-session').first().click();
  await until('the session', () => s.calls.slice(calls).some((c) => c.fn === 'recordIntervention'));
  expect(s.calls.slice(calls).find((c) => c.fn === 'recordIntervention')!.args).toEqual([
    { date: TODAY, member: first.member, type: 'Anchor-workflow session', workflow: '', note: '' },
  ]);
  await until('the reload', () => s.calls.slice(calls).filter((c) => c.fn === 'getDashboard').length > 0);
  await page.waitForFunction(
    (name) => document.querySelector('#programme-participants')?.textContent?.includes(`${name} (`) ?? false,
    first.member,
  );
  const after = bundle.getDashboard().programme!;
  expect(after.participants.find((p) => p.member === first.member)).toMatchObject({ session: TODAY });
  expect(
    gas
      .sheetValues('Interventions', gas.spreadsheetsOf(OWNER)[0])
      .slice(1)
      .map((r) => [r[1], r[2]]),
  ).toEqual([[first.member, 'Anchor-workflow session']]);
});

test('started from a Settings date; another date while it runs is refused under the field', async () => {
  const { gas, bundle } = exampleTeam();
  const s = await openSidebar(chromium(), gas, bundle, 'showSettings');
  const page = s.page;
  await until('the dashboard data', () => s.calls.some((c) => c.fn === 'getDashboard'));
  const field = page.getByLabel('Replacement programme start');
  await field.waitFor();
  expect(await field.inputValue()).toBe('');
  await field.fill(TODAY);
  await page.getByRole('button', { name: 'Save' }).click();
  await until('the save', () => s.calls.some((c) => c.fn === 'saveSettings'));
  await page.locator('#settings-saved').waitFor();
  expect(bundle.getDashboard().programme).toMatchObject({ start: TODAY, startedOn: TODAY });

  const yesterday = new Date(Date.parse(`${TODAY}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  await field.fill(yesterday);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.locator('#error-programmeStart').waitFor();
  expect(await page.locator('#error-programmeStart').innerText()).toMatch(
    /^Replacement programme start: A replacement programme started on .* one programme at a time\./,
  );
  expect(await field.getAttribute('aria-invalid')).toBe('true');
  expect(bundle.getDashboard().programme!.start).toBe(TODAY);
});
