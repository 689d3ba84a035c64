// Time-zone arithmetic on Intl only (no dependency): an instant's wall-clock parts in a zone, the
// instant of a wall-clock time, and the day an instant falls on there.

export interface ZonedParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number; // 0-23
  minute: number;
  second: number;
  ms: number;
  weekday: number; // 0 = Sunday
  offsetMinutes: number; // local - UTC
}

const FIXED_OFFSET = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/i;
const formatterCache = new Map<string, Intl.DateTimeFormat>();

function fixedOffsetMinutes(tz: string): number | null {
  const m = FIXED_OFFSET.exec(tz);
  if (!m) return null;
  if (!m[1]) return 0;
  const mins = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -mins : mins;
}

function formatterFor(tz: string): Intl.DateTimeFormat | null {
  let f = formatterCache.get(tz);
  if (f) return f;
  try {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch (_e) {
    return null;
  }
  formatterCache.set(tz, f);
  return f;
}

/** A time-zone database id ("Etc/GMT+3", "Europe/London", "UTC"), not a custom offset ("GMT-03:00"). */
export function isTimeZoneDatabaseId(tz: string): boolean {
  return /^[A-Za-z]/.test(tz) && formatterFor(tz) !== null;
}

export function zonedParts(ms: number, tz: string): ZonedParts {
  let offsetMinutes = fixedOffsetMinutes(tz);
  if (offsetMinutes === null) {
    const f = formatterFor(tz);
    if (!f) {
      // Java falls back to GMT for a zone id it does not know; so does this.
      offsetMinutes = 0;
    } else {
      const p: Record<string, number> = {};
      for (const part of f.formatToParts(new Date(ms))) {
        if (part.type !== 'literal') p[part.type] = Number(part.value);
      }
      const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour === 24 ? 0 : p.hour, p.minute, p.second);
      offsetMinutes = Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60000);
    }
  }
  const local = new Date(ms + offsetMinutes * 60000);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    ms: local.getUTCMilliseconds(),
    weekday: local.getUTCDay(),
    offsetMinutes,
  };
}

/** The instant at which the wall clock in `tz` shows the given local time. */
export function zonedToUtc(
  tz: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  let guess = wall - zonedParts(wall, tz).offsetMinutes * 60000;
  // A second pass settles instants near a DST change, where the offset at `wall` is not the
  // offset at the answer.
  guess = wall - zonedParts(guess, tz).offsetMinutes * 60000;
  return guess;
}

/** yyyy-MM-dd of the instant in the zone: the "day" for daily quotas and schedules. */
export function dayKey(ms: number, tz: string): string {
  const p = zonedParts(ms, tz);
  return `${p.year}-${pad(p.month, 2)}-${pad(p.day, 2)}`;
}

export function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
