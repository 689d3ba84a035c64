// out/sidebar.html, the standalone sidebar `npm start` writes, opened in Chromium from the file
// with no network: it must show the audit from its embedded data, switch windows it holds, and
// say so (not break) for anything a read-only page cannot do.
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { scriptSafeJson, sidebarPreviewHtml } from '../../local/sidebar-page';
import type { JsonAudit } from '../../local/json';
import { launchChromium } from '../support/chromium';
import { bundleCliInto, removeTemp, runCli, tempDir } from './support';

jest.setTimeout(30_000);

let work: string;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
/** What the page asked of the network. */
const requested: string[] = [];
let oneWeek: JsonAudit;
let fourWeeks: JsonAudit;

beforeAll(async () => {
  work = tempDir();
  const cli = bundleCliInto(work);
  oneWeek = JSON.parse(runCli(cli, ['--json', '--out', 'out'], work).stdout) as JsonAudit;
  fourWeeks = JSON.parse(runCli(cli, ['--json', '--weeks', '4', '--out', 'out-4'], work).stdout) as JsonAudit;
  context = await launchChromium();
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/ERR_FAILED|Failed to load resource/.test(message.text()))
      pageErrors.push(message.text());
  });
  // Only the file itself; anything else is recorded and refused, as offline.
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('about:') || url.startsWith('data:')) return route.continue();
    requested.push(url);
    return route.abort();
  });
  await page.goto(`file://${path.join(work, 'out', 'sidebar.html')}`);
}, 60_000);

afterAll(async () => {
  await context?.close();
  removeTemp(work);
});

const dashboardText = () => page.locator('#dashboard').innerText();

test('shows the audit of the run, headline included, without errors', async () => {
  await page.locator('#dashboard').getByText(oneWeek.headline).waitFor({ timeout: 10_000 });
  expect(await dashboardText()).toContain(oneWeek.members[0].member);
  expect(await page.locator('.uptake-preview-banner').innerText()).toMatch(
    /^Preview written by npm start: .* as of \d{4}-\d{2}-\d{2}\. Read only\.$/,
  );
  expect(pageErrors).toEqual([]);
});

test('asks the network for nothing: docs/local-run.md says nothing leaves the machine', async () => {
  await page.waitForFunction(() => document.querySelector('#members') !== null);
  expect(requested).toEqual([]);
  const html = fs.readFileSync(path.join(work, 'out', 'sidebar.html'), 'utf8');
  expect(html).not.toMatch(/<(?:link|script|img|iframe)\b[^>]*\b(?:href|src)\s*=\s*["']?(?:https?:)?\/\//i);
  // And the page says so to the browser, so no later change can fetch without failing here.
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toMatch(
    /default-src 'none'/,
  );
});

test('switches to another window it holds (4 weeks)', async () => {
  expect(fourWeeks.headline).not.toBe(oneWeek.headline);
  await page.locator('#weeks').selectOption('4');
  await page.locator('#dashboard').getByText(fourWeeks.headline).waitFor({ timeout: 10_000 });
  expect(pageErrors).toEqual([]);
});

test('previews the digest written next to it', async () => {
  const subject = /^Subject: (.*)$/m.exec(fs.readFileSync(path.join(work, 'out', 'digest.txt'), 'utf8'))?.[1];
  expect(subject).toBeTruthy();
  await page.locator('#preview-digest').click();
  await page.locator('#preview-subject').getByText(subject!, { exact: true }).waitFor({ timeout: 10_000 });
  expect(pageErrors).toEqual([]);
}, 15_000);

test('another as-of date or a change is refused with a message, not an error', async () => {
  await page.locator('#as-of').fill('2026-02-01');
  await page.locator('#as-of').dispatchEvent('change');
  await page
    .locator('#error')
    .getByText(/holds the audit as of/)
    .waitFor({ timeout: 10_000 });
  await page.locator('#automation-on').click();
  await page
    .getByText(/read-only preview written by npm start/)
    .first()
    .waitFor({ timeout: 10_000 });
  expect(pageErrors).toEqual([]);
});

describe('the embedded data', () => {
  test('cannot end the script element, whatever the cells say', () => {
    const hostile = { name: '</script><script>alert(1)</script><!-- \u2028' };
    const html = sidebarPreviewHtml('<html><head></head><body></body></html>', {
      dashboards: { asOf: '2026-03-01', defaultWeeks: 1, byWeeks: { 1: hostile } },
      values: {},
      source: 'x',
    });
    const scripts = html.match(/<script>[\s\S]*?<\/script>/g) ?? [];
    expect(scripts.length).toBe(1);
    expect(html).not.toMatch(/<\/script><script>alert/);
    expect(JSON.parse(scriptSafeJson(hostile))).toEqual(hostile);
  });

  test('the written page holds no raw "</script" or "<!--" inside its data', () => {
    const html = fs.readFileSync(path.join(work, 'out', 'sidebar.html'), 'utf8');
    const shim = /<script>\(function installPreviewShim[\s\S]*?<\/script>/.exec(html)?.[0] ?? '';
    expect(shim.length).toBeGreaterThan(0);
    expect(shim.slice(0, -'</script>'.length)).not.toMatch(/<\/script|<!--/i);
  });
});
