/**
 * The add-on menu and the panels it opens. `buildMenu` runs in onOpen, also in AuthMode.NONE,
 * where only the menu may be built: it reads no properties and no document.
 */
import type { Settings } from '../core/base/settings';
import type { RosterEmailPair } from '../core/roles/roster-approval';
import { allows, type Access, type Caller } from '../core/roles/roles';
import { caller, refusalFor, TAKE_OVER_ITEM, withFileOwnership } from './roles';
import { loadSettings, loadStoredSettings } from './settings-store';

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

/**
 * A member's menu: their own runs and week; the named dashboard only when Settings open the
 * team; and, for the account that owns the spreadsheet in Google Drive, a way to take Uptake over.
 */
export function memberMenu(openTeam: boolean, ownsFile = false): MenuItems {
  return [LOG_A_RUN, MY_WEEK, ...(openTeam ? [DASHBOARD] : []), null, ...(ownsFile ? [TAKE_OVER, null] : []), HELP];
}

const TAKE_OVER: [string, string] = [TAKE_OVER_ITEM, 'reclaimOwnership'];

/**
 * "Open dashboard" where onOpen cannot tell who opened the spreadsheet and the dashboard is the
 * owner's alone: its label says whose it is, and a member who clicks it is told so by the page.
 */
const OWNER_DASHBOARD: [string, string] = ["Owner's dashboard", 'showOpeningDashboard'];
/** The opening menu's "Open dashboard": the spreadsheet's Drive owner is offered Take over from it (showOpeningDashboard). */
const OPENING_DASHBOARD: [string, string] = ['Open dashboard', 'showOpeningDashboard'];

/**
 * The menu onOpen builds, by auth mode. onOpen runs in AuthMode.NONE or LIMITED ("Editor add-on
 * authorization", https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle),
 * where Session gives no email ("Class Session": blank in "a simple onOpen(e) … trigger",
 * https://developers.google.com/apps-script/reference/base/session), so it cannot tell the owner
 * from a member:
 * - NONE: the add-on is installed for this user but "not enabled" in this spreadsheet, that is,
 *   nobody has used Uptake here, so there is no owner yet; nothing may be read ("Enum AuthMode",
 *   https://developers.google.com/apps-script/reference/script/auth-mode). Everything a first
 *   user may do is shown: whoever saves Settings first becomes the owner.
 * - LIMITED: the document's properties may be read (the same page's example reads them in every
 *   mode but NONE), so the Settings say whether the team is open and whether an owner is set.
 *   With an owner and the team closed, "Open dashboard" is not offered to everyone: an item
 *   labelled as the owner's takes its place, and says whose it is to a member who clicks it.
 * - FULL (onInstall, or a page asking for its user's menu): the email is known, so the menu is
 *   that person's own (menuFor).
 * Every item a member can click either works for them or says plainly that it is the owner's.
 * "Take over Uptake" is for one account, the spreadsheet's owner in Google Drive, which onOpen
 * cannot recognise: it is offered when that account clicks the dashboard item (src/index.ts,
 * showOpeningDashboard), and is in its menu from then on.
 */
export const OPENING_MENU: MenuItems = [LOG_A_RUN, MY_WEEK, OPENING_DASHBOARD, null, HELP];
/** The opening menu when an owner is set and the named dashboard is theirs alone. */
export const OPENING_MENU_CLOSED_TEAM: MenuItems = [LOG_A_RUN, MY_WEEK, null, OWNER_DASHBOARD, null, HELP];

/** The opening menu for `settings` read in AuthMode.LIMITED. */
export function openingMenu(settings: Pick<Settings, 'ownerEmail' | 'openTeam'>): MenuItems {
  return settings.ownerEmail && !settings.openTeam ? OPENING_MENU_CLOSED_TEAM : OPENING_MENU;
}

/** The menu onOpen builds in `authMode` (a ScriptApp.AuthMode, which reads as its name). */
export function buildOpeningMenu(authMode: unknown): void {
  const mode = String(authMode ?? 'LIMITED');
  if (mode === 'NONE') return buildMenu(OPENING_MENU);
  if (mode === 'FULL') return buildMenu(menuFor(caller()));
  buildMenu(openingMenu(loadSettings()));
}

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
  return who.role === 'owner' ? MENU_ITEMS : memberMenu(who.openTeam, withFileOwnership(who).ownsFile);
}

/** The menu of whoever is calling, in place of the opening one. */
export function refreshMenu(): void {
  buildMenu(menuFor(caller()));
}

/**
 * Runs an owner's menu item: `action` if `access` allows the caller; otherwise an alert says
 * whose it is (the server refuses, not only the menu) and the menu becomes theirs.
 */
export function runMenuItem(
  access: Access,
  does: string,
  action: (settings: Settings, approved: readonly RosterEmailPair[]) => void,
): void {
  const { settings, approved } = loadStoredSettings();
  const asked = caller(settings);
  const who = access === 'fileOwner' ? withFileOwnership(asked) : asked;
  if (!allows(who, access)) {
    buildMenu(menuFor(who));
    const ui = SpreadsheetApp.getUi();
    ui.alert('Uptake', refusalFor(who, access, does).message, ui.ButtonSet.OK);
    return;
  }
  action(settings, approved);
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
