/**
 * "My week" for whoever is calling: their own runs, found by their Google account's email (the
 * roster's Email column, or runs logged under that email), never by a name they type: a member
 * who logs a run as someone else still sees only their own week (rules §19).
 */
import type { Settings } from '../core/base/settings';
import { myWeek } from '../core/roles/my-week';
import { MemberDirectory } from '../core/sheets/roster';
import { memberKey } from '../core/base/text';
import type { MyWeekView } from '../shared/api';
import { currentUserEmail } from './automation-store';
import { readRecentLog, type RecentLog } from './recent-log';
import { replacementStanding } from './my-programme';
import { todayIn } from './spreadsheet-locale';
import { SetupError } from './team-data';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Rows at the end of each log sheet My week counts from: one read whatever the log's length, enough
 * for two weeks of a team logging sixty runs a day (twenty people, three runs each); when the
 * rows read do not reach back two weeks, the sidebar says the counts may be short.
 */
export const MY_WEEK_ROWS = 900;

const NO_EMAIL =
  'Google did not give Uptake your email address, so it cannot tell which runs are yours. ' +
  'You can still log runs; ask the owner for your figures.';

function notFound(email: string): string {
  return (
    `Uptake could not find you in the team: your Google account (${email}) is not in the roster's Email ` +
    'column, and no recent run is logged under it. Ask the owner to add your email to the roster.'
  );
}

function sharedEmail(email: string): string {
  return (
    `Your Google account (${email}) is on more than one row of the roster's Email column, so Uptake cannot ` +
    'tell which figures are yours and shows none. Ask the owner to correct the roster.'
  );
}

/** The week of the account calling, from a log read already made (Log a run's), or read now. */
export function myWeekView(spreadsheet: Spreadsheet, settings: Settings, recent?: RecentLog): MyWeekView {
  const email = currentUserEmail();
  if (!email) return { week: null, message: NO_EMAIL };
  let read: RecentLog;
  try {
    read = recent ?? readRecentLog(spreadsheet, settings, MY_WEEK_ROWS);
  } catch (error) {
    if (error instanceof SetupError) return { week: null, message: error.message };
    throw error;
  }
  // An email on two roster rows: any editor can type theirs on a colleague's row (rules §19).
  if (read.roster?.sharedEmails?.includes(memberKey(email))) return { week: null, message: sharedEmail(email) };
  const directory = new MemberDirectory(read.roster?.members ?? []);
  const rosterMember = directory.find(email) ?? null;
  const key = directory.keyFor(email);
  const runs = read.log.runs.filter((run) => run.memberKey === key);
  if (!rosterMember && runs.length === 0) return { week: null, message: notFound(email) };
  const { today } = todayIn(spreadsheet);
  const week = myWeek({
    member: rosterMember?.name ?? email,
    runs,
    today,
    genuineAt: settings.genuineAt,
    developingAt: settings.developingAt,
    trainingDay: rosterMember?.trainingDay ?? null,
    coveredFrom: read.coveredFrom,
    replacement: replacementStanding(spreadsheet, settings, read, rosterMember, today),
  });
  return { week, message: null };
}
