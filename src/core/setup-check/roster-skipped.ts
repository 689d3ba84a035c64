/**
 * Check set-up's lines for roster rows Uptake skipped (a blank or duplicate name, a name or
 * address too long): My week tells a member on such a row that Check set-up names it.
 */
import type { CheckLine } from './facts';

/** What these lines read of the roster: its skipped rows (base/types' Roster has them). */
interface SkippedRows {
  skipped: { row: number; reason: string }[];
}

/** Most skipped rows named one line each; the rest are counted on one more line. */
const MOST_LINES = 20;

export function skippedRosterLines(roster: SkippedRows | null): CheckLine[] {
  const skipped = roster?.skipped ?? [];
  const lines: CheckLine[] = skipped.slice(0, MOST_LINES).map(({ row, reason }) => ({
    id: 'roster-row-skipped',
    label: 'Roster row skipped',
    status: 'warn',
    detail: `Roster row ${row} is not read: ${reason}. Until it is corrected, it is nobody's row (My week and follow-ups skip it).`,
  }));
  if (skipped.length > MOST_LINES)
    lines.push({
      id: 'roster-row-skipped',
      label: 'Roster rows skipped',
      status: 'warn',
      detail: `${skipped.length - MOST_LINES} more roster rows are not read (from row ${skipped[MOST_LINES].row}): Run audit lists them all.`,
    });
  return lines;
}
