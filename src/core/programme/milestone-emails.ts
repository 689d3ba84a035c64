/** What each milestone's reminder email says (spec §8): one writer per milestone day. */
import { dayToLabel, type Day } from '../base/dates';
import { memberKey, percent, plural } from '../base/text';
import { usesPhrase } from '../audit/diagnosis';
import { SIX_WEEK_DAY, sixWeekDecision } from '../audit/six-week';
import type { Audit, MemberReport, SixWeek, WorkflowRate } from '../audit/audit-types';
import type { EmailBlock } from '../mail/email';
import { prefilledLinkBlocks } from './form-links';
import { FOLLOW_UP_QUESTIONS, noAnchorParagraph } from './follow-up-wording';
import { lastCompleteDay, type ReminderInput } from './reminder-input';
import { peerInviteLine, peerInvitees } from './peer-advocacy';
import {
  isoDay,
  memberSection,
  nameList,
  usageItems,
  windowDays,
  windowWithDays,
  type MemberDetails,
} from './reminder-figures';

/** Spec §5: 70–80% of members in scope Genuine adopters at day 30; short of 70% is short. */
export const PROGRAMME_TARGET = 0.7;

type Writer = (details: MemberDetails[], input: ReminderInput, current: Audit) => EmailBlock[];

/**
 * Day 7: the three questions, for members with an anchor workflow. A member with none has
 * nothing to be asked "Did you use it?" about: the follow-up identifies it first (cause 2).
 */
const daySeven: Writer = (details, input) => {
  const names = (ds: MemberDetails[]) => nameList(ds.map((d) => d.item.member.name));
  const withAnchor = details.filter((d) => d.item.member.anchorWorkflow);
  const without = details.filter((d) => !d.item.member.anchorWorkflow);
  const blocks: EmailBlock[] = [
    {
      kind: 'paragraph',
      text: `A week ago ${names(details)} ${details.length === 1 ? 'was' : 'were'} trained.`,
    },
  ];
  if (withAnchor.length)
    blocks.push(
      {
        kind: 'paragraph',
        text: `Book a 15-minute follow-up with ${withAnchor.length === details.length ? (details.length === 1 ? 'them' : 'each of them') : names(withAnchor)} this week, one to one, and ask three questions:`,
      },
      { kind: 'list', items: [...FOLLOW_UP_QUESTIONS] },
    );
  if (without.length)
    blocks.push({ kind: 'paragraph', text: noAnchorParagraph(without.map((d) => d.item.member.name)) });
  blocks.push(
    ...prefilledLinkBlocks(
      details.map((d) => d.item.member.name),
      input.form,
    ),
  );
  blocks.push({ kind: 'paragraph', text: 'Their runs, outcomes and edit types since training, from the log:' });
  return [...blocks, ...details.flatMap((d) => memberSection(d, input, usageItems(d)))];
};

/**
 * The workflow a member would best present: most accepted runs (used as-is or after a light
 * edit), then highest acceptance, then most runs; null when none reaches the target. "91%
 * accepted over 11 runs" is a better story than "100% over 1 run".
 */
export function bestWorkflow(report: MemberReport | undefined, target: number): string | null {
  const accepted = (w: WorkflowRate) => Math.round((w.acceptanceRate ?? 0) * w.runs);
  const rated = (report?.workflows ?? []).filter((w) => w.acceptanceRate !== null && w.acceptanceRate >= target);
  rated.sort(
    (a, b) =>
      accepted(b) - accepted(a) ||
      b.acceptanceRate! - a.acceptanceRate! ||
      b.runs - a.runs ||
      a.workflow.localeCompare(b.workflow),
  );
  const best = rated[0];
  return best ? `"${best.workflow}" (${percent(best.acceptanceRate)} accepted over ${plural(best.runs, 'run')})` : null;
}

