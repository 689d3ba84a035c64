/**
 * Programme reminders (spec §8): which milestones are due today, for whom, and the emails and
 * sent records that settle them. Pure: the caller gives the roster, what the sent sheet records,
 * and audits of the team. What each milestone's email says is in milestone-emails.ts, each
 * member's figures in reminder-figures.ts, and the day those figures are as of in
 * reminder-input.ts.
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
import { dayToIso, type Day } from '../base/dates';
import { MILESTONES, type MilestoneSpec } from './milestones';
import { plural } from '../base/text';
import type { Audit } from '../audit/audit-types';
import type { RosterMember } from '../base/types';
import { renderEmail, type EmailContent } from '../mail/email';
import type { SentIndex } from './sent-records';
import { milestoneDraft, type RecordDraft } from './sent-row';
import type { History } from '../history/history-types';
import { cohortLine } from './cohort-line';
import {
  atWeekThree,
  lastCompleteDay,
  type ChosenMilestone,
  type OutstandingMilestone,
  type ReminderInput,
} from './reminder-input';
import { memberDetails, nameList } from './reminder-figures';
import { MILESTONE_WRITERS } from './milestone-emails';

/** Milestones due longer ago than this are out of date and not sent. */
export const STALE_AFTER_DAYS = 28;

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
export function outstandingMilestones(
  roster: RosterMember[],
  today: Day,
  sent: SentIndex,
  replaced: (member: RosterMember) => boolean = () => false,
): MemberDue[] {
  const result: MemberDue[] = [];
  for (const member of roster) {
    if (!remindable(member) || replaced(member)) continue;
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
  /** Due before the day the list was made and not recorded as sent: the next run sends it late (alone, or named in the email of a later milestone of the same member, spec §8). */
  late?: true;
  /** A replacement programme milestone (spec §17); `milestoneDay` is then its day of the programme. */
  programme?: true;
}

/**
 * The milestones due before `today` that the sent sheet has not recorded: the next daily run
 * sends them late (spec §8), so the digest lists them beside the coming week's and the two agree.
 */
export function overdueMilestones(
  roster: RosterMember[],
  today: Day,
  sent: SentIndex,
  ownerEmail: string,
  replaced: (member: RosterMember) => boolean = () => false,
): UpcomingMilestone[] {
  const rows: UpcomingMilestone[] = [];
  for (const { member, outstanding } of outstandingMilestones(roster, today, sent, replaced)) {
    for (const { milestone, dueDay } of outstanding) {
      if (dueDay >= today) continue;
      const recipient = recipientFor(milestone, member, ownerEmail);
      rows.push({
        member: member.name,
        milestone: milestone.name,
        milestoneDay: milestone.day,
        dueDate: dayToIso(dueDay),
        // Decided on the day before it fell due: a Genuine adopter then gets none (recorded as not needed).
        recipient: milestone.day === 21 ? `${recipient} (if still below the Genuine threshold)` : recipient,
        late: true,
      });
    }
  }
  return rows.sort(
    (a, b) => a.dueDate.localeCompare(b.dueDate) || a.milestoneDay - b.milestoneDay || a.member.localeCompare(b.member),
  );
}

/** Milestones falling due from `from` to `to` inclusive, in date order (the digest's list). */
export function upcomingMilestones(
  roster: RosterMember[],
  from: Day,
  to: Day,
  ownerEmail: string,
  replaced: (member: RosterMember) => boolean = () => false,
): UpcomingMilestone[] {
  const rows: (UpcomingMilestone & { due: Day })[] = [];
  for (const member of roster) {
    if (!remindable(member) || replaced(member)) continue;
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

/** Milestones whose emails show the member's training cohort curve point (rules §13). */
const COHORT_MILESTONES = new Set([30, 42]);

/** What today's run should send and settle. */
export function planReminders(input: ReminderInput): ReminderPlan {
  const { today, settings } = input;
  const current = input.auditAt(lastCompleteDay(today), settings.weeks);
  const settled: RecordDraft[] = [];
  const chosen: ChosenMilestone[] = [];

  for (const due of outstandingMilestones(input.roster, today, input.sent, input.replaced)) {
    const member = due.member as ChosenMilestone['member'];
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
            // The sent sheet is a tab every editor reads (rules §19): no category and no figures here;
            // the owner's dashboard and digest carry them.
            note: `Not needed at the week-three check (the week to ${dayToIso(lastCompleteDay(check.dueDay))}, the day before it fell due)`,
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

  const groups = new Map<string, ChosenMilestone[]>();
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

function reminderEmail(
  items: ChosenMilestone[],
  input: ReminderInput,
  current: Audit,
  history?: History,
): PlannedEmail {
  const { today } = input;
  const milestone = items[0].milestone;
  const to = items[0].to;
  const records: RecordDraft[] = [];
  const retries = new Set<ChosenMilestone>();
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
  const cohortOf = (item: ChosenMilestone) =>
    history && COHORT_MILESTONES.has(milestone.day) ? cohortLine(history, item.member, lastCompleteDay(today)) : null;
  const details = items.map((item) => memberDetails(item, input, current, retries.has(item), cohortOf(item)));
  const blocks = MILESTONE_WRITERS[milestone.day](details, input, current);
  const late = items.some((item) => item.dueDay < today);
  const subject = `Uptake: ${milestone.name} for ${nameList(items.map((i) => i.member.name))}${late ? ' (late)' : ''}`;
  blocks.push(
    { kind: 'link', label: 'Open the team’s spreadsheet', url: input.spreadsheetUrl },
    {
      kind: 'paragraph',
      text: 'Sent by Uptake’s daily run. Each programme reminder is sent once; the “Uptake sent” sheet records it, naming no one.',
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
