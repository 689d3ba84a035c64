/**
 * Runs dated after today (spec §12). No audit up to today counts them, so a typo in a date
 * ("2027" for "2026", a day and month swapped into October) would otherwise hide a run without
 * a word: each such row is reported as a notice, and the run is kept as it is.
 */
import { dayToIso, type Day } from './dates';
import type { RowProblem, Run } from './types';

export function futureRowNotices(runs: readonly Run[], today: Day): RowProblem[] {
  const notices: RowProblem[] = [];
  for (const run of runs) {
    if (run.day > today) {
      notices.push({ row: run.row, reason: `Dated ${dayToIso(run.day)}, after today (${dayToIso(today)}): no audit up to today counts this run; check the date` });
    }
  }
  return notices;
}
