/**
 * The history in the weekly digest (rules §13): who lapsed and who reactivated this week, and
 * the adoption rate over the last 4 weeks in one line. The aggregate digest gives counts only.
 */
import { dayToLabel, isoToDay } from '../base/dates';
import { percent, plural } from '../base/text';
import type { EmailBlock } from '../mail/email';
import type { History } from '../history/history-types';

/** Weeks of the adoption rate the digest's trend line shows. */
export const DIGEST_TREND_WEEKS = 4;

/** "Adoption rate, last 4 weeks: 20% → 25% → 36% → 36% (weeks to Sun 8 Feb 2026 … Sun 1 Mar 2026)." */
export function trendLine(history: History): string {
  const weeks = history.weeks.slice(-DIGEST_TREND_WEEKS);
  const first = dayToLabel(isoToDay(weeks[0].asOf)!);
  const last = dayToLabel(isoToDay(weeks[weeks.length - 1].asOf)!);
  return (
    `Adoption rate, last ${plural(weeks.length, 'week')}: ${weeks.map((w) => percent(w.adoptionRate)).join(' → ')} ` +
    `(weeks to ${first} … ${last}).`
  );
}

function names(list: string[]): string {
  return list.length ? list.join(', ') : 'nobody';
}

export function historyDigestBlocks(history: History, named: boolean): EmailBlock[] {
  const t = history.transitions;
  const items = named
    ? [
        `Lapsed (Genuine adopters last week, not this week): ${names(t.lapsed)}.`,
        `Reactivated (Genuine again after a gap): ${names(t.reactivated)}.`,
        `New adopters: ${names(t.newAdopters)}; retained: ${plural(t.retained.length, 'Genuine adopter')}.`,
      ]
    : [
        `This week against last week: ${t.lapsed.length} lapsed, ${t.reactivated.length} reactivated, ` +
          `${t.newAdopters.length} new, ${t.retained.length} retained Genuine adopters.`,
      ];
  return [
    { kind: 'heading', text: 'Adoption over time' },
    { kind: 'list', items: [trendLine(history), ...items] },
  ];
}
