/**
 * The "Adoption audit" sheet: Uptake's own sheet, deleted and re-created at every run. The whole
 * sheet is laid out as one block of values and one of number formats, so writing it takes the
 * same few spreadsheet calls whether the log has a hundred rows or fifty thousand.
 */
import type { AuditTable } from '../core/audit/audit-table';
import type { Audit } from '../core/audit/audit-types';
import { auditSheetLayout, chartColumn, writtenNotice, type AuditSheetLayout } from '../core/audit/sheet-layout';
import type { Settings } from '../core/base/settings';
import { readTeam, SetupError, type RosterApprovals, type TeamData } from './team-data';
import { AUDIT_SHEET } from '../shared/api';
import { growTo } from './sheet-size';
import { withDocumentLock } from './document-lock';
import { interventionTables } from '../core/interventions/tables';
import { advisedAudit } from './interventions-data';
import { historyTables } from '../core/history/tables';
import { teamHistory } from '../core/history/team-history';
import { insertHistoryCharts } from './history-charts';
import { auditTarget, oldTabQuestion, removeOldAuditTab } from './audit-file';
import { keptWhileOpen } from './open-team-tabs';
import { moveOldInterventions, oldInterventionsQuestion, oldInterventionsTab } from './interventions-home';
import { Workbook } from './workbook';
import { readProgramme } from '../core/automation/programme-store';
import { withProgrammeSixWeek } from '../core/programme/replacement';
import { programmeStore } from './programme-store';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function insertCharts(sheet: Sheet, layout: AuditSheetLayout, audit: Audit) {
  const column = chartColumn(layout);
  const categories = layout.tables.categories;
  if (audit.team.membersInScope > 0) {
    const pie = sheet
      .newChart()
      .setChartType(Charts.ChartType.PIE)
      .addRange(sheet.getRange(categories.headerRow, 1, categories.dataRows + 1, 2))
      .setNumHeaders(1)
      .setOption('title', 'Adoption categories (members in scope)')
      .setPosition(1, column, 0, 0)
      .build();
    sheet.insertChart(pie);
  }
  const workflows = layout.tables.workflows;
  if (workflows.dataRows > 0) {
    // Acceptance as columns, the target as a line across them: workflows under the line need work.
    const combo = sheet
      .newChart()
      .setChartType(Charts.ChartType.COMBO)
      .addRange(sheet.getRange(workflows.headerRow, 1, workflows.dataRows + 1, 1))
      .addRange(sheet.getRange(workflows.headerRow, 4, workflows.dataRows + 1, 2))
      .setNumHeaders(1)
      .setOption(
        'title',
        `Acceptance rate by workflow against the ${Math.round(audit.settings.acceptanceTarget * 100)}% target`,
      )
      .setOption('seriesType', 'bars')
      .setOption('series', { 1: { type: 'line' } })
      .setOption('vAxis', { format: 'percent', minValue: 0, maxValue: 1 })
      .setPosition(22, column, 0, 0)
      .build();
    sheet.insertChart(combo);
  }
}

/** Deletes the previous audit sheet and writes a new one at the end; returns it. */
export function writeAuditSheet(
  spreadsheet: Spreadsheet,
  audit: Audit,
  nowMs: number,
  timeZone: string,
  extra: AuditTable[] = [],
): Sheet {
  const layout = auditSheetLayout(audit, writtenNotice(nowMs, timeZone), extra);
  const previous = spreadsheet.getSheetByName(AUDIT_SHEET);
  if (previous) spreadsheet.deleteSheet(previous);
  const sheet = spreadsheet.insertSheet(AUDIT_SHEET, spreadsheet.getNumSheets());
  // A new sheet has 1,000 rows; a long list of skipped rows needs more.
  growTo(sheet, layout.values.length, layout.width);
  const block = sheet.getRange(1, 1, layout.values.length, layout.width);
  // Formats first: a value written into a plain-text cell is stored as typed, never as a formula.
  block.setNumberFormats(layout.formats);
  block.setValues(layout.values);
  block.setFontWeights(layout.fontWeights);
  insertCharts(sheet, layout, audit);
  insertHistoryCharts(sheet, layout);
  return sheet;
}

/**
 * The audit written: its sheet, the spreadsheet it is in, whether that is the owner's own, and
 * an earlier version's Interventions tab left in the team spreadsheet (its name), to offer moving.
 */
interface AuditWritten {
  sheet: Sheet;
  target: Spreadsheet;
  private: boolean;
  oldInterventions: string | null;
}

