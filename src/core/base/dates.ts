/**
 * Calendar days. The domain counts whole days in the spreadsheet's time zone (spec §1), so a
 * day is an integer: days since 1970-01-01. Instants (Date cells, timestamps) become days only
 * through `dayOfInstant` with an explicit zone.
 */
import { isDate, describeValue, sheetErrorIn } from './text';

export type Day = number;
const MS_PER_DAY = 86_400_000;
/** Day number of 1899-12-30, day 0 of Sheets' date serial numbers. */
export const SHEETS_EPOCH_DAY = -25_569;
const MIN_MS = Date.UTC(1000, 0, 2);
const MAX_MS = Date.UTC(9999, 11, 30);

export function dayFromYmd(year: number, month: number, day: number): Day | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1000 || year > 9999) return null;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  // 31/02 rolls over to March in Date.UTC: such a day does not exist.
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return Math.round(ms / MS_PER_DAY);
}

const DIGIT_0 = 48;

/** The digits of `text` from `start` to `end` as a number, or -1 when one is not a digit. */
function digitsAt(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = text.charCodeAt(i) - DIGIT_0;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * The day of a text date written exactly YYYY-MM-DD, as readDay reads it, or null for any other
 * text (readDay then reads it the long way). Read by its characters: a log of text dates has a
 * new one on most days, and the pattern readDay tries costs more than the read.
 */
export function isoTextDay(text: string): Day | null {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 7);
  const day = digitsAt(text, 8, 10);
  return year < 0 || month < 0 || day < 0 ? null : dayFromYmd(year, month, day);
}

/**
 * YYYY-MM-DD of a day, by arithmetic (Howard Hinnant's civil_from_days): no Date per call, since
 * the usage comparison names thousands of periods' days. Years outside 1000–9999 go through Date.
 */
export function dayToIso(day: Day): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153);
  const date = dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1;
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 1000 || year > 9999 || !Number.isInteger(day))
    return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  return `${year}-${month < 10 ? '0' : ''}${month}-${date < 10 ? '0' : ''}${date}`;
}

