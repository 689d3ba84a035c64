import fc from 'fast-check';
import { LOG_HEADERS, parseLog } from '../../src/core/sheets/log';
import { parseRoster, ROSTER_HEADERS } from '../../src/core/sheets/roster';
import { readDay } from '../../src/core/base/dates';

/** Anything getValues can return, plus the odd values a pasted sheet holds. */
const cell = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '',
    ' ',
    '#N/A',
    '#REF!',
    'yes',
    'used',
    'light edit',
    '2026-03-02',
    '3/11/2026',
    '=SUM(A1)',
    '<script>',
    '✓',
  ),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
  fc.constant(null),
);
const zone = fc.constantFrom('UTC', 'Europe/London', 'Australia/Sydney', 'America/St_Johns', 'Asia/Kolkata');
const order = fc.constantFrom('DMY' as const, 'MDY' as const);

describe('parsers never throw on cell values (property-based)', () => {
  test('any log row gives a run or a skip reason, with its sheet row number', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 0, maxLength: 9 }), { maxLength: 25 }),
        zone,
        order,
        (rows, timeZone, dateOrder) => {
          const log = parseLog([LOG_HEADERS, ...rows], { timeZone, dateOrder });
          const accounted = new Set([...log.runs.map((r) => r.row), ...log.skipped.map((s) => s.row)]);
          rows.forEach((row, i) => {
            const blank = row.every((v) => v === '' || v === null || (typeof v === 'string' && v.trim() === ''));
            expect(accounted.has(i + 2)).toBe(!blank);
          });
          for (const skip of log.skipped) expect(skip.reason.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('any roster row gives a member or a skip reason', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 15 }),
        zone,
        order,
        (rows, timeZone, dateOrder) => {
          const roster = parseRoster([ROSTER_HEADERS, ...rows], { timeZone, dateOrder });
          expect(roster.members.length + roster.skipped.length).toBeLessThanOrEqual(rows.length);
          for (const m of roster.members) expect(m.name.trim()).toBe(m.name);
        },
      ),
      { numRuns: 200 },
    );
  });

  test('any cell is a day or a reason', () => {
    fc.assert(
      fc.property(cell, zone, order, (value, timeZone, dateOrder) => {
        const read = readDay(value, { timeZone, dateOrder });
        if (read.ok) expect(Number.isInteger(read.day)).toBe(true);
        else expect(read.reason).toMatch(/\w/);
      }),
      { numRuns: 1000 },
    );
  });
});
