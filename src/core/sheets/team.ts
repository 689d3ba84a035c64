/** The team as its sheets read: the parsed log and roster, and the day it was read on. */
import { isoToDay, type Day } from '../base/dates';
import type { Roster } from '../base/types';
import type { ParsedLog } from './log';
import type { UsageSheets } from '../usage/types';

export interface ParsedTeam {
  log: ParsedLog;
  roster: Roster | null;
  /** The roster's sheet, named in the roster's notices; null without a roster. */
  rosterSheetName: string | null;
  /** Today in the spreadsheet's zone. */
  today: Day;
  /** The usage exports found beside the log (spec §15); absent or empty when there are none. */
  usage?: UsageSheets;
}

/** The as-of day a request names (YYYY-MM-DD), else today in the spreadsheet's zone. */
export function asOfDay(team: Pick<ParsedTeam, 'today'>, asOfIso?: string | null): Day {
  if (!asOfIso) return team.today;
  const parsed = isoToDay(asOfIso);
  if (parsed === null) throw new Error(`"${asOfIso}" is not a date: use YYYY-MM-DD.`);
  return parsed;
}
