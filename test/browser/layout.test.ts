// The sidebar at its real width (300 px): headers keep their words whole, and a team string
// with bidi controls in it cannot reorder the text around it.
import type { BrowserContext, Page } from 'playwright-core';
import type { DashboardData } from '../../src/shared/api';
import { exampleTeam, launchChromium, openSidebar } from './harness';

jest.setTimeout(60_000);

let context: BrowserContext;

beforeAll(async () => {
  context = await launchChromium();
});

afterAll(async () => {
  await context?.close();
});

async function openDashboard(sheets?: Record<string, unknown[][]>): Promise<{ page: Page; data: DashboardData }> {
  const { gas, bundle } = exampleTeam(sheets);
  const s = await openSidebar(context, gas, bundle, 'showDashboard');
  await s.page.waitForFunction(() => document.querySelector('#members') !== null);
  await s.page.waitForFunction(() => !document.getElementById('app')?.hasAttribute('aria-busy'));
  expect(s.pageErrors).toEqual([]);
  const data = s.calls.find((c) => c.fn === 'getDashboard')?.value as DashboardData;
  return { page: s.page, data };
}

/** Each word of the table headers that the layout splits over two lines, as "header: word". */
function wordsBrokenInHeaders(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const broken: string[] = [];
    for (const th of Array.from(document.querySelectorAll('thead th'))) {
      const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const match of text.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index!);
          range.setEnd(node, match.index! + match[0].length);
          const lines = new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(`${(th as HTMLElement).innerText.replace(/\s+/g, ' ')}: ${match[0]}`);
        }
      }
    }
    return broken;
  });
}

test('at 300 px no table header breaks inside a word ("Uses /wk" stays "Uses" over "/wk")', async () => {
  const { page } = await openDashboard();
  expect(await page.locator('thead th').count()).toBeGreaterThan(0);
  expect(await wordsBrokenInHeaders(page)).toEqual([]);
  const overflowing = await page.evaluate(() =>
    Array.from(document.querySelectorAll('thead th'))
      .filter((th) => th.scrollWidth > th.clientWidth)
      .map((th) => (th as HTMLElement).innerText),
  );
  expect(overflowing).toEqual([]);
});
