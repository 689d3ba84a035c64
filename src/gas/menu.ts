/**
 * The add-on menu and the panels it opens. `buildMenu` runs in onOpen, also in AuthMode.NONE,
 * where only the menu may be built: it reads no properties and no document.
 */

/** Menu label → the top-level function (src/index.ts) it runs; null marks a separator. */
export const MENU_ITEMS: readonly ([string, string] | null)[] = [
  ['Log a run', 'showLogForm'],
  ['Open dashboard', 'showDashboard'],
  ['Run audit to sheet', 'runAuditToSheet'],
  null,
  ['Set up log and roster', 'setUpLogAndRoster'],
  ['Create logging form', 'createLoggingForm'],
  ['Check set-up', 'showSetupCheck'],
  ['Send digest now', 'sendDigestNow'],
  ['Settings', 'showSettings'],
  null,
  ['Help', 'showHelp'],
];

export function buildMenu(): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of MENU_ITEMS) {
    if (item) menu.addItem(item[0], item[1]);
    else menu.addSeparator();
  }
  menu.addToUi();
}

/** Sheets shows sidebars 300 px wide, whatever is asked. */
export const SIDEBAR_WIDTH = 300;

/** The HTML files the build writes from src/client (build/<name>.html). */
export type Page = 'sidebar' | 'logrun';

/** Opens a page of the client in the sidebar; `view` picks the page's first view. */
export function showPage(page: Page, title: string, view?: 'settings' | 'setup-check'): void {
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
