/**
 * Programme reminders (spec §8): which milestones are due today, for whom, and what each email
 * says. Pure: the caller gives the roster, what the sent sheet records, and audits of the team.
 *
 * Catch-up policy:
 * - A milestone is due from its day on, until it is recorded in the sent sheet. A run that is
 *   late, or a run that ran out of quota or time, sends it later, once, saying when it was due.
 * - Milestones due more than STALE_AFTER_DAYS ago are not sent: their advice is out of date
 *   (a member added to the roster with a training date long past, or automation off for
 *   months). The sidebar's timeline still shows them.
 * - When a member has several milestones outstanding (more than a week without a run), only the
 *   latest is sent; the earlier ones are named in it and recorded as included, so each
 *   (member, milestone) is settled exactly once.
 * - The day-21 check goes only to members below the Genuine threshold at send time; for a
 *   Genuine adopter it is recorded as not needed.
 */
import { dayToIso, dayToLabel, type Day } from './dates';
import { MILESTONES, type MilestoneSpec } from './programme';
import { percent, plural } from './text';
import { usesPhrase } from './diagnosis';
import type { Audit, MemberReport } from './audit-types';
import type { AuditSettings, RosterMember } from './types';
import { renderEmail, type EmailBlock, type EmailContent } from './email';
import { milestoneDraft, type RecordDraft, type SentIndex } from './sent-records';

/** Milestones due longer ago than this are out of date and not sent. */
export const STALE_AFTER_DAYS = 28;
/** Spec §5: 70–80% of members in scope Genuine adopters at day 30; short of 70% is short. */
export const PROGRAMME_TARGET = 0.7;

export interface OutstandingMilestone {
  milestone: MilestoneSpec;
  dueDay: Day;
}

export interface MemberDue {
  member: RosterMember;
  trainingDay: Day;
  /** Outstanding milestones, earliest first. */
  outstanding: OutstandingMilestone[];
}

/** Members who get programme reminders: active, with a training date (spec §7, §8). */
export function remindable(member: RosterMember): member is RosterMember & { trainingDay: Day } {
  return member.status === 'active' && member.trainingDay !== null;
}

/**
 * For each member, the milestones due on or before `today`, within the stale horizon, not yet
 * recorded, and not older than a milestone already recorded.
 */
export function outstandingMilestones(roster: RosterMember[], today: Day, sent: SentIndex): MemberDue[] {
  const result: MemberDue[] = [];
  for (const member of roster) {
    if (!remindable(member)) continue;
    const recorded = sent.recordedMilestones(member, member.trainingDay);
    const latestRecorded = Math.max(0, ...recorded);
    const outstanding = MILESTONES.map((milestone) => ({ milestone, dueDay: member.trainingDay + milestone.day })).filter(
      ({ milestone, dueDay }) =>
        dueDay <= today && today - dueDay <= STALE_AFTER_DAYS && milestone.day > latestRecorded && !recorded.has(milestone.day),
    );
    if (outstanding.length) result.push({ member, trainingDay: member.trainingDay, outstanding });
  }
  return result;
}

export interface UpcomingMilestone {
  member: string;
  milestone: string;
  milestoneDay: number;
  dueDate: string;
  /** Who will be emailed: an address, or a description when it depends on the data then. */
  recipient: string;
}

/** Milestones falling due from `from` to `to` inclusive, in date order (the digest's list). */
export function upcomingMilestones(roster: RosterMember[], from: Day, to: Day, ownerEmail: string): UpcomingMilestone[] {
  const rows: (UpcomingMilestone & { due: Day })[] = [];
  for (const member of roster) {
    if (!remindable(member)) continue;
    for (const milestone of MILESTONES) {
      const due = member.trainingDay + milestone.day;
      if (due < from || due > to) continue;
      const recipient = recipientFor(milestone, member, ownerEmail);
      rows.push({
        due,
        member: member.name,
        milestone: milestone.name,
        milestoneDay: milestone.day,
        dueDate: dayToIso(due),
        recipient: milestone.day === 21 ? `${recipient} (if still below the Genuine threshold)` : recipient,
      });
    }
  }
  rows.sort((a, b) => a.due - b.due || a.milestoneDay - b.milestoneDay || a.member.localeCompare(b.member));
  return rows.map(({ due: _due, ...row }) => row);
}

export function recipientFor(milestone: MilestoneSpec, member: RosterMember, ownerEmail: string): string {
  return milestone.recipient === 'follow-up owner' ? member.followUpOwner ?? ownerEmail : ownerEmail;
}

