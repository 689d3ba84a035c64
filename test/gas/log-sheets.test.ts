// A log over several sheets (spec §16): the team's log and a form's answers sheet, audited
// through the built bundle and compared with the same rows audited as one log.
import { FORM_HEADER_WITH_EMAIL, logRows, plus, rosterRows } from '../support/sheets';
import { fakeWithBundle, logRunRequest, sampleTeam, TODAY } from '../support/fake-bundle';
import { auditOf } from '../support/dashboard';

const FORM_SHEET = 'Form Responses 1';

/** The runs as a form's answers: a date-time, the respondent's email, then the questions in order. */
function formRows(runs: ReturnType<typeof sampleTeam>['runs']): unknown[][] {
  return [
    FORM_HEADER_WITH_EMAIL,
    ...runs.map((r, i) => [
      new Date(`${r.date}T${String(9 + (i % 8)).padStart(2, '0')}:15:00Z`),
      'someone@example.com',
      r.member,
      r.workflow ?? 'Proposal',
      r.outcome ?? 'Used as-is',
      r.edit ?? '',
      r.prompted ? 'Yes' : 'No',
      '',
    ]),
  ];
}

function split() {
  const { runs, roster } = sampleTeam();
  const extra = [
    { date: plus(TODAY, -1), member: 'Cleo', workflow: 'Board memo' },
    { date: plus(TODAY, -2), member: 'Ana', workflow: 'Client proposal', outcome: 'Light edit', edit: 'tone' },
  ];
  return { runs, roster, extra };
}

function dashboardOf(sheets: Record<string, unknown[][]>) {
  const { gas, bundle } = fakeWithBundle({ spreadsheet: { sheets } });
  return { gas, bundle, data: bundle.getDashboard({}) };
}

