// The daily trigger's zone: a time-zone database id whatever the spreadsheet's zone, and the
// hour that matches the digest hour in the spreadsheet's zone (or as near as Apps Script allows).
import { triggerZone } from '../../src/core/automation/trigger-zone';

const NOW = Date.UTC(2026, 2, 2, 12);

describe('triggerZone', () => {
  test('a named zone is used as it is, at the digest hour', () => {
    expect(triggerZone('Europe/London', 8, 'Etc/UTC', NOW)).toEqual({ timeZone: 'Europe/London', hour: 8, note: null });
  });

  test('a whole-hour offset becomes its Etc/GMT id, whose sign is inverted', () => {
    expect(triggerZone('GMT-03:00', 8, 'Etc/UTC', NOW)).toEqual({ timeZone: 'Etc/GMT+3', hour: 8, note: null });
    expect(triggerZone('GMT+10', 7, 'Etc/UTC', NOW)).toEqual({ timeZone: 'Etc/GMT-10', hour: 7, note: null });
    expect(triggerZone('GMT+00:00', 7, 'Etc/UTC', NOW)).toEqual({ timeZone: 'Etc/GMT', hour: 7, note: null });
    expect(triggerZone('Etc/UTC', 7, 'Etc/UTC', NOW)).toEqual({ timeZone: 'Etc/UTC', hour: 7, note: null });
    expect(triggerZone('GMT+14:00', 0, 'Etc/UTC', NOW).timeZone).toBe('Etc/GMT-14');
  });

  test('another offset is scheduled in the script zone at the first whole hour at or after the digest hour', () => {
    const zone = triggerZone('GMT+0530', 8, 'Etc/UTC', NOW);
    // 08:00 at UTC+5:30 is 02:30 UTC: the run goes at 03:00 UTC, 08:30 in the sheet's zone.
    expect(zone).toMatchObject({ timeZone: 'Etc/UTC', hour: 3 });
    expect(zone.note).toContain('08:30 in the spreadsheet');
    expect(zone.note).toContain('GMT+0530');
  });

  test('converted across midnight the run still falls on the same day in the sheet', () => {
    // 00:00 at UTC+5:30 is 18:30 UTC the day before: 19:00 UTC is 00:30 the same day in the sheet.
    expect(triggerZone('GMT+05:30', 0, 'Etc/UTC', NOW)).toMatchObject({ timeZone: 'Etc/UTC', hour: 19 });
    // 23:00 at UTC-3:30 is 02:30 UTC the next day: 03:00 UTC is 23:30 in the sheet.
    const west = triggerZone('GMT-03:30', 23, 'Etc/UTC', NOW);
    expect(west).toMatchObject({ timeZone: 'Etc/UTC', hour: 3 });
    expect(west.note).toContain('23:30 in the spreadsheet');
  });

  test('a script zone that is an offset itself gives way to UTC', () => {
    expect(triggerZone('GMT+0530', 8, 'GMT+0530', NOW)).toMatchObject({ timeZone: 'Etc/UTC', hour: 3 });
  });

  test('the conversion uses the script zone’s offset at the time', () => {
    // New York is UTC-5 on 2 March 2026: 08:00 at UTC+5:30 is 21:30 the day before there.
    expect(triggerZone('GMT+05:30', 8, 'America/New_York', NOW)).toMatchObject({
      timeZone: 'America/New_York',
      hour: 22,
    });
  });
});
