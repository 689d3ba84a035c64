/**
 * The add-on menu and the panels it opens. `buildMenu` runs in onOpen, also in AuthMode.NONE,
 * where only the menu may be built: it reads no properties and no document.
 */
import type { Settings } from '../core/base/settings';
import { allows, refusal, type Access, type Caller } from '../core/roles/roles';
import { caller } from './roles';
import { loadSettings } from './settings-store';

/** Menu label → the top-level function (src/index.ts) it runs; null marks a separator. */
type MenuItems = readonly ([string, string] | null)[];

const LOG_A_RUN: [string, string] = ['Log a run', 'showLogForm'];
const MY_WEEK: [string, string] = ['My week', 'showMyWeek'];
const DASHBOARD: [string, string] = ['Open dashboard', 'showDashboard'];
const HELP: [string, string] = ['Help', 'showHelp'];

/** The owner's menu: everything. */
export const MENU_ITEMS: MenuItems = [
  LOG_A_RUN,
  MY_WEEK,
  DASHBOARD,
  ['Run audit to sheet', 'runAuditToSheet'],
  null,
  ['Set up log and roster', 'setUpLogAndRoster'],
  ['Create logging form', 'createLoggingForm'],
  ['Check set-up', 'showSetupCheck'],
  ['Send digest now', 'sendDigestFromMenu'],
  ['Settings', 'showSettings'],
  null,
  HELP,
];

/** A member's menu: their own runs and week; the named dashboard only when Settings open the team. */
export function memberMenu(openTeam: boolean): MenuItems {
  return [LOG_A_RUN, MY_WEEK, ...(openTeam ? [DASHBOARD] : []), null, HELP];
}

/**
 * The menu onOpen builds. onOpen runs in AuthMode.NONE or LIMITED, where Session gives no email
 * ("Class User", getEmail(): not available in "a simple onOpen(e) … trigger",
 * https://developers.google.com/apps-script/reference/base/user; AuthMode NONE and LIMITED,
 * https://developers.google.com/apps-script/reference/script/auth-mode), so it cannot tell the
 * owner from a member: it shows what everyone may use and "Open dashboard", whose data the
 * server refuses to a member. Once a page of Uptake is open (AuthMode.FULL, the email known),
 * the page asks for the menu of whoever has it open (refreshMenu): the owner's grows, a
 * member's loses the dashboard. That call runs after the page shows, so nobody waits for it.
 */
export const OPENING_MENU: MenuItems = [LOG_A_RUN, MY_WEEK, DASHBOARD, null, HELP];

export function buildMenu(items: MenuItems = OPENING_MENU): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of items) {
    if (item) menu.addItem(item[0], item[1]);
    else menu.addSeparator();
  }
  menu.addToUi();
}

/** The menu for someone whose role is known. */
export function menuFor(who: Caller): MenuItems {
  return who.role === 'owner' ? MENU_ITEMS : memberMenu(who.openTeam);
}

/** The menu of whoever is calling, in place of the opening one. */
export function refreshMenu(): void {
  buildMenu(menuFor(caller()));
}

/**
 * Runs an owner's menu item: `action` if `access` allows the caller; otherwise an alert says
 * whose it is (the server refuses, not only the menu) and the menu becomes theirs.
 */
export function runMenuItem(access: Access, does: string, action: (settings: Settings) => void): void {
  const settings = loadSettings();
  const who = caller(settings);
  if (!allows(who, access)) {
    buildMenu(menuFor(who));
    const ui = SpreadsheetApp.getUi();
    ui.alert('Uptake', refusal(who, does).message, ui.ButtonSet.OK);
    return;
  }
  action(settings);
}

/** Sheets shows sidebars 300 px wide, whatever is asked. */
export const SIDEBAR_WIDTH = 300;

/** The HTML files the build writes from src/client (build/<name>.html). */
export type Page = 'sidebar' | 'logrun';

/** Opens a page of the client in the sidebar; `view` picks the page's first view. */
export function showPage(page: Page, title: string, view?: 'settings' | 'setup-check' | 'my-week'): void {
  const output = HtmlService.createHtmlOutputFromFile(page).setTitle(title).setWidth(SIDEBAR_WIDTH);
  // A served file takes no query string: the page reads the view from this global instead.
  if (view) output.append(`<script>window.UPTAKE_VIEW=${JSON.stringify(view)}</script>`);
  SpreadsheetApp.getUi().showSidebar(output);
}

export const HELP_SIZE = { width: 460, height: 520 };

/** The help dialog: build/help.html, from src/client/help.html (static text, no team data). */
export function showHelp(): void {
  const output = HtmlService.createHtmlOutputFromFile('help').setWidth(HELP_SIZE.width).setHeight(HELP_SIZE.height);
  SpreadsheetApp.getUi().showModelessDialog(output, 'Uptake help');
}
