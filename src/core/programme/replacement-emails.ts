/** What each replacement programme milestone's email says (spec §17). */
import { dayToLabel, isoToDay, type Day } from '../base/dates';
import { memberKey, percent, plural } from '../base/text';
import { usesPhrase } from '../audit/diagnosis';
import type { Audit, Finding, MemberReport } from '../audit/audit-types';
import { adviceLine } from '../audit/advice-wording';
import type { RosterMember } from '../base/types';
import { renderEmail, type EmailBlock, type EmailContent } from '../mail/email';
import { lastCompleteDay, type ReminderInput } from './reminder-input';
import { nameList, noteBlocks } from './reminder-figures';
import { invitedNames, peerInviteLine, programmePeerInvitees } from './peer-advocacy';
import { editPatternLine } from '../audit/diagnosis-rules';
import { prefilledLinkBlocks } from './form-links';
import { FOLLOW_UP_QUESTIONS, noAnchorParagraph } from './follow-up-wording';
import { adoptersOf, bestWorkflow, PROGRAMME_TARGET } from './milestone-emails';
import {
  programmeMilestone,
  type Baseline,
  type Participant,
  type ProgrammeMilestoneKind,
  type ProgrammeRecord,
  type SessionSource,
} from './replacement';

/** What the programme's plan (replacement-plan.ts) and its emails read. */
export interface ProgrammeInput extends Omit<ReminderInput, 'roster' | 'historyAt'> {
  programme: ProgrammeRecord;
  roster: RosterMember[];
  /** The Interventions sheet's interventions dated on or before a day. */
  sessionsAt: (asOf: Day) => SessionSource;
}

export type ProgrammeEmailInput = ProgrammeInput & { start: Day };

export interface FollowUpItem {
  participant: Participant;
  rosterMember: RosterMember | undefined;
  session: Day;
  due: Day;
  to: string;
}

/** The spec's framing question for the peer advocacy moment (§17). */
export const FRAMING_QUESTION =
  'What is the one thing AI helped you with this week that you would not have been able to do as quickly before?';

function memberIn(audit: Audit, member: string): MemberReport | undefined {
  const key = memberKey(member);
  return audit.members.find((m) => m.key === key);
}

function dueLine(due: Day, today: Day): string {
  if (due >= today) return 'Due today.';
  return `Due on ${dayToLabel(due)}, ${plural(today - due, 'day')} ago: Uptake’s daily run did not send it then.`;
}

function subject(kind: ProgrammeMilestoneKind, names: string[], late: boolean): string {
  const about = names.length ? ` for ${nameList(names)}` : '';
  return `Uptake replacement programme: ${programmeMilestone(kind).name}${about}${late ? ' (late)' : ''}`;
}

function finish(title: string, blocks: EmailBlock[], input: ProgrammeEmailInput): EmailContent {
  blocks.push(
    { kind: 'link', label: 'Open the team’s spreadsheet', url: input.spreadsheetUrl },
    {
      kind: 'paragraph',
      text: `Sent by Uptake’s daily run for the replacement programme started on ${dayToLabel(input.start)}. Each milestone is sent once; the “Uptake sent” sheet records it, naming no one.`,
    },
  );
  return renderEmail(title, blocks);
}

/** "3 runs, 2 unprompted; used as-is 1, light edit 1, heavy edit 1, not used 0; acceptance rate 67%." */
function runsLine(report: MemberReport | undefined): string {
  if (!report || report.runs === 0) return 'No runs logged since the session.';
  const o = report.outcomes;
  return (
    `${plural(report.runs, 'run')}, ${report.unpromptedRuns} unprompted; used as-is ${o['as-is']}, light edit ${o.light}, ` +
    `heavy edit ${o.heavy}, not used ${o['not-used']}; acceptance rate ${percent(report.acceptanceRate)}.`
  );
}

/** The edit types since the session and what their pattern points to (spec §10's workflow rule). */
function editsLine(report: MemberReport | undefined): string {
  return (
    (report && editPatternLine(report.editTypes, 'since the session')) ?? 'Edit types since the session: none recorded.'
  );
}

/**
 * "A week ago Ann had an anchor-workflow session" only when it was seven days ago; sent late, the
 * days each session was ("Ann had an anchor-workflow session on Tue 6 Jan 2026, 10 days ago").
 */
function sessionsWhen(items: FollowUpItem[], today: Day): string {
  const sessions = items.length === 1 ? 'an anchor-workflow session' : 'anchor-workflow sessions';
  if (items.every((i) => today - i.session === 7))
    return `A week ago ${nameList(items.map((i) => i.participant.member))} had ${sessions}`;
  const when = items.map((i) => `${dayToLabel(i.session)}, ${plural(today - i.session, 'day')} ago`);
  if (items.length === 1) return `${items[0].participant.member} had ${sessions} on ${when[0]}`;
  return `${nameList(items.map((i, n) => `${i.participant.member} on ${when[n]}`))} had ${sessions}`;
}

