/**
 * Reads the Interventions sheet (spec §14) for the dashboard, the audit sheet, the programme and
 * the digest: where it lives (src/gas/interventions-home.ts), one getValues, never a write.
 */
import { dayToIso, isoToDay, type Day } from '../core/base/dates';
import type { Settings } from '../core/base/settings';
import { interventionsView, NO_INTERVENTIONS, type InterventionsView } from '../core/interventions/view';
import type { Audit } from '../core/audit/audit-types';
import { followAdvice } from '../core/interventions/advice';
import { auditTeam } from '../core/audit/team-audit';
import type { TeamData } from './team-data';
import type { Workbook } from './workbook';
import type { AuditFileRecord } from './audit-file';
import { findInterventions } from './interventions-home';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The interventions with their figures as of the audit's as-of date. `ownFile`: the owner's
 * audit file as already read (see findInterventions).
 */
export function readInterventions(
  spreadsheet: Spreadsheet | Workbook,
  team: TeamData,
  settings: Pick<Settings, 'genuineAt' | 'openTeam'>,
  audit: Pick<Audit, 'asOf'>,
  ownFile?: AuditFileRecord | null,
): InterventionsView {
  const exclude = { logSheet: team.logSheetName, rosterSheet: team.rosterSheetName };
  const found = findInterventions(spreadsheet, exclude, settings, ownFile);
  if (!found) return NO_INTERVENTIONS;
  return interventionsView({
    sheet: { name: found.name, values: found.book.values(found.sheet) },
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
  ownFile?: AuditFileRecord | null,
): { audit: Audit; interventions: InterventionsView } {
  const audit = auditTeam(team, settings, asOfIso, weeks);
  const membersAt = (weekEnd: Day) => auditTeam(team, settings, dayToIso(weekEnd), 1).members;
  return followAdvice(audit, readInterventions(spreadsheet, team, settings, audit, ownFile), membersAt);
}
