/**
 * The question "Take over Uptake?" (rules §19, src/gas/reclaim-owner.ts), and its "Don't ask
 * again". The account that owns the spreadsheet in Google Drive, when it is not Uptake's owner,
 * is asked when it opens the dashboard from a freshly opened spreadsheet (src/index.ts,
 * showOpeningDashboard). A Drive owner who only keeps the file, for a team someone else leads,
 * answers No once and is not asked again: the dashboard item then opens the page every editor
 * gets. The menu item Take over Uptake still works whenever they click it, and the dashboard page
 * and Check set-up, refusing them, say how to take Uptake over (src/gas/roles.ts, refusalFor).
 *
 * The answer is kept in the account's own user properties, a store "that only the current user
 * can access, and only within this script" ("Class PropertiesService", getUserProperties(),
 * https://developers.google.com/apps-script/reference/properties/properties-service; "Properties
 * Service", https://developers.google.com/apps-script/guides/properties): no other account's call
 * can set it for them. A user's properties are the same in every spreadsheet Uptake is used in, so
 * the answer is kept per spreadsheet, with the owner Settings named when it was given: once
 * Settings name another owner, the question is asked again. Taking Uptake over, from this question
 * or the menu item, deletes the answer (takeOverAsCaller).
 */
import type { Settings } from '../core/base/settings';
import { sameAccount } from '../core/roles/roles';
import { reclaimQuestion, takeOverAsCaller, takeOverDeclinedKey } from './reclaim-owner';
import { refreshMenu } from './menu';
import { ownerEmail, TAKE_OVER_ITEM } from './roles';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Whether the calling account said not to be asked again while Settings name `owner` as the owner here. */
export function takeOverDeclined(spreadsheet: Spreadsheet, owner: string): boolean {
  const declined = PropertiesService.getUserProperties().getProperty(takeOverDeclinedKey(spreadsheet));
  if (declined === null) return false;
  return declined === '' ? owner === '' : sameAccount(declined, owner);
}

/** What the Drive owner who answered No to the opening question is asked next. */
export function askAgainQuestion(owner: string): string {
  return (
    'Ask you again each time you open the dashboard here? If you only keep the file, answer No: the dashboard ' +
    `item then opens the page every editor gets, without this question, for as long as ${owner || 'no one'} is ` +
    `the owner of Uptake in its Settings. You can still take Uptake over at any time: Extensions › Uptake › ` +
    `${TAKE_OVER_ITEM}.`
  );
}

/**
 * Asks the Drive owner (the guard checked it) whether to take Uptake over, and does it on Yes.
 * `fromOpening`: the question the dashboard item asks by itself, whose No is followed by whether
 * to ask again; an answer of No to that is kept (takeOverDeclined). After any No to taking over,
 * the page every editor gets is opened with `showPage`, whatever is answered about asking again.
 */
export function askToTakeOver(
  spreadsheet: Spreadsheet,
  settings: Settings,
  fromOpening: false | { showPage: () => void },
): void {
  const ui = SpreadsheetApp.getUi();
  const owner = ownerEmail(settings);
  const answer = ui.alert('Take over Uptake?', reclaimQuestion(owner), ui.ButtonSet.YES_NO);
  if (answer === ui.Button.YES) {
    const said = takeOverAsCaller(spreadsheet);
    refreshMenu();
    ui.alert('Uptake', said, ui.ButtonSet.OK);
    return;
  }
  // Closing the question answers nothing: it is asked again next time.
  if (answer !== ui.Button.NO || !fromOpening) return;
  if (ui.alert('Ask again?', askAgainQuestion(owner), ui.ButtonSet.YES_NO) === ui.Button.NO) {
    PropertiesService.getUserProperties().setProperty(takeOverDeclinedKey(spreadsheet), owner);
  }
  fromOpening.showPage();
}
