/** The summary by type (spec §14): how many, how many complete, and the median change after them. */
import { isoToDay } from '../base/dates';
import { INTERVENTION_TYPES, type InterventionReport, type InterventionTypeSummary } from './types';

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** One row per type that has interventions, in the canonical order ("Other" last). */
export function summariseByType(reports: readonly InterventionReport[]): InterventionTypeSummary[] {
  return INTERVENTION_TYPES.flatMap((type) => {
    const ofType = reports.filter((r) => r.type === type);
    if (!ofType.length) return [];
    const complete = ofType.filter((r) => r.change !== null);
    const changes = (pick: (r: InterventionReport) => number | null) =>
      complete.map(pick).filter((v): v is number => v !== null);
    return [
      {
        type,
        count: ofType.length,
        complete: complete.length,
        medianUsesPerWeekChange: median(changes((r) => r.change!.usesPerWeek)),
        medianAcceptanceChange: median(changes((r) => r.change!.acceptanceRate)),
      },
    ];
  });
}

/**
 * How many people a type's interventions cover: each member once, the whole team's members in
 * scope for a team-wide one. The aggregate digest shows a type only from 5 people up.
 */
export function peopleCovered(reports: readonly InterventionReport[], membersInScope: number): number {
  const named = new Set(reports.filter((r) => r.member !== null).map((r) => r.member));
  return reports.some((r) => r.member === null) ? Math.max(membersInScope, named.size) : named.size;
}

/** Days after training within which a "Follow-up session" is the day-seven follow-up (spec §14). */
export const FOLLOW_UP_HELD_FROM = 5;
export const FOLLOW_UP_HELD_TO = 14;

/**
 * The date a member's day-seven follow-up was held: the first "Follow-up session" recorded for
 * them between day 5 and day 14 after their training date; null when none was.
 */
export function followUpHeldOn(
  reports: readonly Pick<InterventionReport, 'date' | 'member' | 'type'>[],
  member: string,
  trainingDate: string,
): string | null {
  const training = isoToDay(trainingDate)!;
  const held = reports
    .filter((r) => r.type === 'Follow-up session' && r.member === member)
    .map((r) => r.date)
    .filter((date) => {
      const day = isoToDay(date)! - training;
      return day >= FOLLOW_UP_HELD_FROM && day <= FOLLOW_UP_HELD_TO;
    })
    .sort();
  return held[0] ?? null;
}
