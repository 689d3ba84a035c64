/**
 * The replacement programme (rules §17) of the account calling My week: read only when that
 * member is one of its participants and its start has come, with their own anchor-workflow
 * session where their account can read the interventions (the team spreadsheet's sheet, with
 * "open team" on or an earlier version's tab; the owner's own spreadsheet is the owner's alone),
 * else as the programme's record keeps it (written by the daily run and Record an intervention).
 */
import { dayToIso, type Day } from '../core/base/dates';
import type { Settings } from '../core/base/settings';
import type { RosterMember } from '../core/base/types';
import { readProgramme } from '../core/automation/programme-store';
import { HeaderNotFoundError } from '../core/sheets/header';
import { MemberDirectory } from '../core/sheets/roster';
import { parseInterventions } from '../core/interventions/sheet';
import { programmeView, replacedBy, type ProgrammeRecord, type SessionSource } from '../core/programme/replacement';
import { memberKey } from '../core/base/text';
import type { ReplacementStanding } from '../core/roles/my-programme';
import { readAuditFile } from './audit-file';
import { findInterventions } from './interventions-home';
import { programmeStore } from './programme-store';
import type { RecentLog } from './recent-log';
import { findRosterSheet } from './team-data';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The member's own interventions, as sessions are read from them; null when this account cannot
 * read where they are kept. Rows about anyone else are not kept.
 */
function ownSessions(
  spreadsheet: Spreadsheet,
  settings: Settings,
  read: RecentLog,
  member: RosterMember,
): SessionSource | null {
  const { book } = read;
  const roster = findRosterSheet(book, settings);
  const exclude = { logSheet: read.logSheetNames[0] ?? null, rosterSheet: roster && book.nameOf(roster) };
  const found = findInterventions(book, exclude, settings);
  // No sheet found: none recorded, when this account would have found one (the team's file, or
  // its own audit spreadsheet); unknown for a member, whose reach ends at the team's file.
  if (!found) return settings.openTeam || readAuditFile(spreadsheet) ? [] : null;
  try {
    const parsed = parseInterventions(found.book.values(found.sheet), {
      ...book.dateOptions(),
      directory: new MemberDirectory(read.roster?.members ?? []),
      logNames: read.log.names,
      logWorkflowKeys: [],
    });
    return parsed.interventions
      .filter((i) => i.memberKey === member.key)
      .map((i) => ({ date: dayToIso(i.day), member: i.member, type: i.type }));
  } catch (error) {
    // A sheet whose headers were removed since it was found: no session can be read from it.
    if (error instanceof HeaderNotFoundError) return null;
    throw error;
  }
}

/** The member's standing in the running replacement programme; null when they follow §8's. */
export function replacementStanding(
  spreadsheet: Spreadsheet,
  settings: Settings,
  read: RecentLog,
  member: RosterMember | null,
  today: Day,
): ReplacementStanding | null {
  if (!member) return null;
  const programme = readProgramme(programmeStore(spreadsheet));
  if (!programme || !replacedBy(programme, today)({ name: member.name, key: member.key })) return null;
  const sessions = ownSessions(spreadsheet, settings, read, member);
  if (sessions !== null) return { view: programmeView(programme, sessions, today), sessionsKnown: true };
  // The interventions are out of reach: the session the daily run or Record an intervention kept.
  const kept = keptSession(programme, member);
  return { view: programmeView(programme, kept, today), sessionsKnown: kept.length > 0 };
}

/** The member's session as kept in the programme's record (programme-store.ts), as a session source. */
function keptSession(programme: ProgrammeRecord, member: RosterMember): SessionSource {
  const mine = programme.baseline?.participants.find((p) => memberKey(p.member) === member.key);
  return mine?.session ? [{ date: mine.session, member: mine.member, type: 'Anchor-workflow session' }] : [];
}
