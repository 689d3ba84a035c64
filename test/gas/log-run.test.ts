// "Log a run" on the built bundle: the form's data and the one row appended to the team's log.
import { d, logRows, plus, rosterRows } from '../support/sheets';
import { fakeWithBundle, sampleTeam, teamSheet, TODAY } from '../support/fake-bundle';
import { auditOf } from '../support/dashboard';

const RUN = {
  date: TODAY,
  member: 'Ana',
  workflow: 'Board memo',
  outcome: 'Light edit',
  editTypes: ['tone', 'format'],
  prompted: false,
  notes: 'First try',
};

describe('getLogForm', () => {
  test('lists the roster and log members, the outcomes and edit types, today in the sheet zone', () => {
    const { runs } = sampleTeam();
    const { bundle } = fakeWithBundle({
      spreadsheet: {
        sheets: {
          Log: logRows([...runs, { date: TODAY, member: 'Zoe (contractor)' }]),
          Roster: rosterRows(sampleTeam().roster),
        },
      },
    });
    const form = bundle.getLogForm();
    expect(form).toMatchObject({
      today: TODAY,
      member: '',
      members: ['Ana', 'Ben', 'Cleo', 'Zoe (contractor)'],
      outcomes: ['Used as-is', 'Light edit', 'Heavy edit', 'Not used'],
      editTypes: ['tone', 'scope', 'format', 'missing info', 'wrong info'],
      problem: null,
    });
    // Nobody remembered yet: the team's workflows by how often they are run.
    expect(form.workflows).toEqual(['Client proposal', 'Weekly update', 'Proposal']);
  });

  test("remembers per user whom they logged as, and puts that member's recent workflows first", () => {
    const { gas, bundle } = teamSheet();
    bundle.$run('logRun', [{ ...RUN, member: 'ben', workflow: 'Release notes', date: plus(TODAY, -1) }], {
      user: 'ben@example.com',
    });
    const bens = bundle.$run('getLogForm', [], { user: 'ben@example.com' });
    expect(bens.member).toBe('ben');
    // Ben's workflows, most recent first: Weekly update on the 15th, then on the 14th Release notes
    // (row 10) before Client proposal (row 9); then the team's others (none left).
    expect(bens.workflows).toEqual(['Weekly update', 'Release notes', 'Client proposal']);
    // Cleo never logged from her account, and the owner has not approved the roster: no name is
    // preselected, since her row may be a colleague's (log-run-prefill.test.ts).
    const someoneElse = bundle.$run('getLogForm', [], { user: 'cleo@example.com' });
    expect(someoneElse.member).toBe('');
    expect(someoneElse.workflows).toEqual(['Client proposal', 'Weekly update', 'Release notes']);
    expect(gas.properties.forUser('ben@example.com').getProperty('uptake.logAs')).toBe('ben');
  });

  test('reads the roster whole and the log by its first and recent rows (log-run-reads.test.ts)', () => {
    const { gas, bundle } = teamSheet();
    gas.calls.reset();
    bundle.getLogForm();
    expect(gas.calls.count('Sheet.getDataRange')).toBe(1); // the roster
    // The log's first rows once (finding it gives its header too), its recent rows, the roster.
    expect(gas.calls.count('Range.getValues')).toBe(3);
  });

  test('without a log, the form says what to do', () => {
    const { bundle } = fakeWithBundle();
    expect(bundle.getLogForm().problem).toEqual({
      code: 'no-log',
      message: expect.stringContaining('Set up log and roster'),
    });
  });
});

