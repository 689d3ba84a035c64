/**
 * The replacement programme's milestones (spec §17) that today's run sends or settles, through
 * the same sent sheet as §8: each is due from its day on until a record of it exists, so it goes
 * once, late once when no run sent it on its day (the email says when it was due).
 *
 * Each milestone is decided on the figures of the day before it fell due, whatever day it goes:
 * the sessions held by S + 6 for "Sessions not held", the week ending S + 13 for the peer
 * advocacy moment, the week ending S + 29 for the reassessment. A late email therefore says what
 * the on-time one would have said.
 */
import { dayToIso, type Day } from '../base/dates';
import { memberKey, plural } from '../base/text';
import type { RosterMember } from '../base/types';
import type { EmailContent } from '../mail/email';
import type { MemberIdentity, SentIndex } from './sent-records';
import { programmeDraft, type RecordDraft } from './sent-row';
import {
  programmeMilestone,
  sessionDay,
  startDay,
  type Baseline,
  type Participant,
  type ProgrammeMilestoneKind,
  type ProgrammeRecord,
  type SessionSource,
} from './replacement';
import type { UpcomingMilestone } from './reminders';
import { lastCompleteDay } from './reminder-input';
import {
  followUpEmail,
  peersEmail,
  reassessmentEmail,
  sessionsEmail,
  type FollowUpItem,
  type ProgrammeEmailInput,
  type ProgrammeInput,
} from './replacement-emails';

/** One programme email: who gets it, what it says, the records its sending settles. */
export interface ProgrammeEmail {
  to: string;
  kind: ProgrammeMilestoneKind;
  content: EmailContent;
  records: RecordDraft[];
  /** One line per member (or one for the team) for the run report. */
  summary: string[];
}

export interface ProgrammePlan {
  emails: ProgrammeEmail[];
  /** Milestones settled without an email: "Sessions not held" when every participant had one. */
  settled: RecordDraft[];
}

function rosterEntry(roster: readonly RosterMember[], participant: Participant): RosterMember | undefined {
  const key = memberKey(participant.member);
  return roster.find((m) => m.key === key);
}

/** Who a participant is in the sent sheet: their name, and their email as the roster gives it today. */
function identity(roster: readonly RosterMember[], participant: Participant): MemberIdentity {
  return { key: memberKey(participant.member), email: rosterEntry(roster, participant)?.email ?? null };
}

/** "Due 2026-03-09, sent 2 days late", or '' on the day. */
function lateNote(dueDay: Day, today: Day): string {
  return dueDay < today ? `Due ${dayToIso(dueDay)}, sent ${plural(today - dueDay, 'day')} late` : '';
}

/** What each step of the plan reads: the input, S, and the record draft of a milestone. */
interface PlanContext {
  input: ProgrammeInput;
  base: Baseline;
  s: Day;
  emailInput: ProgrammeEmailInput;
  draft: (kind: ProgrammeMilestoneKind, p: Participant | null, to: string, due: Day) => RecordDraft;
  /** The team milestone's due day when it is due today or before and not recorded yet, else null. */
  teamDue: (kind: ProgrammeMilestoneKind) => Day | null;
}

/** What the programme's milestones need today; empty before the baseline is frozen. */
export function planProgramme(input: ProgrammeInput): ProgrammePlan {
  const base = input.programme.baseline;
  if (!base) return { emails: [], settled: [] };
  const s = startDay(input.programme);
  const { today, sent } = input;
  const context: PlanContext = {
    input,
    base,
    s,
    emailInput: { ...input, start: s },
    draft: (kind, p, to, due) =>
      programmeDraft({
        kind,
        member: p ? { name: p.member, email: identity(input.roster, p).email } : null,
        recipient: to,
        dueDay: due,
        start: s,
        note: lateNote(due, today),
      }),
    teamDue: (kind) => {
      const due = s + programmeMilestone(kind).day;
      return due <= today && !sent.hasProgrammeMilestone(kind, s) ? due : null;
    },
  };
  const sessions = sessionsStep(context);
  return {
    emails: [...followUpEmails(context), ...sessions.emails, ...ownerOnceEmails(context)],
    settled: sessions.settled,
  };
}

/** Day-seven follow-ups: one email per follow-up owner, for every participant whose is due. */
function followUpEmails({ input, base, s, emailInput, draft }: PlanContext): ProgrammeEmail[] {
  const { today, sent } = input;
  const sessions = input.sessionsAt(lastCompleteDay(today));
  const byRecipient = new Map<string, FollowUpItem[]>();
  for (const p of base.participants) {
    const session = sessionDay(sessions, p.member, s, lastCompleteDay(today));
    if (session === null) continue;
    const due = session + programmeMilestone('follow-up').day;
    if (due > today || sent.hasProgrammeMilestone('follow-up', s, identity(input.roster, p))) continue;
    const rosterMember = rosterEntry(input.roster, p);
    const to = rosterMember?.followUpOwner ?? input.ownerEmail;
    const key = to.toLowerCase();
    byRecipient.set(key, [...(byRecipient.get(key) ?? []), { participant: p, rosterMember, session, due, to }]);
  }
  return [...byRecipient.values()].map((items) => {
    items.sort((a, b) => a.participant.member.localeCompare(b.participant.member));
    return {
      to: items[0].to,
      kind: 'follow-up' as const,
      content: followUpEmail(items, emailInput),
      records: items.map((i) => draft('follow-up', i.participant, i.to, i.due)),
      summary: items.map((i) => summaryLine('follow-up', i.due, today, i.participant.member)),
    };
  });
}

