// Which zone a custom function's Date arguments were read in, told from the Dates alone or from
// the log's first dates; and the Dates turned back into what the sheet holds.
import {
  argumentsInSheetZone,
  calibrateArgumentZone,
  inferArgumentZone,
} from '../../src/core/functions/argument-dates';
import { isoToDay, wallClockInstant } from '../../src/core/base/dates';
import { zonedParts, zonedToUtc } from '../../packages/fake-apps-script/time';

const MS_PER_DAY = 86_400_000;

/** The Date a cell showing `iso` at `time` holds in a sheet in `zone`. */
function cell(iso: string, time: string, zone: string): Date {
  const [h, m] = time.split(':').map(Number);
  return new Date(wallClockInstant(isoToDay(iso)! * MS_PER_DAY + (h * 60 + m) * 60_000, zone));
}

/** `days` consecutive days from `start`, each at `time`, as cells of a sheet in `zone`, in a column. */
function column(start: string, days: number, time: string, zone: string): Date[][] {
  return Array.from({ length: days }, (_, i) => {
    const iso = new Date((isoToDay(start)! + i) * MS_PER_DAY).toISOString().slice(0, 10);
    return [cell(iso, time, zone)];
  });
}

/**
 * The same wall clocks read in `scriptZone`, as the 'script-zone' answer hands them: with the
 * in-memory Apps Script's own zone arithmetic, not the code under test's.
 */
function readIn(range: Date[][], sheetZone: string, scriptZone: string): Date[][] {
  return range.map((row) =>
    row.map((d) => {
      const p = zonedParts(d.getTime(), sheetZone);
      return new Date(zonedToUtc(scriptZone, p.year, p.month, p.day, p.hour, p.minute, p.second, p.ms));
    }),
  );
}

/** A script-zone getter that counts how often it is asked (each ask is a service call). */
function scriptZoneOf(zone: string) {
  const getter = Object.assign(() => (getter.asked++, zone), { asked: 0 });
  return getter;
}

const LONDON = 'Europe/London';
const LA = 'America/Los_Angeles';