describe('a log over several sheets', () => {
  test("the team's log and a form's answers audit as the same rows kept in one log", () => {
    const { runs, roster, extra } = split();
    const together = dashboardOf({ Log: logRows([...runs, ...extra]), Roster: rosterRows(roster) }).data;
    const spread = dashboardOf({
      Log: logRows(runs),
      Roster: rosterRows(roster),
      [FORM_SHEET]: formRows(extra),
    }).data;
    expect(spread.problem).toBeNull();
    expect(auditOf(spread).team).toEqual(auditOf(together).team);
    expect(auditOf(spread).members).toEqual(auditOf(together).members);
    expect(auditOf(spread).workflows).toEqual(auditOf(together).workflows);
    // The team's own log stays the one Log a run appends to, whatever the sheets' order.
    expect(spread.logSheet).toBe('Log');
  });

  test('a skipped row names its sheet and row, and selecting it goes to that sheet', () => {
    const { runs, roster, extra } = split();
    const answers = formRows(extra);
    answers.push([new Date(`${TODAY}T08:00:00Z`), 'x@example.com', 'Ben', 'Weekly update', 'Maybe', '', 'No', '']);
    const { gas, bundle, data } = dashboardOf({
      [FORM_SHEET]: answers,
      Log: logRows(runs),
      Roster: rosterRows(roster),
    });
    expect(auditOf(data).skippedRows).toEqual([
      { row: answers.length, sheet: FORM_SHEET, inLog: true, reason: expect.stringContaining('"Maybe"') },
    ]);
    bundle.selectLogRow(answers.length, FORM_SHEET);
    const selected = gas.inspect.selection();
    expect(selected.sheet).toBe(FORM_SHEET);
    expect(selected.a1).toMatch(new RegExp(`^A${answers.length}:[A-Z]+${answers.length}$`));
    // A page cannot select on a sheet that is not part of the log.
    expect(() => bundle.selectLogRow(2, 'Roster')).toThrow(/not one of the log's sheets/);
    // The team's own log is still found first even when the answers sheet comes first.
    expect(data.logSheet).toBe('Log');
  });

  test('Settings may pin the log sheets: a sheet not pinned is not read', () => {
    const { runs, roster, extra } = split();
    const { gas, bundle } = fakeWithBundle({
      spreadsheet: {
        sheets: { Log: logRows(runs), Roster: rosterRows(roster), [FORM_SHEET]: formRows(extra) },
      },
    });
    const all = auditOf(bundle.getDashboard({})).team.runs;
    bundle.saveSettings({ logSheet: 'Log', logSheets: ['Log'] });
    expect(auditOf(bundle.getDashboard({})).team.runs).toBe(all - extra.length);
    expect(() => bundle.saveSettings({ logSheets: ['Gone'] })).toThrow(/Log sheets: there is no sheet named "Gone"/);
    // A pinned sheet renamed afterwards is reported, not skipped in silence.
    bundle.saveSettings({ logSheets: ['Log', FORM_SHEET] });
    expect(auditOf(bundle.getDashboard({})).team.runs).toBe(all);
    gas.user.renameSheet(FORM_SHEET, 'Old answers');
    expect(bundle.getDashboard({}).problem?.message).toContain(`"${FORM_SHEET}" chosen in Settings no longer exists`);
  });

  test('pinning means exactly the pinned sheets: the log found by its headers is not read unless pinned', () => {
    const { runs, roster, extra } = split();
    const old = runs.slice(0, 2);
    const { gas, bundle } = fakeWithBundle({
      spreadsheet: {
        sheets: {
          Log: logRows(runs),
          'Old log': logRows(old),
          Roster: rosterRows(roster),
          [FORM_SHEET]: formRows(extra),
        },
      },
    });
    bundle.saveSettings({ logSheets: [FORM_SHEET] });
    let data = bundle.getDashboard({});
    expect(auditOf(data).team.runs).toBe(extra.length);
    expect(data.logSheet).toBe(FORM_SHEET);
    bundle.saveSettings({ logSheets: ['Old log'] });
    data = bundle.getDashboard({});
    expect(auditOf(data).team.runs).toBe(old.length);
    expect(data.logSheet).toBe('Old log');
    // Log a run appends to a pinned sheet, never to one the audit does not read.
    const before = gas.sheetValues('Log');
    expect(bundle.logRun(logRunRequest()).message).toContain('"Old log"');
    expect(gas.sheetValues('Log')).toEqual(before);
    expect(auditOf(bundle.getDashboard({})).team.runs).toBe(old.length + 1);
    // A usage log left out of the pinned list is refused: Log a run would write where nothing is read.
    expect(() => bundle.saveSettings({ logSheet: 'Log' })).toThrow(
      /Log sheets: add "Log", the usage log Log a run writes to, or leave the list empty/,
    );
  });

  test('each extra log sheet costs a few spreadsheet calls, whatever its rows', () => {
    const { runs, roster } = split();
    const callsWith = (answerRuns: typeof runs) => {
      const sheets: Record<string, unknown[][]> = { Log: logRows(runs), Roster: rosterRows(roster) };
      if (answerRuns.length) sheets[FORM_SHEET] = formRows(answerRuns);
      const { gas, bundle } = fakeWithBundle({ spreadsheet: { sheets } });
      gas.calls.reset();
      bundle.getDashboard({});
      return gas.calls.spreadsheet;
    };
    const many = Array.from({ length: 2_000 }, (_, i) => ({ date: plus(TODAY, -(i % 60)), member: 'Ana' }));
    const one = callsWith([]);
    const small = callsWith(many.slice(0, 40));
    const large = callsWith(many);
    expect(large).toBe(small);
    expect(small - one).toBeGreaterThan(0);
    // Its name, its head rows (last row, last column, range, values) and its whole read (range, values).
    expect(small - one).toBeLessThanOrEqual(7);
    // A sheet of 30 rows or fewer is read whole by its head rows: one read fewer.
    expect(callsWith(many.slice(0, 10))).toBe(small - 2);
  });
});
