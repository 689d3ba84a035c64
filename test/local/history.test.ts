// `npm start -- --history-weeks N` and the "history" of --json (spec §13), on the small team of
// test/core/history.test.ts written as CSV files: the figures there are worked out by hand.
import fs from 'node:fs';
import path from 'node:path';
import { toCsv } from '../../local/csv';
import type { JsonAudit } from '../../local/json';
import type { JsonHistory } from '../../local/history-view';
import { bundleCliInto, removeTemp, runCli, STACK_FRAME, tempDir } from './support';
import { logCsvRows, plus, type RunSpec } from '../support/sheets';

let work: string;
let cli: string;

const ROSTER = [
  ['Team member', 'Email', 'Role', 'Training date', 'Anchor workflow', 'Trained workflows', 'Status'],
  ['Ana', '', '', '2026-01-05', '', '', ''],
  ['Ben', '', '', '2026-01-07', '', '', ''],
  ['Cara', '', '', '2026-02-02', '', '', ''],
  ['Dan', '', '', '', '', '', ''],
  ['Eve', '', '', '2026-01-05', '', '', 'No suitable anchor workflow'],
  ['Fay', '', '', '2026-03-04', '', '', ''],
];

/** n runs of a member on consecutive days ending on `last` (Prompted as the CSV cell says it). */
function runs(member: string, n: number, last: string, outcome = 'Used as-is', prompted = ''): RunSpec[] {
  return Array.from({ length: n }, (_, i) => ({
    date: plus(last, -i),
    member,
    outcome,
    edit: outcome === 'Heavy edit' ? 'tone' : '',
    prompted,
  }));
}

const LOG = logCsvRows([
  ...runs('Ana', 3, '2026-01-08'),
  ...runs('Ana', 3, '2026-02-04'),
  ...runs('Ana', 3, '2026-03-01'),
  ...runs('Ben', 2, '2026-01-09'),
  ...runs('Ben', 1, '2026-01-10', 'Used as-is', 'yes'),
  ...runs('Ben', 1, '2026-02-16'),
  ...runs('Ben', 1, '2026-02-18'),
  ...runs('Ben', 1, '2026-02-20'),
  ...runs('Ben', 4, '2026-02-26'),
  ...runs('Cara', 3, '2026-02-19'),
  ...runs('Cara', 1, '2026-02-16', 'Heavy edit'),
  ...runs('Cara', 2, '2026-02-25'),
  ...runs('Cara', 1, '2026-02-26', 'Used as-is', 'yes'),
  ...runs('Cara', 3, '2026-03-04'),
  ...runs('Dan', 3, '2026-03-01'),
  ...runs('Eve', 5, '2026-02-27'),
  ...runs('Zed', 2, '2026-03-01', 'Not used'),
]);

function teamArgs(...extra: string[]): string[] {
  return ['--log', 'log.csv', '--roster', 'roster.csv', '--as-of', '2026-03-01', '--out', 'out', ...extra];
}

function jsonOf(args: string[]): JsonAudit & { history: JsonHistory } {
  const run = runCli(cli, args, work);
  expect([run.status, run.stderr.match(STACK_FRAME)]).toEqual([0, null]);
  return JSON.parse(run.stdout) as JsonAudit & { history: JsonHistory };
}

beforeAll(() => {
  work = tempDir();
  cli = bundleCliInto(work);
  fs.writeFileSync(path.join(work, 'log.csv'), toCsv(LOG));
  fs.writeFileSync(path.join(work, 'roster.csv'), toCsv(ROSTER));
});
afterAll(() => removeTemp(work));

