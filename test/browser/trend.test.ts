// The dashboard's Trend section (rules §13) as a user sees it: the BUILT sidebar in Chromium at
// 300 px, google.script.run answered by the BUILT bundle. The charts fit, their tables carry the
// payload's numbers, unknown weeks are gaps, and names arrive as text.
import path from 'path';
import type { Page } from 'playwright-core';
import type { History } from '../../src/core/history/history-types';
import { openExampleDashboard, SCREENSHOT_DIR } from './harness';
import { chromiumForSuite, SIDEBAR_WIDTH } from '../support/chromium';
import { LOG_SHEET, ROSTER_SHEET, teamLogRows, teamRosterRows } from './team';

jest.setTimeout(90_000);

const chromium = chromiumForSuite();

function pct(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '–' : `${Math.round(rate * 100)}%`;
}

async function open(sheets?: Record<string, unknown[][]>) {
  const { s, page, data } = await openExampleDashboard(chromium(), sheets);
  await page.waitForSelector('#trend');
  const history = data.history!;
  return { s, page, history };
}

/** Every row of a table, header cell first, as text (the table sits in a closed <details>). */
function tableRows(page: Page, id: string): Promise<string[][]> {
  return page.$$eval(`#${id} tbody tr`, (rows) =>
    rows.map((row) => Array.from(row.children, (cell) => (cell.textContent ?? '').trim())),
  );
}

describe('The Trend section', () => {
  let history: History;

  test('renders two charts within 300 px whose tables give the payload’s numbers, and the transitions', async () => {
    const { s, page, history: h } = await open();
    history = h;
    expect(history.weeks.length).toBeGreaterThanOrEqual(4);
    expect(history.cohorts.length).toBeGreaterThanOrEqual(1);

    const charts = page.locator('#trend svg[role="img"]');
    expect(await charts.count()).toBe(2);
    for (const label of await charts.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label') ?? ''))) {
      expect(label.length).toBeGreaterThan(40);
    }
    for (const box of await charts.evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect().toJSON()))) {
      expect(box.width).toBeGreaterThan(200);
      expect(box.right).toBeLessThanOrEqual(SIDEBAR_WIDTH);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(SIDEBAR_WIDTH);

    const weekRows = await tableRows(page, 'trend-weeks-table');
    expect(weekRows.map((r) => r.slice(1))).toEqual(
      history.weeks.map((w) => [pct(w.adoptionRate), pct(w.trainingCompletionRate)]),
    );
    expect(await page.$eval('#trend-weeks-table caption', (c) => c.textContent)).toMatch(/Adoption rate/);

    const cohortRows = await tableRows(page, 'trend-cohorts-table');
    expect(cohortRows).toEqual(
      history.allCohorts.map((all, k) => [
        String(k + 1),
        pct(all),
        ...history.cohorts.map((c) => pct(c.genuineShare[k])),
      ]),
    );

    // A week not ended is a gap: the all-cohorts line has a point only where the payload has a value.
    const allPoints = await page.locator('#trend .trend-all circle').count();
    expect(allPoints).toBe(history.allCohorts.filter((v) => v !== null).length);
    expect(history.allCohorts.some((v) => v === null)).toBe(true);
    // The gap between training and adoption is drawn as an area.
    expect(await page.locator('#trend .trend-gap polygon').count()).toBeGreaterThan(0);
    // The target band spans 70–80%: a tenth of the plot's height.
    expect(await page.locator('#trend rect.trend-band').count()).toBe(1);

    for (const key of ['retained', 'newAdopters', 'reactivated', 'lapsed'] as const) {
      const dd = page.locator(`#trend-transitions dd[data-transition="${key}"]`);
      const names = await dd.locator('bdi').allTextContents();
      expect(names).toEqual(history.transitions[key]);
      if (names.length === 0) expect(await dd.textContent()).toBe('none');
    }
    expect(s.pageErrors).toEqual([]);

    await page.locator('#trend').screenshot({ path: path.join(SCREENSHOT_DIR, 'trend.png') });
  });

  test('a name holding <script> shows as text, isolated, and runs nothing', async () => {
    const named = Object.values(history.transitions).flat();
    expect(named.length).toBeGreaterThan(0);
    const victim = named[0];
    const evil = '<script>window.__trendPwned = 1</script>Zoë';
    const rename = (rows: unknown[][]) => rows.map((row) => row.map((cell) => (cell === victim ? evil : cell)));
    const {
      s,
      page,
      history: h,
    } = await open({ [LOG_SHEET]: rename(teamLogRows()), [ROSTER_SHEET]: rename(teamRosterRows()) });
    const key = (Object.keys(h.transitions) as (keyof History['transitions'])[]).find((k) =>
      h.transitions[k].includes(evil),
    )!;
    expect(key).toBeDefined();
    const dd = page.locator(`#trend-transitions dd[data-transition="${key}"]`);
    expect(await dd.locator('bdi').allTextContents()).toContain(evil);
    expect(await page.locator('#trend script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __trendPwned?: number }).__trendPwned)).toBeUndefined();
    expect(s.pageErrors).toEqual([]);
  });
});
