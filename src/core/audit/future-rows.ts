/**
 * Runs dated after today (spec §12). No audit up to today counts them, so a typo in a date
 * ("2027" for "2026", a day and month swapped into October) would otherwise hide a run without
 * a word: each such row is reported as a notice, and the run is kept as it is.
 */
import { dayToIso, type Day } from '../base/dates';
import type { RowProblem } from '../base/types';
import type { RunTable } from '../sheets/run-table';

export function futureRowNotices(runs: RunTable, today: Day): RowProblem[] {
  const notices: RowProblem[] = [];
  for (let i = 0; i < runs.length; i++) {
    const day = runs.days[i];
    if (day > today) {
      const sheet = runs.sheetOf(i);
      notices.push({
        row: runs.rows[i],
        ...(sheet === undefined ? {} : { sheet, inLog: true }),
        reason: `Dated ${dayToIso(day)}, after today (${dayToIso(today)}): no audit up to today counts this run; check the date`,
      });
    }
  }
  return notices;
}
