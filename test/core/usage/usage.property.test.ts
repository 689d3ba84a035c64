// The one pass over the log (an index of logged days) counts exactly what a scan of the log over
// each period counts, for any log and any period.
import fc from 'fast-check';
import { indexLoggedDays, loggedIn, periodStatus } from '../../../src/core/usage/compare';
import { RunTable } from '../../../src/core/sheets/run-table';
import type { Run } from '../../../src/core/base/types';

const run = (day: number, member: string, i: number): Run => ({
  row: i + 2,
  day,
  memberKey: member,
  memberText: member,
  workflowKey: 'w',
  workflow: 'W',
  outcome: 'as-is',
  editTypes: [],
  prompted: i % 3 === 0,
});

describe('logged runs and days over a period', () => {
  it('match a scan of the log', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ day: fc.integer({ min: 0, max: 60 }), member: fc.constantFrom('a', 'b', 'c') }), {
          maxLength: 200,
        }),
        fc.constantFrom('a', 'b', 'c', 'z'),
        fc.integer({ min: -5, max: 65 }),
        fc.integer({ min: 0, max: 30 }),
        (rows, member, from, length) => {
          const table = RunTable.fromRuns(rows.map((r, i) => run(r.day, r.member, i)));
          const to = from + length;
          const inPeriod = rows.filter((r) => r.member === member && r.day >= from && r.day <= to);
          expect(loggedIn(indexLoggedDays(table), member, from, to)).toEqual({
            loggedRuns: inPeriod.length,
            loggedDays: new Set(inPeriod.map((r) => r.day)).size,
          });
        },
      ),
    );
  });

  it('never says "not logging" of a period with logged runs, nor "not seen" of an active one', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.option(fc.integer({ min: 0, max: 31 }), { nil: null }),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 31 }),
        (active, activeDays, loggedRuns, days) => {
          const loggedDays = Math.min(days, loggedRuns);
          const status = periodStatus({ active, activeDays, loggedRuns, loggedDays });
          if (loggedRuns > 0) expect(status).not.toBe('not logging');
          if (active) expect(status).not.toBe('not seen in the tool');
          if (active && loggedRuns === 0) expect(status).toBe('not logging');
        },
      ),
    );
  });
});
