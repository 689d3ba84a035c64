// The history on "Run audit to sheet" (built bundle): the trend and cohort tables, each with a
// native line chart (rules §13). The sample team is trained 20, 10 and 3 days before 15 March.
import { logRows, rosterRows } from '../support/sheets';
import { fakeWithBundle, sampleTeam, auditFile } from '../support/fake-bundle';

const AUDIT = 'Adoption audit';

function auditSheet() {
  const { runs, roster } = sampleTeam();
  const { gas, bundle } = fakeWithBundle({
    spreadsheet: { sheets: { Log: logRows(runs), Roster: rosterRows(roster) } },
  });
  bundle.runAuditToSheet();
  return gas;
}

function tableAfter(rows: string[][], firstHeader: string): string[][] {
  const start = rows.findIndex((row) => row[0] === firstHeader);
  if (start < 0) throw new Error(`no table starting with ${firstHeader}`);
  const end = rows.findIndex((row, i) => i > start && row.every((cell) => cell === ''));
  return rows.slice(start, end < 0 ? undefined : end).map((row) => row.slice(0, rows[start].filter(Boolean).length));
}

describe('the history on the audit sheet', () => {
  const gas = auditSheet();
  const rows = gas.inspect.displayValues(AUDIT, auditFile(gas));

  test('a trend table: 12 weeks, oldest first, the figures as of each week’s last day', () => {
    const trend = tableAfter(rows, 'Week to');
    expect(trend[0]).toEqual([
      'Week to',
      'In scope',
      'Genuine adopters',
      'Adoption rate',
      'Training completion',
      'Gap',
      'Runs',
      'Active members',
      'Blended acceptance',
    ]);
    expect(trend).toHaveLength(13);
    // Ana (4 runs) and Ben (4) are Genuine this week; all three are trained by 15 March.
    expect(trend[12].slice(0, 8)).toEqual(['2026-03-15', '3', '2', '67%', '100%', '33%', '8', '2']);
    // The week before: nobody ran; Ana (23 Feb) and Ben (5 Mar) were trained.
    expect(trend[11]).toEqual(['2026-03-08', '3', '0', '0%', '67%', '67%', '0', '0', '–']);
  });

  test('a cohort table: weeks since training down, all cohorts, the target band and each cohort across', () => {
    const cohorts = tableAfter(rows, 'Week since training');
    expect(cohorts[0]).toEqual([
      'Week since training',
      'All cohorts',
      'Target low (70%)',
      'Target high (80%)',
      'Trained week of 2026-03-09 (1)',
      'Trained week of 2026-03-02 (1)',
      'Trained week of 2026-02-23 (1)',
    ]);
    // Ana's weeks 1 and 2 and Ben's week 1 have ended, without 3 unprompted runs; Cleo's none.
    expect(cohorts[1]).toEqual(['Week 1', '0%', '70%', '80%', '–', '0%', '0%']);
    expect(cohorts[2]).toEqual(['Week 2', '0%', '70%', '80%', '–', '–', '0%']);
    expect(cohorts[3]).toEqual(['Week 3', '–', '70%', '80%', '–', '–', '–']);
    expect(cohorts).toHaveLength(13);
  });

  test('each table has a native line chart over its own cells', () => {
    const charts = gas.inspect.charts(AUDIT, auditFile(gas)).filter((c) => c.type === 'LINE');
    const header = (first: string) => rows.findIndex((row) => row[0] === first) + 1;
    const trend = header('Week to');
    const cohorts = header('Week since training');
    expect(charts.map((c) => c.ranges)).toEqual([
      [`'${AUDIT}'!A${trend}:A${trend + 12}`, `'${AUDIT}'!D${trend}:E${trend + 12}`],
      [`'${AUDIT}'!A${cohorts}:G${cohorts + 12}`],
    ]);
    expect(charts[0].options).toMatchObject({ title: 'Adoption rate and training completion by week' });
    expect(charts[1].options).toMatchObject({ vAxis: { format: 'percent', minValue: 0, maxValue: 1 } });
  });
});