/**
 * The opening: the three questions for participants with an anchor workflow on the roster; one
 * with none has nothing to be asked "Did you use it?" about, and the follow-up identifies it
 * first (as §8's day 7, milestone-emails.ts).
 */
function followUpOpening(items: FollowUpItem[], today: Day): EmailBlock[] {
  const names = (list: FollowUpItem[]) => nameList(list.map((i) => i.participant.member));
  const withAnchor = items.filter((i) => i.rosterMember?.anchorWorkflow);
  const without = items.filter((i) => !i.rosterMember?.anchorWorkflow);
  const them = (list: FollowUpItem[]) => (list.length === 1 ? 'them' : 'each of them');
  const blocks: EmailBlock[] = [
    {
      kind: 'paragraph',
      text: `${sessionsWhen(items, today)}.`,
    },
  ];
  if (withAnchor.length)
    blocks.push(
      {
        kind: 'paragraph',
        text: `Book a 15-minute follow-up with ${withAnchor.length === items.length ? them(items) : names(withAnchor)}, one to one, and ask three questions:`,
      },
      { kind: 'list', items: [...FOLLOW_UP_QUESTIONS] },
    );
  if (without.length)
    blocks.push({ kind: 'paragraph', text: noAnchorParagraph(without.map((i) => i.participant.member)) });
  return blocks;
}

/** Session + 7: the three questions, and the member's runs since the session. */
export function followUpEmail(items: FollowUpItem[], input: ProgrammeEmailInput): EmailContent {
  const asOf = lastCompleteDay(input.today);
  const blocks = followUpOpening(items, input.today);
  for (const item of items) {
    // Whole weeks covering the session; runs before it are left out by `fromDay`.
    const weeks = Math.max(1, Math.ceil((asOf - item.session + 1) / 7));
    const since = memberIn(input.auditAt(asOf, weeks, item.session), item.participant.member);
    const key = item.rosterMember?.key ?? memberKey(item.participant.member);
    blocks.push(
      { kind: 'heading', text: item.participant.member },
      { kind: 'paragraph', text: dueLine(item.due, input.today) },
      {
        kind: 'list',
        items: [
          `Anchor-workflow session on ${dayToLabel(item.session)}; ${item.participant.category} in the baseline week.`,
          `Since the session (${dayToLabel(item.session)} to ${dayToLabel(asOf)}): ${runsLine(since)}`,
          editsLine(since),
        ],
      },
      ...noteBlocks(input.notesOf?.(key, item.session, asOf) ?? null, 'since the session'),
    );
  }
  blocks.push(
    ...prefilledLinkBlocks(
      items.map((i) => i.participant.member),
      input.form,
    ),
  );
  const late = items.some((i) => i.due < input.today);
  return finish(
    subject(
      'follow-up',
      items.map((i) => i.participant.member),
      late,
    ),
    blocks,
    input,
  );
}

/**
 * A diagnosed cause in the sessions email, as the sidebar and the digest word it (spec §18): its
 * step while open; "Addressed on D (type)" and the change after it once the owner answered it.
 */
function causeLine(f: Finding): string {
  // One sentence per participant: the causes joined by "; ", so no step keeps its closing full stop.
  const unstopped = (text: string) => text.replace(/\.$/, '');
  if (f.addressed) return `${f.cause}: ${unstopped(adviceLine(f) ?? '')}`;
  return `${f.cause}: ${unstopped(f.step)}${f.notImprovedAfter ? ` (${unstopped(adviceLine(f) ?? '')})` : ''}`;
}

/** S + 7: the participants with no session yet, with their diagnosed cause. */
export function sessionsEmail(without: Participant[], due: Day, input: ProgrammeEmailInput): EmailContent {
  // The sessions recorded up to the day it is sent (replacement-plan.ts), late or not.
  const decidedOn = lastCompleteDay(input.today);
  const audit = input.auditAt(decidedOn, input.settings.weeks);
  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: dueLine(due, input.today) },
    {
      kind: 'paragraph',
      text:
        `A week into the replacement programme, ${plural(without.length, 'participant')} had no anchor-workflow session ` +
        `recorded by ${dayToLabel(decidedOn)}. Book each an individual session on their real current work, and record it ` +
        'from their line in the sidebar’s programme:',
    },
    {
      kind: 'list',
      items: without.map((p) => {
        // No programme email is changed by the usage exports (rules §15): their Logging gap is left out.
        const causes = (memberIn(audit, p.member)?.diagnosis ?? []).filter((f) => f.code !== 'logging-gap');
        const cause = causes.length ? causes.map(causeLine).join('; ') : 'no cause diagnosed';
        return `${p.member} (${p.category} in the baseline week): ${cause}.`;
      }),
    },
  ];
  return finish(
    subject(
      'sessions',
      without.map((p) => p.member),
      due < input.today,
    ),
    blocks,
    input,
  );
}

