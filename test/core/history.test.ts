// The history of spec §13, worked out by hand on a small team (the comments give the sums).
import { logRows, rosterRows, type RosterSpec, type RunSpec } from '../support/sheets';
import { parseLog } from '../../src/core/sheets/log';
import { parseRoster, MemberDirectory } from '../../src/core/sheets/roster';
import { computeHistory, mondayOf } from '../../src/core/history/history';
import { DEFAULT_SETTINGS } from '../../src/core/base/types';
import { validateSettings } from '../../src/core/base/settings';
import { day, runsOf, UTC } from './fixtures';

export function history(
  runs: RunSpec[],
  options: { roster?: RosterSpec[]; asOf: string; weeks?: number; genuineAt?: number },
) {
  const roster = options.roster ? parseRoster(rosterRows(options.roster), UTC) : null;
  const log = parseLog(logRows(runs), { ...UTC, directory: new MemberDirectory(roster?.members ?? []) });
  return computeHistory({
    runs: log.table,
    roster,
    names: log.names,
    asOf: day(options.asOf),
    weeks: options.weeks ?? 12,
    settings: { ...DEFAULT_SETTINGS, genuineAt: options.genuineAt ?? DEFAULT_SETTINGS.genuineAt },
  });
}

const AS_OF = '2026-03-01'; // a Sunday; the 4 weeks end on 8, 15, 22 Feb and 1 Mar
const ROSTER: RosterSpec[] = [
  { name: 'Ana', training: '2026-01-05' }, // Monday
  { name: 'Ben', training: '2026-01-07' }, // Wednesday of the same week: the same cohort
  { name: 'Cara', training: '2026-02-02' },
  { name: 'Dan' }, // no training date: in scope, in no cohort
  { name: 'Eve', training: '2026-01-05', status: 'No suitable anchor workflow' }, // out of scope
  { name: 'Fay', training: '2026-03-04' }, // trained after the as-of date
];
const RUNS: RunSpec[] = [
  // Ana: 3 in her week 1 (6–12 Jan); 2–4 Feb (week ending 8 Feb); 27 Feb–1 Mar (this week).
  ...runsOf('Ana', 3, '2026-01-08'),
  ...runsOf('Ana', 3, '2026-02-04'),
  ...runsOf('Ana', 3, '2026-03-01'),
  // Ben: 2 unprompted and 1 prompted in his week 1; 3 in the week ending 22 Feb, 4 this week.
  ...runsOf('Ben', 2, '2026-01-09'),
  { date: '2026-01-10', member: 'Ben', prompted: true },
  { date: '2026-02-16', member: 'Ben' },
  { date: '2026-02-18', member: 'Ben' },
  { date: '2026-02-20', member: 'Ben' },
  ...runsOf('Ben', 4, '2026-02-26'),
  // Cara: 4 in the week ending 22 Feb (one heavy edit); this week 2 unprompted and 1 prompted.
  ...runsOf('Cara', 3, '2026-02-19'),
  { date: '2026-02-16', member: 'Cara', outcome: 'Heavy edit', edit: 'tone' },
  ...runsOf('Cara', 2, '2026-02-25'),
  { date: '2026-02-26', member: 'Cara', prompted: true },
  // After the as-of date: ignored (they would make Cara Genuine this week).
  ...runsOf('Cara', 3, '2026-03-04'),
  ...runsOf('Dan', 3, '2026-03-01'),
  ...runsOf('Eve', 5, '2026-02-27'),
  // Not on the roster: active, out of scope.
  { date: '2026-02-28', member: 'Zed', outcome: 'Not used' },
  { date: '2026-03-01', member: 'Zed', outcome: 'Not used' },
];

