// "Log a run" on the built bundle reads the log's header and its recent rows, never the whole
// sheet: what a person waits for must not grow with the log (BENCHMARKS.md, "What people wait for").
import { LOG_HEADERS } from '../../src/core/sheets/log';
import { cellsReadBy } from '../../bench/costs';
import { logRows, plus } from '../support/sheets';
import { fakeWithBundle, logRunRequest, TODAY } from '../support/fake-bundle';

const RUN = logRunRequest({ workflow: 'Board memo', outcome: 'Light edit' });

/** A log of `rows` runs, oldest first, whose last 20 are Ana's "Recent workflow". */
function logOf(rows: number) {
  return logRows(
    Array.from({ length: rows }, (_, i) => ({
      date: plus(TODAY, -Math.floor((rows - i) / 40)),
      member: i < rows - 20 ? `Member ${i % 30}` : 'Ana',
      workflow: i < rows - 20 ? `Old workflow ${i % 7}` : 'Recent workflow',
    })),
  );
}

function cellsRead(rows: number, act: (bundle: ReturnType<typeof fakeWithBundle>['bundle']) => void) {
  const { gas, bundle } = fakeWithBundle({ spreadsheet: { sheets: { Log: logOf(rows) } } });
  gas.properties.forUser(gas.session.activeUser).setProperty('uptake.logAs', 'Ana');
  let cells = 0;
  gas.onCall((call) => {
    cells += cellsReadBy(call);
  });
  act(bundle);
  return { cells, gas };
}

describe('Log a run reads cells that do not grow with the log', () => {
  test('opening the form reads the same cells for 1,000 and 6,000 runs, and still offers recent names and workflows', () => {
    let form: { members: string[]; workflows: string[] } | undefined;
    const small = cellsRead(1_000, (bundle) => bundle.getLogForm());
    const large = cellsRead(6_000, (bundle) => {
      form = bundle.getLogForm() as typeof form;
    });
    expect(large.cells).toBe(small.cells);
    // Header and at most 900 recent rows of 7 columns (one read for the form and My week, which
    // comes with it), with the first rows where the header is looked for.
    expect(large.cells).toBeLessThan(7 * (900 + 2 * 30) + 1);
    expect(form!.members).toContain('Ana');
    // Ana logged as last time: her recent workflow first, then the team's recent ones.
    expect(form!.workflows[0]).toBe('Recent workflow');
    expect(form!.workflows).toContain('Old workflow 3');
  });

  // My week, shown after the run, reads the log's last 900 rows: the same cells from then on.
  test('adding a run reads the same cells for 1,000 and 6,000 runs, and appends after the last run', () => {
    const small = cellsRead(1_000, (bundle) => bundle.logRun(RUN));
    const large = cellsRead(6_000, (bundle) => bundle.logRun(RUN));
    expect(large.cells).toBe(small.cells);
    const values = large.gas.sheetValues('Log');
    expect(values).toHaveLength(6_002);
    expect(values[6_001].slice(1, 4)).toEqual(['Ana', 'Board memo', 'Light edit']);
  });

  test('finds the last run above more free rows than one read brings back (unticked boxes filled down)', () => {
    const log = [...logOf(50), ...Array.from({ length: 450 }, () => ['', '', '', '', '', false, ''])];
    const { gas, bundle } = fakeWithBundle({ spreadsheet: { sheets: { Log: log } } });
    const result = bundle.logRun(RUN);
    // Row 1 is the header, rows 2–51 the runs: the new run goes in row 52, among the free rows.
    expect(result.row).toBe(52);
    const values = gas.sheetValues('Log');
    expect(values).toHaveLength(501);
    expect(values[51].slice(1, 4)).toEqual(['Ana', 'Board memo', 'Light edit']);
    expect(values[52]).toEqual(['', '', '', '', '', false, '']);
  });

  test('an empty log (header only) gets its first run in row 2', () => {
    const { gas, bundle } = fakeWithBundle({ spreadsheet: { sheets: { Log: [LOG_HEADERS] } } });
    expect(bundle.logRun(RUN).row).toBe(2);
    expect(gas.sheetValues('Log')[1].slice(1, 3)).toEqual(['Ana', 'Board memo']);
    expect(bundle.getLogForm().workflows).toEqual(['Board memo']);
  });
});
