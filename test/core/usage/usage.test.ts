// The usage log (spec §15): the four shapes read by their headers, refusals, and the comparison
// with the log worked out by hand from the rules.
import { readUsageSource, membersByEmail, periodsOfSource, UsageSourceRefused } from '../../../src/core/usage/read';
import { dayToIso } from '../../../src/core/base/dates';
import { compareUsage, memberStatus, periodStatus } from '../../../src/core/usage/compare';
import { detectUsageShape } from '../../../src/core/usage/shapes';
import { usageLine, periodRange } from '../../../src/core/usage/wording';
import { RunTable } from '../../../src/core/sheets/run-table';
import type { RosterMember, Run } from '../../../src/core/base/types';
import { day, UTC } from '../fixtures';
import { rosterMembers } from '../../support/sheets';

const ROSTER = rosterMembers([
  { name: 'Ana Lima', email: 'ana@x.example' },
  { name: 'Jo Park', email: 'jo@x.example' },
  { name: 'Kim Ode', email: 'kim@x.example' },
  { name: 'Noa Out', email: 'noa@x.example', status: 'No suitable anchor workflow' },
]);
const [, JO, KIM] = ROSTER;

function runs(list: [string, RosterMember][]): RunTable {
  return RunTable.fromRuns(
    list.map(([iso, m], i): Run => ({
      row: i + 2,
      day: day(iso),
      memberKey: m.key,
      memberText: m.name,
      workflowKey: 'w',
      workflow: 'W',
      outcome: 'as-is',
      editTypes: [],
      prompted: false,
    })),
  );
}

const read = (name: string, values: unknown[][]) => readUsageSource(name, values, membersByEmail(ROSTER), UTC);

describe('the shapes, by their headers', () => {
  it.each([
    [['Email', 'Date'], 'daily'],
    [['  E-mail?', 'Date'], 'daily'],
    [['EMAIL', 'DATE', 'Tool', 'Prompts'], 'daily'],
    [['Email', 'Period start', 'Period end', 'Active days'], 'periods'],
    [['cadence', 'period_start', 'period_end', 'name', 'email', 'is_active', 'messages'], 'chatgpt'],
    [
      ['Report Refresh Date', 'Report Period', 'User Principal Name', 'Display Name', 'Last Activity Date'],
      'm365-copilot',
    ],
    [['User name', 'Display name', 'Last activity date (UTC)', 'Report Refresh Date', 'Report Period'], 'm365-copilot'],
    [['Date', 'Team member', 'Workflow', 'Outcome'], null],
  ])('%j is %s', (header, format) => {
    expect(detectUsageShape([header])?.format ?? null).toBe(format);
  });

  it('refuses a file of no known shape, naming its columns and the shapes accepted', () => {
    expect(() => read('odd.csv', [['Who', 'When']])).toThrow(UsageSourceRefused);
    expect(() => read('odd.csv', [['Who', 'When']])).toThrow(
      /odd\.csv .*"Who", "When".*daily.*ChatGPT.*periods.*Microsoft 365 Copilot/,
    );
  });

  it('refuses concealed (hashed) names, saying how to turn concealment off, with Microsoft’s page', () => {
    const values = [
      ['Report Refresh Date', 'Report Period', 'User Principal Name', 'Last Activity Date'],
      ['2026-11-22', '7', 'DC8C64D6EC3A3AA17481D7E5EB5B68A6', '2026-11-20'],
      ['2026-11-22', '7', 'C65E8D8AFA0DAB9639EDFAAEA94AFE66', ''],
    ];
    expect(() => read('m365.csv', values)).toThrow(
      /concealed names.*Settings › Org settings › Services › Reports.*"Microsoft 365 reports in the admin center – Microsoft 365 Copilot usage"/,
    );
  });
});

