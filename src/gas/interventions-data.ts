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
  return interventionsReader(spreadsheet, team, settings, ownFile)(isoToDay(audit.asOf)!);
}

/**
 * The interventions as of any day, for a run that asks for several (the daily run: each email's
 * week, the digest, the programme's sessions): the sheet is found and read once, on the first
 * ask, and each day's figures worked out once. What the run reads does not change within it.
 */
export function interventionsReader(
  spreadsheet: Spreadsheet | Workbook,
  team: TeamData,
  settings: Pick<Settings, 'genuineAt' | 'openTeam'>,
  ownFile?: AuditFileRecord | null,
): (asOf: Day) => InterventionsView {
  let sheet: { name: string; values: unknown[][] } | null | undefined;
  const views = new Map<Day, InterventionsView>();
  return (asOf) => {
    if (sheet === undefined) {
      const exclude = { logSheet: team.logSheetName, rosterSheet: team.rosterSheetName };
      const found = findInterventions(spreadsheet, exclude, settings, ownFile);
      sheet = found && { name: found.name, values: found.book.values(found.sheet) };
    }
    if (!sheet) return NO_INTERVENTIONS;
    let view = views.get(asOf);
    if (!view) {
      view = interventionsView({
        sheet,
        log: team.log,
        roster: team.roster,
        dateOptions: team.dateOptions,
        asOf,
        settings,
      });
      views.set(asOf, view);
    }
    return view;
  };
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
