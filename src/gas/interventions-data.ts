/**
 * Reads the Interventions sheet (spec §14) for the dashboard, the audit sheet and the digest:
 * found by its headers, one getValues, never a write.
 */
import { findHeader } from '../core/sheets/header';
import { isoToDay } from '../core/base/dates';
import type { Settings } from '../core/base/settings';
import { DEFAULT_INTERVENTIONS_SHEET, INTERVENTION_FIELDS } from '../core/interventions/sheet';
import { interventionsView, NO_INTERVENTIONS, type InterventionsView } from '../core/interventions/view';
import type { Audit } from '../core/audit/audit-types';
import { AUDIT_SHEET, SENT_SHEET, type TeamData } from './team-data';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const HEADER_ROWS_SCANNED = 30;

function hasInterventionHeaders(sheet: Sheet): boolean {
  const rows = Math.min(sheet.getLastRow(), HEADER_ROWS_SCANNED);
  const cols = sheet.getLastColumn();
  if (rows < 1 || cols < 1) return false;
  try {
    findHeader(sheet.getRange(1, 1, rows, cols).getValues(), INTERVENTION_FIELDS, 'sheet');
    return true;
  } catch {
    return false;
  }
}

/**
 * The Interventions sheet: the one named "Interventions" if its headers are there (looked at
 * first: the usual case costs one read), else the first other sheet with Date, Team member and
 * Type headers that is not the log, the roster or a sheet Uptake writes. null when none is.
 */
export function findInterventionsSheet(
  spreadsheet: Spreadsheet,
  exclude: { logSheet: string | null; rosterSheet: string | null },
): Sheet | null {
  const skipped = new Set([AUDIT_SHEET, SENT_SHEET, exclude.logSheet, exclude.rosterSheet]);
  const sheets = spreadsheet.getSheets().filter((sheet) => !skipped.has(sheet.getName()));
  const byName = sheets.find((s) => s.getName().trim().toLowerCase() === DEFAULT_INTERVENTIONS_SHEET.toLowerCase());
  if (byName && hasInterventionHeaders(byName)) return byName;
  return sheets.find((sheet) => sheet !== byName && hasInterventionHeaders(sheet)) ?? null;
}

/** The interventions with their figures as of the audit's as-of date. */
export function readInterventions(
  spreadsheet: Spreadsheet,
  team: TeamData,
  settings: Pick<Settings, 'genuineAt'>,
  audit: Pick<Audit, 'asOf'>,
): InterventionsView {
  const sheet = findInterventionsSheet(spreadsheet, {
    logSheet: team.logSheet.getName(),
    rosterSheet: team.rosterSheet?.getName() ?? null,
  });
  if (!sheet) return NO_INTERVENTIONS;
  return interventionsView({
    sheet: { name: sheet.getName(), values: sheet.getDataRange().getValues() },
    log: team.log,
    roster: team.roster,
    dateOptions: team.dateOptions,
    asOf: isoToDay(audit.asOf)!,
    settings,
  });
}