describe('reading each shape', () => {
  it('ChatGPT: period_start to period_end, active when messages > 0, no active days', () => {
    const source = read('chatgpt-nov.csv', [
      ['period_start', 'period_end', 'email', 'messages'],
      ['2026-11-16', '2026-11-22', ' ANA@x.example ', '42'],
      ['2026-11-16', '2026-11-22', 'jo@x.example', '0'],
      ['2026-11-16', '2026-11-22', 'x@other.example', '5'],
      ['2026-11-16', '2026-11-22', 'x@other.example', '7'],
      ['2026-11-16', '2026-11-22', 'kim@x.example', 'many'],
      ['2026-11-16', '', 'kim@x.example', '1'],
    ]);
    expect(source.summary).toEqual({
      source: 'chatgpt-nov.csv',
      format: 'chatgpt',
      tool: 'ChatGPT',
      rows: 4,
      from: '2026-11-16',
      to: '2026-11-22',
    });
    expect(source.records).toEqual([
      {
        memberKey: 'ana lima',
        tool: 'ChatGPT',
        from: day('2026-11-16'),
        to: day('2026-11-22'),
        activeDays: null,
        activity: 42,
        active: true,
      },
      {
        memberKey: 'jo park',
        tool: 'ChatGPT',
        from: day('2026-11-16'),
        to: day('2026-11-22'),
        activeDays: null,
        activity: 0,
        active: false,
      },
    ]);
    expect(source.notOnRoster).toEqual([{ source: 'chatgpt-nov.csv', key: 'x@other.example', rows: 2 }]);
    expect(source.skipped.map((s) => s.row)).toEqual([6, 7]);
    expect(source.skipped[0].reason).toMatch(/"many" is not a number/);
    expect(source.skipped[1].reason).toMatch(/Period end/);
  });

  it('Microsoft 365 Copilot: the Report Period days ending on the refresh date; last activity in it', () => {
    const source = read('copilot.csv', [
      ['Report Refresh Date', 'Report Period', 'User Principal Name', 'Last Activity Date'],
      ['2026-11-22', '7', 'ana@x.example', '2026-11-16'],
      ['2026-11-22', '7', 'jo@x.example', '2026-11-15'],
      ['2026-11-22', '7', 'kim@x.example', ''],
    ]);
    expect(source.records.map((r) => [r.memberKey, r.from, r.to, r.active, r.activeDays])).toEqual([
      ['ana lima', day('2026-11-16'), day('2026-11-22'), true, null],
      ['jo park', day('2026-11-16'), day('2026-11-22'), false, null],
      ['kim ode', day('2026-11-16'), day('2026-11-22'), false, null],
    ]);
    expect(source.summary.tool).toBe('Microsoft 365 Copilot');
  });

  it('periods: Active days from 0 to the period length; the tool from the Tool column, else the source name without its file ending', () => {
    const source = read('gemini.csv', [
      ['Email', 'Period start', 'Period end', 'Active days'],
      ['ana@x.example', '2026-11-16', '2026-11-22', '3'],
      ['jo@x.example', '2026-11-16', '2026-11-22', '8'],
    ]);
    expect(source.records).toEqual([
      {
        memberKey: 'ana lima',
        tool: 'gemini',
        from: day('2026-11-16'),
        to: day('2026-11-22'),
        activeDays: 3,
        activity: null,
        active: true,
      },
    ]);
    expect(source.skipped[0]).toMatchObject({ row: 3, reason: expect.stringMatching(/0 to 7/) });
  });

  it('daily: Monday–Sunday weeks wholly inside the first to last date; 0 active days in a week without rows', () => {
    const source = read('daily.csv', [
      ['Email', 'Date', 'Count'],
      ['kim@x.example', '2026-11-08', '1'], // a Sunday: before the first whole week
      ['kim@x.example', '2026-11-16', '2'],
      ['kim@x.example', '2026-11-16', '1'],
      ['kim@x.example', '2026-11-18', '0'], // a count of 0 is not activity
      ['ana@x.example', '2026-11-30', '1'], // the coverage ends on a Monday: that week is not whole
    ]);
    expect(source.summary).toMatchObject({ from: '2026-11-08', to: '2026-11-30', rows: 5 });
    const weeks = source.records.map((r) => [r.memberKey, r.from, r.activeDays, r.activity]);
    expect(weeks).toEqual([
      ['kim ode', day('2026-11-09'), 0, 0],
      ['kim ode', day('2026-11-16'), 1, 3],
      ['kim ode', day('2026-11-23'), 0, 0],
      ['ana lima', day('2026-11-09'), 0, 0],
      ['ana lima', day('2026-11-16'), 0, 0],
      ['ana lima', day('2026-11-23'), 0, 0],
    ]);
    expect(source.listedPeriods).toEqual([]);
  });
});