describe('inferArgumentZone: date cells without a time are midnight in the zone they were read in', () => {
  // 1 March to 9 April crosses both the US (8 March) and the UK (29 March) clock changes.
  const sheetDates = column('2026-03-01', 40, '00:00', LONDON);
  const asOf = cell('2026-04-09', '00:00', LONDON);

  test("read in the sheet's zone: 'sheet', without asking the script's zone", () => {
    const script = scriptZoneOf(LA);
    expect(inferArgumentZone([sheetDates, asOf], LONDON, script)).toBe('sheet');
    expect(script.asked).toBe(0);
  });

  test("read in the script's zone: 'script', across both clock changes, and turned back exactly", () => {
    const args = [readIn(sheetDates, LONDON, LA), readIn([[asOf]], LONDON, LA)[0][0]];
    expect(inferArgumentZone(args, LONDON, scriptZoneOf(LA))).toBe('script');
    expect(argumentsInSheetZone(args, LONDON, LA)).toEqual([sheetDates, asOf]);
  });

  test.each([
    ['GMT-07:00', 'GMT+0530'],
    ['GMT+0530', 'Australia/Sydney'],
    ['Australia/Sydney', 'GMT-03:00'],
  ])('custom offset zones: sheet %s, script %s', (sheetZone, scriptZone) => {
    const dates = column('2026-09-20', 30, '00:00', sheetZone);
    expect(inferArgumentZone([dates], sheetZone, scriptZoneOf(scriptZone))).toBe('sheet');
    const reRead = readIn(dates, sheetZone, scriptZone);
    expect(inferArgumentZone([reRead], sheetZone, scriptZoneOf(scriptZone))).toBe('script');
    expect(argumentsInSheetZone([reRead], sheetZone, scriptZone)).toEqual([dates]);
  });

  test('a few form timestamps among the dates do not change the answer', () => {
    const mixed = column('2026-03-01', 40, '00:00', LONDON).map((row, i) =>
      i % 7 === 3 ? [cell('2026-03-05', '14:37', LONDON)] : row,
    );
    expect(inferArgumentZone([mixed], LONDON, scriptZoneOf(LA))).toBe('sheet');
    expect(inferArgumentZone([readIn(mixed, LONDON, LA)], LONDON, scriptZoneOf(LA))).toBe('script');
  });

  test("date-times, midnight in neither zone: 'unknown' in both readings, even with a date-only as_of", () => {
    const runs = [...column('2026-03-01', 10, '00:30', LONDON), ...column('2026-03-01', 10, '23:30', LONDON)];
    expect(inferArgumentZone([runs, asOf], LONDON, scriptZoneOf(LA))).toBe('unknown');
    const args = [readIn(runs, LONDON, LA), readIn([[asOf]], LONDON, LA)[0][0]];
    expect(inferArgumentZone(args, LONDON, scriptZoneOf(LA))).toBe('unknown');
  });

  test("equal offsets at every instant: 'sheet', whatever the times", () => {
    // London is on UTC in January; GMT+01:00 is Paris in winter.
    const january = column('2026-01-05', 20, '09:15', LONDON);
    expect(inferArgumentZone([january], LONDON, scriptZoneOf('Etc/UTC'))).toBe('sheet');
    const paris = column('2026-01-05', 20, '09:15', 'Europe/Paris');
    expect(inferArgumentZone([paris], 'Europe/Paris', scriptZoneOf('GMT+01:00'))).toBe('sheet');
    // In June London is UTC+1: the same times then are evidence of nothing.
    const june = column('2026-06-05', 20, '09:15', LONDON);
    expect(inferArgumentZone([june], LONDON, scriptZoneOf('Etc/UTC'))).toBe('unknown');
  });

  test('no Dates (blanks, text, numbers, an invalid Date): nothing to convert', () => {
    expect(inferArgumentZone([[[''], ['2026-03-02'], [46_000]], new Date(NaN)], LONDON, scriptZoneOf(LA))).toBe(
      'sheet',
    );
  });

  test('a long range is settled by its first dates', () => {
    let read = 0;
    class CountedDate extends Date {
      override getTime() {
        read++;
        return super.getTime();
      }
    }
    const long = column('1990-01-01', 2_000, '00:00', LONDON).map(([d]) => [new CountedDate(d.getTime())]);
    expect(inferArgumentZone([long], LONDON, scriptZoneOf(LA))).toBe('sheet');
    expect(read).toBeLessThan(40);
    const reRead = readIn(long, LONDON, LA).map(([d]) => [new CountedDate(d.getTime())]);
    read = 0;
    expect(inferArgumentZone([reRead], LONDON, scriptZoneOf(LA))).toBe('script');
    expect(read).toBeLessThan(80);
  });
});

describe("calibrateArgumentZone: the log's first dates, found as they are or re-read", () => {
  const log = [...column('2026-03-01', 5, '00:30', LONDON), ...column('2026-03-01', 5, '23:30', LONDON)];
  const known = log.slice(0, 4).map(([d]) => d);

  test("the arguments hold the log's instants: 'sheet'; re-read in the script's zone: 'script'", () => {
    expect(calibrateArgumentZone([log, ''], known, LONDON, LA)).toBe('sheet');
    expect(calibrateArgumentZone([readIn(log, LONDON, LA), ''], known, LONDON, LA)).toBe('script');
  });

  test('dates from elsewhere, no log dates, or dates both zones read alike: no answer', () => {
    const elsewhere = column('2025-07-01', 10, '10:10', LONDON);
    expect(calibrateArgumentZone([elsewhere], known, LONDON, LA)).toBeNull();
    expect(calibrateArgumentZone([log], [], LONDON, LA)).toBeNull();
    const january = column('2026-01-05', 5, '09:15', LONDON);
    expect(calibrateArgumentZone([january], january.flat(), LONDON, 'Etc/UTC')).toBeNull();
  });

  test('custom offset zones', () => {
    const runs = column('2026-10-01', 6, '23:45', 'GMT+0530');
    const first = runs.slice(0, 3).flat();
    expect(calibrateArgumentZone([runs], first, 'GMT+0530', 'GMT-07:00')).toBe('sheet');
    expect(calibrateArgumentZone([readIn(runs, 'GMT+0530', 'GMT-07:00')], first, 'GMT+0530', 'GMT-07:00')).toBe(
      'script',
    );
  });
});
