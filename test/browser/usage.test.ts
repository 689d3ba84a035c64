// The Usage section and Import usage export as the owner sees them (rules §15): the BUILT sidebar
// in Chromium at 300 px, over the example team and its two usage exports, answered by the BUILT
// bundle in the in-memory Apps Script. The figures shown are the payload's (the example's own
// test keeps them right); here: that each reaches the page, in words, within the sidebar.
import fs from 'node:fs';
import path from 'node:path';
import { createFakeGas } from '../../packages/fake-apps-script';
import { loadUptake } from '../../local/uptake-bundle';
import { example, exampleTables } from '../support/example';
import { BUILD_DIR, readBuilt } from '../bundle/support';
import { openSidebar, screenshot, SCREENSHOT_DIR, type SidebarPage } from './harness';
import { chromiumForSuite, SIDEBAR_WIDTH } from '../support/chromium';

jest.setTimeout(90_000);

const MEMBER = 'ben.okafor@northwind.example';

interface UsagePayload {
  members: { member: string; status: string; lines: string[] }[];
  usageAdopters: { adopters: number; known: number; rate: number };
  skippedUsageRows: { source: string; row: number; reason: string }[];
  notOnRoster: { source: string; key: string; rows: number }[];
  sources: { source: string }[];
}

/** The example team as npm start loads it: log, roster, and each usage export a sheet named after its file. */
function exampleWithUsage(settings: Record<string, unknown> = {}) {
  readBuilt('Code.js');
  const { log, roster, usage } = exampleTables();
  const sheets: Record<string, unknown[][]> = { 'AI usage log': log, Roster: roster ?? [] };
  for (const { source, rows } of usage ?? []) sheets[source] = rows;
  const gas = createFakeGas({ now: `${example.asOf}T10:00:00Z`, user: example.owner, spreadsheet: { sheets } });
  const bundle = loadUptake(gas, BUILD_DIR);
  bundle.saveSettings({ ownerEmail: example.owner, ...settings });
  return { gas, bundle };
}

/** The owner's dashboard over the example team and its usage exports, once its Usage section is there. */
async function openUsageSection() {
  const { gas, bundle } = exampleWithUsage();
  const s = await openSidebar(chromium(), gas, bundle, 'showDashboard');
  await s.page.locator('#usage-section').waitFor();
  return { gas, s };
}

function usageOf(s: SidebarPage): UsagePayload {
  const call = s.calls.filter((c) => c.fn === 'getDashboard' && c.ok).at(-1);
  return (call?.value as { audit: { usage: UsagePayload } }).audit.usage;
}

const texts = async (s: SidebarPage, selector: string) =>
  (await s.page.locator(selector).allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());

const chromium = chromiumForSuite();

