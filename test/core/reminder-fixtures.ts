// A reminder run's input over a team's log and roster, parsed and audited as the add-on does, for
// the suites of the programme's milestones (spec §8, rules §13).
import { logRows, OWNER, rosterRows, type RosterSpec, type RunSpec } from '../support/sheets';
import { parseLog } from '../../src/core/sheets/log';
import { MemberDirectory, parseRoster } from '../../src/core/sheets/roster';
import { runAudit } from '../../src/core/audit/audit';
import { computeHistory } from '../../src/core/history/history';
import { DEFAULT_SETTINGS } from '../../src/core/base/types';
import type { Day } from '../../src/core/base/dates';
import type { ReminderInput } from '../../src/core/programme/reminder-input';
import { SentIndex } from '../../src/core/programme/sent-records';
import type { RecordDraft } from '../../src/core/programme/sent-row';
import { day, UTC } from './fixtures';

export { OWNER };

/**
 * `members` and their `runs` parsed as the add-on parses its roster and log, and the audit over
 * them as of a day, for a number of weeks, from a day on when `fromDay` is given.
 */
export function auditedTeam(members: RosterSpec[], runs: RunSpec[]) {
  const roster = parseRoster(rosterRows(members), UTC);
  const log = parseLog(logRows(runs), { ...UTC, directory: new MemberDirectory(roster.members) });
  const auditAt = (asOf: Day, weeks: number, fromDay?: Day) =>
    runAudit({
      runs: fromDay === undefined ? log.runs : log.runs.filter((r) => r.day >= fromDay),
      roster,
      names: log.names,
      asOf,
      weeks,
      settings: DEFAULT_SETTINGS,
    });
  return { roster, log, auditAt };
}

/**
 * A reminder input over `members` and their `runs` as of `today`, with `sent` already recorded
 * and a one-week audit window. With `onHistory`, the 12-week history is there too, and
 * `onHistory` hears each day it is asked for.
 */
export function reminderInput(options: {
  members: RosterSpec[];
  runs?: RunSpec[];
  today: string;
  sent?: RecordDraft[];
  onHistory?: (asOf: Day) => void;
}): ReminderInput {
  const { roster, log, auditAt } = auditedTeam(options.members, options.runs ?? []);
  const sent = SentIndex.empty();
  if (options.sent) sent.add(options.sent);
  const { onHistory } = options;
  return {
    roster: roster.members,
    today: day(options.today),
    sent,
    ownerEmail: OWNER,
    settings: { ...DEFAULT_SETTINGS, weeks: 1 },
    auditAt,
    historyAt: onHistory
      ? (asOf: Day) => {
          onHistory(asOf);
          const { runs, names } = log;
          return computeHistory({ runs, roster, names, asOf, weeks: 12, settings: DEFAULT_SETTINGS });
        }
      : undefined,
    spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/abc/edit',
  };
}
