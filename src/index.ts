/**
 * Entry points Apps Script calls. Each exported function becomes a top-level function in
 * build/Code.js with the JSDoc written here (the build copies it, since esbuild drops comments).
 * Nothing at module top level may call a service: this file loads for every custom-function
 * cell and for onOpen in AuthMode.NONE.
 */
import { adoptionCategory, acceptanceRateOf, usesPerWeek } from './core/functions/sheet-functions';
import { spreadsheetDateOptions } from './gas/spreadsheet-locale';
import { datesAsTheSheetHolds } from './gas/argument-zone';
import type { Settings } from './core/base/settings';
import type { DashboardData, DashboardRequest, LogFormData, LogRunRequest, LogRunResult } from './shared/api';
import type { AutomationStatus, DigestPreview, ServerEntryPoints, SettingsChanges } from './shared/api';
import type { InterventionFormData, RecordInterventionRequest, RecordInterventionResult } from './shared/api';
import type { CheckLine, MyWeekView, ProgrammeStartRequest, ProgrammeStartResult } from './shared/api';
import type { UsageImportRequest, UsageImportResult } from './shared/api';
import type { LoggingFormAnswer, LoggingFormStep, RosterApprovalRequest } from './shared/api';
import type { ServerReply } from './shared/failure';
import * as auditFile from './gas/audit-file';
import * as myWeek from './gas/my-week';
import * as auditSheet from './gas/audit-sheet';
import * as dashboard from './gas/dashboard';
import * as logRunForm from './gas/log-run';
import * as menu from './gas/menu';
import * as setup from './gas/setup';
import { loadSettings } from './gas/settings-store';
import * as automation from './gas/automation';
import { checkedCaller, sidebarCall, storedForCall } from './gas/sidebar-call';
import * as interventions from './gas/record-intervention';
import * as setupCheck from './gas/setup-check';
import * as loggingForm from './gas/logging-form';
import * as programme from './gas/programme';
import * as usageImport from './gas/usage-import';
import * as interventionsHome from './gas/interventions-home';
import * as takeOver from './gas/take-over-question';
import * as rosterApproval from './gas/roster-approval';
import { caller, ownerEmail, withFileOwnership } from './gas/roles';

/**
 * The adoption category for a number of unprompted uses per week: "Genuine adopter" (3 or
 * more by default), "Developing user" (1 or more) or "Non-adopter". Works on a single value
 * or a range (blank cells stay blank).
 *
 * @param {number|Array<Array<number>>} uses_per_week Unprompted uses per week, or a range of them.
 * @param {number} [genuine_at] Uses per week from which a member is a Genuine adopter (default 3).
 * @param {number} [developing_at] Uses per week from which a member is a Developing user (default 1).
 * @return {string|Array<Array<string>>} The category, or a range of categories of the same shape.
 * @customfunction
 */
export function ADOPTION_CATEGORY(uses_per_week: unknown, genuine_at?: unknown, developing_at?: unknown) {
  return adoptionCategory(uses_per_week, genuine_at, developing_at);
}

/**
 * The acceptance rate of a list of outcomes: (used as-is + light edit) ÷ all outcomes, from 0
 * to 1. Blank cells are ignored. Outcomes: used as-is, light edit, heavy edit, not used.
 *
 * @param {string|Array<Array<string>>} outcomes The outcome cells of the log, e.g. D2:D; a log over several sheets stacked, e.g. {D2:D; 'Form Responses 1'!D2:D} (the logging form's Outcome is column D).
 * @return {number} The share of outputs used as-is or with a light edit.
 * @customfunction
 */
export function ACCEPTANCE_RATE(outcomes: unknown) {
  return acceptanceRateOf(outcomes);
}

