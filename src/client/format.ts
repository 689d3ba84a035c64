/** How the sidebar writes numbers and dates: the core's words, in the sidebar's small space. */
import { dayToIso, dayToLabel, isoToDay } from '../core/base/dates';

export { percent, plural, windowLabel } from '../core/base/text';

/** Percentage points between two rates ("75 pts"), or "–" when either is unknown. */
export function points(gap: number | null): string {
  return gap === null ? '–' : `${Math.round(gap * 100)} pts`;
}

/** Uses per week with at most one decimal: 3, 2.5, 0.3. */
export function perWeek(uses: number): string {
  return String(Math.round(uses * 10) / 10);
}

/** "Mon 2 Mar 2026" for an ISO day; the text itself when it is not one. */
export function dateLabel(iso: string | null): string {
  if (!iso) return '–';
  const day = isoToDay(iso);
  return day === null ? iso : dayToLabel(day);
}

/** An ISO day moved by `days` (the week picker's step). */
export function addDays(iso: string, days: number): string | null {
  const day = isoToDay(iso);
  if (day === null) return null;
  return dayToIso(day + days);
}

/** A timestamp in the viewer's own clock: "Mon 2 Mar 2026, 08:14". */
export function timestampLabel(iso: string | null): string {
  if (!iso) return 'never';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = isoToDay(`${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`);
  return `${day === null ? iso.slice(0, 10) : dayToLabel(day)}, ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}