export function isoToDay(iso: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  return m ? dayFromYmd(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** 0 = Sunday … 6 = Saturday, as Date.getUTCDay. */
export function weekday(day: Day): number {
  return new Date(day * MS_PER_DAY).getUTCDay();
}

/** A readable date for messages and emails: "Mon 2 Mar 2026". */
export function dayToLabel(day: Day): string {
  const date = new Date(day * MS_PER_DAY);
  const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${weekdays[date.getUTCDay()]} ${date.getUTCDate()} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/**
 * Offsets of a zone, cached per quarter hour: DST changes happen on quarter-hour boundaries in
 * every zone in use, and formatting an instant is the expensive part of reading a large log.
 */
interface ZoneCache {
  /** null for a zone of fixed offset (UTC, GMT-07:00), which needs no formatter. */
  format: Intl.DateTimeFormat | null;
  /** The offset in minutes of a fixed-offset zone. */
  fixedOffset: number;
  offsets: Map<number, number>;
  /** Per UTC day: the offset when it holds all day (nearly every day), null on a day with a change. */
  dayOffsets: Map<number, number | null>;
  /** The last UTC day looked up whose offset holds all day: a log's rows come day by day. */
  lastUtcDay: number;
  lastUtcDayOffset: number;
}
const offsetCaches = new Map<string, ZoneCache>();
const QUARTER_HOUR = 900_000;
/** The zone asked for last: a spreadsheet reads every date in one zone. */
let lastZone: { timeZone: string; cache: ZoneCache } | null = null;

/**
 * Java's custom zone ids, which a spreadsheet's time zone may be ("GMT-07:00", also "GMT-7",
 * "GMT-0700"; Sheets lists them in File › Settings) and Intl rejects: "GMT" or "UTC", a sign,
 * hours 0-23 and optional minutes. Unlike the IANA "Etc/GMT+7", the sign is the offset's own.
 */
const FIXED_OFFSET_ZONE = /^(?:GMT|UTC)(?:([+-])([01]?\d|2[0-3])(?::?([0-5]\d))?)?$/;

/** Minutes east of UTC of a fixed-offset zone id, or null for a zone Intl must read. */
export function fixedZoneOffset(timeZone: string): number | null {
  if (timeZone === 'Etc/UTC' || timeZone === 'Etc/GMT') return 0;
  const m = FIXED_OFFSET_ZONE.exec(timeZone);
  if (!m) return null;
  if (!m[1]) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

function zoneCache(timeZone: string): ZoneCache {
  if (lastZone !== null && lastZone.timeZone === timeZone) return lastZone.cache;
  let cache = offsetCaches.get(timeZone);
  if (!cache) {
    let format: Intl.DateTimeFormat | null = null;
    const fixedOffset = fixedZoneOffset(timeZone);
    if (fixedOffset === null) {
      try {
        format = new Intl.DateTimeFormat('en-US', {
          timeZone,
          hourCycle: 'h23',
          year: 'numeric',
          month: 'numeric',
          day: 'numeric',
          hour: 'numeric',
          minute: 'numeric',
        });
      } catch {
        throw new RangeError(
          `Unknown time zone "${timeZone}": use a name such as Europe/London or an offset such as GMT-07:00.`,
        );
      }
    }
    cache = {
      format,
      fixedOffset: fixedOffset ?? 0,
      offsets: new Map(),
      dayOffsets: new Map(),
      lastUtcDay: NaN,
      lastUtcDayOffset: 0,
    };
    offsetCaches.set(timeZone, cache);
  }
  lastZone = { timeZone, cache };
  return cache;
}

function bucketOffset(cache: ZoneCache & { format: Intl.DateTimeFormat }, bucket: number): number {
  let offset = cache.offsets.get(bucket);
  if (offset === undefined) {
    const parts: Record<string, number> = {};
    for (const part of cache.format.formatToParts(new Date(bucket * QUARTER_HOUR))) {
      if (part.type !== 'literal') parts[part.type] = Number(part.value);
    }
    const localAsUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
    offset = Math.round((localAsUtc - bucket * QUARTER_HOUR) / 60_000);
    cache.offsets.set(bucket, offset);
  }
  return offset;
}

const QUARTERS_PER_DAY = MS_PER_DAY / QUARTER_HOUR;

/**
 * Whether Uptake can read dates in `timeZone`: an IANA name, or one of the custom offset ids a
 * spreadsheet may be in (FIXED_OFFSET_ZONE). The add-on and the local run accept the same zones.
 */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    zoneCache(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Minutes to add to UTC to get local time in `timeZone` at instant `ms`. */
export function zoneOffsetMinutes(ms: number, timeZone: string): number {
  const cache = zoneCache(timeZone);
  if (cache.format === null) return cache.fixedOffset;
  const utcDay = Math.floor(ms / MS_PER_DAY);
  if (utcDay === cache.lastUtcDay) return cache.lastUtcDayOffset;
  const zone = cache as ZoneCache & { format: Intl.DateTimeFormat };
  let allDay = cache.dayOffsets.get(utcDay);
  if (allDay === undefined) {
    // Changes fall on quarter hours and never twice in a day: the same offset in the first and
    // the last quarter of a UTC day holds all day.
    const first = bucketOffset(zone, utcDay * QUARTERS_PER_DAY);
    allDay = first === bucketOffset(zone, utcDay * QUARTERS_PER_DAY + QUARTERS_PER_DAY - 1) ? first : null;
    cache.dayOffsets.set(utcDay, allDay);
  }
  if (allDay === null) return bucketOffset(zone, Math.floor(ms / QUARTER_HOUR));
  cache.lastUtcDay = utcDay;
  cache.lastUtcDayOffset = allDay;
  return allDay;
}

/** The calendar day an instant falls on in `timeZone`. */
export function dayOfInstant(instant: Date | number, timeZone: string): Day {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return Math.floor((ms + zoneOffsetMinutes(ms, timeZone) * 60_000) / MS_PER_DAY);
}

/**
 * The instants a date cell may hold that readDay reads as `instant`'s day, found from one read
 * of that day: [from, to), or null when the day cannot be bounded so (an invalid or out-of-range
 * instant, or an offset change that day). Every instant in it reads as the same day, so a log
 * whose rows share a day (form timestamps, several runs a day) reads each day once.
 */
export function sameDayInstants(instant: number, timeZone: string): { from: number; to: number } | null {
  if (!(instant >= MIN_MS && instant <= MAX_MS)) return null;
  const offsetMs = zoneOffsetMinutes(instant, timeZone) * 60_000;
  const day = Math.floor((instant + offsetMs) / MS_PER_DAY);
  const from = day * MS_PER_DAY - offsetMs;
  const to = from + MS_PER_DAY;
  // One offset at both ends holds all day: changes never come twice in a day (zoneOffsetMinutes).
  if (zoneOffsetMinutes(from, timeZone) * 60_000 !== offsetMs) return null;
  if (zoneOffsetMinutes(to - 1, timeZone) * 60_000 !== offsetMs) return null;
  return { from: Math.max(from, MIN_MS), to: Math.min(to, MAX_MS + 1) };
}

/**
 * The instant of a wall-clock time in `timeZone`, `wallMs` being that wall clock read as UTC. The
 * offset there is right except near a change, so it is looked up again at the instant found.
 */
export function wallClockInstant(wallMs: number, timeZone: string): number {
  const first = wallMs - zoneOffsetMinutes(wallMs, timeZone) * 60_000;
  return wallMs - zoneOffsetMinutes(first, timeZone) * 60_000;
}

/** How the spreadsheet's locale writes d/m/y dates: the locale decides, never the value. */
export type DateOrder = 'DMY' | 'MDY';

/** Sheets locales that write month first (en_US's 3/11/2026 is 11 March). */
const MONTH_FIRST_LOCALES = ['en_us', 'es_us', 'en_ph', 'fil', 'en_ca'];

export function dateOrderForLocale(locale: string | null | undefined): DateOrder {
  const key = (locale ?? 'en_US').replace('-', '_').toLowerCase();
  return MONTH_FIRST_LOCALES.some((prefix) => key === prefix || key.startsWith(`${prefix}_`)) ? 'MDY' : 'DMY';
}

export interface DateReadOptions {
  timeZone: string;
  dateOrder: DateOrder;
}

export type DateRead = { ok: true; day: Day } | { ok: false; reason: string };

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

function monthNumber(name: string): number | undefined {
  const key = name.toLowerCase().replace(/\.$/, '');
  return MONTHS[key] ?? MONTHS[key.slice(0, 3)] ?? undefined;
}

/**
 * A time after the date, with an optional offset: "Z", "+01:00", or a zone as Google Forms' response
 * CSV writes it after the time ("2026/11/03 9:14:02 AM GMT+1"), whose offset fixedZoneOffset reads.
 */
const TIME = String.raw`(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(am|pm)?\s*(Z|[+-]\d{2}:?\d{2}|(?:GMT|UTC)(?:[+-]\d{1,4}(?::\d{1,2})?)?)?)?`;
const ISO_RE = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}$`, 'i');
const NUMERIC_RE = new RegExp(String.raw`^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2,4})${TIME}$`, 'i');
const DAY_MONTH_NAME_RE = /^(?:[a-z]{3,9},?\s+)?(\d{1,2})\s+([a-z]{3,9}\.?),?\s+(\d{4})$/i;
const MONTH_NAME_DAY_RE = /^(?:[a-z]{3,9},?\s+)?([a-z]{3,9}\.?)\s+(\d{1,2}),?\s+(\d{4})$/i;

/** Lowest and highest serial numbers read as dates: 1 Jan 1990 to 31 Dec 2199. */
const SERIAL_MIN = 32_874;
const SERIAL_MAX = 109_574;

/**
 * Reads a cell as a calendar day. Dates and timestamps are read in the spreadsheet's zone;
 * d/m/y text is read in the locale's order and rejected, not guessed, when it is not a real
 * day in that order.
 */
export function readDay(value: unknown, options: DateReadOptions): DateRead {
  // instanceof first: it is the quick answer for this realm's dates; isDate also knows other realms'.
  if (value instanceof Date || isDate(value)) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) return { ok: false, reason: 'the date cell holds an invalid date' };
    // Outside years 1000–9999 a date cell is a typo, and zone arithmetic stops being exact.
    if (ms < MIN_MS || ms > MAX_MS)
      return { ok: false, reason: `the date ${value.toISOString()} is outside the years 1000 to 9999` };
    return { ok: true, day: dayOfInstant(ms, options.timeZone) };
  }
  if (typeof value === 'number') {
    if (Number.isFinite(value) && value >= SERIAL_MIN && value <= SERIAL_MAX) {
      return { ok: true, day: SHEETS_EPOCH_DAY + Math.floor(value) };
    }
    return { ok: false, reason: `${describeValue(value)} is not a date` };
  }
  if (typeof value !== 'string') return { ok: false, reason: `${describeValue(value)} is not a date` };
  const isoDay = isoTextDay(value);
  if (isoDay !== null) return { ok: true, day: isoDay };
  const text = value.trim();
  if (text === '') return { ok: false, reason: 'the date is blank' };
  const error = sheetErrorIn(text);
  if (error) return { ok: false, reason: `the date cell shows the error ${error}` };

  let m = ISO_RE.exec(text);
  if (m) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]), m.slice(4), text, options);
  m = NUMERIC_RE.exec(text);
  if (m) {
    if (m[3].length !== 4)
      return { ok: false, reason: `${describeValue(text)} has a two-digit year: write the year in full` };
    const [first, second] = [Number(m[1]), Number(m[2])];
    const [day, month] = options.dateOrder === 'DMY' ? [first, second] : [second, first];
    const read = fromParts(Number(m[3]), month, day, m.slice(4), text, options);
    if (!read.ok && read.reason.endsWith('is not a calendar date')) {
      const order = options.dateOrder === 'DMY' ? 'day/month/year' : 'month/day/year';
      return { ok: false, reason: `${describeValue(text)} is not a date in the spreadsheet's ${order} order` };
    }
    return read;
  }
  m = DAY_MONTH_NAME_RE.exec(text);
  if (m && monthNumber(m[2])) return fromParts(Number(m[3]), monthNumber(m[2])!, Number(m[1]), [], text, options);
  m = MONTH_NAME_DAY_RE.exec(text);
  if (m && monthNumber(m[1])) return fromParts(Number(m[3]), monthNumber(m[1])!, Number(m[2]), [], text, options);
  return { ok: false, reason: `${describeValue(text)} is not a date (write it as YYYY-MM-DD)` };
}

