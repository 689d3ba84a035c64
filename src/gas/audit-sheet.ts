/**
 * The "Adoption audit" sheet: Uptake's own sheet, deleted and re-created at every run. The whole
 * sheet is laid out as one block of values and one of number formats, so writing it takes the
 * same few spreadsheet calls whether the log has a hundred rows or fifty thousand.
 */
import type { AuditTable } from '../core/audit/audit-table';
import type { Audit } from '../core/audit/audit-types';
import { auditSheetLayout, chartColumn, writtenNotice, type AuditSheetLayout } from '../core/audit/sheet-layout';
import type { Settings } from '../core/base/settings';
import { AUDIT_SHEET, readTeam, SetupError, type TeamData } from './team-data';
import { growTo } from './sheet-size';
import { withDocumentLock } from './document-lock';
import { interventionTables } from '../core/interventions/tables';
import { advisedAudit } from './interventions-data';
import { historyTables } from '../core/history/tables';
import { teamHistory } from '../core/history/team-history';
import { insertHistoryCharts } from './history-charts';

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

/** How long "Run audit to sheet" waits for another audit (or another Uptake write) to finish. */
export const AUDIT_LOCK_WAIT_MS = 30_000;

/**
 * "Run audit to sheet": audits the team and writes the sheet; a set-up problem is shown, not
 * thrown. Under the document lock: two editors running it at once would otherwise delete the
 * sheet the other is writing, or both insert one with the same name.
 */
export function runAuditToSheet(
  spreadsheet: Spreadsheet,
  ui: GoogleAppsScript.Base.Ui,
  settings: Settings,
): Sheet | null {
  const busy = () =>
    'Another audit (or another Uptake task) is still writing to this spreadsheet. Nothing was changed: try again in a minute.';
  // A problem comes back as its message and is shown once the lock is released: an alert suspends
  // the script, and locks "don't persist across the suspension" ("Class Ui",
  // https://developers.google.com/apps-script/reference/base/ui).
  const outcome = withDocumentLock(AUDIT_LOCK_WAIT_MS, busy, (): Sheet | string => {
    let team: TeamData;
    try {
      team = readTeam(spreadsheet, settings);
    } catch (error) {
      if (!(error instanceof SetupError)) throw error;
      return error.message;
    }
    const { audit, interventions } = advisedAudit(spreadsheet, team, settings);
    const extra = [
      ...historyTables(teamHistory(team, settings)),
      ...(interventions.sheet ? interventionTables(interventions) : []),
    ];
    const sheet = writeAuditSheet(spreadsheet, audit, Date.now(), team.dateOptions.timeZone, extra);
    SpreadsheetApp.flush();
    spreadsheet.setActiveSheet(sheet);
    return sheet;
  });
  if (typeof outcome !== 'string') return outcome;
  ui.alert('Uptake could not run the audit', outcome, ui.ButtonSet.OK);
  return null;
}
