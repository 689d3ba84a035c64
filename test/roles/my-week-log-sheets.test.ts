// My week over a log spread over several sheets (rules §16, §19), on the BUILT bundle: a member
// who logs through the logging form sees those runs, matched as the audit matches them (the form's
// Team member answer, else the respondent's email through the roster), and what Log a run reads
// stays the same cells whatever the length of each sheet.
import { cellsReadBy } from '../../bench/costs';
import { FORM_HEADER_WITH_EMAIL, logRows, OWNER, plus, rosterRows } from '../support/sheets';
import { auditOf } from '../support/dashboard';
import { fakeWithBundle, logRunRequest, TODAY } from '../support/fake-bundle';
import { approveListedRosterEmails } from './support';

const FORM_SHEET = 'Form Responses 1';
const ROSTER = rosterRows([
  { name: 'Ana', email: 'ana@example.com', training: plus(TODAY, -200) },
  { name: 'Ben', email: 'ben@example.com', training: plus(TODAY, -200) },
]);

/** A form's answers that collect the respondent's email and ask no Team member question. */
const EMAIL_ONLY_HEADER = FORM_HEADER_WITH_EMAIL.filter((title) => title !== 'Team member');

/** `n` answers from `email`, one a day back from today: unprompted, lightly edited, for tone. */
function emailOnlyAnswers(email: string, n: number): unknown[][] {
  return Array.from({ length: n }, (_, i) => [
    new Date(`${plus(TODAY, -i)}T09:30:00Z`),
    email,
    'Weekly update',
    'Light edit',
    'tone',
    'No',
    '',
  ]);
}

function team(sheets: Record<string, unknown[][]>) {
  const made = fakeWithBundle({ user: OWNER, spreadsheet: { sheets: { Roster: ROSTER, ...sheets } } });
  made.bundle.saveSettings({ ownerEmail: OWNER });
  approveListedRosterEmails(made);
  return made;
}

describe('My week reads every sheet of the log', () => {
  test('runs logged through the form (email only) count for the respondent, as the audit counts them', () => {
    const { bundle } = team({
      Log: logRows([{ date: TODAY, member: 'Ana', workflow: 'Proposal' }]),
      [FORM_SHEET]: [EMAIL_ONLY_HEADER, ...emailOnlyAnswers('ben@example.com', 3)],
    });
    const ben = bundle.$run('getMyWeek', [], { user: 'ben@example.com' }).week;
    expect(ben?.member).toBe('Ben');
    expect(ben?.thisWeek).toEqual({ runs: 3, unprompted: 3 });
    expect(ben?.editTypes.tone).toBe(3);
    const audit = auditOf(bundle.$run('getDashboard', [null], { user: OWNER }));
    expect(ben?.category).toBe(audit.members.find((m) => m.member === 'Ben')?.category);
    // Ana's run in the team's log is hers alone; the form's answers are not.
    expect(bundle.$run('getMyWeek', [], { user: 'ana@example.com' }).week?.thisWeek).toEqual({
      runs: 1,
      unprompted: 1,
    });
  });

  test("with a Team member question the answer is the member, not the respondent's email (§16)", () => {
    const answer = (member: string, email: string) => [
      new Date(`${TODAY}T08:00:00Z`),
      email,
      member,
      'Proposal',
      'Light edit',
      '',
      'Yes',
      '',
    ];
    const { bundle } = team({
      Log: logRows([]),
      [FORM_SHEET]: [FORM_HEADER_WITH_EMAIL, answer('Ben', 'ana@example.com'), answer('Ben', 'ben@example.com')],
    });
    expect(bundle.$run('getMyWeek', [], { user: 'ben@example.com' }).week?.thisWeek).toEqual({
      runs: 2,
      unprompted: 0,
    });
    expect(bundle.$run('getMyWeek', [], { user: 'ana@example.com' }).week?.thisWeek.runs).toBe(0);
  });

  test('logging a run shows the week from both sheets, and writes to the team’s log only', () => {
    const { bundle, gas } = team({
      Log: logRows([]),
      [FORM_SHEET]: [EMAIL_ONLY_HEADER, ...emailOnlyAnswers('ben@example.com', 2)],
    });
    const result = bundle.$run(
      'logRun',
      [logRunRequest({ member: 'Ben', workflow: 'Board memo', outcome: 'Light edit' })],
      { user: 'ben@example.com' },
    );
    expect(result.myWeek.week?.thisWeek).toEqual({ runs: 3, unprompted: 3 });
    expect(gas.sheetValues('Log')).toHaveLength(2);
    expect(gas.sheetValues(FORM_SHEET)).toHaveLength(3);
  });

  test('a form sheet read in part that does not reach back two weeks says the counts may be short', () => {
    const dense = (days: number) =>
      team({
        Log: logRows([{ date: TODAY, member: 'Ben' }]),
        // 1,000 answers spread over `days` days, oldest first: the last 900 read reach back less far.
        [FORM_SHEET]: [
          EMAIL_ONLY_HEADER,
          ...Array.from({ length: 1_000 }, (_, i) => [
            new Date(`${plus(TODAY, -Math.floor(((999 - i) * days) / 1_000))}T09:30:00Z`),
            'ana@example.com',
            'Weekly update',
            'Used as-is',
            '',
            'No',
            '',
          ]),
        ],
      }).bundle.$run('getMyWeek', [], { user: 'ben@example.com' }).week;
    expect(dense(5)?.partial).toBe(true);
    expect(dense(5)?.lines.at(-1)).toMatch(/^Counted from the log’s most recent rows only/);
    expect(dense(1_000)?.partial).toBe(false);
  });

  /** Cells read by `act`, the team's log and the form's answers each `rows` runs long. */
  function cellsRead(rows: number, act: (bundle: ReturnType<typeof fakeWithBundle>['bundle']) => unknown) {
    const log = logRows(
      Array.from({ length: rows }, (_, i) => ({ date: plus(TODAY, -Math.floor((rows - i) / 40)), member: 'Ana' })),
    );
    const answers = emailOnlyAnswers('ben@example.com', rows).reverse();
    const { gas, bundle } = team({ Log: log, [FORM_SHEET]: [EMAIL_ONLY_HEADER, ...answers] });
    gas.session.setUser('ben@example.com');
    let cells = 0;
    let calls = 0;
    gas.onCall((call) => {
      calls++;
      cells += cellsReadBy(call);
    });
    act(bundle);
    return { cells, calls };
  }

  test('opening Log a run, My week and logging read the same calls and cells for 1,000 and 5,000 rows a sheet', () => {
    const run = logRunRequest({ member: 'Ben', workflow: 'Board memo', outcome: 'Light edit' });
    for (const act of [
      (b: ReturnType<typeof fakeWithBundle>['bundle']) => b.getLogForm(),
      (b: ReturnType<typeof fakeWithBundle>['bundle']) => b.getMyWeek(),
      (b: ReturnType<typeof fakeWithBundle>['bundle']) => b.logRun(run),
    ]) {
      const small = cellsRead(1_000, act);
      const large = cellsRead(5_000, act);
      expect(large).toEqual(small);
      expect(small.cells).toBeGreaterThan(0);
    }
  });
});