describe('logRun', () => {
  test('appends one row after the last run, under the document lock, and confirms it', () => {
    const { gas, bundle } = teamSheet();
    const before = gas.sheetValues('Log');
    const heldDuringWrite: boolean[] = [];
    gas.onCall((call) => {
      if (call.key === 'Range.setValues')
        heldDuringWrite.push(gas.locks._mutex(gas.locks.key('document')).holder === gas.executionId());
    });
    const result = bundle.logRun(RUN);
    const after = gas.sheetValues('Log');
    expect(result).toEqual({
      row: before.length + 1,
      message: `Logged in row ${before.length + 1} of "Log": Ana, Board memo, light edit on Sun 15 Mar 2026.`,
      // The default user is in neither the roster nor the log: My week says so (test/roles/).
      myWeek: { week: null, message: expect.stringMatching(/^Uptake could not find you in the team/) },
    });
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toHaveLength(before.length + 1);
    expect(gas.inspect.displayValues('Log')[before.length]).toEqual([
      TODAY,
      'Ana',
      'Board memo',
      'Light edit',
      'tone, format',
      'FALSE',
      'First try',
    ]);
    expect(heldDuringWrite).toEqual([true]);
    const execution = gas.executions[gas.executions.length - 1];
    expect(execution.releasedLocks).toEqual([]); // released by the code, not by the end of the run
    expect(gas.locks.acquisitions.get(gas.locks.key('document'))).toBe(1);
    // The dashboard counts it.
    const ana = auditOf(bundle.getDashboard({})).members.find((m) => m.member === 'Ana');
    expect(ana?.runs).toBe(5);
  });

  test('a log that fills every row of its sheet (a new sheet has 1,000) grows by a row first', () => {
    const runs = Array.from({ length: 999 }, (_, i) => ({ date: plus(TODAY, -(i % 30)), member: 'Ana' }));
    const { gas, bundle } = fakeWithBundle({ spreadsheet: { sheets: { Log: logRows(runs) } } });
    expect(gas.sheet('Log').getMaxRows()).toBe(1_000);
    expect(bundle.logRun(RUN).row).toBe(1_001);
    expect(gas.sheet('Log').getMaxRows()).toBe(1_001);
    expect(gas.inspect.displayValues('Log')[1_000].slice(1, 3)).toEqual(['Ana', 'Board memo']);
  });

  test("writes in the log's own column order and leaves columns it does not know alone", () => {
    const header = ['Notes', 'Outcome', 'Week', 'Who', 'Run date', 'Task', 'Prompted'];
    const rows = [
      header,
      ['', 'used', '=WEEKNUM(E2)', 'Ana', d(plus(TODAY, -1)), 'Proposal', false],
      ['', '', '=WEEKNUM(E3)', '', '', '', false],
    ];
    const { gas, bundle } = fakeWithBundle({ spreadsheet: { sheets: { Runs: rows } } });
    const result = bundle.logRun({ ...RUN, prompted: true });
    // Row 3 holds only a formula and an unticked box: it is free, and its formula stays.
    expect(result.row).toBe(3);
    expect(gas.inspect.displayValues('Runs')[2]).toEqual([
      'First try',
      'Light edit',
      '#FORMULA',
      'Ana',
      TODAY,
      'Board memo',
      'TRUE',
    ]);
    expect(gas.inspect.formulas('Runs', 'C3')).toEqual([['=WEEKNUM(E3)']]);
    expect(gas.sheet('Runs').getRange('A2:G2').getValues()[0].slice(0, 2)).toEqual(['', 'used']);
  });

  test('text that looks like a formula is written as text', () => {
    const { gas, bundle } = teamSheet();
    const { row } = bundle.logRun({
      ...RUN,
      member: '+1 Ana',
      workflow: '=HYPERLINK("http://example.com")',
      notes: '@here',
    });
    const cells = gas.sheet('Log').getRange(row, 1, 1, 7);
    expect(gas.inspect.formulas('Log', `A${row}:G${row}`)[0].every((f) => f === '')).toBe(true);
    expect(cells.getValues()[0].slice(1, 3)).toEqual(['+1 Ana', '=HYPERLINK("http://example.com")']);
    expect(cells.getValues()[0][6]).toBe('@here');
    expect(cells.getNumberFormats()[0][2]).toBe('@');
  });

  test("the date is the calendar day in the spreadsheet's zone", () => {
    // 10:00 UTC on the 15th is 23:00 on the 15th in Auckland... and 11:00 UTC is the 16th there.
    const { runs } = sampleTeam();
    const { gas, bundle } = fakeWithBundle({
      now: `${TODAY}T11:30:00Z`,
      spreadsheet: { timeZone: 'Pacific/Auckland', sheets: { Log: logRows(runs) } },
    });
    const tomorrow = plus(TODAY, 1);
    expect(bundle.getLogForm().today).toBe(tomorrow);
    const { row } = bundle.logRun({ ...RUN, date: tomorrow });
    expect(gas.inspect.displayValues('Log')[row - 1][0]).toBe(tomorrow);
    expect(() => bundle.logRun({ ...RUN, date: plus(TODAY, 2) })).toThrow(`is in the future: today is ${tomorrow}`);
  });

  test.each([
    [{ date: '2026-13-01' }, 'The date "2026-13-01" is not a date: use YYYY-MM-DD.'],
    [{ date: plus(TODAY, 1) }, 'is in the future'],
    [{ member: ' ' }, 'Enter the team member.'],
    [{ workflow: '' }, 'Enter the workflow.'],
    [{ outcome: 'so-so' }, 'Choose the outcome: Used as-is, Light edit, Heavy edit, Not used.'],
    [{ editTypes: ['typos'] }, 'Edit type "typos" is not one of'],
  ])('%p is refused with a clear message and nothing is written', (change, message) => {
    const { gas, bundle } = teamSheet();
    const before = gas.sheetValues('Log');
    expect(() => bundle.logRun({ ...RUN, ...change })).toThrow(message);
    expect(gas.sheetValues('Log')).toEqual(before);
  });

  test('when someone else holds the log, says so after 10 s and writes nothing', () => {
    const { gas, bundle } = teamSheet();
    const before = gas.sheetValues('Log');
    gas.locks.holdElsewhere('document');
    const started = gas.clock.now();
    expect(() => bundle.logRun(RUN)).toThrow(
      'Someone else is adding a run to the log right now. Nothing was written: try again in a few seconds.',
    );
    expect(gas.clock.now() - started).toBe(10_000);
    expect(gas.sheetValues('Log')).toEqual(before);
  });

  test('without a log, says how to make one', () => {
    const { bundle } = fakeWithBundle();
    expect(() => bundle.logRun(RUN)).toThrow('Set up log and roster');
  });
});
