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
import { isApprovedPairing, type RosterEmailPair } from '../core/roles/roster-approval';
import { heldBackRows } from '../core/roles/approval-offer';
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

/** "the owner (owner@example.com)", or who the owner will be when no owner is saved yet. */
function theOwner(settings: Settings): string {
  return settings.ownerEmail
    ? `the owner of Uptake for this spreadsheet (${settings.ownerEmail})`
    : 'the owner of Uptake for this spreadsheet (none is saved in Settings yet)';
}

function sharedEmail(email: string, settings: Settings): string {
  return (
    `Your Google account (${email}) is on more than one row of the roster's Email column, so Uptake cannot ` +
    `tell which figures are yours and shows none. Ask ${theOwner(settings)} to correct the roster.`
  );
}

/** The caller's email is only on a row skipped for repeating a name above it: said without either name. */
function onSkippedRow(email: string, settings: Settings): string {
  return (
    `Your Google account (${email}) is on a Roster row that Uptake skips, because the row's name is already on ` +
    `another row above it, so My week shows no figures. Ask ${theOwner(settings)} to correct the Roster ` +
    '(Check set-up names the row).'
  );
}

/** Said without the row's name: it may be a colleague's, where someone typed this email (rules §19). */
function waitingForApproval(email: string, settings: Settings): string {
  return (
    `Your row on the Roster (your email, ${email}) waits for the approval of ${theOwner(settings)}, so My week ` +
    'shows no figures yet. You can log runs as usual: they are counted, and My week shows them once the ' +
    'owner approves the Roster on the dashboard.'
  );
}

/**
 * The caller's approved row, whose name is also on another Roster row (heldBackRows): the log is by
 * name, so its runs may be another person's. Said with the member's own name only (rules §19).
 */
function nameOnTwoRows(name: string, settings: Settings): string {
  return (
    `Your name (${name}) is on more than one Roster row, so Uptake cannot tell which runs logged under it are ` +
    `yours and My week shows no figures. Ask ${theOwner(settings)} to correct the Roster; your figures come ` +
    'back once each member has one row.'
  );
}

/**
 * The week of the account calling, from a log read already made (Log a run's), or read now.
 * `approved`: the roster pairings the owner approved; a roster row found by the caller's email
 * shows its figures only when its (name, email) pairing is one of them (rules §19). `recent` was
 * read with the same `approved`.
 */
export function myWeekView(
  spreadsheet: Spreadsheet,
  settings: Settings,
  approved: readonly RosterEmailPair[],
  recent?: RecentLog,
): MyWeekView {
  const email = currentUserEmail();
  if (!email) return { week: null, message: NO_EMAIL };
  let read: RecentLog;
  try {
    read = recent ?? readRecentLog(spreadsheet, settings, MY_WEEK_ROWS, approved);
  } catch (error) {
    if (error instanceof SetupError) return { week: null, message: error.message };
    throw error;
  }
  // An email on two roster rows, neither kept by the owner's approval: any editor can type
  // theirs on a colleague's row (rules §19). One the owner approved was given back to its row.
  if (read.roster?.sharedEmails?.some((shared) => !shared.kept && memberKey(shared.email) === memberKey(email)))
    return { week: null, message: sharedEmail(email, settings) };
  const directory = new MemberDirectory(read.roster?.members ?? []);
  const rosterMember = directory.find(email) ?? null;
  // A row the caller's email is on, which the owner did not approve with this name: perhaps a
  // colleague's row where the email was typed or moved. No figures, and not the row's name.
  const approvedRow =
    rosterMember?.email &&
    memberKey(rosterMember.email) === memberKey(email) &&
    isApprovedPairing(rosterMember, approved);
  if (rosterMember && !approvedRow) return { week: null, message: waitingForApproval(email, settings) };
  // The owner's approval is held back while the row is ambiguous, by the card's own rule; kept stored.
  if (rosterMember && heldBackRows(read.roster).has(rosterMember.row)) {
    const nameRepeated = read.roster?.repeatedNames?.some(({ rows }) => rows[0] === rosterMember.row);
    const message = nameRepeated ? nameOnTwoRows(rosterMember.name, settings) : sharedEmail(email, settings);
    return { week: null, message };
  }
  const key = directory.keyFor(email);
  const runs = read.log.runs.filter((run) => run.memberKey === key);
  if (!rosterMember && read.roster?.skippedEmails?.some((skipped) => skipped.email === memberKey(email)))
    return { week: null, message: onSkippedRow(email, settings) };
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
