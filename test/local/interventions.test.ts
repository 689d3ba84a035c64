// `npm start -- --interventions FILE`: the Interventions tab as CSV, its figures worked out by
// hand from rules §14 and compared with the --json output of the BUILT add-on.
import fs from 'node:fs';
import path from 'node:path';
import type { JsonAudit } from '../../local/json';
import type { JsonInterventions } from '../../local/interventions-json';
import { logCsvRows, type RunSpec } from '../support/sheets';
import { bundleCliInto, removeTemp, runCli, STACK_FRAME, tempDir, writeCsv } from './support';

let work: string;
let cli: string;

beforeAll(() => {
  work = tempDir();
  cli = bundleCliInto(work);
  const run = (date: string, member: string, outcome: string, prompted = false): RunSpec => ({
    date,
    member,
    workflow: member === 'Ben Okafor' ? 'Campaign brief' : 'Client proposal',
    outcome,
    prompted,
  });
  writeCsv(
    work,
    'log.csv',
    logCsvRows([
      run('2026-01-27', 'Chloé Martin', 'Used as-is'),
      run('2026-01-30', 'Chloé Martin', 'Heavy edit', true),
      run('2026-02-03', 'Chloé Martin', 'Heavy edit'),
      run('2026-02-05', 'Chloé Martin', 'Light edit'),
      run('2026-02-09', 'Chloé Martin', 'Not used'),
      run('2026-02-10', 'Chloé Martin', 'Not used'),
      ...['11', '13', '16', '18', '20'].map((d) => run(`2026-02-${d}`, 'Chloé Martin', 'Used as-is')),
      run('2026-02-24', 'Chloé Martin', 'Heavy edit'),
      ...['02', '04', '06', '08', '12', '14', '16', '18', '20', '22', '26'].map((d) =>
        run(`2026-02-${d}`, 'Ben Okafor', 'Used as-is'),
      ),
    ]),
  );
  writeCsv(work, 'roster.csv', [
    ['Team member', 'Email', 'Training date'],
    ['Chloé Martin', 'chloe@example.com', '2026-01-20'],
    ['Ben Okafor', 'ben@example.com', '2026-02-01'],
  ]);
  writeCsv(work, 'interventions.csv', [
    ['Date', 'Team member', 'Type', 'Workflow', 'Note'],
    ['2026-02-10', 'Chloé Martin', 'context pack fix', 'Client proposal', 'Added the rate card'],
    ['2026-02-10', '', 'Peer advocacy moment', '', 'Team meeting'],
    ['2026-02-08', 'ben okafor', 'Follow-up session', '', ''],
    ['2026-02-23', 'Chloé Martin', 'Second training session', '', ''],
    ['2026-03-05', 'Ben Okafor', 'Anchor-workflow session', '', ''],
    ['2026-02-10', 'Zed', 'Other', '', ''],
    ['soon', 'Ben Okafor', 'Other', '', ''],
  ]);
});
afterAll(() => removeTemp(work));

function json(args: string[]): JsonAudit & JsonInterventions {
  const result = runCli(cli, ['--json', '--out', path.join(work, 'out'), ...args], work);
  expect([result.status, result.stderr.match(STACK_FRAME)]).toEqual([0, null]);
  return JSON.parse(result.stdout) as JsonAudit & JsonInterventions;
}

const TEAM = ['--log', 'log.csv', '--roster', 'roster.csv', '--as-of', '2026-03-01'];