describe('the periods a source covers (Check set-up)', () => {
  it('a daily source: its Monday–Sunday weeks wholly inside its first to last day; a per-period one: its periods', () => {
    const daily = read('claude.csv', [
      ['Email', 'Date'],
      ['ana@x.example', '2026-11-04'],
      ['stranger@other.example', '2026-11-24'],
    ]);
    const iso = (list: { from: number; to: number }[]) => list.map((p) => [dayToIso(p.from), dayToIso(p.to)]);
    expect(iso(periodsOfSource(daily))).toEqual([
      ['2026-11-09', '2026-11-15'],
      ['2026-11-16', '2026-11-22'],
    ]);
    const weekly = readUsageSource(
      'chatgpt.csv',
      [
        ['period_start', 'period_end', 'email', 'messages'],
        ['2026-11-16', '2026-11-22', 'x@other.example', '1'],
        ['2026-11-09', '2026-11-15', 'y@other.example', '0'],
        ['2026-11-16', '2026-11-22', 'y@other.example', '3'],
      ],
      new Map(),
      UTC,
    );
    expect(iso(periodsOfSource(weekly))).toEqual([
      ['2026-11-09', '2026-11-15'],
      ['2026-11-16', '2026-11-22'],
    ]);
  });
});

/**
 * The comparison of `sources` with the log as of `asOf` for the roster above (genuine at 3 active
 * days a week); `logged` are the log's runs, each a day and a member.
 */
function compare(sources: ReturnType<typeof read>[], asOf: string, logged: [string, RosterMember][] = []) {
  return compareUsage({ sources, refused: [], runs: runs(logged), members: ROSTER, asOf: day(asOf), genuineAt: 3 });
}