describe('history (spec §13), by hand', () => {
  const result = history(RUNS, { roster: ROSTER, asOf: AS_OF, weeks: 4 });

  test('the weekly trend: the figures of §5 as of each week’s last day, oldest first', () => {
    expect(result.weeks).toEqual([
      // 2–8 Feb: Ana's 3 runs. In scope: Ana, Ben, Cara, Dan, Fay; trained by 8 Feb: Ana, Ben, Cara.
      {
        asOf: '2026-02-08',
        membersInScope: 5,
        genuineAdopters: 1,
        adoptionRate: 1 / 5,
        trainingCompletionRate: 3 / 5,
        runs: 3,
        activeMembers: 1,
        blendedAcceptanceRate: 1,
      },
      // 9–15 Feb: no runs, no acceptance rate.
      {
        asOf: '2026-02-15',
        membersInScope: 5,
        genuineAdopters: 0,
        adoptionRate: 0,
        trainingCompletionRate: 3 / 5,
        runs: 0,
        activeMembers: 0,
        blendedAcceptanceRate: null,
      },
      // 16–22 Feb: Ben 3, Cara 4 (one heavy edit): 6 of 7 accepted.
      {
        asOf: '2026-02-22',
        membersInScope: 5,
        genuineAdopters: 2,
        adoptionRate: 2 / 5,
        trainingCompletionRate: 3 / 5,
        runs: 7,
        activeMembers: 2,
        blendedAcceptanceRate: 6 / 7,
      },
      // 23 Feb–1 Mar: Ana 3, Ben 4, Cara 3 (1 prompted), Dan 3, Eve 5, Zed 2 not used = 20 runs, 18 accepted.
      // Genuine: Ana, Ben, Dan (Cara has 2 unprompted; Eve is out of scope).
      {
        asOf: '2026-03-01',
        membersInScope: 5,
        genuineAdopters: 3,
        adoptionRate: 3 / 5,
        trainingCompletionRate: 3 / 5,
        runs: 20,
        activeMembers: 6,
        blendedAcceptanceRate: 18 / 20,
      },
    ]);
  });

  test('transitions this week against last week', () => {
    expect(result.transitions).toEqual({
      retained: ['Ben'], // Genuine in both weeks
      newAdopters: ['Dan'], // Genuine now only
      reactivated: ['Ana'], // Genuine in the week ending 8 Feb, not last week, again now
      lapsed: ['Cara'], // 4 last week, 2 unprompted now
    });
  });

  test('cohorts by the Monday of the training week; weeks since training that have not ended are null', () => {
    const n = null;
    expect(result.cohorts.map(({ week, members, genuineShare }) => ({ week, members, genuineShare }))).toEqual([
      // Ana (T = 5 Jan): week 1 = 6–12 Jan has 3: Genuine. Weeks 4 and 5 hold 2 Feb and 3–4 Feb: not.
      // Ben (T = 7 Jan): week 1 has 2 unprompted (the prompted one does not count); week 6
      // (13–18 Feb, days 37–42) has 16 and 18 Feb; week 7 (days 43–49) has 20, 23, 24, 25 Feb: Genuine.
      // Both have week 7 ended by 1 Mar (days 49 ≤ 55 and 49 ≤ 53), week 8 not.
      { week: '2026-01-05', members: ['Ana', 'Ben'], genuineShare: [0.5, 0, 0, 0, 0, 0, 0.5, n, n, n, n, n] },
      // Cara (T = 2 Feb): week 2 (10–16 Feb) has 16 Feb, week 3 (17–23 Feb) has 17, 18, 19 Feb.
      // Week 4 ends 2 Mar, after the as-of date.
      { week: '2026-02-02', members: ['Cara'], genuineShare: [0, 0, 1, n, n, n, n, n, n, n, n, n] },
      // Fay is trained after the as-of date: in her cohort, with no week ended.
      { week: '2026-03-02', members: ['Fay'], genuineShare: Array(12).fill(null) },
    ]);
    expect(result.cohorts[0].genuine.slice(0, 8)).toEqual([1, 0, 0, 0, 0, 0, 1, 0]);
    expect(result.cohorts[0].ended.slice(0, 8)).toEqual([2, 2, 2, 2, 2, 2, 2, 0]);
    // All cohorts: week 1 = 1 of Ana, Ben, Cara; week 3 = 1 of 3; week 7 = 1 of Ana, Ben.
    expect(result.allCohorts).toEqual([1 / 3, 0, 1 / 3, 0, 0, 0, 0.5, n, n, n, n, n]);
  });

  test('the Monday of a training week', () => {
    expect(mondayOf(day('2026-01-05'))).toBe(day('2026-01-05'));
    expect(mondayOf(day('2026-01-07'))).toBe(day('2026-01-05'));
    expect(mondayOf(day('2026-01-11'))).toBe(day('2026-01-05')); // Sunday ends the week
    expect(mondayOf(day('2026-01-12'))).toBe(day('2026-01-12'));
  });

  test('N weeks of trend; the threshold of Settings decides who is Genuine', () => {
    expect(history(RUNS, { roster: ROSTER, asOf: AS_OF, weeks: 12 }).weeks).toHaveLength(12);
    const lower = history(RUNS, { roster: ROSTER, asOf: AS_OF, weeks: 4, genuineAt: 2 });
    // With 2 a week Cara is still Genuine this week: retained, not lapsed.
    expect(lower.transitions.retained).toEqual(['Ben', 'Cara']);
    expect(lower.transitions.lapsed).toEqual([]);
    expect(() => history(RUNS, { asOf: AS_OF, weeks: 1 })).toThrow(RangeError);
  });

  test('a member Genuine only before the trend is a new adopter, not reactivated', () => {
    const runs = [...runsOf('Ana', 3, '2026-01-08'), ...runsOf('Ana', 3, '2026-03-01')];
    expect(history(runs, { roster: ROSTER, asOf: AS_OF, weeks: 4 }).transitions.newAdopters).toEqual(['Ana']);
    expect(history(runs, { roster: ROSTER, asOf: AS_OF, weeks: 12 }).transitions.reactivated).toEqual(['Ana']);
  });
});