describe('--interventions FILE with --json', () => {
  let out: JsonAudit & JsonInterventions;
  beforeAll(() => {
    out = json([...TEAM, '--interventions', 'interventions.csv']);
  });

  test('each intervention with its windows and change, worked out by hand', () => {
    expect(out.interventions).toEqual([
      {
        // Ben, 8 Feb. Before 25 Jan–7 Feb: 2, 4, 6 Feb → 3 runs, 1.5 a week, all used.
        // After 9–22 Feb: 12 … 22 Feb → 6 runs, 3 a week, all used. (8 Feb itself in neither.)
        row: 4,
        date: '2026-02-08',
        member: 'Ben Okafor',
        type: 'Follow-up session',
        typeAsWritten: 'Follow-up session',
        workflow: null,
        note: '',
        before: {
          from: '2026-01-25',
          to: '2026-02-07',
          runs: 3,
          usesPerWeek: 1.5,
          acceptanceRate: 1,
          adoptionRate: null,
        },
        after: {
          from: '2026-02-09',
          to: '2026-02-22',
          days: 14,
          runs: 6,
          usesPerWeek: 3,
          acceptanceRate: 1,
          adoptionRate: null,
        },
        change: { usesPerWeek: 1.5, acceptanceRate: 0, adoptionRate: null },
      },
      {
        // Chloé, 10 Feb, Client proposal. Before 27 Jan–9 Feb: 5 runs (one prompted), 2 used →
        // 4 ÷ 2 = 2 a week, 40%. After 11–24 Feb: 6 runs, 5 used → 3 a week, 5/6.
        row: 2,
        date: '2026-02-10',
        member: 'Chloé Martin',
        type: 'Context pack fix',
        typeAsWritten: 'context pack fix',
        workflow: 'Client proposal',
        note: 'Added the rate card',
        before: {
          from: '2026-01-27',
          to: '2026-02-09',
          runs: 5,
          usesPerWeek: 2,
          acceptanceRate: 0.4,
          adoptionRate: null,
        },
        after: {
          from: '2026-02-11',
          to: '2026-02-24',
          days: 14,
          runs: 6,
          usesPerWeek: 3,
          acceptanceRate: 5 / 6,
          adoptionRate: null,
        },
        change: { usesPerWeek: 1, acceptanceRate: 5 / 6 - 0.4, adoptionRate: null },
      },
      {
        // The team, 10 Feb. Before: Chloé 4 unprompted (2 a week), Ben 2, 4, 6, 8 Feb (2 a week):
        // no Genuine adopter of 2; used 2 of Chloé's 5 and Ben's 4 → 6/9. After: Chloé 6 and
        // Ben 6 (12 … 22 Feb; 26 Feb is outside) → 3 a week each, 2 of 2; used 11 of 12.
        row: 3,
        date: '2026-02-10',
        member: null,
        type: 'Peer advocacy moment',
        typeAsWritten: 'Peer advocacy moment',
        workflow: null,
        note: 'Team meeting',
        before: {
          from: '2026-01-27',
          to: '2026-02-09',
          runs: 9,
          usesPerWeek: null,
          acceptanceRate: 6 / 9,
          adoptionRate: 0,
        },
        after: {
          from: '2026-02-11',
          to: '2026-02-24',
          days: 14,
          runs: 12,
          usesPerWeek: null,
          acceptanceRate: 11 / 12,
          adoptionRate: 1,
        },
        change: { usesPerWeek: null, acceptanceRate: 11 / 12 - 6 / 9, adoptionRate: 1 },
      },
      {
        // Chloé, 23 Feb: as of 1 Mar the after window has run 6 of 14 days (24 Feb … 1 Mar):
        // one heavy edit → 1 ÷ 6/7 a week, 0%; no change yet. Before 9–22 Feb: 9, 10, 11, 13,
        // 16, 18, 20 Feb → 7 runs, 3.5 a week, 5 used.
        row: 5,
        date: '2026-02-23',
        member: 'Chloé Martin',
        type: 'Second training session',
        typeAsWritten: 'Second training session',
        workflow: null,
        note: '',
        before: {
          from: '2026-02-09',
          to: '2026-02-22',
          runs: 7,
          usesPerWeek: 3.5,
          acceptanceRate: 5 / 7,
          adoptionRate: null,
        },
        after: {
          from: '2026-02-24',
          to: '2026-03-09',
          days: 6,
          runs: 1,
          usesPerWeek: 7 / 6,
          acceptanceRate: 0,
          adoptionRate: null,
        },
        change: null,
        // docs/json.md: a Second training session for a member below Genuine carries the warning.
        warning:
          'Chloé Martin was a Developing user in the week ending 2026-02-23. A second group session is the most common mistake after a failed training: a team that sat through one and did not adopt takes another as confirmation that AI is not worth the effort. Answer each cause with an individual session or a follow-up instead.',
      },
    ]);
  });

  test('the summary by type, in the list order, medians over complete windows', () => {
    expect(out.interventionsByType).toEqual([
      { type: 'Follow-up session', count: 1, complete: 1, medianUsesPerWeekChange: 1.5, medianAcceptanceChange: 0 },
      {
        type: 'Context pack fix',
        count: 1,
        complete: 1,
        medianUsesPerWeekChange: 1,
        medianAcceptanceChange: 5 / 6 - 0.4,
      },
      {
        type: 'Peer advocacy moment',
        count: 1,
        complete: 1,
        medianUsesPerWeekChange: null,
        medianAcceptanceChange: 11 / 12 - 6 / 9,
      },
      {
        type: 'Second training session',
        count: 1,
        complete: 0,
        medianUsesPerWeekChange: null,
        medianAcceptanceChange: null,
      },
    ]);
  });

  test('unreadable rows are skipped with their row and reason; a later intervention is a notice', () => {
    expect(out.skippedInterventionRows).toEqual([
      { row: 7, reason: expect.stringMatching(/^The team member "Zed" is neither on the roster nor in the log/) },
      { row: 8, reason: expect.stringMatching(/^"soon" is not a date/) },
    ]);
    expect(out.notices).toContainEqual({
      row: 6,
      sheet: 'interventions.csv',
      reason:
        'interventions.csv row 6: The intervention dated 2026-03-05 is after the as-of date 2026-03-01: it is left out of the figures',
    });
  });

  test('the audit itself is the same with or without interventions', () => {
    const without = json(TEAM);
    expect(without.interventions).toEqual([]);
    expect(without.interventionsByType).toEqual([]);
    expect(without.skippedInterventionRows).toEqual([]);
    const { interventions: _i, interventionsByType: _t, skippedInterventionRows: _s, notices, ...rest } = out;
    const { interventions: _j, interventionsByType: _u, skippedInterventionRows: _r, notices: n2, ...rest2 } = without;
    expect(rest).toEqual(rest2);
    expect(notices.filter((n) => n.sheet !== 'interventions.csv')).toEqual(n2);
  });
});

