/** How a period of use reads in the sidebar, the evidence of a cause and the emails (spec §15). */
import { isoToDay, type Day } from '../base/dates';
import { plural } from '../base/text';
import type { UsagePeriod } from './types';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function parts(day: Day) {
  const date = new Date(day * 86_400_000);
  return { d: date.getUTCDate(), m: MONTHS[date.getUTCMonth()], y: date.getUTCFullYear() };
}

/** "20–26 Oct", "27 Oct–2 Nov", "29 Dec 2025–4 Jan 2026"; one day alone: "20 Oct". */
export function periodRange(fromIso: string, toIso: string): string {
  const from = parts(isoToDay(fromIso)!);
  const to = parts(isoToDay(toIso)!);
  if (fromIso === toIso) return `${from.d} ${from.m}`;
  if (from.y !== to.y) return `${from.d} ${from.m} ${from.y}–${to.d} ${to.m} ${to.y}`;
  if (from.m !== to.m) return `${from.d} ${from.m}–${to.d} ${to.m}`;
  return `${from.d}–${to.d} ${to.m}`;
}

/** What the tool says: active days when it counts them, else its count, else active or not. */
function toolSide(p: UsagePeriod, countLabel: string | null): string {
  if (p.activeDays !== null) return plural(p.activeDays, 'active day');
  if (p.activity !== null) return `${p.activity} ${countLabel ?? 'uses'}`;
  return p.status === 'not seen in the tool' || (p.status === 'consistent' && p.loggedRuns === 0)
    ? 'no activity'
    : 'active';
}

/** "ChatGPT: 4 active days in 20–26 Oct; 0 runs logged" (with the days when runs were logged). */
export function usageLine(p: UsagePeriod, countLabel: string | null): string {
  const logged =
    p.loggedRuns === 0 ? '0 runs logged' : `${plural(p.loggedRuns, 'run')} logged on ${plural(p.loggedDays, 'day')}`;
  return `${p.tool}: ${toolSide(p, countLabel)} in ${periodRange(p.from, p.to)}; ${logged}`;
}