/**
 * A member's unprompted AI workflow runs per week, in the weeks × 7 days ending on as_of.
 * Names match whatever their case and spacing. Recalculates only when an argument changes: the
 * spreadsheet's time zone and locale, the script's time zone and the first rows of the log sheet
 * named in Settings do not refresh it; after changing one, edit the formula. Never give NOW() or
 * RAND(); leave as_of blank rather than TODAY().
 *
 * @param {Array<Array<Date>>} dates The log's date column, e.g. A2:A; a log over several sheets stacked, e.g. {A2:A; 'Form Responses 1'!A2:A} (the logging form's Timestamp).
 * @param {Array<Array<string>>} members The log's team member column, same size as dates, stacked in the same order, e.g. {B2:B; 'Form Responses 1'!B2:B}.
 * @param {string} member The team member (name or email, as logged).
 * @param {Date} [as_of] The last day counted (default: the latest date in dates).
 * @param {number} [weeks] How many weeks to average over (default 1).
 * @param {Array<Array<boolean>>} [prompted] The log's prompted column; prompted runs are then not counted.
 * @return {number} Unprompted runs per week.
 * @customfunction
 */
export function USES_PER_WEEK(
  dates: unknown,
  members: unknown,
  member: unknown,
  as_of?: unknown,
  weeks?: unknown,
  prompted?: unknown,
) {
  const options = spreadsheetDateOptions();
  const [sheetDates, sheetAsOf] = datesAsTheSheetHolds([dates, as_of], options.timeZone);
  return usesPerWeek(sheetDates, members, member, sheetAsOf, weeks, prompted, options);
}

// ---- Add-on menu, sheets set-up, sidebar calls, audit sheet, log a run ----

/**
 * Builds the Uptake menu when the spreadsheet opens. In AuthMode.NONE it reads nothing; in
 * LIMITED only the Settings (whether the team is open, whether an owner is set); in FULL
 * (onInstall) it knows who is asking (src/gas/menu.ts says why).
 *
 * @param {GoogleAppsScript.Events.SheetsOnOpen} e The open event.
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen | GoogleAppsScript.Events.AddonOnInstall) {
  menu.buildOpeningMenu(e?.authMode);
}

/**
 * Builds the menu right after the add-on is installed, so the user need not reload.
 *
 * @param {GoogleAppsScript.Events.AddonOnInstall} e The install event.
 */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall) {
  onOpen(e);
}

/** Menu "Log a run": opens the form that adds one run to the log, with the caller's own week. */
export function showLogForm() {
  menu.showPage('logrun', 'Log a run');
}

/** Menu "My week": the Log a run sidebar, opened on the caller's own week. */
export function showMyWeek() {
  menu.showPage('logrun', 'My week', 'my-week');
}

/**
 * Menu "Open dashboard" (or "Owner's dashboard"): the named adoption dashboard, for the owner
 * (or every editor when the team is open). The page holds no data: its first call, getDashboard,
 * refuses anyone else, and the page shows that refusal, naming the owner. Not checked here too:
 * the check would cost the dashboard's budget of calls (BENCHMARKS.md) a second time.
 */
export function showDashboard() {
  menu.showPage('sidebar', 'Uptake');
}

/** Menu "Settings" (owner): opens the dashboard sidebar on its Settings view. */
export function showSettings() {
  menu.runMenuItem('owner', 'change the settings', () => menu.showPage('sidebar', 'Uptake settings', 'settings'));
}

/** Menu "Help": what Uptake does, where its rules are, how to get support. */
export function showHelp() {
  menu.showHelp();
}

/**
 * Menu "Run audit to sheet" (owner): re-creates the "Adoption audit" sheet with tables and
 * charts, in the owner's own spreadsheet unless Settings open the team.
 */
export function runAuditToSheet() {
  menu.runMenuItem('owner', 'run the audit to a sheet', (settings, approved) =>
    auditSheet.runAuditToSheet(SpreadsheetApp.getActiveSpreadsheet(), SpreadsheetApp.getUi(), settings, approved),
  );
}

/**
 * Menu "Create logging form": a Google Form whose answers land in a sheet of this spreadsheet,
 * read as part of the log; run again, it offers to update the existing form's dropdowns.
 */
export function createLoggingForm() {
  menu.runMenuItem('owner', 'create or update the logging form', (settings, approved) => {
    const ui = SpreadsheetApp.getUi();
    const report = loggingForm.createLoggingForm(SpreadsheetApp.getActiveSpreadsheet(), ui, settings, approved);
    ui.alert('Uptake logging form', report, ui.ButtonSet.OK);
  });
}

