/**
 * Before and after an intervention, and the change (spec §14), worked out by hand: each test
 * lays out its runs day by day and states the figures the rule gives.
 */
import { logRows, plus, rosterRows, type RosterSpec, type RunSpec } from '../support/sheets';
import { interventionFigures } from '../../src/core/interventions/windows';
import { summariseByType, median, followUpHeldOn, peopleCovered } from '../../src/core/interventions/summary';
import type { Intervention, InterventionReport } from '../../src/core/interventions/types';
import { parseLog } from '../../src/core/sheets/log';
import { MemberDirectory, parseRoster } from '../../src/core/sheets/roster';
import { day, UTC } from './fixtures';

const D = '2026-02-10';

function figures(
  runs: RunSpec[],
  interventions: Partial<Intervention>[],
  options: { asOf: string; roster?: RosterSpec[] | null; genuineAt?: number },
) {
  const roster = options.roster ? parseRoster(rosterRows(options.roster), UTC) : null;
  const log = parseLog(logRows(runs), { ...UTC, directory: new MemberDirectory(roster?.members ?? []) });
  return interventionFigures({
    table: log.table,
    roster,
    asOf: day(options.asOf),
    settings: { genuineAt: options.genuineAt ?? 3 },
    interventions: interventions.map((i, n) => ({
      row: n + 2,
      day: day(D),
      memberKey: null,
      member: null,
      type: 'Context pack fix',
      typeAsWritten: 'context pack fix',
      workflow: null,
      workflowKey: null,
      note: '',
      ...i,
    })),
  });
}

const chloe = { memberKey: 'chloé', member: 'Chloé' };

/**
 * Chloé, intervention on 10 Feb (a context pack fix on Proposal).
 * Before = 27 Jan … 9 Feb: 5 Proposal runs, one of them prompted; 2 accepted (as-is, light),
 *   3 not (heavy, heavy, not used) → 4 unprompted ÷ 2 = 2 uses a week, acceptance 2/5 = 40%.
 * After = 11 Feb … 24 Feb: 6 Proposal runs, unprompted; 5 accepted → 3 a week, 5/6.
 * Outside both: 26 Jan (day D − 15), 10 Feb (day D), 25 Feb (day D + 15), and a Memo run in each
 * window (another workflow).
 */
const CHLOE_RUNS: RunSpec[] = [
  { date: '2026-01-26', member: 'Chloé', outcome: 'Not used' },
  { date: '2026-01-27', member: 'Chloé', outcome: 'Used as-is' },
  { date: '2026-01-30', member: 'Chloé', outcome: 'Heavy edit', prompted: true },
  { date: '2026-02-03', member: 'Chloé', outcome: 'Heavy edit' },
  { date: '2026-02-05', member: 'Chloé', outcome: 'Light edit' },
  { date: '2026-02-09', member: 'Chloé', outcome: 'Not used' },
  { date: '2026-02-04', member: 'Chloé', workflow: 'Memo', outcome: 'Not used' },
  { date: '2026-02-10', member: 'Chloé', outcome: 'Not used' },
  ...[11, 13, 16, 18, 20].map((n) => ({ date: `2026-02-${n}`, member: 'Chloé', outcome: 'Used as-is' })),
  { date: '2026-02-24', member: 'Chloé', outcome: 'Heavy edit' },
  { date: '2026-02-12', member: 'Chloé', workflow: 'Memo', outcome: 'Used as-is' },
  { date: '2026-02-25', member: 'Chloé', outcome: 'Not used' },
];

describe('a member (spec §14 "Before and after")', () => {
  test('with a workflow: that workflow runs, 14 days each side, day D in neither', () => {
    const { reports } = figures(CHLOE_RUNS, [{ ...chloe, workflow: 'Proposal', workflowKey: 'proposal' }], {
      asOf: '2026-03-01',
    });
    const [r] = reports;
    expect(r.before).toEqual({
      from: '2026-01-27',
      to: '2026-02-09',
      runs: 5,
      usesPerWeek: 2,
      acceptanceRate: 0.4,
      adoptionRate: null,
    });
    expect(r.after).toEqual({
      from: '2026-02-11',
      to: '2026-02-24',
      days: 14,
      runs: 6,
      usesPerWeek: 3,
      acceptanceRate: 5 / 6,
      adoptionRate: null,
    });
    expect(r.change).toEqual({ usesPerWeek: 1, acceptanceRate: 5 / 6 - 0.4, adoptionRate: null });
  });

  test('without a workflow: every run of the member (the Memo runs too)', () => {
    const [r] = figures(CHLOE_RUNS, [chloe], { asOf: '2026-03-01' }).reports;
    // Before: + Memo not used → 6 runs, 5 unprompted, 2 accepted. After: + Memo as-is → 7, 7, 6.
    expect([r.before.runs, r.before.usesPerWeek, r.before.acceptanceRate]).toEqual([6, 2.5, 2 / 6]);
    expect([r.after.runs, r.after.usesPerWeek, r.after.acceptanceRate]).toEqual([7, 3.5, 6 / 7]);
    expect(r.change).toEqual({ usesPerWeek: 1, acceptanceRate: 6 / 7 - 2 / 6, adoptionRate: null });
  });

  test('only the member: another member’s runs do not count', () => {
    const runs = [...CHLOE_RUNS, { date: '2026-02-02', member: 'Ben' }, { date: '2026-02-14', member: 'Ben' }];
    const [r] = figures(runs, [chloe], { asOf: '2026-03-01' }).reports;
    expect([r.before.runs, r.after.runs]).toEqual([6, 7]);
  });

  test('no runs on one side: the figures show it, the change is null', () => {
    const runs = CHLOE_RUNS.filter((r) => r.date > D);
    const [r] = figures(runs, [chloe], { asOf: '2026-03-01' }).reports;
    expect(r.before).toMatchObject({ runs: 0, usesPerWeek: 0, acceptanceRate: null });
    expect(r.after.runs).toBe(7);
    expect(r.change).toEqual({ usesPerWeek: null, acceptanceRate: null, adoptionRate: null });
  });

  test('the after window is complete on D + 14 exactly', () => {
    const [r] = figures(CHLOE_RUNS, [chloe], { asOf: '2026-02-24' }).reports;
    expect(r.after.days).toBe(14);
    expect(r.change).not.toBeNull();
  });
});

