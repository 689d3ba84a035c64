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
import { followAdvice } from '../core/interventions/advice';
import { auditTeam } from '../core/audit/team-audit';
import { AUDIT_SHEET, SENT_SHEET, type TeamData } from './team-data';
import { workbookOf, type Workbook } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function hasInterventionHeaders(book: Workbook, sheet: Sheet): boolean {
  const head = book.headRows(sheet);
  if (!head.length) return false;
  try {
    findHeader(head, INTERVENTION_FIELDS, 'sheet');
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
  spreadsheet: Spreadsheet | Workbook,
  exclude: { logSheet: string | null; rosterSheet: string | null },
): Sheet | null {
  const book = workbookOf(spreadsheet);
  const skipped = new Set([AUDIT_SHEET, SENT_SHEET, exclude.logSheet, exclude.rosterSheet]);
  const sheets = book.sheets().filter((s) => !skipped.has(s.name));
  const byName = sheets.find((s) => s.name.trim().toLowerCase() === DEFAULT_INTERVENTIONS_SHEET.toLowerCase())?.sheet;
  if (byName && hasInterventionHeaders(book, byName)) return byName;
  return sheets.find((s) => s.sheet !== byName && hasInterventionHeaders(book, s.sheet))?.sheet ?? null;
}

/** The interventions with their figures as of the audit's as-of date. */
export function readInterventions(
  spreadsheet: Spreadsheet | Workbook,
  team: TeamData,
  settings: Pick<Settings, 'genuineAt'>,
  audit: Pick<Audit, 'asOf'>,
): InterventionsView {
  const book = workbookOf(spreadsheet);
  const sheet = findInterventionsSheet(book, { logSheet: team.logSheetName, rosterSheet: team.rosterSheetName });
  if (!sheet) return NO_INTERVENTIONS;
  return interventionsView({
    sheet: { name: book.nameOf(sheet), values: book.values(sheet) },
    log: team.log,
    roster: team.roster,
    dateOptions: team.dateOptions,
    asOf: isoToDay(audit.asOf)!,
    settings,
  });
}

/**
 * The audit with the interventions beside it, advised (spec §18): causes already answered are
 * marked addressed and listed after the open ones. What the sidebar and the audit sheet show.
 */
export function advisedAudit(
  spreadsheet: Spreadsheet | Workbook,
  team: TeamData,
  settings: Settings,
  asOfIso?: string | null,
  weeks?: number | null,
): { audit: Audit; interventions: InterventionsView } {
  const audit = auditTeam(team, settings, asOfIso, weeks);
  return followAdvice(audit, readInterventions(spreadsheet, team, settings, audit));
}
