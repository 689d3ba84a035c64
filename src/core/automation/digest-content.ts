/** The weekly digest's content, for the run that sends it and for the sidebar's preview. */
import { dayToIso, dayToLabel, isoToDay, type Day } from '../base/dates';
import type { EmailContent } from '../mail/email';
import { followAdvice } from '../interventions/advice';
import { weekActions } from '../programme/actions';
import { composeDigest } from '../programme/digest';
import { overdueMilestones, upcomingMilestones } from '../programme/reminders';
import type { SentIndex } from '../programme/sent-records';
import { lastCompleteDay } from '../programme/reminder-input';
import type { RunSetup, TeamView } from './ports';
import { programmeDigestLine, programmeView, replacedBy } from '../programme/replacement';
import { programmeUpcoming } from '../programme/replacement-plan';
import { programmePeerInvitees } from '../programme/peer-advocacy';
import type { UpcomingMilestone } from '../programme/reminders';
import type { ProgrammePeers } from '../programme/digest';

/**
 * When the programme's peer advocacy moment (rules §17) is sent the morning of the digest (due
 * or late), the digest invites whom that email invites: the same week, the same people.
 */
function programmePeers(team: TeamView, upcoming: UpcomingMilestone[], sentDay: Day): ProgrammePeers | null {
  const base = team.programme?.baseline;
  const row = upcoming.find(
    (r) => r.programme && r.milestone.startsWith('Peer advocacy moment') && r.dueDate <= dayToIso(sentDay),
  );
  if (!base || !row) return null;
  const weekEnd = lastCompleteDay(isoToDay(row.dueDate)!);
  return {
    invitees: programmePeerInvitees(
      team.audits(weekEnd, 1),
      base.participants.map((p) => p.member),
    ),
    week: `the week ${dayToLabel(weekEnd - 6)} to ${dayToLabel(weekEnd)}`,
  };
}

/**
 * The digest of the week before the digest day (spec §2: as-of = the day before, one week);
 * "send now" covers the seven days before the day it is sent. The reminders use the same last
 * complete day, so a digest and a reminder sent the same morning agree. Also the sidebar's preview.
 */
export function digestContent(
  team: TeamView,
  setup: Pick<RunSetup, 'owner' | 'onRequest' | 'spreadsheetUrl'>,
  options: { digestDay: Day; sentDay: Day; named: boolean; problems: string[]; sent?: SentIndex },
): EmailContent {
  const asOf = lastCompleteDay(setup.onRequest ? options.sentDay : options.digestDay);
  const view = team.interventions?.(asOf);
  const current = view ? followAdvice(team.audits(asOf, 1), view, (weekEnd) => team.audits(weekEnd, 1).members) : null;
  const audit = current?.audit ?? team.audits(asOf, 1);
  const programme = team.programme ?? null;
  const programmeLine = programme
    ? programmeDigestLine({
        ...programmeView(programme, view?.interventions ?? [], asOf),
        day: options.sentDay - isoToDay(programme.start)!,
      })
    : null;
  const upcoming = [
    ...programmeUpcoming({
      programme,
      sessions: view?.interventions ?? [],
      roster: team.roster,
      ownerEmail: setup.owner,
      from: options.sentDay,
      to: options.sentDay + 6,
      sent: options.sent,
    }),
    ...(options.sent
      ? overdueMilestones(
          team.roster,
          options.sentDay,
          options.sent,
          setup.owner,
          replacedBy(programme, options.sentDay),
        )
      : []),
    ...upcomingMilestones(
      team.roster,
      options.sentDay,
      options.sentDay + 6,
      setup.owner,
      replacedBy(programme, options.sentDay),
    ),
  ].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const actions = options.named
    ? weekActions({
        audit,
        roster: team.roster,
        interventions: current?.interventions.interventions ?? [],
        ownerEmail: setup.owner,
        today: options.sentDay,
        replaced: replacedBy(programme, options.sentDay),
        programme,
        late: upcoming.filter((r) => r.late),
        membersAt: (weekEnd) => team.audits(weekEnd, 1).members,
      })
    : undefined;
  return composeDigest({
    programmeLine,
    current: audit,
    actions,
    previous: team.audits(asOf - 7, 1),
    upcoming,
    programmePeers: programmePeers(team, upcoming, options.sentDay),
    named: options.named,
    problems: options.problems,
    spreadsheetUrl: setup.spreadsheetUrl,
    digestDay: options.digestDay,
    sentDay: options.sentDay,
    onRequest: setup.onRequest,
    interventions: current?.interventions,
    history: team.history?.(asOf),
    formUrl: team.form?.url ?? null,
  });
}
