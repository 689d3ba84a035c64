// Drives the BUILT sidebar pages in Chromium (see chromium.ts), with google.script.run answered by the
// BUILT bundle (build/Code.js) running in the in-memory Apps Script. The page is the HTML the
// bundle itself hands to SpreadsheetApp.getUi().showSidebar, served from a made-up origin;
// every other request (Google's stylesheet included) is aborted, so nothing waits on a network.
import fs from 'fs';
import path from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import { createFakeGas, type FakeGas } from '../../packages/fake-apps-script';
import { installScriptRun } from '../../local/script-run';
import type { DashboardData } from '../../src/shared/api';
import type { ServerReply, SidebarFailure } from '../../src/shared/failure';
import { until } from '../support/until';
import { loadUptake, type UptakeBundle, type UptakeEntryPointName } from '../../local/uptake-bundle';
import { BUILD_DIR, ROOT, readBuilt } from '../bundle/support';
import { LOG_SHEET, OWNER, ROSTER_SHEET, TODAY, teamLogRows, teamRosterRows } from './team';

export const SCREENSHOT_DIR = path.join(ROOT, 'test-artifacts', 'screenshots');
const PAGE_ORIGIN = 'https://uptake.test';
/** The page's function that google.script.run calls: a binding to the bundle in the fake. */
const SERVER_BINDING = '__uptakeServer';

export interface ServerCall {
  fn: string;
  args: unknown[];
  ok: boolean;
  /** The value of the server's ServerReply, for successful calls. */
  value?: unknown;
  /** The failure, as data, of the server's ServerReply, for failed calls. */
  failure?: SidebarFailure;
  /** The error message sent to the failure handler, for a call that threw (no ServerReply). */
  thrown?: string;
}

/**
 * The example team in a fresh in-memory Apps Script, with the bundle loaded; `sheets` replaces
 * the log and roster (to show a set-up problem, say).
 */
export function exampleTeam(sheets?: Record<string, unknown[][]>): { gas: FakeGas; bundle: UptakeBundle } {
  readBuilt('Code.js');
  readBuilt('sidebar.html');
  readBuilt('logrun.html');
  const gas = createFakeGas({
    now: `${TODAY}T10:00:00Z`,
    user: OWNER,
    spreadsheet: {
      name: 'Team AI log',
      sheets: sheets ?? { [LOG_SHEET]: teamLogRows(), [ROSTER_SHEET]: teamRosterRows() },
    },
  });
  const bundle = loadUptake(gas, BUILD_DIR);
  return { gas, bundle };
}

export interface SidebarPage {
  page: Page;
  /** The HTML the entry point showed, as the page was served. */
  html: string;
  /** Every google.script.run call, in the order they were answered. */
  calls: ServerCall[];
  /** Messages of alert/confirm/prompt dialogs (each dismissed). */
  dialogs: string[];
  /** Uncaught exceptions and console errors in the page. */
  pageErrors: string[];
  /** URLs the page asked for and did not get. */
  blocked: string[];
  /** Holds server answers until the returned function is called (to see the loading state). */
  hold(): () => void;
}

/**
 * Opens what the entry point `opener` (showDashboard, showSettings, showLogForm) puts in the
 * sidebar, in a new tab of `context`, wired to `bundle`.
 */
export async function openSidebar(
  context: BrowserContext,
  gas: FakeGas,
  bundle: UptakeBundle,
  opener: UptakeEntryPointName,
): Promise<SidebarPage> {
  bundle.$run(opener);
  const shown = gas.ui.lastShown();
  if (!shown || shown.kind !== 'sidebar') throw new Error(`${opener} showed no sidebar`);
  const html = shown.content;
  const page = await context.newPage();
  let gate = Promise.resolve();
  const result: SidebarPage = {
    page,
    html,
    calls: [],
    dialogs: [],
    pageErrors: [],
    blocked: [],
    hold: () => {
      let release = () => undefined as void;
      gate = new Promise<void>((resolve) => (release = resolve));
      return () => {
        release();
        gate = Promise.resolve();
      };
    },
  };
  page.on('dialog', (dialog) => {
    result.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => result.pageErrors.push(error.message));
  page.on('console', (message) => {
    // The aborted requests (Google's stylesheet) log "Failed to load resource": expected here.
    const aborted = result.blocked.includes(message.location().url);
    if (message.type() === 'error' && !aborted) result.pageErrors.push(message.text());
  });
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === `${PAGE_ORIGIN}/${opener}`) {
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    } else {
      result.blocked.push(url);
      await route.abort();
    }
  });
  await page.exposeFunction(SERVER_BINDING, async (fn: string, argsJson: string) => {
    await gate;
    const args = JSON.parse(argsJson) as unknown[];
    try {
      // What the server function returns, as google.script.run delivers it to the page.
      const reply = bundle.$replies.$runFromClient(fn, ...args) as ServerReply<unknown>;
      result.calls.push(
        reply.ok ? { fn, args, ok: true, value: reply.value } : { fn, args, ok: false, failure: reply.failure },
      );
      return JSON.stringify({ returned: reply });
    } catch (error) {
      const thrown = error instanceof Error ? error.message : String(error);
      result.calls.push({ fn, args, ok: false, thrown });
      return JSON.stringify({ threw: thrown });
    }
  });
  await page.addInitScript(installScriptRun, SERVER_BINDING);
  await page.goto(`${PAGE_ORIGIN}/${opener}`);
  return result;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, name);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * The example team (or `sheets`) with its dashboard open in a new tab of `context`, once the page
 * has had its first getDashboard answer, which is `data`.
 */
export async function openExampleDashboard(
  context: BrowserContext,
  sheets?: Record<string, unknown[][]>,
  { ownerSaved = false } = {},
) {
  const { gas, bundle } = exampleTeam(sheets);
  // Only an owner saved in Settings approves the roster (rules §19).
  if (ownerSaved) bundle.saveSettings({ ownerEmail: OWNER });
  const s = await openSidebar(context, gas, bundle, 'showDashboard');
  await until('the dashboard data', () => s.calls.some((c) => c.fn === 'getDashboard'));
  const data = s.calls.find((c) => c.fn === 'getDashboard')?.value as DashboardData;
  return { gas, bundle, s, page: s.page, data };
}
