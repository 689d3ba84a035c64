/**
 * This week's three actions (spec §18), at the top of the sidebar and of the named digest: at
 * most three next steps, overdue milestones first, then the open causes by the members they
 * affect, each with who does it (the member's follow-up owner, or the owner) and by when.
 */
import { dayToIso, isoToDay, type Day } from '../base/dates';
import type { RosterMember } from '../base/types';
import type { Audit, Finding, MemberReport } from '../audit/audit-types';
import { followUpHeldOn } from '../interventions/summary';
import type { InterventionReport } from '../interventions/types';
import { MILESTONES, type MilestoneSpec } from './milestones';
import { followUpAction } from './follow-up-wording';
import { everyName, invitedNames, peerInvitees, programmePeerInvitees } from './peer-advocacy';
import { recipientFor, remindable, type UpcomingMilestone } from './reminders';
import {
  programmeMilestone,
  sessionDay,
  startDay,
  type Baseline,
  type ProgrammeMilestoneKind,
  type ProgrammeRecord,
} from './replacement';

export const MAX_ACTIONS = 3;
/**
 * A milestone whose email went more than this many days ago is left to the next one: the email
 * asked for it. One whose email has not gone yet (`late` below) stays an action however old.
 */
export const OVERDUE_HORIZON_DAYS = 7;
/** Days a cause's step is given: the seven days starting on the day the actions are read. */
export const CAUSE_DAYS = 7;

export interface WeekAction {
  kind: 'overdue milestone' | 'open cause';
  /** What to do, in one sentence. */
  text: string;
  /** The members it is about (the team's: none). */
  members: string[];
  /** Who does it: follow-up owners' or the owner's emails (the owner's role when no email is known). */
  who: string[];
  /** By when (ISO). */
  by: string;
  /** An overdue milestone's due date (ISO); null for a cause. */
  due: string | null;
}

export interface ActionsInput {
  audit: Pick<Audit, 'members' | 'diagnosis' | 'settings'>;
  roster: readonly RosterMember[];
  interventions: readonly Pick<InterventionReport, 'date' | 'member' | 'type'>[];
  ownerEmail: string;
  /** The day the reader acts from: today in the sidebar, the day the digest is sent. */
  today: Day;
  /** Members whose §8 milestones the replacement programme replaced (rules §17): none of theirs is overdue. */
  replaced?: (member: RosterMember) => boolean;
  /** The replacement programme (rules §17): its overdue milestones are actions too. */
  programme?: ProgrammeRecord | null;
  /**
   * The milestones due before `today` whose email has not gone yet (the digest's late rows, from
   * the sent sheet): each not done is an action whatever its age, so the digest's table and its
   * three actions agree. Without it, only milestones missed in the last OVERDUE_HORIZON_DAYS.
   */
  late?: readonly Pick<UpcomingMilestone, 'member' | 'milestone' | 'dueDate'>[];
  /** The members in the week ending a day (the programme's peer advocacy week); else the audit's. */
  membersAt?: (weekEnd: Day) => MemberReport[];
}

const lateKey = (member: string, milestone: string, due: Day) => `${member}|${milestone}|${dayToIso(due)}`;

/** Whether a milestone due on `due` still asks for an action today: missed lately, or its email not gone yet. */
function overdue(input: ActionsInput, member: string, milestone: string, due: Day): boolean {
  if (due >= input.today) return false;
  if (due >= input.today - OVERDUE_HORIZON_DAYS) return true;
  const key = lateKey(member, milestone, due);
  return (input.late ?? []).some((r) => lateKey(r.member, r.milestone, isoToDay(r.dueDate)!) === key);
}

/** A milestone that asks a person to act, and whether the Interventions sheet shows it was done. */
interface OverdueRule {
  day: MilestoneSpec['day'];
  /** What to do about it, for this member. */
  action: (member: RosterMember) => string;
  /** null: it needs no action for this member; else whether it was recorded as done. */
  done: (member: RosterMember, report: MemberReport, input: ActionsInput) => boolean | null;
}

const followUpSince = (input: ActionsInput, member: RosterMember, from: Day) =>
  input.interventions.some(
    (r) => r.type === 'Follow-up session' && r.member === member.name && isoToDay(r.date)! >= from,
  );

/** The milestones a person acts on (30 and 42 are measurements the email carries). */
const OVERDUE_RULES: readonly OverdueRule[] = [
  {
    day: 7,
    action: (member) => followUpAction(member.anchorWorkflow),
    done: (member, _report, input) =>
      followUpHeldOn(input.interventions, member.name, dayToIso(member.trainingDay!)) !== null,
  },
  {
    day: 21,
    action: () => 'hold an individual follow-up (not another group session)',
    done: (member, report, input) =>
      report.category === 'Genuine adopter' ? null : followUpSince(input, member, member.trainingDay! + 19),
  },
];

