/**
 * Programme reminders (spec §8): which milestones are due today, for whom, and what each email
 * says. Pure: the caller gives the roster, what the sent sheet records, and audits of the team.
 *
 * Figures: the daily run goes in the morning, when today's runs are mostly not logged yet, so
 * every figure in a reminder is as of the day before (the last complete day), as the Monday
 * digest is as of the Sunday before (spec §2). The digest and a reminder sent the same morning
 * therefore agree.
 *
 * Catch-up policy:
 * - A milestone is due from its day on, until it is recorded in the sent sheet. A run that is
 *   late, or a run that ran out of quota or time, sends it later, once, saying when it was due.
 * - Milestones due more than STALE_AFTER_DAYS ago are not sent: their advice is out of date
 *   (a member added to the roster with a training date long past, or automation off for
 *   months). The sidebar's timeline still shows them.
 * - When a member has several milestones outstanding for one recipient (more than a week
 *   without a run), only the latest is sent to that recipient; the earlier ones are named in it
 *   and recorded as included, so each (member, milestone) is settled exactly once. Milestones
 *   for another recipient (the owner's day 14 beside the follow-up owner's day 21) get their
 *   own email: at most one email per recipient per member per run.
 * - The day-21 check goes only to members below the Genuine threshold on the last complete day
 *   before it fell due (its due day − 1, whatever day it is sent); for a Genuine adopter it is
 *   recorded as not needed.
 */
import { dayToIso, dayToLabel, type Day } from '../base/dates';
import { MILESTONES, type MilestoneSpec } from './milestones';
import { capitalise, memberKey, percent, plural, windowPhrase } from '../base/text';
import { usesPhrase } from '../audit/diagnosis';
import { SIX_WEEK_DAY, sixWeekDecision } from '../audit/six-week';
import type { Audit, MemberReport, SixWeek, WorkflowRate } from '../audit/audit-types';
import type { AuditSettings, RosterMember } from '../base/types';
import { renderEmail, type EmailBlock, type EmailContent } from '../mail/email';
import { milestoneDraft, type RecordDraft, type SentIndex } from './sent-records';
import type { History } from '../history/history-types';
import { cohortLine } from './cohort-line';

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
 * recorded, and not older than a milestone already recorded for the same recipient (the
 * follow-up owner's days 7 and 21, the owner's days 14, 30 and 42). A later milestone for the
 * other recipient does not close an earlier one: each recipient's email goes, or is retried,
 * on its own.
 */