const dayFourteen: Writer = (details, input) => {
  const asOf = lastCompleteDay(input.today);
  const label = windowDays(input.settings.weeks, asOf);
  // The whole invitation, as the digest gives it (one week, as the digest's).
  const invitees = peerInvitees(
    input.auditAt(asOf, 1),
    details.map((d) => d.item.member.name),
  );
  const ready = details.filter((d) => d.now && d.now.category !== 'Non-adopter');
  const notReady = details.filter((d) => !ready.includes(d));
  const blocks: EmailBlock[] = [
    {
      kind: 'paragraph',
      text:
        'Two weeks after training: the peer advocacy moment. At the next team meeting, invite the developing users and new adopters ' +
        'below to share one specific result, two minutes each: the task, the old time, the new time, the output.',
    },
    { kind: 'paragraph', text: peerInviteLine(invitees, windowDays(1, asOf)) },
  ];
  if (ready.length) {
    blocks.push({ kind: 'heading', text: 'Invite to share a result' });
    blocks.push({
      kind: 'list',
      items: ready.map((d) => {
        const target = input.settings.acceptanceTarget;
        const sinceTraining = bestWorkflow(d.sinceTraining, target);
        const inWindow = sinceTraining ? null : bestWorkflow(d.now, target);
        const result = sinceTraining
          ? `best workflow since training ${sinceTraining}`
          : inWindow
            ? `best workflow ${label} ${inWindow}`
            : `no workflow at the ${percent(target)} acceptance target yet: ask for the result they are proudest of`;
        return `${d.item.member.name} (${label}: ${d.now!.category}, ${usesPhrase(d.now!.usesPerWeek)}): ${result}.`;
      }),
    });
  } else {
    blocks.push({ kind: 'paragraph', text: 'Nobody below is ready to present yet: follow them up first.' });
  }
  if (notReady.length) {
    blocks.push({ kind: 'heading', text: 'Not ready to share yet: follow up instead' });
    blocks.push({
      kind: 'list',
      items: notReady.map((d) =>
        d.now?.followUp.length
          ? `${d.item.member.name} (${label}): ${d.now.followUp.join('; ')}.`
          : `${d.item.member.name}: no runs recorded since training.`,
      ),
    });
  }
  blocks.push({ kind: 'heading', text: 'Figures since training' });
  return [...blocks, ...details.flatMap((d) => memberSection(d, input))];
};

const dayTwentyOne: Writer = (details, input) => {
  // Decided on the day before each check fell due: a late email says "was", as of then.
  const late = details.some((d) => d.item.dueDay < input.today);
  const verb = late ? (details.length === 1 ? 'was' : 'were') : details.length === 1 ? 'is' : 'are';
  return [
    {
      kind: 'paragraph',
      text:
        `Three weeks after training, ${nameList(details.map((d) => d.item.member.name))} ${verb} below the ` +
        `Genuine adopter threshold (${input.settings.genuineAt} unprompted uses a week)${late ? ' when the check fell due' : ''}. ` +
        'Follow up individually, on their real current work: not another group session.',
    },
    ...details.flatMap((d) => memberSection(d, input, usageItems(d))),
  ];
};

/** "1 of 2 members in scope is a Genuine adopter", "2 of 5 members in scope are Genuine adopters". */
export function adoptersOf(genuineAdopters: number, membersInScope: number): string {
  return `${genuineAdopters} of ${plural(membersInScope, 'member')} in scope ${genuineAdopters === 1 ? 'is a Genuine adopter' : 'are Genuine adopters'}`;
}

/**
 * Adoption at each programme's start: one line per training day, naming its members and the days
 * it covers, so that two starts with the same rate read as two starts, not one line printed twice.
 */
function baselineLines(details: MemberDetails[], input: ReminderInput): string[] {
  const byDay = new Map<Day, string[]>();
  for (const d of details)
    byDay.set(d.item.member.trainingDay, [...(byDay.get(d.item.member.trainingDay) ?? []), d.item.member.name]);
  return [...byDay.entries()]
    .sort(([a], [b]) => a - b)
    .map(([trainingDay, names]) => {
      const weeks = input.settings.weeks;
      const baseline = input.auditAt(trainingDay - 1, weeks).team;
      return `At the programme’s start for ${nameList(names)} (${windowDays(weeks, trainingDay - 1)}, before training on ${dayToLabel(trainingDay)}): ${percent(baseline.adoptionRate)}, ${adoptersOf(baseline.genuineAdopters, baseline.membersInScope)}.`;
    });
}

