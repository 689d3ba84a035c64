// Time-zone arithmetic and Utilities.formatDate, on Intl only (no dependency), so results match
// what Apps Script's Java formatter prints for the same instant and zone.

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

/** Java falls back to GMT for a zone id it does not know; so does this. */
export function isKnownTimeZone(tz: string): boolean {
  return fixedOffsetMinutes(tz) !== null || formatterFor(tz) !== null;
}

export function zonedParts(ms: number, tz: string): ZonedParts {
  let offsetMinutes = fixedOffsetMinutes(tz);
  if (offsetMinutes === null) {
    const f = formatterFor(tz);
    if (!f) {
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

function zoneName(ms: number, tz: string, long: boolean): string {
  if (fixedOffsetMinutes(tz) !== null || !formatterFor(tz))
    return offsetString(zonedParts(ms, tz).offsetMinutes, 'GMT');
  const f = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: long ? 'long' : 'short' });
  const name = f.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  return name === 'UTC' || name === 'Coordinated Universal Time' ? (long ? 'Coordinated Universal Time' : 'UTC') : name;
}

function offsetString(offsetMinutes: number, style: 'Z' | 'X1' | 'X2' | 'X3' | 'GMT'): string {
  if (offsetMinutes === 0 && style.startsWith('X')) return 'Z';
  const sign = offsetMinutes < 0 ? '-' : '+';
  const h = pad(Math.floor(Math.abs(offsetMinutes) / 60), 2);
  const m = pad(Math.abs(offsetMinutes) % 60, 2);
  switch (style) {
    case 'Z':
      return `${sign}${h}${m}`;
    case 'X1':
      return `${sign}${h}`;
    case 'X2':
      return `${sign}${h}${m}`;
    case 'X3':
      return `${sign}${h}:${m}`;
    case 'GMT':
      return offsetMinutes === 0 ? 'GMT' : `GMT${sign}${h}:${m}`;
  }
}

function dayOfYear(p: ZonedParts): number {
  return Math.round((Date.UTC(p.year, p.month - 1, p.day) - Date.UTC(p.year, 0, 1)) / 86400000) + 1;
}

/** Week of year as java.util.GregorianCalendar counts it in the US locale (Sunday first, week 1 holds 1 Jan). */
function weekOfYear(p: ZonedParts): number {
  const jan1Weekday = new Date(Date.UTC(p.year, 0, 1)).getUTCDay();
  const nextJan1Weekday = new Date(Date.UTC(p.year + 1, 0, 1)).getUTCDay();
  const doy = dayOfYear(p);
  const daysInYear = Math.round((Date.UTC(p.year + 1, 0, 1) - Date.UTC(p.year, 0, 1)) / 86400000);
  // The last days of December belong to week 1 of next year once that week has begun.
  if (doy > daysInYear - nextJan1Weekday) return 1;
  return Math.floor((doy - 1 + jan1Weekday) / 7) + 1;
}

/**
 * java.text.SimpleDateFormat, the letters Apps Script users write: G y Y M L d D E u F w a H k K h
 * m s S z Z X, quoted text ('...', '' for a quote). Other letters throw, as Java does.
 */
export function formatDate(ms: number, tz: string, pattern: string): string {
  const p = zonedParts(ms, tz);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      // Quoted text runs to the next lone quote; '' inside it is a literal quote.
      let j = i + 1;
      for (;;) {
        const close = pattern.indexOf("'", j);
        if (close < 0) throw new Error(`Unterminated quote in date pattern: ${pattern}`);
        out += pattern.slice(j, close);
        if (pattern[close + 1] === "'") {
          out += "'";
          j = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    out += field(ch, n, p, ms, tz);
  }
  return out;
}

function field(ch: string, n: number, p: ZonedParts, ms: number, tz: string): string {
  switch (ch) {
    case 'G':
      return 'AD';
    case 'y':
    case 'Y':
      return n === 2 ? pad(p.year % 100, 2) : pad(p.year, n);
    case 'M':
    case 'L':
      if (n >= 4) return MONTHS[p.month - 1];
      if (n === 3) return MONTHS[p.month - 1].slice(0, 3);
      return pad(p.month, n);
    case 'd':
      return pad(p.day, n);
    case 'D':
      return pad(dayOfYear(p), n);
    case 'E':
      return n >= 4 ? WEEKDAYS[p.weekday] : WEEKDAYS[p.weekday].slice(0, 3);
    case 'u':
      return pad(p.weekday === 0 ? 7 : p.weekday, n);
    case 'F':
      return pad(Math.floor((p.day - 1) / 7) + 1, n);
    case 'w':
      return pad(weekOfYear(p), n);
    case 'a':
      return p.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(p.hour, n);
    case 'k':
      return pad(p.hour === 0 ? 24 : p.hour, n);
    case 'K':
      return pad(p.hour % 12, n);
    case 'h':
      return pad(p.hour % 12 === 0 ? 12 : p.hour % 12, n);
    case 'm':
      return pad(p.minute, n);
    case 's':
      return pad(p.second, n);
    case 'S':
      return pad(p.ms, n);
    case 'z':
      return zoneName(ms, tz, n >= 4);
    case 'Z':
      return offsetString(p.offsetMinutes, 'Z');
    case 'X':
      return offsetString(p.offsetMinutes, n === 1 ? 'X1' : n === 2 ? 'X2' : 'X3');
    default:
      throw new Error(`Illegal pattern character '${ch}'`);
  }
}
