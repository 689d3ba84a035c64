// `npm start` end to end: the command line as a child process, on the example team, on a small
// log whose figures are worked out by hand from the spec, and on the mistakes people make.
import fs from 'node:fs';
import path from 'node:path';
import { parseCsv } from '../../local/csv';
import { OUTPUT_FILES } from '../../local/cli';
import type { JsonAudit } from '../../local/json';
import type { Audit } from '../../src/core/audit/audit-types';
import { createFakeGas } from '../../packages/fake-apps-script';
import { loadUptake } from '../../local/uptake-bundle';
import { BUILD_DIR } from '../bundle/support';
import { example, exampleTables } from '../support/example';
import { bundleCliInto, removeTemp, runCli, STACK_FRAME, tempDir, type CliRun } from './support';

let work: string;
let cli: string;

beforeAll(() => {
  work = tempDir();
  cli = bundleCliInto(work);
});
afterAll(() => removeTemp(work));

function write(name: string, text: string): string {
  const file = path.join(work, name);
  fs.writeFileSync(file, text);
  return file;
}

/** Parses stdout, which must be exactly one JSON object. */
function onlyJson(run: CliRun): JsonAudit {
  expect([run.status, run.stderr.match(STACK_FRAME)]).toEqual([0, null]);
  const text = run.stdout.trim();
  expect([text.startsWith('{'), text.endsWith('}')]).toEqual([true, true]);
  const value: unknown = JSON.parse(text);
  expect(typeof value === 'object' && value !== null && !Array.isArray(value)).toBe(true);
  return value as JsonAudit;
}

/**
 * The add-on's own audit of the example, the way Sheets holds an imported CSV: each cell parsed
 * as if typed (dates become date cells, TRUE a ticked checkbox), read by getDashboard. The CLI
 * reads the same files as text; both must give the same figures.
 */
function addOnAuditOfExample(): Audit {
  const tables = exampleTables();
  const gas = createFakeGas({
    now: `${example.asOf}T12:00:00Z`,
    timeZone: example.timeZone,
    spreadsheet: {
      timeZone: example.timeZone,
      locale: example.locale,
      sheets: {
        'Team log': tables.log,
        ...(tables.roster ? { Roster: tables.roster } : {}),
        ...(tables.interventions ? { Interventions: tables.interventions } : {}),
        ...Object.fromEntries((tables.usage ?? []).map(({ source, rows }) => [source, rows])),
      },
    },
  });
  const bundle = loadUptake(gas, BUILD_DIR);
  // As npm start runs the example: with its replacement programme (its participants' six-week line).
  if (example.programmeStart) bundle.startProgramme({ start: example.programmeStart });
  const data = bundle.getDashboard({ asOf: example.asOf });
  expect(data.problem).toBeNull();
  expect(data.programme?.start ?? null).toBe(example.programmeStart ?? null);
  return data.audit!;
}