describe('a partial after window', () => {
  test('6 of 14 days: figures over the days covered, no change', () => {
    // As of 16 Feb the after window covers 11 … 16 Feb: runs on 11, 12 (Memo), 13, 16 → 4, all
    // unprompted: 4 ÷ (6/7 week) = 4.67 a week; accepted 4 of 4.
    const [r] = figures(CHLOE_RUNS, [chloe], { asOf: '2026-02-16' }).reports;
    expect(r.after).toEqual({
      from: '2026-02-11',
      to: '2026-02-24',
      days: 6,
      runs: 4,
      usesPerWeek: 4 / (6 / 7),
      acceptanceRate: 1,
      adoptionRate: null,
    });
    expect(r.change).toBeNull();
    expect(r.before.runs).toBe(6);
  });

  test('on day D itself: 0 of 14 days, no after figures', () => {
    const [r] = figures(CHLOE_RUNS, [chloe], { asOf: D }).reports;
    expect(r.after).toMatchObject({ days: 0, runs: 0, usesPerWeek: null, acceptanceRate: null });
    expect(r.change).toBeNull();
  });

  test('an intervention dated after the as-of date is left out and named', () => {
    const result = figures(CHLOE_RUNS, [chloe, { ...chloe, day: day('2026-02-20') }], { asOf: '2026-02-19' });
    expect(result.reports.map((r) => r.row)).toEqual([2]);
    expect(result.notices).toEqual([
      {
        row: 3,
        reason: 'The intervention dated 2026-02-20 is after the as-of date 2026-02-19: it is left out of the figures',
      },
    ]);
  });
});

/**
 * The whole team: Ana, Ben and Cleo in scope, Dev out of scope (no suitable anchor workflow).
 * Before (27 Jan … 9 Feb): Ana 6 unprompted (3 a week: Genuine), Ben 5 (2.5: not), Cleo 0, Dev 8
 *   → adoption 1/3. Outcomes: Ana 6 as-is, Ben 5 heavy, Dev 8 as-is → blended 14/19.
 * After (11 … 24 Feb): Ana 6, Ben 6 (Genuine now), Cleo 2 prompted (not counted), Dev 0
 *   → adoption 2/3. Outcomes: Ana as-is, Ben light, Cleo not used → blended 12/14.
 */
const TEAM_ROSTER: RosterSpec[] = [
  { name: 'Ana' },
  { name: 'Ben' },
  { name: 'Cleo' },
  { name: 'Dev', status: 'No suitable anchor workflow' },
];
const every2 = (member: string, first: string, n: number, extra: Partial<RunSpec> = {}): RunSpec[] =>
  Array.from({ length: n }, (_, i) => ({ date: plus(first, 2 * i), member, ...extra }));
const TEAM_RUNS: RunSpec[] = [
  ...every2('Ana', '2026-01-28', 6),
  ...every2('Ben', '2026-01-28', 5, { outcome: 'Heavy edit', workflow: 'Memo' }),
  ...every2('Dev', '2026-01-27', 7),
  { date: '2026-02-09', member: 'Dev' },
  ...every2('Ana', '2026-02-11', 6),
  ...every2('Ben', '2026-02-12', 6, { outcome: 'Light edit' }),
  ...every2('Cleo', '2026-02-11', 2, { outcome: 'Not used', prompted: true }),
  { date: D, member: 'Cleo' },
];