function fromParts(
  year: number,
  month: number,
  day: number,
  time: (string | undefined)[],
  text: string,
  options: DateReadOptions,
): DateRead {
  const calendarDay = dayFromYmd(year, month, day);
  if (calendarDay === null) return { ok: false, reason: `${describeValue(text)} is not a calendar date` };
  const [hour, minute, second, meridiem, zone] = time;
  if (hour === undefined) return { ok: true, day: calendarDay };
  let h = Number(hour);
  if (meridiem) {
    if (h < 1 || h > 12) return { ok: false, reason: `${describeValue(text)} has an impossible time` };
    h = (h % 12) + (meridiem.toLowerCase() === 'pm' ? 12 : 0);
  }
  if (h > 23 || Number(minute) > 59 || Number(second ?? 0) > 59)
    return { ok: false, reason: `${describeValue(text)} has an impossible time` };
  if (!zone) return { ok: true, day: calendarDay };
  // A timestamp with an explicit offset is an instant: its day is the one in the sheet's zone.
  const offsetMinutes = zoneSuffixOffset(zone.toUpperCase());
  if (offsetMinutes === null)
    return {
      ok: false,
      reason: `${describeValue(text)} has a time zone offset that is not one: write it as GMT+1 or GMT-05:30`,
    };
  const ms = calendarDay * MS_PER_DAY + (h * 60 + Number(minute) - offsetMinutes) * 60_000 + Number(second ?? 0) * 1000;
  return { ok: true, day: dayOfInstant(ms, options.timeZone) };
}

/** Minutes east of UTC of a timestamp's offset ("Z", "+0100", "GMT+1"); null when it is no real offset ("GMT+25"). */
function zoneSuffixOffset(zone: string): number | null {
  if (zone === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (!m) return fixedZoneOffset(zone);
  if (Number(m[2]) > 23 || Number(m[3]) > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}