function overdueActions(input: ActionsInput): WeekAction[] {
  const reports = new Map(input.audit.members.map((m) => [m.member, m]));
  const actions: WeekAction[] = [];
  for (const member of input.roster) {
    const report = reports.get(member.name);
    if (!remindable(member) || !report?.inScope || input.replaced?.(member)) continue;
    for (const rule of OVERDUE_RULES) {
      const due = member.trainingDay + rule.day;
      const milestone = MILESTONES.find((m) => m.day === rule.day)!;
      if (!overdue(input, member.name, milestone.name, due)) continue;
      if (rule.done(member, report, input) !== false) continue;
      actions.push({
        kind: 'overdue milestone',
        text: `${milestone.name} for ${member.name}: ${rule.action(member)}.`,
        members: [member.name],
        who: [recipientFor(milestone, member, input.ownerEmail) || 'the owner'],
        by: dayToIso(input.today),
        due: dayToIso(due),
      });
    }
  }
  return actions;
}

/** The Sessions-not-held action's opening: cause 1's action leaves its participants out. */
const SESSIONS_ACTION = `${programmeMilestone('sessions').name} (replacement programme)`;

/**
 * The replacement programme's milestones that ask a person to act (rules §17), overdue (above) and
 * not recorded as done on the Interventions sheet: a participant's
 * day-seven follow-up (done by a Follow-up session on day 5 to 14 after the session), the
 * sessions not held by S + 7 (done once each participant has one), the peer advocacy moment at
 * S + 14 (done by a Peer advocacy moment recorded from S on). The day-30 reassessment is a
 * measurement its email carries.
 */
function programmeActions(input: ActionsInput): WeekAction[] {
  const base = input.programme?.baseline;
  if (!input.programme || !base) return [];
  const s = startDay(input.programme);
  const { today } = input;
  const missed = (due: number, kind: ProgrammeMilestoneKind, member = '') =>
    overdue(input, member, `${programmeMilestone(kind).name} (replacement programme)`, due);
  const owner = input.ownerEmail || 'the owner';
  const rosterOf = (member: string) => input.roster.find((m) => m.name === member);
  const followUpOwner = (member: string) => rosterOf(member)?.followUpOwner ?? owner;
  const action = (text: string, members: string[], who: string[], due: number): WeekAction => ({
    kind: 'overdue milestone',
    text,
    members,
    who,
    by: dayToIso(today),
    due: dayToIso(due),
  });
  const actions: WeekAction[] = [];
  const followUp = programmeMilestone('follow-up');
  for (const p of base.participants) {
    const session = sessionDay(input.interventions, p.member, s, today);
    if (session === null || !missed(session + followUp.day, 'follow-up', p.member)) continue;
    if (followUpHeldOn(input.interventions, p.member, dayToIso(session)) !== null) continue;
    actions.push(
      action(
        `${followUp.name} for ${p.member} (replacement programme): ${followUpAction(rosterOf(p.member)?.anchorWorkflow)}.`,
        [p.member],
        [followUpOwner(p.member)],
        session + followUp.day,
      ),
    );
  }
  const sessionsDue = s + programmeMilestone('sessions').day;
  const without = base.participants.filter((p) => sessionDay(input.interventions, p.member, s, today) === null);
  if (missed(sessionsDue, 'sessions') && without.length) {
    const names = without.map((p) => p.member);
    actions.push(
      action(
        `${SESSIONS_ACTION}: book an individual anchor-workflow session for ${everyName(names)}, on their real current work.`,
        names,
        [owner],
        sessionsDue,
      ),
    );
  }
  const peersDue = s + programmeMilestone('peers').day;
  const peersHeld = input.interventions.some(
    (r) => r.type === 'Peer advocacy moment' && r.member === null && isoToDay(r.date)! >= s,
  );
  if (missed(peersDue, 'peers') && !peersHeld) {
    const { text, invited } = peersToInvite(input, base, peersDue);
    actions.push(
      action(`${programmeMilestone('peers').name} (replacement programme): ${text}`, invited, [owner], peersDue),
    );
  }
  return actions;
}

/**
 * Whom the programme's peer advocacy moment invites (§17's S + 14): the participants who are
 * Developing users or Genuine adopters in the week ending S + 13, as its email names them; when
 * none is, nobody, as the email says.
 */
