// `npm start -- --usage FILE`: usage exports checked against the log (spec §15) by the BUILT
// add-on, the `usage` object of --json worked out by hand, and the files refused whole.
import fs from 'node:fs';
import path from 'node:path';
import { bundleCliInto, removeTemp, runCli, STACK_FRAME, tempDir, writeCsv } from './support';

let work: string;
let cli: string;
const write = (name: string, rows: string[][]) => writeCsv(work, name, rows);
/** A log of Proposal runs: the header, then each run's date, member and outcome (Used as-is unless given). */
const proposalLog = (runs: [string, string, string?][]) => [
  ['Date', 'Team member', 'Workflow', 'Outcome'],
  ...runs.map(([date, member, outcome = 'Used as-is']) => [date, member, 'Proposal', outcome]),
];
/** A roster of names and emails, every member's anchor workflow Proposal. */
const proposalRoster = (members: [string, string][]) => [
  ['Team member', 'Email', 'Anchor workflow'],
  ...members.map(([name, email]) => [name, email, 'Proposal']),
];

beforeAll(() => {
  work = tempDir();
  cli = bundleCliInto(work);
  write(
    'log.csv',
    proposalLog([
      ['2026-11-16', 'Ana Lima'],
      ['2026-11-17', 'Ana Lima'],
      ['2026-11-17', 'Ana Lima', 'Light edit'],
      ['2026-11-18', 'Jo Park'],
      ['2026-11-20', 'Kim Ode'],
    ]),
  );
  write(
    'roster.csv',
    proposalRoster([
      ['Ana Lima', 'ana@x.example'],
      ['Jo Park', 'jo@x.example'],
      ['Kim Ode', 'kim@x.example'],
      ['Lee Roy', 'lee@x.example'],
    ]),
  );
  write('chatgpt-nov.csv', [
    ['cadence', 'period_start', 'period_end', 'name', 'email', 'is_active', 'messages'],
    ['weekly', '2026-11-16', '2026-11-22', 'Ana', 'ana@x.example', 'true', '42'],
    ['weekly', '2026-11-16', '2026-11-22', 'Jo', 'jo@x.example', 'false', '0'],
    ['weekly', '2026-11-16', '2026-11-22', 'Lee', 'lee@x.example', 'true', '12'],
    ['weekly', '2026-11-16', '2026-11-22', 'X', 'x@other.example', 'true', '5'],
  ]);
  write('daily.csv', [
    ['Email', 'Date', 'Tool', 'Sessions'],
    ...['16', '17', '18', '19', '20'].map((d) => ['kim@x.example', `2026-11-${d}`, 'Claude', '2']),
    ['kim@x.example', '2026-11-22', 'Claude', '1'],
    ['kim@x.example', 'someday', 'Claude', '1'],
  ]);
  // A second team for the Microsoft 365 Copilot and periods shapes, as of Sunday 29 Nov.
  write(
    'log-b.csv',
    proposalLog([
      ['2026-11-24', 'Ana Lima'],
      ['2026-11-25', 'Ana Lima'],
      ['2026-11-25', 'Ana Lima', 'Light edit'],
      ['2026-11-26', 'Cy Dube'],
      ['2026-11-27', 'Di Oh'],
      ['2026-11-10', 'Eve Ng'],
    ]),
  );
  write(
    'roster-b.csv',
    proposalRoster([
      ['Ana Lima', 'ana@h.example'],
      ['Ben Cole', ' BEN@h.example '],
      ['Cy Dube', 'cy@h.example'],
      ['Di Oh', 'di@h.example'],
      ['Eve Ng', 'eve@h.example'],
    ]),
  );
  write('copilot.csv', [
    ['Report Refresh Date', 'User Principal Name', 'Display Name', 'Last Activity Date', 'Report Period'],
    ['2026-11-29', 'ana@h.example', 'Ana', '2026-11-28', '7'],
    ['2026-11-29', 'ben@h.example', 'Ben', '2026-11-27', '7'],
    ['2026-11-29', 'cy@h.example', 'Cy', '2026-11-10', '7'],
    ['2026-11-29', 'eve@h.example', 'Eve', '', '7'],
  ]);
  write('gemini.csv', [
    ['Email', 'Period start', 'Period end', 'Active days', 'Tool'],
    ['ana@h.example', '2026-11-23', '2026-11-29', '5', 'Gemini'],
    ['di@h.example', '2026-11-23', '2026-11-29', '1', 'Gemini'],
    ['zed@other.example', '2026-11-23', '2026-11-29', '3', 'Gemini'],
    ['ben@h.example', '2026-11-23', '2026-11-29', '9', 'Gemini'],
  ]);
  write('odd.csv', [
    ['Who', 'When'],
    ['ana', 'today'],
  ]);
  write('hashed.csv', [
    ['Report Refresh Date', 'Report Period', 'User Principal Name', 'Last Activity Date'],
    ['2026-11-22', '7', 'DC8C64D6EC3A3AA17481D7E5EB5B68A6', '2026-11-20'],
  ]);
});