export function outstandingMilestones(roster: RosterMember[], today: Day, sent: SentIndex): MemberDue[] {
  const result: MemberDue[] = [];
  for (const member of roster) {
    if (!remindable(member)) continue;
    const recorded = sent.recordedMilestones(member, member.trainingDay);
    const latestRecorded = (recipient: MilestoneSpec['recipient']) =>
      Math.max(0, ...MILESTONES.filter((m) => m.recipient === recipient && recorded.has(m.day)).map((m) => m.day));
    const outstanding = MILESTONES.map((milestone) => ({
      milestone,
      dueDay: member.trainingDay + milestone.day,
    })).filter(
      ({ milestone, dueDay }) =>
        dueDay <= today &&
        today - dueDay <= STALE_AFTER_DAYS &&
        milestone.day > latestRecorded(milestone.recipient) &&
        !recorded.has(milestone.day),
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
export function upcomingMilestones(
  roster: RosterMember[],
  from: Day,
  to: Day,
  ownerEmail: string,
): UpcomingMilestone[] {
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
  return milestone.recipient === 'follow-up owner' ? (member.followUpOwner ?? ownerEmail) : ownerEmail;
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
  /**
   * The team's history as of a day (rules §13), for the cohort line of the day-30 and day-42
   * emails; called at most once per run. Without it those emails have no cohort line.
   */
  historyAt?: (asOf: Day) => History;
  spreadsheetUrl: string;
  /** Whether an earlier run tried to send this record and MailApp refused it (it is a retry). */
  failedBefore?: (draft: RecordDraft) => boolean;
}

interface Chosen {
  member: RosterMember & { trainingDay: Day };
  milestone: MilestoneSpec;
  dueDay: Day;
  /** Earlier outstanding milestones of this member for the same recipient, named in this email. */
  superseded: OutstandingMilestone[];
  to: string;
}

/** The last complete day before `day`: the as-of of every figure computed on `day` (spec §2). */
export function lastCompleteDay(day: Day): Day {
  return day - 1;
}

/** The member in the Settings window as of the day before the week-three check fell due. */
function atWeekThree(member: RosterMember, dueDay: Day, input: ReminderInput): MemberReport | undefined {
  return input.auditAt(lastCompleteDay(dueDay), input.settings.weeks).members.find((m) => m.key === member.key);
}

/** Milestones whose emails show the member's training cohort curve point (rules §13). */
const COHORT_MILESTONES = new Set([30, 42]);

/** What today's run should send and settle. */
export function planReminders(input: ReminderInput): ReminderPlan {
  const { today, settings } = input;
  const current = input.auditAt(lastCompleteDay(today), settings.weeks);
  const settled: RecordDraft[] = [];
  const chosen: Chosen[] = [];

  for (const due of outstandingMilestones(input.roster, today, input.sent)) {
    const member = due.member as Chosen['member'];
    let pending = due.outstanding;
    const check = pending.find((o) => o.milestone.day === 21);
    const atCheck = check && atWeekThree(member, check.dueDay, input);
    if (check && atCheck?.category === 'Genuine adopter') {
      pending = pending.filter((o) => o !== check);
      // A recorded day-21 check closes the day-seven follow-up (same recipient): settled only
      // once that has gone, so an email that fails or waits for quota is not lost.
      if (!pending.some((o) => o.milestone.recipient === check.milestone.recipient)) {
        settled.push(
          milestoneDraft({
            member,
            milestoneDay: 21,
            recipient: '',
            dueDay: check.dueDay,
            trainingDay: member.trainingDay,
            note: `Not needed: a Genuine adopter in ${weeksPhrase(settings.weeks)} to ${dayToIso(lastCompleteDay(check.dueDay))}, the day before it fell due (${usesPhrase(atCheck.usesPerWeek)})`,
          }),
        );
      }
    }
    // One email per recipient: the latest of their milestones, naming the earlier ones.
    const byRecipient = new Map<string, OutstandingMilestone[]>();
    for (const item of pending) {
      const key = recipientFor(item.milestone, member, input.ownerEmail).toLowerCase();
      byRecipient.set(key, [...(byRecipient.get(key) ?? []), item]);
    }
    for (const items of byRecipient.values()) {
      const latest = items[items.length - 1];
      chosen.push({
        member,
        milestone: latest.milestone,
        dueDay: latest.dueDay,
        superseded: items.slice(0, -1),
        to: recipientFor(latest.milestone, member, input.ownerEmail),
      });
    }
  }

  const groups = new Map<string, Chosen[]>();
  for (const item of chosen) {
    const key = `${item.milestone.day}|${item.to.toLowerCase()}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  // One history for the whole run, and only when an email shows a cohort line.
  const history = chosen.some((c) => COHORT_MILESTONES.has(c.milestone.day))
    ? input.historyAt?.(lastCompleteDay(today))
    : undefined;
  const emails = [...groups.values()]
    .map((items) => items.sort((a, b) => a.member.name.localeCompare(b.member.name)))
    .sort((a, b) => a[0].milestone.day - b[0].milestone.day || a[0].to.localeCompare(b[0].to))
    .map((items) => reminderEmail(items, input, current, history));
  return { emails, settled };
}

function lateNote(dueDay: Day, today: Day): string {
  const late = today - dueDay;
  return late > 0 ? `Due ${dayToIso(dueDay)}, sent ${plural(late, 'day')} late` : '';
}

function reminderEmail(items: Chosen[], input: ReminderInput, current: Audit, history?: History): PlannedEmail {
  const { today } = input;
  const milestone = items[0].milestone;
  const to = items[0].to;
  const records: RecordDraft[] = [];
  const retries = new Set<Chosen>();
  for (const item of items) {
    const draft = milestoneDraft({
      member: item.member,
      milestoneDay: milestone.day,
      recipient: to,
      dueDay: item.dueDay,
      trainingDay: item.member.trainingDay,
      note: lateNote(item.dueDay, today),
    });
    if (input.failedBefore?.(draft)) retries.add(item);
    records.push(draft);
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
  const cohortOf = (item: Chosen) =>
    history && COHORT_MILESTONES.has(milestone.day) ? cohortLine(history, item.member, lastCompleteDay(today)) : null;
  const details = items.map((item) => memberDetails(item, input, current, retries.has(item), cohortOf(item)));
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
    summary: items.map(
      (item) =>
        `${milestone.name} for ${item.member.name}${item.dueDay < today ? ` (due ${dayToIso(item.dueDay)})` : ''}`,
    ),
  };
}

export function nameList(names: string[]): string {
  if (names.length <= 1) return names.join('');
  if (names.length <= 3) return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${names.slice(0, 2).join(', ')} and ${names.length - 2} others`;
}

interface MemberDetails {
  item: Chosen;
  /** This member in the current audit (the Settings window ending on the last complete day). */
  now: MemberReport | undefined;
  /** This member over the runs on and after the training day, up to the last complete day. */
  sinceTraining: MemberReport | undefined;
  /** For a week-three check: the member as of the day before it fell due, which decided it. */
  atCheck: MemberReport | undefined;
  /** An earlier run's email for this milestone failed: this one is a retry, not a catch-up. */
  retry: boolean;
  /** For the day-30 and day-42 emails: the member's training cohort curve point (rules §13). */
  cohort: string | null;
}

function memberDetails(
  item: Chosen,
  input: ReminderInput,
  current: Audit,
  retry: boolean,
  cohort: string | null,
): MemberDetails {
  const trainingDay = item.member.trainingDay;
  const asOf = lastCompleteDay(input.today);
  // Whole weeks that cover the training day; runs before it are left out by `fromDay`.
  const weeks = Math.max(1, Math.ceil((asOf - trainingDay + 1) / 7));
  const since = input.auditAt(asOf, weeks, trainingDay);
  return {
    item,
    now: current.members.find((m) => m.key === item.member.key),
    sinceTraining: since.members.find((m) => m.key === item.member.key),
    atCheck: item.milestone.day === 21 ? atWeekThree(item.member, item.dueDay, input) : undefined,
    retry,
    cohort,
  };
}

/** "the week", "the 4 weeks" (followed by "to <day>"). */
function weeksPhrase(weeks: number): string {
  return weeks === 1 ? 'the week' : `the ${weeks} weeks`;
}

function dayRange(from: Day, to: Day): string {
  return `${dayToLabel(from)} to ${dayToLabel(to)}`;
}

/** The Settings window ending on `asOf`, with its days: "this week (Mon 2 Mar 2026 to Sun 8 Mar 2026)". */
function windowWithDays(weeks: number, asOf: Day): string {
  return `${windowPhrase(weeks)} (${dayRange(asOf - 7 * weeks + 1, asOf)})`;
}

/** The member's own figures since training and in the Settings window, as list items; each says which days it covers. */
function figures(d: MemberDetails, input: ReminderInput): string[] {
  const trainingDay = d.item.member.trainingDay;
  const asOf = lastCompleteDay(input.today);
  const { weeks, genuineAt } = input.settings;
  const lines: string[] = [`Trained on ${dayToLabel(trainingDay)}, ${plural(input.today - trainingDay, 'day')} ago.`];
  const s = d.sinceTraining;
  if (s) {
    const o = s.outcomes;
    lines.push(
      `Since training (${dayRange(trainingDay, asOf)}): ${plural(s.runs, 'run')}, ${s.unpromptedRuns} unprompted; used as-is ${o['as-is']}, light edit ${o.light}, ` +
        `heavy edit ${o.heavy}, not used ${o['not-used']}; acceptance rate ${percent(s.acceptanceRate)}.`,
    );
  }
  const c = d.atCheck;
  if (c && lastCompleteDay(d.item.dueDay) !== asOf) {
    const checkDay = lastCompleteDay(d.item.dueDay);
    lines.push(
      `When the check fell due (${dayRange(checkDay - 7 * weeks + 1, checkDay)}): ${c.category}, ${usesPhrase(c.usesPerWeek)} (Genuine from ${genuineAt}).`,
    );
  }
  const n = d.now;
  if (n) {
    lines.push(
      `${capitalise(windowWithDays(weeks, asOf))}: ${n.category}, ${usesPhrase(n.usesPerWeek)} (Genuine from ${genuineAt}); acceptance rate ${percent(n.acceptanceRate)}.`,
    );
    lines.push(
      n.firstRunDate
        ? `First unprompted run after training: ${dayToLabel(isoDay(n.firstRunDate))} (${plural(n.daysToFirstRun ?? 0, 'day')} after training).`
        : 'No unprompted run since training yet.',
    );
  }
  return lines;
}

/** Follow-up reasons and suggested causes: about the Settings window, and labelled so. */
function suggestions(d: MemberDetails, input: ReminderInput): string[] {
  const n = d.now;
  if (!n) return [];
  const label = windowPhrase(input.settings.weeks);
  return [
    ...n.followUp.map((reason) => `Needs follow-up (${label}): ${reason}.`),
    ...n.diagnosis.map((f) => `Suggested cause (${label}): ${f.cause}. ${f.step} (${f.evidence.join(' ')})`),
  ];
}

function dueLine(d: MemberDetails, today: Day): string {
  const late = today - d.item.dueDay;
  const base = `${d.item.milestone.name}, day ${d.item.milestone.day} after training`;
  if (late <= 0) return `${base}: due today.`;
  const missed = d.item.superseded.map((s) => `${s.milestone.name} (due ${dayToLabel(s.dueDay)})`);
  return (
    `${base}: due on ${dayToLabel(d.item.dueDay)}, ${plural(late, 'day')} ago; ` +
    (d.retry
      ? 'Uptake’s daily run tried to send it before, and the email failed: this is another attempt.'
      : 'Uptake’s daily run did not send it then.') +
    (missed.length ? ` Also missed, and not sent separately: ${missed.join(', ')}.` : '')
  );
}

function memberSection(d: MemberDetails, input: ReminderInput, extra: string[] = []): EmailBlock[] {
  return [
    { kind: 'heading', text: d.item.member.name },
    { kind: 'paragraph', text: dueLine(d, input.today) },
    {
      kind: 'list',
      items: [...extra, ...figures(d, input), ...(d.cohort ? [d.cohort] : []), ...suggestions(d, input)],
    },
  ];
}

function isoDay(iso: string): Day {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
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
  const label = windowPhrase(input.settings.weeks);
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
    ...details.flatMap((d) => memberSection(d, input)),
  ];
};

/** "1 of 2 members in scope is a Genuine adopter", "2 of 5 members in scope are Genuine adopters". */
export function adoptersOf(genuineAdopters: number, membersInScope: number): string {
  return `${genuineAdopters} of ${plural(membersInScope, 'member')} in scope ${genuineAdopters === 1 ? 'is a Genuine adopter' : 'are Genuine adopters'}`;
}

const dayThirty: Writer = (details, input, current) => {
  const team = current.team;
  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: 'Thirty days after training: the adoption reassessment.' },
    {
      kind: 'list',
      items: [
        `Adoption rate now, ${windowWithDays(current.weeks, isoDay(current.asOf))}: ${percent(team.adoptionRate)}, ${adoptersOf(team.genuineAdopters, team.membersInScope)}.`,
        ...[...new Set(details.map((d) => d.item.member.trainingDay))]
          .sort((a, b) => a - b)
          .map((trainingDay) => {
            const baseline = input.auditAt(trainingDay - 1, input.settings.weeks).team;
            return `At the programme’s start (${weeksPhrase(input.settings.weeks)} before the training on ${dayToLabel(trainingDay)}): ${percent(baseline.adoptionRate)}.`;
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

const MILESTONE_WRITERS: Record<number, Writer> = {
  7: daySeven,
  14: dayFourteen,
  21: dayTwentyOne,
  30: dayThirty,
  42: dayFortyTwo,
};