const dayThirty: Writer = (details, input, current) => {
  const team = current.team;
  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: 'Thirty days after training: the adoption reassessment.' },
    {
      kind: 'list',
      items: [
        `Adoption rate now, ${windowWithDays(current.weeks, isoDay(current.asOf))}: ${percent(team.adoptionRate)}, ${adoptersOf(team.genuineAdopters, team.membersInScope)}.`,
        ...baselineLines(details, input),
        `Target: ${percent(PROGRAMME_TARGET)}–80% of members in scope Genuine adopters at day 30.`,
      ],
    },
  ];
  if (team.adoptionRate === null || team.adoptionRate < PROGRAMME_TARGET) {
    blocks.push({
      kind: 'paragraph',
      strong: true,
      text:
        'Short of target: the next diagnosis is the context pack. Check that each role’s context pack is ready (the roster’s ' +
        '“Context pack ready” column) and look at the missing-info and wrong-info edits in the log.',
    });
  } else {
    blocks.push({ kind: 'paragraph', text: 'On target: keep the weekly rhythm and plan the second-wave workflows.' });
  }
  return [...blocks, ...details.flatMap((d) => memberSection(d, input))];
};

function yesNo(value: boolean | null): string {
  return value === null ? '–' : value ? 'yes' : 'no';
}

/**
 * Spec §9 on the Settings window ending on the last complete day. On day 42 that is day 41, the
 * last day of the sixth week, which an audit as of that day still calls "not yet" (its decision
 * starts on day 42): the decision is taken here, on the same figures as the rest of the email.
 */
function sixWeekOf(d: MemberDetails, input: ReminderInput): SixWeek | undefined {
  const n = d.now;
  if (!n) return undefined;
  const member = d.item.member;
  const trained = new Set([...member.trainedWorkflows, member.anchorWorkflow].filter(Boolean).map(memberKey));
  const ranUntrainedWorkflow = (d.sinceTraining?.workflows ?? []).some((w) => !trained.has(memberKey(w.workflow)));
  return sixWeekDecision({
    trainingDay: member.trainingDay,
    usesPerWeek: n.usesPerWeek,
    rate: n.acceptanceRate,
    tally: { rosterMember: member, ranUntrainedWorkflow },
    asOf: Math.max(lastCompleteDay(input.today), member.trainingDay + SIX_WEEK_DAY),
    settings: input.settings,
  });
}

const dayFortyTwo: Writer = (details, input) => [
  { kind: 'paragraph', text: 'Six weeks after training: the six-week measurement. The decision for each member:' },
  {
    kind: 'table',
    head: ['Member', 'Frequency met', 'Acceptance met', 'Expanded', 'Meaning', 'Next step'],
    rows: details.map((d) => {
      const six = sixWeekOf(d, input);
      return [
        d.item.member.name,
        yesNo(six?.frequencyMet ?? null),
        yesNo(six?.acceptanceMet ?? null),
        yesNo(six?.expansion ?? null),
        six?.label ?? '–',
        six?.nextStep ?? '–',
      ];
    }),
  },
  {
    kind: 'paragraph',
    text:
      `Frequency met: at least ${input.settings.genuineAt} unprompted uses a week, ${windowWithDays(input.settings.weeks, lastCompleteDay(input.today))}. ` +
      `Acceptance met: at least ${percent(input.settings.acceptanceTarget)} of the runs on the same days accepted. Expanded: ran a workflow they were not trained on, since training.`,
  },
  ...details.flatMap((d) => memberSection(d, input)),
];

export const MILESTONE_WRITERS: Record<number, Writer> = {
  7: daySeven,
  14: dayFourteen,
  21: dayTwentyOne,
  30: dayThirty,
  42: dayFortyTwo,
};
