import {
  readDay,
  dayOfInstant,
  dateOrderForLocale,
  dayToIso,
  dayFromYmd,
  zoneOffsetMinutes,
} from '../../src/core/base/dates';
import { day } from './fixtures';

const MDY = { timeZone: 'UTC', dateOrder: 'MDY' as const };
const DMY = { timeZone: 'UTC', dateOrder: 'DMY' as const };

describe('reading date cells (spec §1: calendar days in the spreadsheet zone)', () => {
  test('a Date cell is the calendar day in the spreadsheet zone, not UTC', () => {
    // Midnight 2 March in Sydney is still 1 March in UTC.
    const sydneyMidnight = new Date('2026-03-01T13:00:00Z');
    expect(readDay(sydneyMidnight, { timeZone: 'Australia/Sydney', dateOrder: 'DMY' })).toEqual({
      ok: true,
      day: day('2026-03-02'),
    });
    expect(readDay(sydneyMidnight, DMY)).toEqual({ ok: true, day: day('2026-03-01') });
    // Midnight 2 March in New York is 05:00 UTC.
    expect(readDay(new Date('2026-03-02T05:00:00Z'), { timeZone: 'America/New_York', dateOrder: 'MDY' })).toEqual({
      ok: true,
      day: day('2026-03-02'),
    });
  });

  test.each([
    ['2026-03-02', '2026-03-02'],
    ['2026-3-2', '2026-03-02'],
    ['2026/03/02', '2026-03-02'],
    ['2026-03-02 17:45', '2026-03-02'],
    ['2026-03-02T23:30:00', '2026-03-02'],
    ['2 Mar 2026', '2026-03-02'],
    ['March 2, 2026', '2026-03-02'],
    ['Mon, 2 Mar 2026', '2026-03-02'],
  ])('text %p is %p whatever the locale', (text, iso) => {
    expect(readDay(text, MDY)).toEqual({ ok: true, day: day(iso) });
    expect(readDay(text, DMY)).toEqual({ ok: true, day: day(iso) });
  });

  test('d/m/yyyy and m/d/yyyy: the locale decides, never the value', () => {
    expect(readDay('3/11/2026', MDY)).toEqual({ ok: true, day: day('2026-03-11') });
    expect(readDay('3/11/2026', DMY)).toEqual({ ok: true, day: day('2026-11-03') });
    expect(readDay('25/12/2026', DMY)).toEqual({ ok: true, day: day('2026-12-25') });
    const wrongOrder = readDay('25/12/2026', MDY);
    expect(wrongOrder).toEqual({ ok: false, reason: expect.stringContaining('month/day/year') });
    expect(readDay('12/25/2026 9:15 pm', MDY)).toEqual({ ok: true, day: day('2026-12-25') });
  });

  test('a timestamp with an offset is an instant, read in the spreadsheet zone', () => {
    expect(readDay('2026-03-02T23:30:00Z', { timeZone: 'Europe/Berlin', dateOrder: 'DMY' })).toEqual({
      ok: true,
      day: day('2026-03-03'),
    });
    expect(readDay('2026-03-02T01:30:00+02:00', DMY)).toEqual({ ok: true, day: day('2026-03-01') });
  });

  describe('Google Forms response CSV timestamps carry the respondent zone after the time', () => {
    const LONDON = { timeZone: 'Europe/London', dateOrder: 'DMY' as const };
    const NEW_YORK = { timeZone: 'America/New_York', dateOrder: 'MDY' as const };
    test.each([
      // 9:14 at GMT+1 is 08:14 UTC: 3 November in London and in New York (03:14).
      ['2026/11/03 9:14:02 AM GMT+1', LONDON, '2026-11-03'],
      ['2026/11/03 9:14:02 AM GMT+1', NEW_YORK, '2026-11-03'],
      // 00:30 at GMT+1 is 23:30 UTC the day before: still 2 November in London.
      ['2026/11/03 12:30:00 AM GMT+1', LONDON, '2026-11-02'],
      // 11:50 pm at GMT-4 is 03:50 UTC the next day: 4 November in London, 3rd in New York (EST, 22:50).
      ['2026/11/03 11:50:00 PM GMT-4', LONDON, '2026-11-04'],
      ['2026/11/03 11:50:00 PM GMT-4', NEW_YORK, '2026-11-03'],
      // Half-hour zones, a bare GMT, and the forms' zero-padded variant.
      ['2026/11/03 4:00:00 AM GMT+5:30', LONDON, '2026-11-02'],
      ['2026/11/03 4:00:00 AM GMT+05:30', LONDON, '2026-11-02'],
      ['2026/11/03 4:00:00 AM GMT', LONDON, '2026-11-03'],
      ['2026/11/03 4:00:00 am gmt+1', LONDON, '2026-11-03'],
    ])('%p in %p is %p: the instant it states, read in the spreadsheet zone', (text, options, iso) => {
      expect(readDay(text, options)).toEqual({ ok: true, day: day(iso) });
    });

    test.each(['2026/11/03 9:14:02 AM GMT+25', '2026/11/03 9:14:02 AM GMT+1:75', '2026/11/03 9:14:02 AM GMT+5:3'])(
      '%p is refused, not guessed, saying the offset is the trouble',
      (text) => {
        expect(readDay(text, DMY)).toEqual({ ok: false, reason: expect.stringContaining('time zone offset') });
      },
    );

    test('an offset that is no zone, or a zone name Forms does not write, is not read as a date', () => {
      expect(readDay('2026-03-02T01:30:00+25:00', DMY)).toEqual({
        ok: false,
        reason: expect.stringContaining('time zone offset'),
      });
      expect(readDay('2026/11/03 9:14:02 AM CET', DMY)).toEqual({
        ok: false,
        reason: expect.stringContaining('not a date'),
      });
    });
  });

  test('serial numbers are Sheets dates; other numbers are not', () => {
    expect(readDay(46083, DMY)).toEqual({ ok: true, day: day('2026-03-02') });
    expect(readDay(46083.75, DMY)).toEqual({ ok: true, day: day('2026-03-02') });
    expect(readDay(3, DMY).ok).toBe(false);
  });

  test.each([
    '',
    'soon',
    '31/02/2026',
    '2026-02-30',
    '2026-13-01',
    '3/11/26',
    '2026-03-02 25:00',
    true,
    new Date('nope'),
    '#N/A',
  ])('%p is not a date, with a reason', (value) => {
    const read = readDay(value, DMY);
    expect(read.ok).toBe(false);
    expect((read as { reason: string }).reason.length).toBeGreaterThan(5);
  });

  test('the spreadsheet locale gives the day/month order', () => {
    expect(dateOrderForLocale('en_US')).toBe('MDY');
    expect(dateOrderForLocale('en_GB')).toBe('DMY');
    expect(dateOrderForLocale('de_DE')).toBe('DMY');
    expect(dateOrderForLocale('fr')).toBe('DMY');
  });

  test('offsets follow daylight saving in both hemispheres', () => {
    expect(zoneOffsetMinutes(Date.parse('2026-01-15T12:00:00Z'), 'Europe/London')).toBe(0);
    expect(zoneOffsetMinutes(Date.parse('2026-07-15T12:00:00Z'), 'Europe/London')).toBe(60);
    expect(zoneOffsetMinutes(Date.parse('2026-01-15T12:00:00Z'), 'Australia/Sydney')).toBe(660);
    expect(zoneOffsetMinutes(Date.parse('2026-07-15T12:00:00Z'), 'Australia/Sydney')).toBe(600);
    expect(zoneOffsetMinutes(Date.parse('2026-07-15T12:00:00Z'), 'America/St_Johns')).toBe(-150);
    expect(dayOfInstant(Date.parse('2026-03-29T00:30:00Z'), 'Europe/London')).toBe(day('2026-03-29'));
    expect(dayOfInstant(Date.parse('2026-03-28T23:30:00Z'), 'Europe/London')).toBe(day('2026-03-28'));
    expect(dayOfInstant(Date.parse('2026-03-28T23:30:00Z'), 'Europe/Paris')).toBe(day('2026-03-29'));
  });

  test('day arithmetic round-trips', () => {
    expect(dayToIso(dayFromYmd(2028, 2, 29)!)).toBe('2028-02-29');
    expect(dayFromYmd(2027, 2, 29)).toBeNull();
  });

  test('dayToIso, by arithmetic, agrees with Date on every day from 1000 to 9999 and past both ends', () => {
    const first = dayFromYmd(1000, 1, 1)! - 400;
    const last = dayFromYmd(9999, 12, 31)! + 400;
    for (let d = first; d <= last; d++) {
      const byDate = new Date(d * 86_400_000).toISOString().slice(0, 10);
      if (dayToIso(d) !== byDate) throw new Error(`day ${d}: ${dayToIso(d)} instead of ${byDate}`);
    }
    expect(dayToIso(0)).toBe('1970-01-01');
    expect(dayToIso(dayFromYmd(2000, 2, 29)!)).toBe('2000-02-29');
  });
});

