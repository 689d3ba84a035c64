/**
 * The member's point on their training cohort's curve (rules §13), for the day-30 reassessment
 * and the day-42 measurement: how the people trained in the same week are doing by now.
 */
import { dayToLabel, dayToIso, type Day } from '../base/dates';
import { percent } from '../base/text';
import { COHORT_WEEKS, TARGET_BAND, type History } from '../history/history-types';
import { mondayOf } from '../history/history';

/**
 * "Training cohort (week of Mon 5 Jan 2026): 3 of 5 are Genuine adopters in week 4 since
 * training (60%; for Ana the 7 days Tue 27 Jan 2026 to Mon 2 Feb 2026, not the week of the figures
 * above); programme target 70–80%." Its days are named: a member Lapsed this week may have been
 * Genuine in that earlier week, and the line must not read as this week's. The week is the member's latest week since training
 * that has ended by `asOf` (week k ends on day 7k); null when the member is in no cohort or no
 * week has ended yet.
 */
export function cohortLine(history: History, member: { name: string; trainingDay: Day }, asOf: Day): string | null {
  const monday = mondayOf(member.trainingDay);
  const cohort = history.cohorts.find((c) => c.week === dayToIso(monday) && c.members.includes(member.name));
  const week = Math.min(COHORT_WEEKS, Math.floor((asOf - member.trainingDay) / 7));
  if (!cohort || week < 1) return null;
  const genuine = cohort.genuine[week - 1];
  const ended = cohort.ended[week - 1];
  const verb = genuine === 1 ? 'is a Genuine adopter' : 'are Genuine adopters';
  return (
    `Training cohort (week of ${dayToLabel(monday)}): ${genuine} of ${ended} ${verb} in week ${week} since training ` +
    `(${percent(cohort.genuineShare[week - 1])}; for ${member.name} the 7 days ${dayToLabel(member.trainingDay + 7 * week - 6)} to ${dayToLabel(member.trainingDay + 7 * week)}, ` +
    `not the week of the figures above); programme target ${percent(TARGET_BAND.low)}–${percent(TARGET_BAND.high)}.`
  );
}
