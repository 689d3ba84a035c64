/** The audit of the team as src/gas read it (readTeam): the log, the roster and their notices. */
import { runAudit } from './audit';
import type { Audit } from './audit-types';
import type { Day } from '../base/dates';
import type { Settings } from '../base/settings';
import { asOfDay, type ParsedTeam } from '../sheets/team';
import { compareUsage } from '../usage/compare';
import type { UsageView } from '../usage/types';

/** The usage exports compared with the log as of `asOf` (spec §15), or null when there are none. */
function usageAsOf(team: ParsedTeam, asOf: Day, genuineAt: number): UsageView | null {
  const usage = team.usage;
  if (!usage || (usage.sources.length === 0 && usage.refused.length === 0)) return null;
  const members = team.roster?.members ?? [];
  return compareUsage({ ...usage, runs: team.log.table, members, asOf, genuineAt });
}

/**
 * The audit of the team as read for an as-of date (ISO, default today) and a window in weeks;
 * `fromDay` leaves out the runs before it (a member's figures since training).
 */
export function auditTeam(
  team: ParsedTeam,
  settings: Settings,
  asOfIso?: string | null,
  weeks?: number | null,
  fromDay?: Day,
): Audit {
  const asOf = asOfDay(team, asOfIso);
  const sheet = team.rosterSheetName ?? undefined;
  const rosterNotices = team.roster
    ? team.roster.notices.map((n) => ({ ...n, sheet, reason: `Roster row ${n.row}: ${n.reason}` }))
    : [];
  const rosterSkips = team.roster
    ? team.roster.skipped.map((n) => ({ ...n, sheet, reason: `Roster row ${n.row} skipped: ${n.reason}` }))
    : [];
  return runAudit({
    runs: team.log.table,
    roster: team.roster,
    names: team.log.names,
    asOf,
    weeks: weeks ?? settings.weeks,
    settings: {
      genuineAt: settings.genuineAt,
      developingAt: settings.developingAt,
      acceptanceTarget: settings.acceptanceTarget,
    },
    skippedRows: team.log.skipped,
    notices: [...team.log.notices, ...rosterSkips, ...rosterNotices],
    today: team.today,
    fromDay,
    usage: usageAsOf(team, asOf, settings.genuineAt),
  });
}