afterAll(() => removeTemp(work));

const base = ['--log', 'log.csv', '--roster', 'roster.csv', '--as-of', '2026-11-22', '--out', 'out'];

describe('--usage', () => {
  it('adds `usage` to --json, as spec §15 works it out, and Logging gap to the diagnosis', () => {
    const result = runCli(cli, [...base, '--json', '--usage', 'chatgpt-nov.csv', '--usage', 'daily.csv'], work);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    const period = (member: string, tool: string, from: string, to: string, rest: object) => ({
      member,
      tool,
      from,
      to,
      ...rest,
    });
    const ana = period('Ana Lima', 'ChatGPT', '2026-11-16', '2026-11-22', {
      activeDays: null,
      activity: 42,
      loggedRuns: 3,
      loggedDays: 2,
      status: 'consistent',
    });
    const jo = period('Jo Park', 'ChatGPT', '2026-11-16', '2026-11-22', {
      activeDays: null,
      activity: 0,
      loggedRuns: 1,
      loggedDays: 1,
      status: 'not seen in the tool',
    });
    const kim = period('Kim Ode', 'Claude', '2026-11-16', '2026-11-22', {
      activeDays: 6,
      activity: 11,
      loggedRuns: 1,
      loggedDays: 1,
      status: 'under-logging',
    });
    const lee = period('Lee Roy', 'ChatGPT', '2026-11-16', '2026-11-22', {
      activeDays: null,
      activity: 12,
      loggedRuns: 0,
      loggedDays: 0,
      status: 'not logging',
    });
    expect(json.usage).toEqual({
      sources: [
        {
          source: 'chatgpt-nov.csv',
          format: 'chatgpt',
          tool: 'ChatGPT',
          rows: 4,
          from: '2026-11-16',
          to: '2026-11-22',
        },
        { source: 'daily.csv', format: 'daily', tool: 'Claude', rows: 6, from: '2026-11-16', to: '2026-11-22' },
      ],
      periods: [ana, jo, kim, lee],
      members: [
        { member: 'Ana Lima', status: 'consistent', periods: [ana] },
        { member: 'Jo Park', status: 'not seen in the tools', periods: [jo] },
        { member: 'Kim Ode', status: 'under-logging', periods: [kim] },
        { member: 'Lee Roy', status: 'not logging', periods: [lee] },
      ],
      usageAdopters: { adopters: 1, known: 1, rate: 1 },
      notInExport: [{ member: 'Kim Ode', tool: 'ChatGPT', from: '2026-11-16', to: '2026-11-22' }],
      notOnRoster: [{ source: 'chatgpt-nov.csv', key: 'x@other.example', rows: 1 }],
      skippedUsageRows: [{ source: 'daily.csv', row: 8, reason: expect.stringMatching(/"someday" is not a date/) }],
    });
    const causes = (name: string) =>
      json.members.find((m: { member: string }) => m.member === name).diagnosis as {
        cause: string;
        evidence: string[];
      }[];
    expect(causes('Lee Roy')[0]).toMatchObject({
      cause: 'Logging gap',
      evidence: ['ChatGPT: 12 messages in 16–22 Nov; 0 runs logged'],
    });
    expect(causes('Kim Ode')[0]).toMatchObject({
      cause: 'Logging gap',
      evidence: ['Claude: 6 active days in 16–22 Nov; 1 run logged on 1 day'],
    });
    expect(causes('Jo Park').map((c) => c.cause)).not.toContain('Logging gap');
  });

  it('reads the Microsoft 365 Copilot and periods shapes as spec §15 works them out by hand', () => {
    const result = runCli(
      cli,
      [
        ...['--log', 'log-b.csv', '--roster', 'roster-b.csv', '--as-of', '2026-11-29', '--out', 'out-b', '--json'],
        ...['--usage', 'copilot.csv', '--usage', 'gemini.csv'],
      ],
      work,
    );
    expect(result.status).toBe(0);
    const usage = JSON.parse(result.stdout).usage;
    const week = { from: '2026-11-23', to: '2026-11-29' };
    // Copilot: the 7 days ending on the refresh date; active when the last activity falls in them.
    const copilot = (member: string, runs: number, days: number, status: string) => ({
      member,
      tool: 'Microsoft 365 Copilot',
      ...week,
      activeDays: null,
      activity: null,
      loggedRuns: runs,
      loggedDays: days,
      status,
    });
    const anaGemini = {
      member: 'Ana Lima',
      tool: 'Gemini',
      ...week,
      activeDays: 5,
      activity: null,
      loggedRuns: 3,
      loggedDays: 2,
      status: 'under-logging',
    };
    const diGemini = {
      member: 'Di Oh',
      tool: 'Gemini',
      ...week,
      activeDays: 1,
      activity: null,
      loggedRuns: 1,
      loggedDays: 1,
      status: 'consistent',
    };
    expect(usage.members).toEqual([
      // 2 logged days × 2 < 5 active days: under-logging, whatever Copilot says.
      { member: 'Ana Lima', status: 'under-logging', periods: [anaGemini, copilot('Ana Lima', 3, 2, 'consistent')] },
      // Roster email trimmed and matched whatever its case; active in Copilot, nothing logged.
      { member: 'Ben Cole', status: 'not logging', periods: [copilot('Ben Cole', 0, 0, 'not logging')] },
      // Last active 10 Nov, outside the report's 7 days, one run logged.
      {
        member: 'Cy Dube',
        status: 'not seen in the tools',
        periods: [copilot('Cy Dube', 1, 1, 'not seen in the tool')],
      },
      { member: 'Di Oh', status: 'consistent', periods: [diGemini] },
      // No last activity date and nothing logged in the week.
      { member: 'Eve Ng', status: 'consistent', periods: [copilot('Eve Ng', 0, 0, 'consistent')] },
    ]);
    // Active days known for Ana (5 a week) and Di (1): one usage adopter of two.
    expect(usage.usageAdopters).toEqual({ adopters: 1, known: 2, rate: 0.5 });
    // Ben's Gemini row is unreadable (9 active days in 7): he is in the export, his row skipped.
    expect(usage.notInExport).toEqual([
      { member: 'Cy Dube', tool: 'Gemini', ...week },
      { member: 'Di Oh', tool: 'Microsoft 365 Copilot', ...week },
      { member: 'Eve Ng', tool: 'Gemini', ...week },
    ]);
    expect(usage.notOnRoster).toEqual([{ source: 'gemini.csv', key: 'zed@other.example', rows: 1 }]);
    expect(usage.skippedUsageRows).toEqual([
      {
        source: 'gemini.csv',
        row: 5,
        reason: 'Active days: "9" is not a whole number from 0 to 7, the days of the period',
      },
    ]);
    expect(
      usage.sources.map((s: { format: string; tool: string; rows: number }) => [s.format, s.tool, s.rows]),
    ).toEqual([
      ['m365-copilot', 'Microsoft 365 Copilot', 4],
      ['periods', 'Gemini', 3],
    ]);
  });

  it('prints the usage table on the terminal', () => {
    const result = runCli(cli, [...base, '--usage', 'chatgpt-nov.csv'], work);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Usage exports checked against the log/);
    expect(result.stdout).toMatch(/Lee Roy\s+not logging\s+ChatGPT/);
  });

  it('reads the same export given twice once, listing the copy in duplicateSources', () => {
    fs.copyFileSync(path.join(work, 'chatgpt-nov.csv'), path.join(work, 'chatgpt-copy.csv'));
    const once = JSON.parse(runCli(cli, [...base, '--json', '--usage', 'chatgpt-nov.csv'], work).stdout).usage;
    const result = runCli(cli, [...base, '--json', '--usage', 'chatgpt-nov.csv', '--usage', 'chatgpt-copy.csv'], work);
    expect(result.status).toBe(0);
    const { duplicateSources, ...usage } = JSON.parse(result.stdout).usage;
    expect(duplicateSources).toEqual([{ source: 'chatgpt-copy.csv', duplicateOf: 'chatgpt-nov.csv' }]);
    expect(usage).toEqual(once);
  });

  it('has no `usage` without --usage', () => {
    const result = runCli(cli, [...base, '--json'], work);
    expect(JSON.parse(result.stdout).usage).toBeUndefined();
  });

  it('refuses a file of no known shape, naming its columns and the shapes accepted', () => {
    const result = runCli(cli, [...base, '--usage', 'odd.csv'], work);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/odd\.csv is not a usage export .*"Who", "When".*daily.*ChatGPT/);
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it('refuses concealed names, saying how to turn concealment off', () => {
    const result = runCli(cli, [...base, '--usage', 'hashed.csv'], work);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/concealed names.*Org settings/);
  });
});
