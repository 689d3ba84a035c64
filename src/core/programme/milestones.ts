/** The replacement programme's timeline (spec §8): milestones counted from each training date. */
import { dayToIso, type Day } from '../base/dates';
import type { Audit, ProgrammePosition } from '../audit/audit-types';
import { followUpHeldOn } from '../interventions/summary';
import type { InterventionReport } from '../interventions/types';

export type MilestoneDay = 7 | 14 | 21 | 30 | 42;

export interface MilestoneSpec {
  day: MilestoneDay;
  name: string;
  /** Who is emailed: the member's follow-up owner, or the programme owner. */
  recipient: 'follow-up owner' | 'owner';
}

export const MILESTONES: readonly MilestoneSpec[] = [
  { day: 7, name: 'Day-seven follow-up', recipient: 'follow-up owner' },
  { day: 14, name: 'Peer advocacy moment', recipient: 'owner' },
  { day: 21, name: 'Week-three check', recipient: 'follow-up owner' },
  { day: 30, name: 'Adoption reassessment', recipient: 'owner' },
  { day: 42, name: 'Six-week measurement', recipient: 'owner' },
];

export function milestoneSpec(day: number): MilestoneSpec | undefined {
  return MILESTONES.find((m) => m.day === day);
}

export function programmePosition(trainingDay: Day, asOf: Day): ProgrammePosition {
  const day = asOf - trainingDay;
  const reached = [...MILESTONES].reverse().find((m) => m.day <= day) ?? null;
  const next = MILESTONES.find((m) => m.day > day) ?? null;
  return {
    day,
    reached: reached?.day ?? null,
    reachedLabel: reached?.name ?? null,
    next: next?.day ?? null,
    nextLabel: next?.name ?? null,
    nextDate: next ? dayToIso(trainingDay + next.day) : null,
  };
}

/** A row of the programme timeline the sidebar shows. */
export interface MilestoneRow {
  member: string;
  trainingDate: string;
  /** Days since training on the as-of date. */
  day: number;
  reached: string | null;
  next: string | null;
  nextDate: string | null;
  /** The day-seven follow-up recorded as held (a "Follow-up session" on day 5 to 14): its date, or null. */
  followUpHeld: string | null;
  /** From day 42: the six-week decision (spec §9), e.g. "Reverted"; null before. */
  sixWeek: string | null;
  /**
   * Past day 42, the six-week email not gone yet: the next daily run sends it (late). Set by the
   * dashboard from what the last run left (automation/six-week-waiting.ts); false otherwise.
   */
  sixWeekEmailWaiting: boolean;
}

/**
 * The programme timeline: members who are in it (a training date, in scope, not principled
 * resistance: the members reminders are about) and where they stand, soonest milestone first.
 */
export function programmeTimeline(
  audit: Audit,
  interventions: readonly Pick<InterventionReport, 'date' | 'member' | 'type'>[] = [],
): MilestoneRow[] {
  const rows: MilestoneRow[] = [];
  for (const m of audit.members) {
    if (!m.programme || m.trainingDate === null || !m.inScope || m.status !== 'active') continue;
    rows.push({
      member: m.member,
      trainingDate: m.trainingDate,
      day: m.programme.day,
      reached: m.programme.reachedLabel,
      next: m.programme.nextLabel,
      nextDate: m.programme.nextDate,
      followUpHeld: followUpHeldOn(interventions, m.member, m.trainingDate),
      sixWeek: m.sixWeek.status === 'not-yet' || m.sixWeek.status === 'no-training-date' ? null : m.sixWeek.label,
      sixWeekEmailWaiting: false,
    });
  }
  // Milestones coming soonest first; members past the last milestone after them.
  return rows.sort(
    (a, b) =>
      Number(a.nextDate === null) - Number(b.nextDate === null) ||
      (a.nextDate ?? '').localeCompare(b.nextDate ?? '') ||
      a.member.localeCompare(b.member),
  );
}