function peersToInvite(input: ActionsInput, base: Baseline, due: Day): { text: string; invited: string[] } {
  const weekEnd = due - 1;
  const week = { members: input.membersAt?.(weekEnd) ?? input.audit.members };
  const invited = invitedNames(
    programmePeerInvitees(
      week,
      base.participants.map((p) => p.member),
    ),
  );
  const share =
    'to share one specific result at the next team meeting (two minutes: the task, the old time, the new time, the output)';
  if (invited.length)
    return {
      text: `invite ${everyName(invited)} (participants who used AI in the week ending ${dayToIso(weekEnd)}) ${share}.`,
      invited,
    };
  // As its email says (replacement-emails.ts): nobody to invite yet, follow the participants up first.
  return {
    text: `nobody to invite: no participant was a Developing user or Genuine adopter in the week ending ${dayToIso(weekEnd)}; follow them up first.`,
    invited: [],
  };
}

/** The members a team finding affects: those below Genuine for peer advocacy, those below target for a workflow. */
function affected(f: Finding, audit: ActionsInput['audit']): string[] {
  if (f.member !== undefined) return [f.member];
  if (f.code === 'workflow-gap') {
    const target = audit.settings.acceptanceTarget;
    const below = (w: MemberReport['workflows'][number]) =>
      w.workflow === f.workflow && w.acceptanceRate !== null && w.acceptanceRate < target;
    return audit.members.filter((m) => m.workflows.some(below)).map((m) => m.member);
  }
  return audit.members
    .filter((m) => m.inScope && m.status === 'active' && m.category !== 'Genuine adopter')
    .map((m) => m.member);
}

/** Cause 5's adopters to name (§10: "peer advocacy moment, naming the adopters"), or ''. */
function adoptersToName(f: Finding, input: ActionsInput): string {
  if (f.code !== 'no-peer-advocacy') return '';
  const { adopters } = peerInvitees(input.audit, []);
  return adopters.length ? ` Invite ${everyName(adopters)} to share one specific result.` : '';
}

/**
 * Open causes, one action per cause (a member cause gathers every member who has it), most
 * members first. `sessionsBooked`: the participants the programme's Sessions-not-held action
 * already asks an anchor-workflow session for; cause 1's action (the same session) leaves them out.
 */
function causeActions(input: ActionsInput, sessionsBooked: ReadonlySet<string>): WeekAction[] {
  const byCause = new Map<string, { finding: Finding; members: string[]; memberCause: boolean }>();
  for (const f of input.audit.diagnosis) {
    if (f.addressed !== null) continue;
    const key = f.member !== undefined ? f.code : `${f.code}|${f.workflow ?? ''}`;
    const entry = byCause.get(key) ?? { finding: f, members: [], memberCause: f.member !== undefined };
    const members = affected(f, input.audit);
    entry.members.push(...(f.code === 'generic-demos' ? members.filter((m) => !sessionsBooked.has(m)) : members));
    byCause.set(key, entry);
  }
  const owners = new Map(input.roster.map((m) => [m.name, m.followUpOwner ?? input.ownerEmail]));
  return [...byCause.values()]
    .filter((entry) => !entry.memberCause || entry.members.length > 0)
    .sort((a, b) => b.members.length - a.members.length)
    .map(({ finding, members, memberCause }) => ({
      kind: 'open cause' as const,
      text: memberCause
        ? `${finding.cause} (${everyName(members)}): ${finding.step}`
        : `${finding.cause}: ${finding.step}${adoptersToName(finding, input)}`,
      members,
      who: memberCause
        ? [...new Set(members.map((name) => owners.get(name) || input.ownerEmail || 'the owner'))]
        : [input.ownerEmail || 'the owner'],
      by: dayToIso(input.today + CAUSE_DAYS - 1),
      due: null,
    }));
}

export function weekActions(input: ActionsInput): WeekAction[] {
  const programme = programmeActions(input);
  const sessions = programme.find((a) => a.text.startsWith(SESSIONS_ACTION));
  const overdue = [...overdueActions(input), ...programme].sort((a, b) => a.due!.localeCompare(b.due!));
  return [...overdue, ...causeActions(input, new Set(sessions?.members ?? []))].slice(0, MAX_ACTIONS);
}

/** "… Was due Mon 23 Feb 2026. Who: a@x.com. By Mon 2 Mar 2026." (`date` formats an ISO date for the reader). */
export function actionLine(action: WeekAction, date: (iso: string) => string = (iso) => iso): string {
  const due = action.due ? ` Was due ${date(action.due)}.` : '';
  return `${action.text}${due} Who: ${action.who.join(', ')}. By ${date(action.by)}.`;
}