/** S + 14: the participants who are Developing or Genuine in the week ending S + 13. */
export function peersEmail(
  participants: Participant[],
  due: Day,
  input: ProgrammeEmailInput,
): { content: EmailContent; invited: Participant[] } {
  const weekEnd = lastCompleteDay(due);
  const week = input.auditAt(weekEnd, 1);
  const sinceStart = input.auditAt(weekEnd, 2, input.start);
  // One list for the sentence, the Invite list, the subject and the digest of the morning (peer-advocacy.ts).
  const invitees = programmePeerInvitees(
    week,
    participants.map((p) => p.member),
  );
  const byKey = new Map(participants.map((p) => [memberKey(p.member), p]));
  const invited = invitedNames(invitees).map((name) => byKey.get(memberKey(name))!);
  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: dueLine(due, input.today) },
    {
      kind: 'paragraph',
      // "Below" only when a list follows: with nobody to invite the paragraph after says so.
      text:
        'Two weeks into the replacement programme: the peer advocacy moment. At the next team meeting, invite the ' +
        `participants ${invited.length ? 'below' : 'who have a result'} to share one specific result, two minutes each ` +
        `(the task, the old time, the new time, the output), and ask the team: “${FRAMING_QUESTION}”`,
    },
  ];
  if (invited.length) {
    // With nobody to invite the paragraph below says so once ("no Genuine adopter" would read as the team's).
    blocks.push({
      kind: 'paragraph',
      text: peerInviteLine(invitees, `the week ${dayToLabel(weekEnd - 6)} to ${dayToLabel(weekEnd)}`),
    });
    blocks.push({ kind: 'heading', text: `Invite (the week ${dayToLabel(weekEnd - 6)} to ${dayToLabel(weekEnd)})` });
    blocks.push({
      kind: 'list',
      items: invited.map((p) => {
        const now = memberIn(week, p.member)!;
        const best = bestWorkflow(memberIn(sinceStart, p.member), input.settings.acceptanceTarget);
        return `${p.member} (${now.category}, ${usesPhrase(now.usesPerWeek)}): ${best ? `best workflow since the start ${best}` : 'ask for the result they are proudest of'}.`;
      }),
    });
  } else {
    blocks.push({
      kind: 'paragraph',
      text: `No participant was a Developing user or Genuine adopter in the week ${dayToLabel(weekEnd - 6)} to ${dayToLabel(weekEnd)}: follow them up first.`,
    });
  }
  return {
    content: finish(
      subject(
        'peers',
        invited.map((p) => p.member),
        due < input.today,
      ),
      blocks,
      input,
    ),
    invited,
  };
}

/** S + 30: adoption in the week ending S + 29 against the frozen baseline and the target. */
export function reassessmentEmail(
  baseline: Baseline,
  due: Day,
  input: ProgrammeEmailInput,
): { content: EmailContent; named: Participant[] } {
  const weekEnd = lastCompleteDay(due);
  const week = input.auditAt(weekEnd, 1);
  const team = week.team;
  const reached = team.adoptionRate !== null && team.adoptionRate >= PROGRAMME_TARGET;
  const named = reached
    ? []
    : baseline.participants.filter((p) => {
        const report = memberIn(week, p.member);
        const roster = input.roster.find((m) => m.key === memberKey(p.member));
        return report?.category !== 'Genuine adopter' && roster?.contextPackReady === false;
      });
  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: dueLine(due, input.today) },
    { kind: 'paragraph', text: 'Thirty days into the replacement programme: the adoption reassessment.' },
    {
      kind: 'list',
      items: [
        `Adoption rate in the week ${dayToLabel(weekEnd - 6)} to ${dayToLabel(weekEnd)}: ${percent(team.adoptionRate)}, ${adoptersOf(team.genuineAdopters, team.membersInScope)}.`,
        `Baseline, the week ending ${dayToLabel(isoToDay(baseline.asOf)!)} (frozen when the programme started): ${percent(baseline.adoptionRate)}, ${adoptersOf(baseline.genuineAdopters, baseline.membersInScope)}.`,
        `Target: ${percent(PROGRAMME_TARGET)}–80% of members in scope Genuine adopters at day 30.`,
      ],
    },
    reached
      ? { kind: 'paragraph', strong: true, text: 'Target reached: the investment in the replacement was correct.' }
      : {
          kind: 'paragraph',
          strong: true,
          text: `Short of target: the next diagnosis is the context pack.${named.length ? ` Participants below Genuine whose context pack is not ready: ${nameList(named.map((p) => p.member))}.` : ' No participant below Genuine has a context pack marked not ready on the roster.'}`,
        },
  ];
  return {
    content: finish(subject('reassessment', [], due < input.today), blocks, input),
    named,
  };
}
