/** The team's history (spec §13) from the data readTeam read: no further spreadsheet call. */
import { computeHistory } from '../core/history/history';
import type { History } from '../core/history/history-types';
import type { Settings } from '../core/base/settings';
import { asOfDay, type TeamData } from './team-data';

/** The trend of `weeks` weeks (default the Settings trend) ending on the as-of date (default today). */
export function teamHistory(
  team: TeamData,
  settings: Settings,
  asOfIso?: string | null,
  weeks?: number | null,
): History {
  return computeHistory({
    runs: team.log.table,
    roster: team.roster,
    names: team.log.names,
    asOf: asOfDay(team, asOfIso),
    weeks: weeks ?? settings.historyWeeks,
    settings: { genuineAt: settings.genuineAt },
  });
}
