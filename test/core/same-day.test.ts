// The log parser reads a day once and reuses it for the rows on that day (sameDayInstants), and
// reads YYYY-MM-DD text by its characters (isoTextDay): both must read every cell as readDay does.
import { dayOfInstant, dayFromYmd, isoTextDay, readDay, sameDayInstants } from '../../src/core/base/dates';
import { LOG_HEADERS, parseLog } from '../../src/core/sheets/log';

const HOUR = 3_600_000;
/** Zones with daylight saving of an hour and of half an hour, a half-hour offset, fixed offsets. */
const ZONES = ['Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'GMT-07:00', 'UTC'];

/** Instants through 2026 every 5 h 7 min, so that each hour of the day and each DST change is passed. */
function instantsOf2026(): number[] {
  const out: number[] = [];
  for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 5 * HOUR + 7 * 60_000) out.push(ms);
  return out;
}

describe('sameDayInstants: the instants read as the same day as one instant', () => {
  test.each(ZONES)('in %s every instant of the bounds reads as that day, and none just outside', (zone) => {
    let bounded = 0;
    for (const instant of instantsOf2026()) {
      const day = dayOfInstant(instant, zone);
      const bounds = sameDayInstants(instant, zone);
      if (!bounds) continue;
      bounded++;
      expect(bounds.from).toBeLessThanOrEqual(instant);
      expect(bounds.to).toBeGreaterThan(instant);
      for (const ms of [bounds.from, bounds.from + HOUR, bounds.to - HOUR, bounds.to - 1])
        expect(dayOfInstant(ms, zone)).toBe(day);
      expect(dayOfInstant(bounds.from - 1, zone)).toBe(day - 1);
      expect(dayOfInstant(bounds.to, zone)).toBe(day + 1);
    }
    // Only the days with an offset change are left unbounded.
    expect(bounded).toBeGreaterThan(instantsOf2026().length * 0.97);
  });

  test('a day with an offset change is not bounded (London, 29 March 2026: 23 hours)', () => {
    expect(sameDayInstants(Date.parse('2026-03-29T12:00:00Z'), 'Europe/London')).toBeNull();
    expect(sameDayInstants(Date.parse('2026-10-25T12:00:00Z'), 'Europe/London')).toBeNull();
    expect(sameDayInstants(Date.parse('2026-03-30T12:00:00Z'), 'Europe/London')).not.toBeNull();
  });

  test('an invalid date or one outside the years 1000 to 9999 is not bounded', () => {
    expect(sameDayInstants(NaN, 'UTC')).toBeNull();
    expect(sameDayInstants(Date.UTC(999, 5, 1), 'UTC')).toBeNull();
    expect(sameDayInstants(Date.UTC(10000, 5, 1), 'UTC')).toBeNull();
  });
});

describe('isoTextDay: YYYY-MM-DD text read by its characters', () => {
  test.each([
    ['2026-03-13', dayFromYmd(2026, 3, 13)],
    ['1000-01-01', dayFromYmd(1000, 1, 1)],
    ['2024-02-29', dayFromYmd(2024, 2, 29)],
  ])('%s is read as readDay reads it', (text, expected) => {
    expect(isoTextDay(text)).toBe(expected);
    expect(readDay(text, { timeZone: 'UTC', dateOrder: 'DMY' })).toEqual({ ok: true, day: expected });
  });

  test.each([
    '2026-02-30',
    '2025-02-29',
    '0999-12-31',
    '2026-13-01',
    '2026-3-13',
    '2026/03/13',
    ' 2026-03-13',
    '2026-03-1x',
    '20260313xx',
  ])('%s is left to readDay', (text) => {
    expect(isoTextDay(text)).toBeNull();
  });

  test('a day that does not exist keeps its reason', () => {
    expect(readDay('2026-02-30', { timeZone: 'UTC', dateOrder: 'DMY' })).toEqual({
      ok: false,
      reason: '"2026-02-30" is not a calendar date',
    });
  });
});

describe('the log parser reads each date cell as readDay does', () => {
  test.each(ZONES)('form timestamps every 37 minutes through 2026 in %s, with text dates among them', (zone) => {
    const options = { timeZone: zone, dateOrder: 'DMY' as const };
    const dateCol = LOG_HEADERS.indexOf('Date');
    const cells: unknown[] = [];
    for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 37 * 60_000) {
      const n = cells.length;
      cells.push(n % 50 === 7 ? new Date(ms).toISOString().slice(0, 10) : n % 50 === 9 ? '2026-02-30' : new Date(ms));
    }
    const values = [
      LOG_HEADERS.slice(),
      ...cells.map((cell) => {
        const row: unknown[] = LOG_HEADERS.map(() => '');
        row[dateCol] = cell;
        row[LOG_HEADERS.indexOf('Team member')] = 'Ana Silva';
        row[LOG_HEADERS.indexOf('Workflow')] = 'Board memo';
        row[LOG_HEADERS.indexOf('Outcome')] = 'Used as-is';
        row[LOG_HEADERS.indexOf('Prompted')] = false;
        return row;
      }),
    ];
    const log = parseLog(values, options);
    const expected = cells.map((cell) => readDay(cell, options));
    const read = expected.filter((r): r is { ok: true; day: number } => r.ok).map((r) => r.day);
    expect(log.table.length).toBe(read.length);
    expect(Array.from(log.table.days)).toEqual(read);
    expect(log.skipped.length).toBe(cells.length - read.length);
    expect(log.skipped[0].reason).toContain('"2026-02-30" is not a calendar date');
  });
});
