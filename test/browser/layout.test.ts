// The sidebar at its real width (300 px): headers keep their words whole, and a team string
// with bidi controls in it cannot reorder the text around it.
import type { Page } from 'playwright-core';
import type { DashboardData } from '../../src/shared/api';
import { openExampleDashboard } from './harness';
import { chromiumForSuite } from '../support/chromium';
import { LOG_SHEET, ROSTER_SHEET, teamLogRows, teamRosterRows } from './team';

jest.setTimeout(60_000);

const chromium = chromiumForSuite();

async function openDashboard(sheets?: Record<string, unknown[][]>): Promise<{ page: Page; data: DashboardData }> {
  const { s, data } = await openExampleDashboard(chromium(), sheets);
  await s.page.waitForFunction(() => document.querySelector('#members') !== null);
  await s.page.waitForFunction(() => !document.getElementById('app')?.hasAttribute('aria-busy'));
  expect(s.pageErrors).toEqual([]);
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

/** U+202E RIGHT-TO-LEFT OVERRIDE: everything after it, to the end of its paragraph, reads right to left. */
const RLO = '\u202e';

/** The example team with an override typed in front of one name and one workflow, never closed. */
function teamWithOverride(): Record<string, unknown[][]> {
  const typed = (cell: unknown) =>
    cell === 'Ana Lima' || cell === 'Client proposal' || cell === 'Weekly update' ? `${RLO}${cell}` : cell;
  return {
    [LOG_SHEET]: teamLogRows().map((row) => row.map(typed)),
    [ROSTER_SHEET]: teamRosterRows().map((row) => row.map(typed)),
  };
}

/** The words of the strings the override was typed in: shown right to left, as typed. */
const OVERRIDDEN_WORDS = ['Ana', 'Lima', 'Client', 'proposal', 'Weekly', 'update'];

/**
 * Words of `selector`'s text, other than the overridden strings' own, drawn right to left (the
 * first letter right of the last, on one line): text an override reordered.
 */
function reorderedWords(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(
    ([selector, skip]) => {
      const reordered: string[] = [];
      for (const root of Array.from(document.querySelectorAll(selector))) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (!(node.parentElement as HTMLElement).offsetParent) continue;
          for (const word of (node.textContent ?? '').matchAll(/[A-Za-z]{3,}/g)) {
            if (skip.includes(word[0])) continue;
            const box = (at: number) => {
              const range = document.createRange();
              range.setStart(node!, at);
              range.setEnd(node!, at + 1);
              return range.getBoundingClientRect();
            };
            const first = box(word.index!);
            const last = box(word.index! + word[0].length - 1);
            if (Math.round(first.top) === Math.round(last.top) && first.left > last.left) reordered.push(word[0]);
          }
        }
      }
      return reordered;
    },
    [selector, OVERRIDDEN_WORDS] as const,
  );
}

test('a right-to-left override typed in a name or a workflow reorders nothing after it', async () => {
  const { page, data } = await openDashboard(teamWithOverride());
  // The override reached the page: the names and workflows hold it, as typed.
  const members = data.audit!.members.map((m) => m.member);
  expect(members).toContain(`${RLO}Ana Lima`);
  expect(await page.locator('#categories').innerText()).toContain(`${RLO}Ana Lima`);
  // Open every member's details, so their workflows show too.
  for (const button of await page.locator('#members button.disclosure').all()) await button.click();
  for (const part of ['#categories', '#members', '#workflows-below', '#findings', '#skipped-rows', '#timeline', '#app'])
    expect([part, await reorderedWords(page, part)]).toEqual([part, []]);
});