describe('--json "history"', () => {
  let json: JsonAudit & { history: JsonHistory };
  beforeAll(() => {
    json = jsonOf(teamArgs('--json', '--history-weeks', '4'));
  });

  test('the weekly trend, oldest first, each week as of its last day', () => {
    expect(json.history.weeks).toEqual([
      {
        asOf: '2026-02-08',
        membersInScope: 5,
        genuineAdopters: 1,
        adoptionRate: 0.2,
        trainingCompletionRate: 0.6,
        runs: 3,
        activeMembers: 1,
        blendedAcceptanceRate: 1,
      },
      {
        asOf: '2026-02-15',
        membersInScope: 5,
        genuineAdopters: 0,
        adoptionRate: 0,
        trainingCompletionRate: 0.6,
        runs: 0,
        activeMembers: 0,
        blendedAcceptanceRate: null,
      },
      {
        asOf: '2026-02-22',
        membersInScope: 5,
        genuineAdopters: 2,
        adoptionRate: 0.4,
        trainingCompletionRate: 0.6,
        runs: 7,
        activeMembers: 2,
        blendedAcceptanceRate: 6 / 7,
      },
      {
        asOf: '2026-03-01',
        membersInScope: 5,
        genuineAdopters: 3,
        adoptionRate: 0.6,
        trainingCompletionRate: 0.6,
        runs: 20,
        activeMembers: 6,
        blendedAcceptanceRate: 0.9,
      },
    ]);
    // The last week is the audit's own week.
    expect(json.history.weeks[3].adoptionRate).toBe(json.team.adoptionRate);
  });

  test('cohorts, the all-cohorts curve and the transitions, exactly as the issue shapes them', () => {
    const n = null;
    expect(json.history.cohorts).toEqual([
      { week: '2026-01-05', members: ['Ana', 'Ben'], genuineShare: [0.5, 0, 0, 0, 0, 0, 0.5, n, n, n, n, n] },
      { week: '2026-02-02', members: ['Cara'], genuineShare: [0, 0, 1, n, n, n, n, n, n, n, n, n] },
      { week: '2026-03-02', members: ['Fay'], genuineShare: Array(12).fill(null) },
    ]);
    expect(json.history.allCohorts).toEqual([1 / 3, 0, 1 / 3, 0, 0, 0, 0.5, n, n, n, n, n]);
    expect(json.history.transitions).toEqual({
      retained: ['Ben'],
      newAdopters: ['Dan'],
      reactivated: ['Ana'],
      lapsed: ['Cara'],
    });
    expect(Object.keys(json.history)).toEqual(['weeks', 'cohorts', 'allCohorts', 'transitions']);
  });

  test('12 weeks by default', () => {
    const weeks = jsonOf(teamArgs('--json')).history.weeks;
    expect(weeks).toHaveLength(12);
    expect([weeks[0].asOf, weeks[11].asOf]).toEqual(['2025-12-14', '2026-03-01']);
  });
});

describe('the terminal view', () => {
  test('prints the trend as a small table, the transitions with names and the cohorts', () => {
    const run = runCli(cli, teamArgs('--history-weeks', '4'), work);
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    const start = lines.indexOf('Adoption trend: 4 weeks to 2026-03-01 (each week ends on the date shown)');
    expect(start).toBeGreaterThan(0);
    expect(lines[start + 1].split(/\s{2,}/)).toEqual([
      'Week to',
      'In scope',
      'Genuine',
      'Adoption',
      'Training',
      'Runs',
      'Active',
      'Acceptance',
    ]);
    expect(lines.slice(start + 3, start + 7).map((l) => l.split(/\s{2,}/))).toEqual([
      ['2026-02-08', '5', '1', '20%', '60%', '3', '1', '100%'],
      ['2026-02-15', '5', '0', '0%', '60%', '0', '0', '–'],
      ['2026-02-22', '5', '2', '40%', '60%', '7', '2', '86%'],
      ['2026-03-01', '5', '3', '60%', '60%', '20', '6', '90%'],
    ]);
    expect(run.stdout).toContain('  Lapsed (1): Cara\n');
    expect(run.stdout).toContain('  Reactivated (1): Ana\n');
    expect(run.stdout).toMatch(/^All cohorts\s+4\s+33%\s+0%\s+33%/m);
  });

  test('a --history-weeks outside 4 to 52 stops with the range, exit code 2', () => {
    for (const bad of ['3', '53', 'twelve', '6.5']) {
      const run = runCli(cli, teamArgs('--history-weeks', bad), work);
      expect([run.status, run.stdout]).toEqual([2, '']);
      expect(run.stderr).toContain(
        `--history-weeks "${bad}" is not a trend length Uptake can show: give a whole number of weeks from 4 to 52.`,
      );
    }
  });
});