/**
 * Sidebar "Create logging form", the owner's: one step; a question (update the existing form,
 * or make a new one for a deleted form) comes back to the page, which asks again with the answer.
 *
 * @param {string|null} answer "update" or "new", the owner's yes to the question asked; null the first time.
 * @return {ServerReply<LoggingFormStep>} What was done, or the question.
 */
export function makeLoggingForm(answer: LoggingFormAnswer | null): ServerReply<LoggingFormStep> {
  return sidebarCall('makeLoggingForm', [answer], (checked) => {
    const { settings, approved } = storedForCall();
    return loggingForm.loggingFormStep(SpreadsheetApp.getActiveSpreadsheet(), settings, approved, checked);
  });
}

/**
 * Menu "Set up log and roster": creates the log and roster sheets that are missing; asks before
 * adding dropdowns to an existing log. Says what it did in an alert.
 */
export function setUpLogAndRoster() {
  menu.runMenuItem('owner', 'set up the log and roster', (settings) => {
    const ui = SpreadsheetApp.getUi();
    const report = setup.setUpLogAndRoster(SpreadsheetApp.getActiveSpreadsheet(), ui, settings);
    ui.alert('Uptake set-up', report.join('\n\n'), ui.ButtonSet.OK);
  });
}

/**
 * Sidebar: the audit, settings, programme timeline and automation status, as plain JSON.
 *
 * @param {DashboardRequest} request The as-of date (YYYY-MM-DD) and window in weeks; both optional.
 * @return {ServerReply<DashboardData>} The dashboard; `problem` says what to fix when the log cannot be read.
 */
export function getDashboard(request?: DashboardRequest | null): ServerReply<DashboardData> {
  return sidebarCall('getDashboard', [request], (checked) =>
    dashboard.dashboardData(SpreadsheetApp.getActiveSpreadsheet(), checked),
  );
}

/**
 * Sidebar: selects a row of the log, e.g. a skipped row to fix.
 *
 * @param {number} row The sheet row number.
 * @param {string} sheet Which of the log's sheets; empty for the team's own log.
 * @return {ServerReply<void>} Nothing, or what went wrong.
 */
export function selectLogRow(row: number, sheet?: string | null): ServerReply<void> {
  return sidebarCall('selectLogRow', [row, sheet], (checkedRow, checkedSheet) =>
    dashboard.selectLogRow(SpreadsheetApp.getActiveSpreadsheet(), checkedRow, checkedSheet),
  );
}

/**
 * Sidebar: the owner's settings.
 *
 * @return {ServerReply<Settings>} The stored settings, defaults filled in.
 */
export function getSettings(): ServerReply<Settings> {
  return sidebarCall('getSettings', [], () => storedForCall().settings);
}

/**
 * Sidebar: validates and stores changed settings; a bad field comes back as an error naming it.
 *
 * @param {SettingsChanges} changes The fields to change, as the Settings form holds them.
 * @return {ServerReply<Settings>} The settings now stored.
 */
export function saveSettings(changes: SettingsChanges): ServerReply<Settings> {
  return sidebarCall('saveSettings', [changes], (checked) =>
    dashboard.saveSettingsFromSidebar(SpreadsheetApp.getActiveSpreadsheet(), checked),
  );
}

/**
 * "Log a run" form: today, the member this user logs as, and the names and workflows to pick from.
 *
 * @return {ServerReply<LogFormData>} The form's data.
 */
export function getLogForm(): ServerReply<LogFormData> {
  return sidebarCall('getLogForm', [], () =>
    logRunForm.logFormData(SpreadsheetApp.getActiveSpreadsheet(), storedForCall()),
  );
}

/**
 * "Log a run" form: checks the run and appends it as one new row of the log, under the document lock.
 *
 * @param {LogRunRequest} request The run: date (YYYY-MM-DD), member, workflow, outcome, edit types, prompted, notes.
 * @return {ServerReply<LogRunResult>} The row written and a confirmation.
 */
