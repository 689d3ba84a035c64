// The logging form where people are (rules §16), as a user sees it: the BUILT pages in Chromium,
// google.script.run answered by the BUILT bundle in the in-memory Apps Script. Log a run draws the
// form's QR code in the page, read back here by a QR decoder (jsQR) from the pixels Chromium
// drew; the owner's sidebar makes the form with a button.
import type { Page } from 'playwright-core';
import { exampleTeam, openSidebar, screenshot, type SidebarPage } from './harness';
import { chromiumForSuite } from '../support/chromium';
import { OWNER } from './team';
import { until } from '../support/until';

jest.setTimeout(60_000);

const chromium = chromiumForSuite();

/** A member of the example team: an editor of the spreadsheet, not of the form. */
const MEMBER = 'ben@example.com';

async function idle(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.getElementById('app')?.hasAttribute('aria-busy'));
}

/**
 * The text of the QR code Chromium drew: a screenshot of the element, drawn onto a canvas in the
 * page and decoded by jsQR from its pixels.
 */
async function decodeQr(page: Page): Promise<string | null> {
  const png = await page.locator('#form-link .qr-code').screenshot();
  await page.addScriptTag({ path: require.resolve('jsqr') });
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context2d = canvas.getContext('2d')!;
    context2d.drawImage(image, 0, 0);
    const { data, width, height } = context2d.getImageData(0, 0, canvas.width, canvas.height);
    type Decoder = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
    return (window as unknown as { jsQR: Decoder }).jsQR(data, width, height)?.data ?? null;
  }, png.toString('base64'));
}

async function openLogForm(s: SidebarPage): Promise<void> {
  await until('getLogForm', () => s.calls.some((c) => c.fn === 'getLogForm'));
  await idle(s.page);
}

describe('Log a run', () => {
  test('with a form: its link and a QR code drawn in the page, which reads back as the form’s address, for a member too', async () => {
    const { gas, bundle } = exampleTeam();
    bundle.$runFromClient('makeLoggingForm', null);
    const [form] = [...gas.forms.forms.values()];
    const url = form.getPublishedUrl();
    gas.session.setUser(MEMBER);
    const s = await openSidebar(chromium(), gas, bundle, 'showLogForm');
    await openLogForm(s);
    const section = s.page.locator('#form-link');
    expect(await section.isVisible()).toBe(true);
    expect(await s.page.locator('#form-link-url').getAttribute('href')).toBe(url);
    expect(await s.page.getByRole('img', { name: 'QR code of the logging form’s address' }).count()).toBe(1);
    expect(await decodeQr(s.page)).toBe(url);
    await screenshot(s.page, 'logrun-form-link.png');
    // Drawn in the page: nothing was asked of the network but Google's stylesheet.
    expect(s.blocked.every((blocked) => blocked.startsWith('https://ssl.gstatic.com/'))).toBe(true);
    expect(s.pageErrors).toEqual([]);
  });

  test('without a form: no link and no code', async () => {
    const { gas, bundle } = exampleTeam();
    const s = await openSidebar(chromium(), gas, bundle, 'showLogForm');
    await openLogForm(s);
    expect(await s.page.locator('#form-link').isHidden()).toBe(true);
    expect(await s.page.locator('.qr-code').count()).toBe(0);
    expect(s.pageErrors).toEqual([]);
  });
});

describe('the owner’s sidebar', () => {
  test('Create logging form makes the form and links it; pressed again, it asks before updating the dropdowns', async () => {
    const { gas, bundle } = exampleTeam();
    bundle.saveSettings({ ownerEmail: OWNER });
    const s = await openSidebar(chromium(), gas, bundle, 'showDashboard');
    await until('getDashboard', () => s.calls.some((c) => c.fn === 'getDashboard'));
    await idle(s.page);
    const button = s.page.getByRole('button', { name: 'Create logging form' });
    expect(await button.isVisible()).toBe(true);
    await button.click();
    await until('the form', () => gas.forms.forms.size === 1);
    await idle(s.page);
    const [form] = [...gas.forms.forms.values()];
    const message = s.page.locator('#logging-form-message');
    expect(await message.innerText()).toContain(`Made the logging form: ${form.getPublishedUrl()}`);
    expect(await message.getByRole('link', { name: 'Open the form' }).getAttribute('href')).toBe(
      form.getPublishedUrl(),
    );

    await button.click();
    const question = s.page.locator('#logging-form-question');
    await question.waitFor({ state: 'visible' });
    expect(await question.innerText()).toContain('already has its logging form');
    await s.page.getByRole('button', { name: 'No', exact: true }).click();
    expect(await message.innerText()).toBe('Nothing changed.');
    await button.click();
    await question.waitFor({ state: 'visible' });
    await s.page.getByRole('button', { name: 'Yes', exact: true }).click();
    await until('the update', () => s.calls.some((c) => c.fn === 'makeLoggingForm' && c.args[0] === 'update'));
    await idle(s.page);
    expect(await message.innerText()).toMatch(/^The form's dropdowns now offer \d+ team members/);
    expect(gas.forms.forms.size).toBe(1);
    expect(s.calls.filter((c) => c.fn === 'makeLoggingForm').map((c) => [c.args[0], c.ok])).toEqual([
      [null, true],
      [null, true],
      [null, true],
      ['update', true],
    ]);
    expect(s.pageErrors).toEqual([]);
  });
});