describe('history without a roster', () => {
  const runs: RunSpec[] = [
    ...runsOf('Xavier', 3, '2026-02-08'),
    ...runsOf('yusuf', 1, '2026-02-20'),
    ...runsOf('Yusuf ', 3, '2026-03-01'), // the same member, however typed
    ...runsOf('Zoe', 4, '2026-03-05'), // only after the as-of date: never seen
  ];
  const result = history(runs, { asOf: AS_OF, weeks: 4 });

  test('members are in scope from the week they are first seen; no training completion, no cohorts', () => {
    expect(result.weeks.map((w) => [w.asOf, w.membersInScope, w.genuineAdopters, w.trainingCompletionRate])).toEqual([
      ['2026-02-08', 1, 1, null],
      ['2026-02-15', 1, 0, null],
      ['2026-02-22', 2, 0, null],
      ['2026-03-01', 2, 1, null],
    ]);
    expect(result.cohorts).toEqual([]);
    expect(result.allCohorts).toEqual(Array(12).fill(null));
    expect(result.transitions).toEqual({ retained: [], newAdopters: ['yusuf'], reactivated: [], lapsed: [] });
  });

  test('an empty log: no one in scope, no rates', () => {
    const empty = history([], { asOf: AS_OF, weeks: 4 });
    expect(empty.weeks.every((w) => w.membersInScope === 0 && w.adoptionRate === null && w.runs === 0)).toBe(true);
    expect(empty.weeks.every((w) => w.blendedAcceptanceRate === null)).toBe(true);
  });
});

describe('the trend length setting', () => {
  test('12 weeks by default, a whole number from 4 to 52, named when wrong', () => {
    expect(validateSettings({}).historyWeeks).toBe(12);
    expect(validateSettings({ historyWeeks: '26' }).historyWeeks).toBe(26);
    for (const bad of [3, 53, 6.5, 'twelve']) {
      expect(() => validateSettings({ historyWeeks: bad })).toThrow(
        expect.objectContaining({
          field: 'historyWeeks',
          message: 'The trend length in weeks must be a whole number from 4 to 52.',
        }),
      );
    }
  });
});