export function logRun(request: LogRunRequest): ServerReply<LogRunResult> {
  return sidebarCall('logRun', [request], (checked) =>
    logRunForm.logRun(SpreadsheetApp.getActiveSpreadsheet(), storedForCall(), checked),
  );
}

/**
 * "Record an intervention" form: today, the members, the types and the workflows to pick from.
 *
 * @return {ServerReply<InterventionFormData>} The form's data.
 */
export function getInterventionForm(): ServerReply<InterventionFormData> {
  return sidebarCall('getInterventionForm', [], () => {
    const { settings, approved } = storedForCall();
    return interventions.interventionFormData(SpreadsheetApp.getActiveSpreadsheet(), settings, approved);
  });
}

/**
 * "Record an intervention" form: checks it and appends it as one new row of the Interventions
 * sheet (created with its headers and dropdowns the first time), under the document lock.
 *
 * @param {RecordInterventionRequest} request Date (YYYY-MM-DD), member ('' for the whole team), type, workflow, note.
 * @return {ServerReply<RecordInterventionResult>} The row and sheet written, and a confirmation.
 */
export function recordIntervention(request: RecordInterventionRequest): ServerReply<RecordInterventionResult> {
  return sidebarCall('recordIntervention', [request], (checked) => {
    const { settings, approved } = storedForCall();
    return interventions.recordIntervention(SpreadsheetApp.getActiveSpreadsheet(), settings, approved, checked);
  });
}

/**
 * Starts the replacement programme (spec §17): today, or on the date given (the sidebar after
 * the audit, or Settings). Its baseline, the audit of the week before the start, is frozen.
 *
 * @param {ProgrammeStartRequest} request The start date (YYYY-MM-DD), or none for today.
 * @return {ServerReply<ProgrammeStartResult>} A confirmation and the programme as the sidebar shows it.
 */
export function startProgramme(request: ProgrammeStartRequest): ServerReply<ProgrammeStartResult> {
  return sidebarCall('startProgramme', [request], (checked) => {
    const { settings, approved } = storedForCall();
    return programme.startProgramme(SpreadsheetApp.getActiveSpreadsheet(), settings, approved, checked);
  });
}

// ---- Automation: daily trigger, reminders, digest ----

/**
 * The daily trigger: sends the programme reminders that are due (days 7, 14, 21, 30 and 42
 * after each training date) and, on the digest weekday, the weekly digest. Each email goes
 * exactly once: what was sent is recorded in the "Uptake sent" sheet.
 *
 * @param {GoogleAppsScript.Events.TimeDriven} e The time-driven event.
 */
export function runDaily(e?: GoogleAppsScript.Events.TimeDriven) {
  automation.runDaily(e as { triggerUid?: string } | undefined);
}

/**
 * Sidebar and Settings: turns the daily automation on (one daily trigger at the Settings hour,
 * however often it is turned on) or off (the trigger is removed).
 *
 * @param {boolean} on Whether automation should run.
 * @return {ServerReply<AutomationStatus>} The automation status after the change.
 */
export function setAutomation(on: boolean): ServerReply<AutomationStatus> {
  return sidebarCall('setAutomation', [on], (checked) => automation.setAutomation(checked));
}

/**
 * Sidebar: whether automation is on, when it last ran, what it sent and the problems it found.
 *
 * @return {ServerReply<AutomationStatus>} The automation status.
 */
export function getAutomationStatus(): ServerReply<AutomationStatus> {
  return sidebarCall('getAutomationStatus', [], () => automation.checkedAutomationStatus());
}

/**
 * Menu and sidebar "Send digest now": the weekly digest of the last seven days, to the owner
 * and the recipients, now. Shows the result in a toast and returns it.
 *
 * @param {boolean} [quiet] true when the caller shows the result itself (no toast).
 * @return {ServerReply<string>} What was sent.
 */