test('the Usage section: each member’s status with its evidence line, usage adopters beside the log’s rate, what could not be read', async () => {
  const { s } = await openUsageSection();
  const usage = usageOf(s);

  const members = s.page.locator('#usage-members > li');
  expect(await members.count()).toBe(usage.members.length);
  for (const [i, m] of usage.members.entries()) {
    const item = members.nth(i);
    expect((await item.locator('.title').innerText()).trim()).toBe(`${m.member} · ${m.status}`);
    expect(await item.locator('.figures li').allInnerTexts()).toEqual(m.lines);
  }
  // Every status the example shows is on the page, in words.
  const statuses = await texts(s, '#usage-members .usage-status');
  for (const status of ['not logging', 'under-logging', 'not seen in the tools', 'consistent', 'no usage data'])
    expect(statuses).toContain(`· ${status}`);
  expect((await texts(s, '#usage-members > li')).find((t) => t.startsWith('Dev Patel'))).toMatch(
    /^Dev Patel · not logging (ChatGPT|Claude): .*; 0 runs logged/,
  );

  const a = usage.usageAdopters;
  const logRate = Math.round(
    (s.calls.find((c) => c.fn === 'getDashboard')!.value as { audit: { team: { adoptionRate: number } } }).audit.team
      .adoptionRate * 100,
  );
  expect((await s.page.locator('#usage-adopters').innerText()).trim()).toBe(
    `Usage adopters ${Math.round(a.rate * 100)}% (${a.adopters} of ${a.known} members with active days known); the log’s adoption rate ${logRate}%.`,
  );

  const problems = await texts(s, '#usage-problems li');
  expect(problems).toEqual([
    ...usage.skippedUsageRows.map((r) => `${r.source} row ${r.row} skipped: ${r.reason}`),
    ...usage.notOnRoster.map(
      (n) => `${n.source}: ${n.key} (${n.rows} row${n.rows === 1 ? '' : 's'}) is on no roster row`,
    ),
  ]);
  expect(usage.skippedUsageRows.length).toBeGreaterThan(0);

  const box = (await s.page.locator('#usage-section').boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(SIDEBAR_WIDTH);
  expect(await s.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(SIDEBAR_WIDTH);
  expect(s.pageErrors).toEqual([]);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await s.page.locator('#usage-section').screenshot({ path: path.join(SCREENSHOT_DIR, 'usage-section.png') });
  await s.page.close();
});

test('Import usage export: the chosen file becomes a new text-only sheet, and the dashboard reads it', async () => {
  const { gas, s } = await openUsageSection();
  expect(await s.page.locator('#usage-import').isVisible()).toBe(true);
  // The new sheet is a tab of the team's file: the panel says every editor can read it.
  expect(await s.page.locator('#usage-import .hint').textContent()).toMatch(/every editor can open it/);
  const csv = [
    'Email,Date,Tool,Count,Notes',
    'dev.patel@northwind.example,2026-02-23,Gemini,2,=HYPERLINK("http://evil.example";"click")',
    'dev.patel@northwind.example,2026-02-24,Gemini,many,<b>bold</b>',
    'lena.fischer@northwind.example,2026-03-01,Gemini,1,+1',
  ].join('\r\n');
  await s.page.setInputFiles('#usage-file', { name: 'gemini-feb.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const message = s.page.locator('#usage-import-message');
  await s.page.waitForFunction(() =>
    document.querySelector('#usage-import-message')?.textContent?.startsWith('Imported'),
  );
  const sheet = 'Gemini usage 2026-02-23–2026-03-01';
  expect(await message.innerText()).toBe(
    `Imported gemini-feb.csv into the new sheet "${sheet}": 2 rows of Gemini from 23 Feb–1 Mar. 1 row could not be read: the Usage section lists them.`,
  );
  expect(await message.getAttribute('role')).toBe('status');
  // The dashboard is read again, and the new sheet is one of its sources; its bad row is listed.
  await s.page.waitForFunction((name) => document.querySelector('#usage-sources')?.textContent?.includes(name), sheet);
  expect(await texts(s, '#usage-problems li')).toContain(`${sheet} row 3 skipped: count: "many" is not a number`);
  const cells = gas.spreadsheet.getSheetByName(sheet)!.getRange(1, 1, 4, 5);
  expect(cells.getValues()[1][4]).toBe('=HYPERLINK("http://evil.example";"click")');
  expect(gas.inspect.formulaCells().filter((cell) => cell.sheet === sheet)).toEqual([]);
  expect(await s.page.locator('#usage-file').inputValue()).toBe('');
  expect(s.pageErrors).toEqual([]);
  await screenshot(s.page, 'usage-import.png');
  await s.page.locator('#usage-import').screenshot({ path: path.join(SCREENSHOT_DIR, 'usage-import-panel.png') });
  await s.page.close();
});

test('a file of no known shape, and one not in UTF-8, are refused in words and nothing is written', async () => {
  const { gas, s } = await openUsageSection();
  const sheetsBefore = gas.spreadsheet.getSheets().map((sh) => sh.getName());
  const message = s.page.locator('#usage-import-message');

  await s.page.setInputFiles('#usage-file', {
    name: 'hours.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Name,Hours\nAna,3\n'),
  });
  await s.page.waitForFunction(() =>
    document.querySelector('#usage-import-message')?.textContent?.includes('hours.csv'),
  );
  expect(await message.innerText()).toMatch(
    /^hours\.csv is not a usage export Uptake can read: its columns are "Name", "Hours"\. Uptake reads these shapes, recognised by their headers: daily .* Nothing was imported\.$/,
  );
  expect(await message.getAttribute('role')).toBe('alert');
  expect(await message.getAttribute('class')).toContain('error-message');

  const latin1 = Buffer.from('Email,Date\njos\xe9@northwind.example,2026-02-23\n', 'latin1');
  await s.page.setInputFiles('#usage-file', { name: 'latin.csv', mimeType: 'text/csv', buffer: latin1 });
  await s.page.waitForFunction(() =>
    document.querySelector('#usage-import-message')?.textContent?.includes('latin.csv'),
  );
  expect(await message.innerText()).toMatch(
    /^latin\.csv is not UTF-8 text \(line 2 holds characters in another encoding\)\..* Nothing was imported\.$/,
  );
  // The page refused it itself: the server was asked once, for hours.csv.
  expect(s.calls.filter((c) => c.fn === 'importUsageExport').map((c) => c.ok)).toEqual([false]);
  expect(gas.spreadsheet.getSheets().map((sh) => sh.getName())).toEqual(sheetsBefore);
  expect(s.pageErrors).toEqual([]);
  await s.page.close();
});

test('a member let in by "open team" sees the Usage section but not the import', async () => {
  const { gas, bundle } = exampleWithUsage({ openTeam: true });
  gas.session.setUser(MEMBER);
  const s = await openSidebar(chromium(), gas, bundle, 'showDashboard');
  await s.page.locator('#usage-section').waitFor();
  const data = s.calls.find((c) => c.fn === 'getDashboard')!.value as { viewer: { role: string } };
  expect(data.viewer.role).toBe('member');
  expect(await s.page.locator('#usage-import').isHidden()).toBe(true);
  expect(await s.page.locator('#automation').isHidden()).toBe(true);
  expect(s.pageErrors).toEqual([]);
  await s.page.close();
});