/** One reminder email: the content, who gets it, and the records its sending settles. */
export interface PlannedEmail {
  to: string;
  milestone: MilestoneSpec;
  content: EmailContent;
  records: RecordDraft[];
  /** One line per member for the run report: "Day-seven follow-up for Ana". */
  summary: string[];
}

export interface ReminderPlan {
  emails: PlannedEmail[];
  /** Milestones settled without an email (the day-21 check of a Genuine adopter). */
  settled: RecordDraft[];
}

export interface ReminderInput {
  roster: RosterMember[];
  today: Day;
  sent: SentIndex;
  ownerEmail: string;
  settings: AuditSettings & { weeks: number };
  /**
   * The team's audit at an as-of day over a window of weeks; with `fromDay`, of the runs on or
   * after that day only (the caller memoises).
   */
  auditAt: (asOf: Day, weeks: number, fromDay?: Day) => Audit;
  spreadsheetUrl: string;
}

interface Chosen {
  member: RosterMember & { trainingDay: Day };
  milestone: MilestoneSpec;
  dueDay: Day;
  superseded: OutstandingMilestone[];
  to: string;
}

/** What today's run should send and settle. */
export function planReminders(input: ReminderInput): ReminderPlan {
  const { today, settings } = input;
  const current = input.auditAt(today, settings.weeks);
  const reports = new Map(current.members.map((m) => [m.key, m]));
  const settled: RecordDraft[] = [];
  const chosen: Chosen[] = [];

  for (const due of outstandingMilestones(input.roster, today, input.sent)) {
    const member = due.member as Chosen['member'];
    const report = reports.get(member.key);
    const pending = [...due.outstanding];
    while (pending.length) {
      const { milestone, dueDay } = pending.pop()!;
      if (milestone.day === 21 && report?.category === 'Genuine adopter') {
        settled.push(
          milestoneDraft({
            member,
            milestoneDay: 21,
            recipient: '',
            dueDay,
            trainingDay: member.trainingDay,
            note: `Not needed: a Genuine adopter on ${dayToIso(today)} (${usesPhrase(report.usesPerWeek)})`,
          }),
        );
        continue;
      }
      chosen.push({ member, milestone, dueDay, superseded: pending.splice(0), to: recipientFor(milestone, member, input.ownerEmail) });
    }
  }

  const groups = new Map<string, Chosen[]>();
  for (const item of chosen) {
    const key = `${item.milestone.day}|${item.to.toLowerCase()}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const emails = [...groups.values()]
    .map((items) => items.sort((a, b) => a.member.name.localeCompare(b.member.name)))
    .sort((a, b) => a[0].milestone.day - b[0].milestone.day || a[0].to.localeCompare(b[0].to))
    .map((items) => reminderEmail(items, input, current));
  return { emails, settled };
}

function lateNote(dueDay: Day, today: Day): string {
  const late = today - dueDay;
  return late > 0 ? `Due ${dayToIso(dueDay)}, sent ${plural(late, 'day')} late` : '';
}

function reminderEmail(items: Chosen[], input: ReminderInput, current: Audit): PlannedEmail {
  const { today } = input;
  const milestone = items[0].milestone;
  const to = items[0].to;
  const records: RecordDraft[] = [];
  for (const item of items) {
    records.push(milestoneDraft({ member: item.member, milestoneDay: milestone.day, recipient: to, dueDay: item.dueDay, trainingDay: item.member.trainingDay, note: lateNote(item.dueDay, today) }));
    for (const earlier of item.superseded) {
      records.push(
        milestoneDraft({
          member: item.member,
          milestoneDay: earlier.milestone.day,
          recipient: to,
          dueDay: earlier.dueDay,
          trainingDay: item.member.trainingDay,
          note: `Not sent separately (due ${dayToIso(earlier.dueDay)}): named in the ${milestone.name} email`,
        }),
      );
    }
  }
  const details = items.map((item) => memberDetails(item, input, current));
  const blocks = MILESTONE_WRITERS[milestone.day](details, input, current);
  const late = items.some((item) => item.dueDay < today);
  const subject = `Uptake: ${milestone.name} for ${nameList(items.map((i) => i.member.name))}${late ? ' (late)' : ''}`;
  blocks.push(
    { kind: 'link', label: 'Open the team’s spreadsheet', url: input.spreadsheetUrl },
    {
      kind: 'paragraph',
      text: 'Sent by Uptake’s daily run. Each programme reminder is sent once; the “Uptake sent” sheet lists what was sent and when.',
    },
  );
  return {
    to,
    milestone,
    content: renderEmail(subject, blocks),
    records,
    summary: items.map((item) => `${milestone.name} for ${item.member.name}${item.dueDay < today ? ` (due ${dayToIso(item.dueDay)})` : ''}`),
  };
}

export function nameList(names: string[]): string {
  if (names.length <= 1) return names.join('');
  if (names.length <= 3) return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${names.slice(0, 2).join(', ')} and ${names.length - 2} others`;
}

interface MemberDetails {
  item: Chosen;
  /** This member in the current audit (the Settings window ending today). */
  now: MemberReport | undefined;
  /** This member over the runs on and after the training day, up to today. */
  sinceTraining: MemberReport | undefined;
}

function memberDetails(item: Chosen, input: ReminderInput, current: Audit): MemberDetails {
  const trainingDay = item.member.trainingDay;
  // Whole weeks that cover the training day; runs before it are left out by `fromDay`.
  const weeks = Math.ceil((input.today - trainingDay + 1) / 7);
  const since = input.auditAt(input.today, weeks, trainingDay);
  return {
    item,
    now: current.members.find((m) => m.key === item.member.key),
    sinceTraining: since.members.find((m) => m.key === item.member.key),
  };
}

function windowLabel(weeks: number): string {
  return weeks === 1 ? 'this week' : `in the last ${weeks} weeks`;
}

/** The member's own figures since training and now, as list items. */
function figures(d: MemberDetails, input: ReminderInput): string[] {
  const trainingDay = d.item.member.trainingDay;
  const lines: string[] = [`Trained on ${dayToLabel(trainingDay)}, ${plural(input.today - trainingDay, 'day')} ago.`];
  const s = d.sinceTraining;
  if (s) {
    const o = s.outcomes;
    lines.push(
      `Since training: ${plural(s.runs, 'run')}, ${s.unpromptedRuns} unprompted; used as-is ${o['as-is']}, light edit ${o.light}, ` +
        `heavy edit ${o.heavy}, not used ${o['not-used']}; acceptance rate ${percent(s.acceptanceRate)}.`,
    );
  }
  const n = d.now;
  if (n) {
    lines.push(`${capitalise(windowLabel(input.settings.weeks))}: ${n.category}, ${usesPhrase(n.usesPerWeek)} (Genuine from ${input.settings.genuineAt}).`);
    lines.push(
      n.firstRunDate
        ? `First unprompted run after training: ${dayToLabel(isoDay(n.firstRunDate))} (${plural(n.daysToFirstRun ?? 0, 'day')} after training).`
        : 'No unprompted run since training yet.',
    );
  }
  return lines;
}

function suggestions(d: MemberDetails): string[] {
  const n = d.now;
  if (!n) return [];
  return [
    ...n.followUp.map((reason) => `Needs follow-up: ${reason}.`),
    ...n.diagnosis.map((f) => `Suggested cause: ${f.cause}. ${f.step} (${f.evidence.join(' ')})`),
  ];
}

function dueLine(d: MemberDetails, today: Day): string {
  const late = today - d.item.dueDay;
  const base = `${d.item.milestone.name}, day ${d.item.milestone.day} after training`;
  if (late <= 0) return `${base}: due today.`;
  const missed = d.item.superseded.map((s) => `${s.milestone.name} (due ${dayToLabel(s.dueDay)})`);
  return (
    `${base}: due on ${dayToLabel(d.item.dueDay)}, ${plural(late, 'day')} ago; Uptake’s daily run did not send it then.` +
    (missed.length ? ` Also missed, and not sent separately: ${missed.join(', ')}.` : '')
  );
}

function memberSection(d: MemberDetails, input: ReminderInput, extra: string[] = []): EmailBlock[] {
  return [
    { kind: 'heading', text: d.item.member.name },
    { kind: 'paragraph', text: dueLine(d, input.today) },
    { kind: 'list', items: [...extra, ...figures(d, input), ...suggestions(d)] },
  ];
}

function isoDay(iso: string): Day {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

type Writer = (details: MemberDetails[], input: ReminderInput, current: Audit) => EmailBlock[];

const daySeven: Writer = (details, input) => [
  {
    kind: 'paragraph',
    text:
      `A week ago ${nameList(details.map((d) => d.item.member.name))} ${details.length === 1 ? 'was' : 'were'} trained. ` +
      `Book a 15-minute follow-up with ${details.length === 1 ? 'them' : 'each of them'} this week, one to one, and ask three questions:`,
  },
  { kind: 'list', items: ['Did you use it?', 'What happened?', 'What did not work?'] },
  { kind: 'paragraph', text: 'Their runs and outcomes since training, from the log:' },
  ...details.flatMap((d) => memberSection(d, input)),
];

/** The workflow a member would best present: highest acceptance, then most runs; null when none reaches the target. */
export function bestWorkflow(report: MemberReport | undefined, target: number): string | null {
  const rated = (report?.workflows ?? []).filter((w) => w.acceptanceRate !== null && w.acceptanceRate >= target);
  rated.sort((a, b) => b.acceptanceRate! - a.acceptanceRate! || b.runs - a.runs || a.workflow.localeCompare(b.workflow));
  const best = rated[0];
  return best ? `"${best.workflow}" (${percent(best.acceptanceRate)} accepted over ${plural(best.runs, 'run')})` : null;
}

const dayFourteen: Writer = (details, input) => {
  const ready = details.filter((d) => d.now && d.now.category !== 'Non-adopter');
  const notReady = details.filter((d) => !ready.includes(d));
  const blocks: EmailBlock[] = [
    {
      kind: 'paragraph',
      text:
        'Two weeks after training: the peer advocacy moment. At the next team meeting, invite the developing users and new adopters ' +
        'below to share one specific result, two minutes each: the task, the old time, the new time, the output.',
    },
  ];
  if (ready.length) {
    blocks.push({ kind: 'heading', text: 'Invite to share a result' });
    blocks.push({
      kind: 'list',
      items: ready.map((d) => {
        const target = input.settings.acceptanceTarget;
        const best = bestWorkflow(d.sinceTraining, target) ?? bestWorkflow(d.now, target);
        const result = best ? `best workflow ${best}` : `no workflow at the ${percent(target)} acceptance target yet: ask for the result they are proudest of`;
        return `${d.item.member.name} (${d.now!.category}, ${usesPhrase(d.now!.usesPerWeek)}): ${result}.`;
      }),
    });
  } else {
    blocks.push({ kind: 'paragraph', text: 'Nobody below is ready to present yet: follow them up first.' });
  }
  if (notReady.length) {
    blocks.push({ kind: 'heading', text: 'Not ready to share yet: follow up instead' });
    blocks.push({
      kind: 'list',
      items: notReady.map((d) => `${d.item.member.name}: ${d.now?.followUp.join('; ') || 'no runs recorded since training'}.`),
    });
  }
  blocks.push({ kind: 'heading', text: 'Figures since training' });
  return [...blocks, ...details.flatMap((d) => memberSection(d, input))];
};

const dayTwentyOne: Writer = (details, input) => [
  {
    kind: 'paragraph',
    text:
      `Three weeks after training, ${nameList(details.map((d) => d.item.member.name))} ${details.length === 1 ? 'is' : 'are'} below the ` +
      `Genuine adopter threshold (${input.settings.genuineAt} unprompted uses a week). Follow up individually, on their real current work: ` +
      'not another group session.',
  },
  ...details.flatMap((d) => memberSection(d, input)),
];

const dayThirty: Writer = (details, input, current) => {
  const team = current.team;
  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: 'Thirty days after training: the adoption reassessment.' },
    {
      kind: 'list',
      items: [
        `Adoption rate now (${windowLabel(current.weeks)}): ${percent(team.adoptionRate)}, ${team.genuineAdopters} of ${plural(team.membersInScope, 'member')} in scope are Genuine adopters.`,
        ...[...new Set(details.map((d) => d.item.member.trainingDay))].sort((a, b) => a - b).map((trainingDay) => {
          const baseline = input.auditAt(trainingDay - 1, input.settings.weeks).team;
          const before = input.settings.weeks === 1 ? 'the week' : `the ${input.settings.weeks} weeks`;
          return `At the programme’s start (${before} before the training on ${dayToLabel(trainingDay)}): ${percent(baseline.adoptionRate)}.`;
        }),
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

const dayFortyTwo: Writer = (details, input) => [
  { kind: 'paragraph', text: 'Six weeks after training: the six-week measurement. The decision for each member:' },
  {
    kind: 'table',
    head: ['Member', 'Frequency met', 'Acceptance met', 'Expanded', 'Meaning', 'Next step'],
    rows: details.map((d) => {
      const six = d.now?.sixWeek;
      return [d.item.member.name, yesNo(six?.frequencyMet ?? null), yesNo(six?.acceptanceMet ?? null), yesNo(six?.expansion ?? null), six?.label ?? '–', six?.nextStep ?? '–'];
    }),
  },
  {
    kind: 'paragraph',
    text:
      `Frequency met: at least ${input.settings.genuineAt} unprompted uses a week ${windowLabel(input.settings.weeks)}. ` +
      `Acceptance met: at least ${percent(input.settings.acceptanceTarget)}. Expanded: ran a workflow they were not trained on.`,
  },
  ...details.flatMap((d) => memberSection(d, input)),
];

const MILESTONE_WRITERS: Record<number, Writer> = { 7: daySeven, 14: dayFourteen, 21: dayTwentyOne, 30: dayThirty, 42: dayFortyTwo };