export function sendDigestNow(quiet?: boolean): ServerReply<string> {
  return sidebarCall('sendDigestNow', [quiet], (checkedQuiet) => {
    const summary = automation.sendDigestNow();
    if (!checkedQuiet) SpreadsheetApp.getActiveSpreadsheet().toast(summary, 'Uptake', 10);
    return summary;
  });
}

/** Menu "Send digest now" (owner): the digest now, its result in a toast; a member is told whose it is. */
export function sendDigestFromMenu() {
  menu.runMenuItem('owner', 'send the digest', () => {
    const reply = sendDigestNow();
    // The sidebar call returns its failure as data (a ServerReply): from the menu it is said in an alert.
    if (!reply.ok) {
      const ui = SpreadsheetApp.getUi();
      ui.alert('Uptake', reply.failure.message, ui.ButtonSet.OK);
    }
  });
}

/**
 * Sidebar "Preview digest": the owner's digest as it would be sent now, and its recipients.
 *
 * @return {ServerReply<DigestPreview>} Subject, HTML, plain text and recipients.
 */
export function previewDigest(): ServerReply<DigestPreview> {
  return sidebarCall('previewDigest', [], () => automation.previewDigest());
}

/**
 * Menu "Take over Uptake", shown to the account that owns the spreadsheet in Google Drive when
 * it is not Uptake's owner: asks, then makes it the owner (src/gas/reclaim-owner.ts), for when
 * the owner email saved in Settings is one nobody holds. Anyone else is told whose it is.
 */
export function reclaimOwnership() {
  menu.runMenuItem('fileOwner', 'take Uptake over', (settings) =>
    takeOver.askToTakeOver(SpreadsheetApp.getActiveSpreadsheet(), settings, false),
  );
}

/**
 * The opening menu's dashboard item ("Open dashboard", or "Owner's dashboard": src/gas/menu.ts).
 * onOpen cannot tell who opened the spreadsheet, so this decides: the account that owns the
 * spreadsheet in Google Drive and is not Uptake's owner (the owner email saved is one nobody
 * holds, a typo) gets its own menu, with "Take over Uptake", and is asked at once whether to take
 * Uptake over, unless it said not to be asked again (src/gas/take-over-question.ts); anyone else,
 * and that account then, gets the dashboard page, which refuses a member.
 */
export function showOpeningDashboard() {
  const settings = loadSettings();
  const who = withFileOwnership(caller(settings));
  if (who.role === 'owner' || !who.ownsFile) return showDashboard();
  menu.buildMenu(menu.menuFor(who));
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  if (takeOver.takeOverDeclined(spreadsheet, ownerEmail(settings))) return showDashboard();
  menu.runMenuItem('fileOwner', 'take Uptake over', (checked) =>
    takeOver.askToTakeOver(spreadsheet, checked, { showPage: showDashboard }),
  );
}

/** Menu "Check set-up" (owner): the sidebar's panel with one line per check, ok or what to do. */
export function showSetupCheck() {
  menu.runMenuItem('owner', 'check the set-up', () => menu.showPage('sidebar', 'Uptake set-up check', 'setup-check'));
}

/**
 * "Log a run" sidebar: the caller's own week (rules §19), found by their Google account's email.
 *
 * @return {ServerReply<MyWeekView>} Their figures in plain words, or why Uptake cannot tell which runs are theirs.
 */
export function getMyWeek(): ServerReply<MyWeekView> {
  return sidebarCall('getMyWeek', [], () => {
    const { settings, approved } = storedForCall();
    return myWeek.myWeekView(SpreadsheetApp.getActiveSpreadsheet(), settings, approved);
  });
}

/**
 * Pages, once shown: the add-on menu of whoever has the page open (src/gas/menu.ts says why here).
 *
 * @return {ServerReply<void>} Nothing, or what went wrong.
 */
export function refreshMenu(): ServerReply<void> {
  return sidebarCall('refreshMenu', [], () => menu.refreshMenu());
}

/**
 * Dashboard (owner): deletes the "Adoption audit" tab an earlier version left in the team
 * spreadsheet, when the owner asks; never while the team is open.
 *
 * @return {ServerReply<string>} What was done.
 */