describe('custom offset zones, which Sheets allows and Intl rejects', () => {
  test.each([
    ['GMT-07:00', -420],
    ['GMT-7', -420],
    ['GMT-0700', -420],
    ['GMT+05:30', 330],
    ['GMT+0530', 330],
    ['UTC+01:00', 60],
    ['GMT', 0],
    ['UTC', 0],
    ['Etc/UTC', 0],
  ])('%s is %p minutes from UTC all year', (zone, minutes) => {
    expect(zoneOffsetMinutes(Date.parse('2026-01-15T12:00:00Z'), zone)).toBe(minutes);
    expect(zoneOffsetMinutes(Date.parse('2026-07-15T12:00:00Z'), zone)).toBe(minutes);
  });

  test('a day is read in the offset zone: 2 March 05:00 UTC is still 1 March at GMT-07:00', () => {
    expect(dayOfInstant(Date.parse('2026-03-02T05:00:00Z'), 'GMT-07:00')).toBe(day('2026-03-01'));
    expect(dayOfInstant(Date.parse('2026-03-01T20:00:00Z'), 'GMT+05:30')).toBe(day('2026-03-02'));
  });

  test('an IANA Etc/GMT zone keeps its inverted sign, and a malformed offset is refused by name', () => {
    expect(zoneOffsetMinutes(0, 'Etc/GMT+7')).toBe(-420);
    expect(() => zoneOffsetMinutes(0, 'GMT+25:00')).toThrow('Unknown time zone "GMT+25:00"');
  });
});