/** How long "Run audit to sheet" waits for another audit (or another Uptake write) to finish. */
export const AUDIT_LOCK_WAIT_MS = 30_000;

/**
 * "Run audit to sheet": audits the team and writes the sheet, to the owner's own spreadsheet
 * unless Settings open the team (src/gas/audit-file.ts); a set-up problem is shown, not thrown.
 * Under the document lock: two runs at once would otherwise delete the sheet the other is
 * writing, or both insert one with the same name. Returns the sheet written.
 */
export function runAuditToSheet(
  spreadsheet: Spreadsheet,
  ui: GoogleAppsScript.Base.Ui,
  settings: Settings,
  approved: RosterApprovals,
): Sheet | null {
  const busy = () =>
    'Another audit (or another Uptake task) is still writing to this spreadsheet. Nothing was changed: try again in a minute.';
  // A problem comes back as its message and is shown once the lock is released: an alert suspends
  // the script, and locks "don't persist across the suspension" ("Class Ui",
  // https://developers.google.com/apps-script/reference/base/ui).
  const outcome = withDocumentLock(AUDIT_LOCK_WAIT_MS, busy, (): AuditWritten | string => {
    const book = new Workbook(spreadsheet);
    let team: TeamData;
    try {
      team = readTeam(book, settings, approved);
    } catch (error) {
      if (!(error instanceof SetupError)) throw error;
      return error.message;
    }
    const advised = advisedAudit(book, team, settings);
    const { interventions } = advised;
    // The participants' six-week line says what the programme does instead (rules §17).
    const audit = withProgrammeSixWeek(advised.audit, readProgramme(programmeStore(spreadsheet)));
    // Found already by advisedAudit: the Workbook answers this without a call.
    const exclude = { logSheet: team.logSheetName, rosterSheet: team.rosterSheetName };
    const oldTab = oldInterventionsTab(book, exclude, settings);
    const extra = [
      ...historyTables(teamHistory(team, settings)),
      ...(interventions.sheet ? interventionTables(interventions) : []),
    ];
    const { target, private: isPrivate } = auditTarget(spreadsheet, settings);
    const sheet = writeAuditSheet(target, audit, Date.now(), team.dateOptions.timeZone, extra);
    SpreadsheetApp.flush();
    return { sheet, target, private: isPrivate, oldInterventions: oldTab && book.nameOf(oldTab) };
  });
  if (typeof outcome === 'string') {
    ui.alert('Uptake could not run the audit', outcome, ui.ButtonSet.OK);
    return null;
  }
  if (!outcome.private) {
    spreadsheet.setActiveSheet(outcome.sheet);
    return outcome.sheet;
  }
  ui.alert(
    'Uptake audit written',
    `The audit is in your own spreadsheet "${outcome.target.getName()}", which only you can open:\n${outcome.target.getUrl()}\n\nThe dashboard links to it too.`,
    ui.ButtonSet.OK,
  );
  offerOldTabRemoval(spreadsheet, ui, settings);
  if (outcome.oldInterventions) offerInterventionsMove(spreadsheet, ui, settings, outcome.oldInterventions);
  return outcome.sheet;
}

/** Asks (never deletes silently) whether to remove an earlier version's audit tab from the team spreadsheet. */
function offerOldTabRemoval(spreadsheet: Spreadsheet, ui: GoogleAppsScript.Base.Ui, settings: Settings): void {
  if (!spreadsheet.getSheetByName(AUDIT_SHEET)) return;
  if (
    ui.alert('Remove the old audit tab?', oldTabQuestion(keptWhileOpen(AUDIT_SHEET)), ui.ButtonSet.YES_NO) !==
    ui.Button.YES
  )
    return;
  ui.alert('Uptake', removeOldAuditTab(spreadsheet, settings), ui.ButtonSet.OK);
}

/** Asks (never moves silently) whether to move an earlier version's Interventions tab to the owner's own spreadsheet. */
function offerInterventionsMove(
  spreadsheet: Spreadsheet,
  ui: GoogleAppsScript.Base.Ui,
  settings: Settings,
  tab: string,
): void {
  const question = oldInterventionsQuestion(tab, keptWhileOpen(tab));
  const answer = ui.alert('Move the interventions?', question, ui.ButtonSet.YES_NO);
  if (answer !== ui.Button.YES) return;
  let said: string;
  try {
    said = moveOldInterventions(spreadsheet, settings);
  } catch (error) {
    said = error instanceof Error ? error.message : String(error);
  }
  ui.alert('Uptake', said, ui.ButtonSet.OK);
}