describe('the whole team', () => {
  test('adoption rate (Genuine = 3 unprompted a week over the 14 days) and blended acceptance', () => {
    const [r] = figures(TEAM_RUNS, [{}], { asOf: '2026-03-01', roster: TEAM_ROSTER }).reports;
    expect(r.member).toBeNull();
    expect(r.before).toEqual({
      from: '2026-01-27',
      to: '2026-02-09',
      runs: 19,
      usesPerWeek: null,
      acceptanceRate: 14 / 19,
      adoptionRate: 1 / 3,
    });
    expect(r.after).toMatchObject({
      days: 14,
      runs: 14,
      usesPerWeek: null,
      acceptanceRate: 12 / 14,
      adoptionRate: 2 / 3,
    });
    expect(r.change).toEqual({ usesPerWeek: null, acceptanceRate: 12 / 14 - 14 / 19, adoptionRate: 2 / 3 - 1 / 3 });
  });

  test('with a workflow: that workflow’s acceptance over the team; adoption over every workflow', () => {
    const [r] = figures(TEAM_RUNS, [{ workflow: 'Memo', workflowKey: 'memo' }], {
      asOf: '2026-03-01',
      roster: TEAM_ROSTER,
    }).reports;
    // Memo: Ben's 5 heavy edits before, no Memo run after.
    expect(r.before).toMatchObject({ runs: 5, acceptanceRate: 0, adoptionRate: 1 / 3 });
    expect(r.after).toMatchObject({ runs: 0, acceptanceRate: null, adoptionRate: 2 / 3 });
    expect(r.change).toEqual({ usesPerWeek: null, acceptanceRate: null, adoptionRate: null });
  });

  test('the Genuine threshold is the setting', () => {
    const [r] = figures(TEAM_RUNS, [{}], { asOf: '2026-03-01', roster: TEAM_ROSTER, genuineAt: 2.5 }).reports;
    expect([r.before.adoptionRate, r.after.adoptionRate]).toEqual([2 / 3, 2 / 3]);
  });

  test('without a roster everyone in the log by the as-of date is in scope', () => {
    const [r] = figures(TEAM_RUNS, [{}], { asOf: '2026-03-01', roster: null }).reports;
    // Ana, Ben, Cleo, Dev: Genuine before Ana and Dev (8 ÷ 2 = 4), after Ana and Ben.
    expect([r.before.adoptionRate, r.after.adoptionRate]).toEqual([2 / 4, 2 / 4]);
  });
});

describe('by type (spec §14 "By type")', () => {
  const report = (type: InterventionReport['type'], change: InterventionReport['change']) =>
    ({ type, change, member: 'X', date: D }) as InterventionReport;

  test('count, complete, and medians over the complete ones that have the change', () => {
    const summary = summariseByType([
      report('Context pack fix', { usesPerWeek: 1, acceptanceRate: 0.4, adoptionRate: null }),
      report('Context pack fix', { usesPerWeek: 3, acceptanceRate: 0.1, adoptionRate: null }),
      report('Context pack fix', { usesPerWeek: null, acceptanceRate: null, adoptionRate: null }),
      report('Context pack fix', null),
      report('Other', null),
      report('Follow-up session', { usesPerWeek: -0.5, acceptanceRate: null, adoptionRate: null }),
    ]);
    expect(summary).toEqual([
      { type: 'Follow-up session', count: 1, complete: 1, medianUsesPerWeekChange: -0.5, medianAcceptanceChange: null },
      { type: 'Context pack fix', count: 4, complete: 3, medianUsesPerWeekChange: 2, medianAcceptanceChange: 0.25 },
      { type: 'Other', count: 1, complete: 0, medianUsesPerWeekChange: null, medianAcceptanceChange: null },
    ]);
  });

  test('median', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  test('people covered: each member once; a team-wide intervention covers the team', () => {
    const named = (member: string | null) => ({ member }) as InterventionReport;
    expect(peopleCovered([named('A'), named('A'), named('B')], 10)).toBe(2);
    expect(peopleCovered([named('A'), named(null)], 10)).toBe(10);
  });
});

describe('the day-seven follow-up held (spec §14 "Programme")', () => {
  const session = (date: string, type = 'Follow-up session', member = 'Ana') =>
    ({ date, type, member }) as InterventionReport;
  const trained = '2026-02-01';

  test.each([
    ['2026-02-05', null], // day 4
    ['2026-02-06', '2026-02-06'], // day 5
    ['2026-02-15', '2026-02-15'], // day 14
    ['2026-02-16', null], // day 15
  ])('a session on %s marks it held: %p', (date, held) => {
    expect(followUpHeldOn([session(date)], 'Ana', trained)).toBe(held);
  });

  test('only a Follow-up session of that member; the first one counts', () => {
    expect(followUpHeldOn([session('2026-02-08', 'Context pack fix')], 'Ana', trained)).toBeNull();
    expect(followUpHeldOn([session('2026-02-08', 'Follow-up session', 'Ben')], 'Ana', trained)).toBeNull();
    expect(followUpHeldOn([session('2026-02-12'), session('2026-02-09')], 'Ana', trained)).toBe('2026-02-09');
  });
});
