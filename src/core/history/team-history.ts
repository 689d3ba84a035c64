/** The team's history (spec §13) from the data readTeam read: no further spreadsheet call. */
import { computeHistory } from './history';
import type { History } from './history-types';
import type { Settings } from '../base/settings';
import { asOfDay, type ParsedTeam } from '../sheets/team';

/** The trend of `weeks` weeks (default the Settings trend) ending on the as-of date (default today). */
export function teamHistory(
  team: ParsedTeam,
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