describe('npm start on the example team', () => {
  let out: string;
  let json: JsonAudit;
  let audit: Audit;

  beforeAll(() => {
    out = path.join(work, 'example-out');
    json = onlyJson(runCli(cli, ['--json', '--out', out], work));
    audit = addOnAuditOfExample();
  });

  test('--json gives the figures of the add-on audit, mapped as documented', () => {
    expect([json.asOf, json.weeks, json.headline]).toEqual([audit.asOf, audit.weeks, audit.headline]);
    const t = audit.team;
    expect(json.team).toEqual({
      membersInScope: t.membersInScope,
      genuineAdopters: t.genuineAdopters,
      adoptionRate: t.adoptionRate,
      trainingCompletionRate: t.trainingCompletionRate,
      gap: t.gap,
      blendedAcceptanceRate: t.blendedAcceptanceRate,
      runs: t.runs,
      activeMembers: t.activeMembers,
      workflowsBelowThreshold: t.workflowsBelowThreshold,
      diagnosis: audit.diagnosis.filter((f) => !f.member),
    });
    expect(json.members).toEqual(
      audit.members.map((m) => ({
        member: m.member,
        inScope: m.inScope,
        category: m.category,
        usesPerWeek: m.usesPerWeek,
        acceptanceRate: m.acceptanceRate,
        runs: m.runs,
        daysToFirstRun: m.daysToFirstRun,
        workflows90d: m.workflows90d,
        sixWeek: m.sixWeek,
        diagnosis: m.diagnosis,
      })),
    );
    expect(json.skippedRows).toEqual(audit.skippedRows.map(({ row, reason }) => ({ row, reason })));
  });

  test('rates are numbers from 0 to 1, or null where nothing was measured', () => {
    const rates = [
      json.team.adoptionRate,
      json.team.blendedAcceptanceRate,
      json.team.trainingCompletionRate,
      ...json.members.map((m) => m.acceptanceRate),
    ];
    for (const rate of rates) expect(rate === null || (typeof rate === 'number' && rate >= 0 && rate <= 1)).toBe(true);
    expect(json.members.filter((m) => m.runs === 0).map((m) => m.acceptanceRate)).toEqual(
      json.members.filter((m) => m.runs === 0).map(() => null),
    );
  });

  test('writes the sidebar, the audit sheet, the digest and the reminders, and nothing else', () => {
    expect(fs.readdirSync(out).sort()).toEqual([...OUTPUT_FILES].sort());
  });

  test('audit.csv is the "Adoption audit" sheet: headline and every member', () => {
    const records = parseCsv(fs.readFileSync(path.join(out, 'audit.csv'), 'utf8'));
    const cells = records.flat();
    expect(cells).toContain(audit.headline);
    for (const m of audit.members) expect([m.member, records.some((r) => r[0] === m.member)]).toEqual([m.member, true]);
    // A rectangle, as Sheets downloads it.
    expect(new Set(records.map((r) => r.length)).size).toBe(1);
  });

  test('audit.csv gives the gap between training and adoption in points, not as a percentage', () => {
    const records = parseCsv(fs.readFileSync(path.join(out, 'audit.csv'), 'utf8'));
    const header = records.findIndex((r) => r.some((c) => c.startsWith('Gap in points')));
    expect(header).toBeGreaterThanOrEqual(0);
    const column = records[header].findIndex((c) => c.startsWith('Gap in points'));
    expect(audit.team.gap).not.toBeNull();
    const shown = records[header + 1][column];
    expect(shown).not.toContain('%');
    expect(Number(shown.replace(/\s*(pts|points)$/, ''))).toBe(Math.round(audit.team.gap! * 100));
  });

  test('the digest starts from the same week as the audit', () => {
    const text = fs.readFileSync(path.join(out, 'digest.txt'), 'utf8');
    expect(text.startsWith('Subject: ')).toBe(true);
    expect(text).toContain(audit.headline);
    const html = fs.readFileSync(path.join(out, 'digest.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<meta charset="utf-8">');
  });

  test('reminders.md lists dated emails with recipient, subject and body', () => {
    const md = fs.readFileSync(path.join(out, 'reminders.md'), 'utf8');
    const headings = md.match(/^## \d{4}-\d{2}-\d{2} · to \S+@\S+$/gm) ?? [];
    const subjects = md.match(/^Subject: .+$/gm) ?? [];
    expect(headings.length).toBeGreaterThan(0);
    expect(subjects.length).toBe(headings.length);
    expect(md).toContain(`${headings.length} emails.`);
  });

  test('sidebar.html embeds the dashboard data behind a google.script.run stand-in', () => {
    const html = fs.readFileSync(path.join(out, 'sidebar.html'), 'utf8');
    const built = fs.readFileSync(path.join(BUILD_DIR, 'sidebar.html'), 'utf8');
    const shim = html.indexOf('google');
    expect(shim).toBeGreaterThan(-1);
    // The stand-in comes before the sidebar's own script, and the sidebar itself is unchanged
    // but for Google's stylesheet, which the preview does not fetch.
    expect(shim).toBeLessThan(html.indexOf('<script', html.indexOf('</style>')));
    const withoutNetwork = built.replace(/<link\b[^>]*\bhref="https:\/\/ssl\.gstatic\.com\/[^>]*>\s*/, '');
    expect(withoutNetwork).not.toBe(built);
    expect(
      html.replace(
        /\n<meta http-equiv="Content-Security-Policy"[^>]*><script>\(function installPreviewShim[\s\S]*?<\/style>\n/,
        '',
      ),
    ).toBe(withoutNetwork);
    // Every team member's name (escaped for JSON in a script) is in the data.
    for (const m of audit.members) expect(html).toContain(JSON.stringify(m.member).replace(/</g, '\\u003c'));
  });

  test('the text report starts with the headline and lists members, causes and skipped rows', () => {
    const run = runCli(cli, ['--out', path.join(work, 'text-out')], work);
    expect([run.status, run.stderr.match(STACK_FRAME)]).toEqual([0, null]);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(audit.headline);
    for (const m of audit.members) expect(run.stdout).toContain(m.member);
    for (const f of audit.diagnosis) expect(run.stdout).toContain(f.cause);
    for (const p of audit.skippedRows) expect(run.stdout).toContain(`Row ${p.row}: ${p.reason}`);
    // Progress goes to stderr, never to stdout.
    expect(run.stdout).not.toContain('uptake:');
    expect(run.stderr).toContain('uptake: ');
  });
});

// A small team in en_GB (day/month/year), worked out by hand from the spec for as of Sunday
// 15 March 2026, one week (9 to 15 March):
//   Ana: 3 unprompted runs in the week (+1 prompted)  → 3 a week: Genuine adopter;
//        outcomes as-is, light, heavy, not used        → acceptance 2/4 = 50%.
//   Ben: 1 unprompted run (+2 prompted, all as-is)     → Developing user; acceptance 3/3.
//   Cara: runs only on 5 and 6 March, outside the week → Non-adopter; no acceptance rate.
//   Dan: "No suitable anchor workflow"                  → out of scope; 1 unprompted run, as-is:
//        Developing user, acceptance 1/1, counted in the sessions but not in the adoption rate.
// Team: 3 in scope, 1 genuine → adoption 1/3; trained by 15 March: Ana, Ben → 2/3; gap 1/3.
// Blended: 8 runs in the week, 6 accepted → 75%. Proposal: 4 runs at 50% → below target.
// Ana's first unprompted run after training (1 March) is on 9 March: 8 days; Ben's on 11 March: 10.
const HAND_LOG = [
  'Team AI log,,,,,,',
  'One row per run,,,,,,',
  'Date,Team member,Workflow,Outcome,Edit type,Prompted,Notes',
  '09/03/2026,Ana,Proposal,Used as-is,,FALSE,',
  '10/03/2026,Ana,Proposal,Light edit,tone,FALSE,"first draft, ""good"""',
  '13/03/2026,Ana,Proposal,Heavy edit,missing info,FALSE,"two\nlines"',
  '14/03/2026,Ana,Proposal,Not used,,TRUE,',
  '11/03/2026,ben ,Summary,Used as-is,,FALSE,',
  '12/03/2026,Ben,Summary,Used as-is,,TRUE,',
  '15/03/2026,BEN,Summary,used,,TRUE,',
  '05/03/2026,Cara,Summary,Used as-is,,FALSE,',
  '06/03/2026,Cara,Summary,Light edit,format,FALSE,',
  '12/03/2026,Dan,Summary,Used as-is,,FALSE,',
  '13/03/2026,Ana,Proposal,,,FALSE,outcome forgotten',
].join('\r\n');
// Record 14 is the run with no outcome: physical line 15, because record 6 spans two lines.
const HAND_SKIPPED_ROW = 14;
const HAND_ROSTER =
  '\uFEFFTeam member,Email,Role,Training date,Anchor workflow,Trained workflows,Status,Context pack ready,Follow-up owner\r\n' +
  'Ana,ana@example.com,Sales,01/03/2026,Proposal,Proposal,,yes,\r\n' +
  'Ben,ben@example.com,Ops,01/03/2026,Summary,Summary,,yes,\r\n' +
  'Cara,cara@example.com,Finance,,Summary,,,,\r\n' +
  'Dan,dan@example.com,Facilities,,,,No suitable anchor workflow,,\r\n';

describe('npm start on a hand-made log (en_GB)', () => {
  let json: JsonAudit;
  beforeAll(() => {
    write('hand-log.csv', HAND_LOG);
    write('hand-roster.csv', HAND_ROSTER);
    json = onlyJson(
      runCli(
        cli,
        [
          '--json',
          '--log',
          'hand-log.csv',
          '--roster',
          'hand-roster.csv',
          '--as-of',
          '2026-03-15',
          '--locale',
          'en_GB',
          '--out',
          'hand-out',
        ],
        work,
      ),
    );
  });

  test('team figures are the ones worked out by hand', () => {
    expect(json.team.membersInScope).toBe(3);
    expect(json.team.genuineAdopters).toBe(1);
    expect(json.team.adoptionRate).toBeCloseTo(1 / 3, 12);
    expect(json.team.trainingCompletionRate).toBeCloseTo(2 / 3, 12);
    expect(json.team.gap).toBeCloseTo(1 / 3, 12);
    expect(json.team.blendedAcceptanceRate).toBe(0.75);
    expect([json.team.runs, json.team.activeMembers, json.team.workflowsBelowThreshold]).toEqual([8, 3, ['Proposal']]);
    expect(json.headline).toBe(
      '3 team members ran 8 workflow sessions this week; blended acceptance rate 75%; 1 workflow below threshold under review.',
    );
  });

  test('members: categories, rates and days to first run as worked out, under their roster names', () => {
    const byName = Object.fromEntries(json.members.map((m) => [m.member, m]));
    expect(Object.keys(byName).sort()).toEqual(['Ana', 'Ben', 'Cara', 'Dan']);
    expect(
      ['Ana', 'Ben', 'Cara', 'Dan'].map((n) => [
        n,
        byName[n].category,
        byName[n].usesPerWeek,
        byName[n].acceptanceRate,
        byName[n].runs,
        byName[n].inScope,
      ]),
    ).toEqual([
      ['Ana', 'Genuine adopter', 3, 0.5, 4, true],
      ['Ben', 'Developing user', 1, 1, 3, true],
      ['Cara', 'Non-adopter', 0, null, 0, true],
      ['Dan', 'Developing user', 1, 1, 1, false],
    ]);
    expect([byName.Ana.daysToFirstRun, byName.Ben.daysToFirstRun, byName.Cara.daysToFirstRun]).toEqual([8, 10, null]);
  });

  test('a skipped row is named by its sheet row, across a note spanning two lines', () => {
    expect(json.skippedRows).toEqual([{ row: HAND_SKIPPED_ROW, reason: 'The outcome is blank' }]);
  });

  test("--log twice: a form's answers exported as CSV audit together with the team's log, as one log", () => {
    const [title, subtitle, header, ...records] = HAND_LOG.split('\r\n');
    // Ana's four runs stay in the team's log; the rest arrive as a form's answers (en_GB date-times).
    write('team-log.csv', [title, subtitle, header, ...records.slice(0, 4)].join('\r\n'));
    write(
      'form-answers.csv',
      [
        'Timestamp,Email Address,Team member,Workflow,Outcome,Edit types,Prompted,Notes',
        '11/03/2026 09:12:00,ben@example.com,ben ,Summary,Used as-is,,No,',
        '12/03/2026 10:00:05,ben@example.com,Ben,Summary,Used as-is,,Yes,',
        '15/03/2026 08:30:00,ben@example.com,BEN,Summary,used,,Yes,',
        '05/03/2026 17:45:10,cara@example.com,Cara,Summary,Used as-is,,No,',
        '06/03/2026 11:02:44,cara@example.com,Cara,Summary,Light edit,format,No,',
        '12/03/2026 16:20:00,dan@example.com,Dan,Summary,Used as-is,,No,',
        '13/03/2026 18:00:00,ana@example.com,Ana,Proposal,,,No,outcome forgotten',
      ].join('\r\n'),
    );
    const args = ['--roster', 'hand-roster.csv', '--as-of', '2026-03-15', '--locale', 'en_GB', '--out', 'two-out'];
    const spread = onlyJson(
      runCli(cli, ['--json', '--log', 'team-log.csv', '--log', 'form-answers.csv', ...args], work),
    );
    expect(spread.team).toEqual(json.team);
    expect(spread.members).toEqual(json.members);
    expect(spread.skippedRows).toEqual([{ row: 8, sheet: 'form-answers.csv', reason: 'The outcome is blank' }]);
  });

  test('a Google Forms response CSV: each timestamp is the instant it states (its GMT offset), a bad one is skipped by file and row', () => {
    const [title, subtitle, header, ...records] = HAND_LOG.split('\r\n');
    write('team-log-2.csv', [title, subtitle, header, ...records.slice(0, 4)].join('\r\n'));
    // As Forms' "Download responses (.csv)" writes them: year first, 12-hour time, the zone after.
    write(
      'forms-export.csv',
      [
        '"Timestamp","Email Address","Team member","Workflow","Outcome","Edit types","Prompted","Notes"',
        '"2026/03/11 9:12:00 AM GMT","ben@example.com","ben ","Summary","Used as-is","","No",""',
        '"2026/03/12 11:00:05 AM GMT+1","ben@example.com","Ben","Summary","Used as-is","","Yes",""',
        // 1:30 am on 16 March at GMT+2 is 23:30 on 15 March in the run's zone (UTC): inside the week.
        '"2026/03/16 1:30:00 AM GMT+2","ben@example.com","BEN","Summary","used","","Yes",""',
        '"2026/03/05 12:15:10 PM GMT-5:30","cara@example.com","Cara","Summary","Used as-is","","No",""',
        '"2026/03/06 11:02:44 AM GMT","cara@example.com","Cara","Summary","Light edit","format","No",""',
        '"2026/03/12 4:20:00 PM GMT","dan@example.com","Dan","Summary","Used as-is","","No",""',
        '"2026/03/13 6:00:00 PM GMT","ana@example.com","Ana","Proposal","","","No","outcome forgotten"',
        '"2026/03/14 6:00:00 PM GMT+25","ana@example.com","Ana","Proposal","Used as-is","","No",""',
      ].join('\r\n'),
    );
    const args = ['--roster', 'hand-roster.csv', '--as-of', '2026-03-15', '--locale', 'en_GB', '--out', 'forms-out'];
    const spread = onlyJson(
      runCli(cli, ['--json', '--log', 'team-log-2.csv', '--log', 'forms-export.csv', ...args], work),
    );
    expect(spread.team).toEqual(json.team);
    expect(spread.members).toEqual(json.members);
    expect(spread.skippedRows).toEqual([
      { row: 8, sheet: 'forms-export.csv', reason: 'The outcome is blank' },
      { row: 9, sheet: 'forms-export.csv', reason: expect.stringMatching(/GMT\+25.*time zone offset/) },
    ]);
  });

  test('--out is relative to where the command was run', () => {
    expect(fs.readdirSync(path.join(work, 'hand-out')).sort()).toEqual([...OUTPUT_FILES].sort());
  });

  test('the same file read as en_US (month first) skips 13/03/2026 instead of guessing', () => {
    const us = onlyJson(
      runCli(
        cli,
        ['--json', '--log', 'hand-log.csv', '--roster', 'hand-roster.csv', '--as-of', '2026-03-15', '--out', 'us-out'],
        work,
      ),
    );
    const dateRows = us.skippedRows.filter((p) => p.reason.includes('"13/03/2026"'));
    expect(dateRows.map((p) => p.row)).toEqual([6, HAND_SKIPPED_ROW]);
    expect(us.team.runs).not.toBe(json.team.runs);
  });

  test('a custom offset zone, as a spreadsheet may have it (GMT-07:00), is read as the add-on reads it', () => {
    const utcMinus7 = () => new Date(Date.now() - 7 * 3_600_000).toISOString().slice(0, 10);
    const before = utcMinus7();
    const run = onlyJson(
      runCli(cli, ['--json', '--log', 'hand-log.csv', '--time-zone', 'GMT-07:00', '--out', 'offset-out'], work),
    );
    expect([before, utcMinus7()]).toContain(run.asOf);
    expect(run.team.runs).toBeGreaterThan(0);
  });

  test('without --as-of, a real log is audited as of today in its time zone', () => {
    const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Auckland' }).format(new Date());
    const before = today();
    const run = onlyJson(
      runCli(
        cli,
        [
          '--json',
          '--log',
          'hand-log.csv',
          '--locale',
          'en_GB',
          '--time-zone',
          'Pacific/Auckland',
          '--out',
          'today-out',
        ],
        work,
      ),
    );
    expect([before, today()]).toContain(run.asOf);
  });

  test('without a roster, everyone in the log is in scope under the log spelling', () => {
    const alone = onlyJson(
      runCli(
        cli,
        ['--json', '--log', 'hand-log.csv', '--as-of', '2026-03-15', '--locale', 'en_GB', '--out', 'alone-out'],
        work,
      ),
    );
    expect(alone.team.membersInScope).toBe(4);
    expect(alone.team.trainingCompletionRate).toBeNull();
    expect(alone.members.map((m) => m.member).sort()).toEqual(['Ana', 'Cara', 'Dan', 'ben']);
  });
});

describe('npm start refuses bad input with a message and no stack trace', () => {
  function refused(args: string[]): string {
    const run = runCli(cli, [...args, '--out', 'refused-out'], work);
    expect(run.status).not.toBe(0);
    expect(run.stderr).not.toMatch(STACK_FRAME);
    expect(run.stdout).toBe('');
    return run.stderr;
  }

  test('a log file that does not exist', () => {
    expect(refused(['--log', 'no-such-log.csv'])).toMatch(/The log file no-such-log\.csv does not exist/);
  });

  test('a roster file that does not exist', () => {
    write('ok-log.csv', HAND_LOG);
    expect(refused(['--log', 'ok-log.csv', '--roster', 'gone.csv'])).toMatch(
      /The roster file gone\.csv does not exist/,
    );
  });

  test('a log without the required columns: each missing one named, the headers found listed', () => {
    write('bad-header.csv', 'When,Name,Task,Comments\n2026-03-02,Ana,Proposal,fine\n');
    const message = refused(['--log', 'bad-header.csv']);
    expect(message).toMatch(/^uptake: Log sheet "bad-header\.csv": The log has no header row/m);
    expect(message).toMatch(/Missing: Date \(.*\); Outcome \(/);
    expect(message).not.toMatch(/Missing:.*Team member \(/);
    expect(message).toContain('"When", "Name", "Task", "Comments"');
  });

  test('an unreadable --as-of', () => {
    expect(refused(['--as-of', '2026-02-30'])).toMatch(/--as-of "2026-02-30" is not a date: write it as YYYY-MM-DD/);
    expect(refused(['--as-of', 'yesterday'])).toMatch(/--as-of "yesterday" is not a date/);
  });

  test('a bad --weeks', () => {
    for (const weeks of ['0', 'two', '1.5', '53']) {
      expect(refused(['--weeks', weeks])).toContain(
        `--weeks "${weeks}" is not a window Uptake can audit: give a whole number of weeks from 1 to 52.`,
      );
    }
  });

  test('a CSV with an unclosed quote', () => {
    write('broken.csv', 'Date,Team member,Workflow,Outcome\n2026-03-02,"Ana,Proposal,Used as-is\n');
    expect(refused(['--log', 'broken.csv'])).toMatch(/broken\.csv: Line 2: a quoted field is never closed/);
  });

  test('an unknown flag, a stray argument, --roster without --log', () => {
    expect(refused(['--log-file', 'x.csv'])).toMatch(/Unknown option '--log-file'[\s\S]*Usage: npm start/);
    expect(refused(['log.csv'])).toMatch(/Usage: npm start/);
    expect(refused(['--roster', 'r.csv'])).toMatch(/--roster needs --log/);
  });

  test('a flag that is not repeatable, given twice (only --log may be)', () => {
    expect(refused(['--as-of', '2026-03-01', '--as-of', '2026-03-08'])).toContain(
      '--as-of was given twice: give it once',
    );
    expect(refused(['--out', 'elsewhere'])).toContain('--out was given twice');
    expect(refused(['--json', '--json'])).toContain('--json was given twice');
    write('ok-log.csv', HAND_LOG);
    expect(refused(['--log', 'ok-log.csv', '--roster', 'a.csv', '--roster', 'b.csv'])).toContain(
      '--roster was given twice',
    );
  });

  test('an unknown time zone or locale', () => {
    expect(refused(['--time-zone', 'Mars/Olympus'])).toMatch(/--time-zone "Mars\/Olympus" is not a time zone/);
    expect(refused(['--locale', 'english'])).toMatch(/--locale "english" is not a locale/);
  });
});
