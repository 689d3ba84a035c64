/**
 * What planning a reminder and writing it share: the input, the milestone chosen for a member,
 * and the day its figures are as of.
 *
 * Figures: the daily run goes in the morning, when today's runs are mostly not logged yet, so
 * every figure in a reminder is as of the day before (the last complete day), as the Monday
 * digest is as of the Sunday before (spec §2). The digest and a reminder sent the same morning
 * therefore agree.
 */
import type { Day } from '../base/dates';
import type { MilestoneSpec } from './milestones';
import type { Audit, MemberReport } from '../audit/audit-types';
import type { AuditSettings, FormLinks, NotesSource, RosterMember } from '../base/types';
import type { SentIndex } from './sent-records';
import type { RecordDraft } from './sent-row';
import type { History } from '../history/history-types';

/** A milestone due for a member, from its day on until it is recorded in the sent sheet. */
export interface OutstandingMilestone {
  milestone: MilestoneSpec;
  dueDay: Day;
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
  /**
   * Members whose §8 milestones no longer go: the replacement programme's participants from its
   * start on (spec §17).
   */
  replaced?: (member: RosterMember) => boolean;
  /** A member's notes in the log between two days (the day-7 and day-21 emails and the programme's follow-up quote them). */
  notesOf?: NotesSource;
  /** Whether an earlier run tried to send this record and MailApp refused it (it is a retry). */
  failedBefore?: (draft: RecordDraft) => boolean;
  /** The logging form's links (rules §16): each member's pre-filled link goes in their day-seven follow-up. */
  form?: FormLinks | null;
}

/** The milestone a member's email is about, for one recipient. */
export interface ChosenMilestone {
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
export function atWeekThree(member: RosterMember, dueDay: Day, input: ReminderInput): MemberReport | undefined {
  return input.auditAt(lastCompleteDay(dueDay), input.settings.weeks).members.find((m) => m.key === member.key);
}