export function removeOldAuditTab(): ServerReply<string> {
  return sidebarCall('removeOldAuditTab', [], () =>
    auditFile.removeOldAuditTab(SpreadsheetApp.getActiveSpreadsheet(), storedForCall().settings),
  );
}

/**
 * Sidebar (owner): Import usage export. The CSV the owner chose goes as-is, every cell as text,
 * into a new sheet named after its tool and period (spec §15); a file of no known shape is
 * refused and nothing is written.
 *
 * @param {UsageImportRequest} request The file's name and its text.
 * @return {ServerReply<UsageImportResult>} The new sheet's name and what was imported.
 */
export function importUsageExport(request: UsageImportRequest): ServerReply<UsageImportResult> {
  return sidebarCall('importUsageExport', [request], (checked) =>
    usageImport.importUsageExport(SpreadsheetApp.getActiveSpreadsheet(), checked),
  );
}

/**
 * Dashboard (owner): moves the Interventions tab an earlier version left in the team spreadsheet
 * to the owner's own spreadsheet and removes it from the team's, when the owner asks; never
 * while the team is open.
 *
 * @return {ServerReply<string>} What was done.
 */
export function moveOldInterventions(): ServerReply<string> {
  return sidebarCall('moveOldInterventions', [], () =>
    interventionsHome.moveOldInterventions(SpreadsheetApp.getActiveSpreadsheet(), storedForCall().settings),
  );
}

/**
 * Sidebar "Check set-up": authorisation, owner, trigger, last run, mail quota, time zones, the
 * sheets and their size, property storage and the lock, one line each. Changes nothing.
 *
 * @return {ServerReply<CheckLine[]>} The checks, in the order the panel shows them.
 */
export function getSetupCheck(): ServerReply<CheckLine[]> {
  return sidebarCall('getSetupCheck', [], () => setupCheck.setupCheck(SpreadsheetApp.getActiveSpreadsheet()));
}

/**
 * Dashboard (owner): its *Approve*, for the follow-up owners and the roster's (name, email)
 * pairings the owner ticked on the dashboard (rules §19). The owner's mirror of the approvals, which
 * a daily run outside the document reads, is updated by the approval itself (storeApprovals).
 *
 * @param {RosterApprovalRequest} request The pairings ticked.
 * @return {ServerReply<string>} What was approved.
 */
export function approveRoster(request: RosterApprovalRequest): ServerReply<string> {
  return sidebarCall('approveRoster', [request], (listed) =>
    rosterApproval.approveRoster(
      SpreadsheetApp.getActiveSpreadsheet(),
      storedForCall(),
      listed,
      checkedCaller()?.documentValues,
    ),
  );
}

/**
 * Compile-time check, no code: every ServerApi call is an entry point above, with the argument
 * types of the interface and its result in a ServerReply (a missing or mistyped one fails `tsc`).
 * A new call is added to this list too (see src/shared/api.ts).
 */
type Implements<Actual extends Contract, Contract> = Actual;
export type SidebarEntryPoints = Implements<
  {
    getDashboard: typeof getDashboard;
    selectLogRow: typeof selectLogRow;
    getSettings: typeof getSettings;
    saveSettings: typeof saveSettings;
    getLogForm: typeof getLogForm;
    logRun: typeof logRun;
    setAutomation: typeof setAutomation;
    getAutomationStatus: typeof getAutomationStatus;
    sendDigestNow: typeof sendDigestNow;
    previewDigest: typeof previewDigest;
    getInterventionForm: typeof getInterventionForm;
    recordIntervention: typeof recordIntervention;
    startProgramme: typeof startProgramme;
    getSetupCheck: typeof getSetupCheck;
    getMyWeek: typeof getMyWeek;
    removeOldAuditTab: typeof removeOldAuditTab;
    moveOldInterventions: typeof moveOldInterventions;
    refreshMenu: typeof refreshMenu;
    importUsageExport: typeof importUsageExport;
    makeLoggingForm: typeof makeLoggingForm;
    approveRoster: typeof approveRoster;
  },
  ServerEntryPoints
>;