describe('--interventions FILE in the terminal', () => {
  test('each intervention with its figures before and after, the summary by type and the rows skipped', () => {
    const result = runCli(
      cli,
      ['--out', path.join(work, 'out'), ...TEAM, '--interventions', 'interventions.csv'],
      work,
    );
    expect(result.status).toBe(0);
    const section = result.stdout.slice(result.stdout.indexOf('Interventions (4)'));
    const lines = section.slice(0, section.indexOf('\nWritten:')).split('\n');
    expect(lines.slice(0, 13)).toEqual([
      'Interventions (4): 14 days before and after each (a comparison, not proof of cause)',
      '  2026-02-08  Follow-up session · Ben Okafor',
      '    Uses a week 1.5 → 3.0 (+1.5)',
      '    Acceptance 100% → 100% (±0 points)',
      '  2026-02-10  Context pack fix · Chloé Martin · Client proposal',
      '    Uses a week 2.0 → 3.0 (+1.0)',
      '    Acceptance on Client proposal 40% → 83% (+43 points)',
      '  2026-02-10  Peer advocacy moment · whole team',
      '    Adoption rate 0% → 100% (+100 points)',
      '    Blended acceptance 67% → 92% (+25 points)',
      '  2026-02-23  Second training session · Chloé Martin (after window 6 of 14 days so far)',
      '    Uses a week 3.5 → 1.2',
      '    Acceptance 71% → 0%',
    ]);
    expect(lines).toContain(
      '  Context pack fix: 1 recorded, 1 complete; median change after +1.0 uses a week, +43 points acceptance.',
    );
    expect(lines).toContain('Interventions rows skipped (2)');
    expect(lines.filter((l) => l.startsWith('  Row '))).toEqual([
      expect.stringMatching(/^ {2}Row 7: The team member "Zed" is neither on the roster nor in the log/),
      expect.stringMatching(/^ {2}Row 8: "soon" is not a date/),
    ]);
  });

  test('a team without an Interventions sheet prints no interventions section', () => {
    const result = runCli(cli, ['--out', path.join(work, 'out'), ...TEAM], work);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Adoption trend');
    expect(result.stdout).not.toContain('Interventions (');
  });
});

describe('--interventions mistakes', () => {
  test('needs --log', () => {
    const result = runCli(cli, ['--interventions', 'interventions.csv'], work);
    expect([result.status, result.stderr]).toEqual([2, expect.stringContaining('--interventions needs --log')]);
  });

  test('a missing file is named', () => {
    const result = runCli(cli, [...TEAM, '--interventions', 'nope.csv'], work);
    expect([result.status, result.stderr]).toEqual([
      1,
      expect.stringContaining('The Interventions file nope.csv does not exist'),
    ]);
  });

  test('a file without the headers is refused, naming what is missing', () => {
    fs.writeFileSync(path.join(work, 'other.csv'), 'When,Team member\n2026-02-10,Ben Okafor\n');
    const result = runCli(cli, [...TEAM, '--interventions', 'other.csv'], work);
    expect([result.status, result.stderr.match(STACK_FRAME)]).toEqual([1, null]);
    expect(result.stderr).toMatch(/other\.csv: The Interventions file has no header row .*Missing: Date .*; Type/);
  });
});