/** S + 7: the email naming the participants with no session, or settled when each has one. */
function sessionsStep({ input, base, s, emailInput, draft, teamDue }: PlanContext): ProgrammePlan {
  const sessionsDue = teamDue('sessions');
  if (sessionsDue === null) return { emails: [], settled: [] };
  const { today } = input;
  const owner = input.ownerEmail;
  // Decided on the sessions recorded up to the day it is sent: a late email never asks to book
  // a session held since S + 7 (and agrees with the three actions of the same morning).
  const decidedOn = lastCompleteDay(today);
  const held = input.sessionsAt(decidedOn);
  const without = base.participants.filter((p) => sessionDay(held, p.member, s, decidedOn) === null);
  if (without.length === 0)
    return {
      emails: [],
      settled: [
        {
          ...draft('sessions', null, '', sessionsDue),
          note: `Not needed: every participant had an anchor-workflow session by ${dayToIso(decidedOn)}`,
        },
      ],
    };
  return {
    emails: [
      {
        to: owner,
        kind: 'sessions',
        content: sessionsEmail(without, sessionsDue, emailInput),
        records: without.map((p) => draft('sessions', p, owner, sessionsDue)),
        summary: [summaryLine('sessions', sessionsDue, today)],
      },
    ],
    settled: [],
  };
}

/** The owner's once-only emails (S + 14, S + 30): one record per participant they name, or one for the team. */
function ownerOnceEmails({ input, base, emailInput, draft, teamDue }: PlanContext): ProgrammeEmail[] {
  const owner = input.ownerEmail;
  const emails: ProgrammeEmail[] = [];
  const ownerEmail = (kind: ProgrammeMilestoneKind, due: Day, content: EmailContent, members: Participant[]) =>
    emails.push({
      to: owner,
      kind,
      content,
      records: members.length ? members.map((p) => draft(kind, p, owner, due)) : [draft(kind, null, owner, due)],
      summary: [summaryLine(kind, due, input.today)],
    });
  const peersDue = teamDue('peers');
  if (peersDue !== null) {
    const { content, invited } = peersEmail(base.participants, peersDue, emailInput);
    ownerEmail('peers', peersDue, content, invited);
  }
  const reassessmentDue = teamDue('reassessment');
  if (reassessmentDue !== null) {
    const { content, named } = reassessmentEmail(base, reassessmentDue, emailInput);
    ownerEmail('reassessment', reassessmentDue, content, named);
  }
  return emails;
}

function summaryLine(kind: ProgrammeMilestoneKind, due: Day, today: Day, member?: string): string {
  const name = `replacement programme: ${programmeMilestone(kind).name}${member ? ` for ${member}` : ''}`;
  return due < today ? `${name} (due ${dayToIso(due)})` : name;
}

/**
 * The programme's milestones for the digest's list (spec §11 "milestones due in the coming week"),
 * beside §8's: those due from `from` to `to`, and, with the sent sheet, those due before `from`
 * that it has not recorded (the next run sends them late). "Sessions not held" only while a
 * participant has no session. Member: the participant, or "" for the team's.
 */
export function programmeUpcoming(args: {
  programme: ProgrammeRecord | null;
  sessions: SessionSource;
  roster: readonly RosterMember[];
  ownerEmail: string;
  from: Day;
  to: Day;
  sent?: SentIndex;
}): UpcomingMilestone[] {
  const { programme, from, to, sent } = args;
  const base = programme?.baseline;
  if (!programme || !base) return [];
  const s = startDay(programme);
  const rows: UpcomingMilestone[] = [];
  const add = (kind: ProgrammeMilestoneKind, due: Day, p: Participant | null, recipient: string) => {
    const late = due < from;
    if (due > to || (late && (!sent || sent.hasProgrammeMilestone(kind, s, p ? identity(args.roster, p) : undefined))))
      return;
    rows.push({
      member: p?.member ?? '',
      milestone: `${programmeMilestone(kind).name} (replacement programme)`,
      milestoneDay: due - s,
      dueDate: dayToIso(due),
      recipient,
      programme: true,
      ...(late ? { late: true as const } : {}),
    });
  };
  const owner = args.ownerEmail;
  for (const p of base.participants) {
    const session = sessionDay(args.sessions, p.member, s, to);
    const followUpOwner = rosterEntry(args.roster, p)?.followUpOwner ?? owner;
    if (session !== null) add('follow-up', session + programmeMilestone('follow-up').day, p, followUpOwner);
  }
  if (base.participants.some((p) => sessionDay(args.sessions, p.member, s, to) === null))
    add('sessions', s + programmeMilestone('sessions').day, null, owner);
  add('peers', s + programmeMilestone('peers').day, null, owner);
  add('reassessment', s + programmeMilestone('reassessment').day, null, owner);
  return rows;
}