describe('the comparison with the log', () => {
  const chatgpt = () =>
    read('chatgpt.csv', [
      ['period_start', 'period_end', 'email', 'messages'],
      ['2026-11-09', '2026-11-15', 'ana@x.example', '9'],
      ['2026-11-16', '2026-11-22', 'ana@x.example', '42'],
      ['2026-11-16', '2026-11-22', 'jo@x.example', '0'],
    ]);
  const daily = () =>
    read('claude.csv', [
      ['Email', 'Date', 'Tool'],
      ...['16', '17', '18', '19', '20'].map((d) => ['kim@x.example', `2026-11-${d}`, 'Claude']),
      ['kim@x.example', '2026-11-22', 'Claude'],
    ]);

  it('counts the log over exactly each period and gives each status', () => {
    const view = compare([chatgpt(), daily()], '2026-11-23', [
      ['2026-11-15', JO],
      ['2026-11-17', JO],
      ['2026-11-17', KIM],
      ['2026-11-17', KIM],
      ['2026-11-23', KIM],
    ]);
    expect(
      view.periods.map((p) => [
        p.member,
        p.tool,
        p.from,
        p.activeDays,
        p.activity,
        p.loggedRuns,
        p.loggedDays,
        p.status,
      ]),
    ).toEqual([
      ['Ana Lima', 'ChatGPT', '2026-11-09', null, 9, 0, 0, 'not logging'],
      ['Ana Lima', 'ChatGPT', '2026-11-16', null, 42, 0, 0, 'not logging'],
      ['Jo Park', 'ChatGPT', '2026-11-16', null, 0, 1, 1, 'not seen in the tool'],
      ['Kim Ode', 'Claude', '2026-11-16', 6, null, 2, 1, 'under-logging'],
    ]);
    expect(view.members.map((m) => [m.member, m.status, m.periods.length])).toEqual([
      ['Ana Lima', 'not logging', 1],
      ['Jo Park', 'not seen in the tools', 1],
      ['Kim Ode', 'under-logging', 1],
    ]);
    expect(view.members[2].lines).toEqual(['Claude: 6 active days in 16–22 Nov; 2 runs logged on 1 day']);
    expect(view.members[0].lines).toEqual(['ChatGPT: 42 messages in 16–22 Nov; 0 runs logged']);
    // Kim: 6 active days a week ≥ 3; the others have no active days: 1 known member.
    expect(view.usageAdopters).toEqual({ adopters: 1, known: 1, rate: 1 });
    // Out of scope (No suitable anchor workflow) is never "not in the export".
    expect(view.notInExport).toEqual([
      { member: 'Jo Park', tool: 'ChatGPT', from: '2026-11-09', to: '2026-11-15' },
      { member: 'Kim Ode', tool: 'ChatGPT', from: '2026-11-09', to: '2026-11-15' },
      { member: 'Kim Ode', tool: 'ChatGPT', from: '2026-11-16', to: '2026-11-22' },
    ]);
  });

  it('a member whose row could not be read is listed as skipped, never as not in the export', () => {
    const source = read('chatgpt.csv', [
      ['period_start', 'period_end', 'email', 'messages'],
      ['2026-11-16', '2026-11-22', 'ana@x.example', '42'],
      ['2026-11-16', '2026-11-22', 'jo@x.example', 'many'],
    ]);
    const view = compare([source], '2026-11-23');
    expect(view.skippedUsageRows).toEqual([{ source: 'chatgpt.csv', row: 3, reason: expect.stringMatching(/many/) }]);
    expect(view.notInExport).toEqual([{ member: 'Kim Ode', tool: 'ChatGPT', from: '2026-11-16', to: '2026-11-22' }]);
  });

  it('as of a date: the latest period ending on or before it and no earlier than 13 days before', () => {
    const view = (asOf: string) => compare([chatgpt()], asOf);
    expect(view('2026-11-21').members[0].periods.map((p) => p.from)).toEqual(['2026-11-09']);
    expect(view('2026-11-22').members[0].periods.map((p) => p.from)).toEqual(['2026-11-16']);
    expect(view('2026-12-05').members[0].periods.map((p) => p.from)).toEqual(['2026-11-16']);
    expect(view('2026-12-06').members[0]).toMatchObject({ status: 'no usage data', periods: [] });
    expect(view('2026-12-06').usageAdopters).toEqual({ adopters: 0, known: 0, rate: null });
  });

  it('rounds the usage adopters rate to 2 decimals', () => {
    const source = read('p.csv', [
      ['Email', 'Period start', 'Period end', 'Active days'],
      ['ana@x.example', '2026-11-16', '2026-11-22', '3'],
      ['jo@x.example', '2026-11-16', '2026-11-22', '2'],
      ['kim@x.example', '2026-11-16', '2026-11-22', '1'],
    ]);
    const view = compare([source], '2026-11-22');
    expect(view.usageAdopters).toEqual({ adopters: 1, known: 3, rate: 0.33 });
  });
});

describe('statuses', () => {
  it('follows the rules in order', () => {
    expect(periodStatus({ active: true, activeDays: 4, loggedRuns: 0, loggedDays: 0 })).toBe('not logging');
    expect(periodStatus({ active: true, activeDays: 5, loggedRuns: 3, loggedDays: 2 })).toBe('under-logging');
    expect(periodStatus({ active: true, activeDays: 4, loggedRuns: 3, loggedDays: 2 })).toBe('consistent');
    expect(periodStatus({ active: false, activeDays: 0, loggedRuns: 1, loggedDays: 1 })).toBe('not seen in the tool');
    expect(periodStatus({ active: false, activeDays: null, loggedRuns: 0, loggedDays: 0 })).toBe('consistent');
    expect(memberStatus(['consistent', 'not seen in the tool'])).toBe('consistent');
    expect(memberStatus(['not seen in the tool', 'under-logging'])).toBe('under-logging');
  });

  it('words a period range', () => {
    expect(periodRange('2026-10-20', '2026-10-26')).toBe('20–26 Oct');
    expect(periodRange('2026-10-27', '2026-11-02')).toBe('27 Oct–2 Nov');
    expect(periodRange('2025-12-29', '2026-01-04')).toBe('29 Dec 2025–4 Jan 2026');
    expect(
      usageLine(
        {
          member: 'A',
          tool: 'ChatGPT',
          from: '2026-10-20',
          to: '2026-10-26',
          activeDays: 4,
          activity: null,
          loggedRuns: 0,
          loggedDays: 0,
          status: 'not logging',
        },
        null,
      ),
    ).toBe('ChatGPT: 4 active days in 20–26 Oct; 0 runs logged');
  });
});
