// Team text never drives the terminal: every C0 and C1 control character, DEL, the bidi
// controls and the common escape sequences, typed into log and roster cells and file names, go
// through every line `npm start` prints (tables, causes, skipped rows, notes, progress, errors)
// and the text files a person opens; none reaches them raw.
import fs from 'node:fs';
import path from 'node:path';
import { toCsv } from '../../local/csv';
import { markdownText, terminalLine, terminalSafe } from '../../local/terminal';
import { bundleCliInto, removeTemp, runCli, STACK_FRAME, tempDir, type CliRun } from './support';
import { logCsvRows, type RunSpec } from '../support/sheets';

const code = (n: number) => String.fromCharCode(n);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => code(from + i));
const BIDI = ['\u061C', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E'].concat(
  range(0x2066, 0x2069),
);
/** Every character that must not reach a terminal raw (NUL is refused with the file: below). */
const CONTROLS = [...range(0x01, 0x1f), code(0x7f), ...range(0x80, 0x9f), '\u2028', '\u2029', ...BIDI];
const SEQUENCES = {
  colour: '\x1b[31;1m',
  title: '\x1b]0;owned\x07',
  titleSt: '\x1b]2;owned\x1b\\',
  clear: '\x1b[2J\x1b[H',
  reset: '\x1bc',
  c1Csi: '\x9b2J',
  backspace: 'abc\b\b\b',
  bell: '\x07',
  rtl: '\u202Eevil\u202C',
};

/** A name as the add-on keeps it: white space (tab, line feed, U+2028…) folded, ends trimmed. */
const asRead = (name: string) => name.replace(/\s+/g, ' ').trim();

/** The raw control characters in `text`, the line feed aside (the CLI's own line breaks). */
function rawControls(text: string): string[] {
  const bad = new Set(CONTROLS.filter((c) => c !== '\n'));
  return [...text].filter((c) => bad.has(c)).map((c) => `U+${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function expectClean(run: CliRun) {
  expect({ stdout: rawControls(run.stdout), stderr: rawControls(run.stderr) }).toEqual({ stdout: [], stderr: [] });
  expect(run.stderr).not.toMatch(STACK_FRAME);
}

describe('terminalSafe, terminalLine, markdownText', () => {
  test('every control character is escaped as \\uXXXX; terminalSafe keeps line feeds', () => {
    for (const c of CONTROLS) {
      const shown = `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
      expect(terminalLine(`a${c}b`)).toBe(`a${shown}b`);
      expect(terminalSafe(`a${c}b`)).toBe(c === '\n' ? 'a\nb' : `a${shown}b`);
    }
    expect(terminalSafe(code(0))).toBe('\\u0000');
    expect(terminalLine('Chloé Martin, 3 × 2 — ok')).toBe('Chloé Martin, 3 × 2 — ok');
  });

  test('escaped --json output is the same JSON', () => {
    const value = { name: CONTROLS.join(''), ...SEQUENCES };
    const text = terminalSafe(JSON.stringify(value, null, 2));
    expect(rawControls(text)).toEqual([]);
    expect(JSON.parse(text)).toEqual(value);
  });

  test('markdownText: HTML, links, emphasis and code are shown as typed', () => {
    const text = markdownText('<img src=x onerror=alert(1)> [a](javascript:x) *b* _c_ `d` &amp; # e | f ~g~ \\');
    expect(text).toBe(
      '\\<img src=x onerror=alert\\(1\\)\\> \\[a\\]\\(javascript:x\\) \\*b\\* \\_c\\_ \\`d\\` \\&amp; \\# e \\| f \\~g\\~ \\\\',
    );
    expect(markdownText('Ana\n<script>')).toBe('Ana\\\\u000A\\<script\\>');
  });
});

describe('npm start on team text full of control characters', () => {
  let work: string;
  let cli: string;
  const names: string[] = [];
  const AS_OF = '2026-03-01';
  const write = (name: string, text: string) => {
    const file = path.join(work, name);
    fs.writeFileSync(file, text);
    return file;
  };

  beforeAll(() => {
    work = tempDir('uptake-terminal-');
    cli = bundleCliInto(work);
    // Each member's name carries a slice of the controls or one escape sequence; each row is
    // also a place the add-on quotes back (an unknown outcome, edit type, date or status).
    const slices: string[] = [];
    for (let i = 0; i < CONTROLS.length; i += 8) slices.push(CONTROLS.slice(i, i + 8).join(''));
    slices.push(...Object.values(SEQUENCES), '<img src=x onerror=alert(1)>*x*');
    slices.forEach((slice, i) => names.push(`Member ${i} ${slice}`));
    const runs: RunSpec[] = [];
    names.forEach((name, i) => {
      const seq = slices[i];
      const run = (r: Omit<RunSpec, 'member'>) =>
        runs.push({ member: name, workflow: 'Proposal', prompted: 'FALSE', ...r });
      for (let k = 0; k < 3; k++)
        run({ date: `2026-02-2${7 + k}`, workflow: `Proposal ${seq}`, outcome: 'Heavy edit', edit: 'tone', note: seq });
      run({ date: `2026-03-01${seq}` }); // unreadable date
      run({ date: AS_OF, workflow: `Proposal ${seq}`, outcome: `Used ${seq}` }); // unknown outcome
      run({ date: AS_OF, workflow: 'Summary', outcome: 'Light edit', edit: `tone ${seq}`, prompted: `maybe${seq}` }); // unknown prompted
      run({ date: AS_OF, workflow: 'Summary', outcome: 'Light edit', edit: `tone ${seq}` }); // unknown edit type
    });
    const log = logCsvRows(runs);
    const roster: string[][] = [
      [
        'Team member',
        'Email',
        'Role',
        'Training date',
        'Anchor workflow',
        'Trained workflows',
        'Status',
        'Context pack ready',
        'Follow-up owner',
      ],
    ];
    names.forEach((name, i) => {
      const seq = slices[i];
      // Trained four days ago: the day-7 to day-30 reminders fall in the simulated 30 days.
      const training = i % 3 === 0 ? `soon${seq}` : '2026-02-25';
      const status = i % 4 === 1 ? `Busy${seq}` : '';
      // The last member (HTML in the name) has a follow-up owner of their own, so that a
      // subject names them rather than "and 4 others".
      const owner =
        i === slices.length - 1 ? 'html@example.com' : i % 2 ? `lead${seq}@example.com` : 'lead@example.com';
      roster.push([name, '', `Role ${seq}`, training, `Anchor ${seq}`, `Proposal ${seq}`, status, 'no', owner]);
    });
    // Interventions: a member, a type kept as written ("Other"), a workflow, a note and an
    // unreadable date, each with team text in it.
    const interventions: string[][] = [['Date', 'Team member', 'Type', 'Workflow', 'Note']];
    names.forEach((name, i) => {
      const seq = slices[i];
      interventions.push(['2026-02-26', name, `Coffee ${seq}`, `Proposal ${seq}`, `Note ${seq}`]);
      interventions.push([`26/02${seq}`, name, 'Follow-up session', '', '']);
    });
    write(`interventions ${SEQUENCES.reset}.csv`, toCsv(interventions));
    write(`log ${SEQUENCES.colour}${SEQUENCES.title}.csv`, toCsv(log));
    write(`roster ${SEQUENCES.clear}.csv`, toCsv(roster));
  });
  afterAll(() => removeTemp(work));

  const logName = () => `log ${SEQUENCES.colour}${SEQUENCES.title}.csv`;
  const rosterName = () => `roster ${SEQUENCES.clear}.csv`;
  /** Every file and every optional view: the interventions and the history tables too. */
  const all = () => [
    '--log',
    logName(),
    '--roster',
    rosterName(),
    '--interventions',
    `interventions ${SEQUENCES.reset}.csv`,
    '--history-weeks',
    '4',
    '--as-of',
    AS_OF,
  ];

  test('the text report, progress lines and files written: no raw control character', () => {
    const out = path.join(work, 'out-text');
    const run = runCli(cli, [...all(), '--out', out], work);
    expect(run.status).toBe(0);
    expectClean(run);
    // The team text is there, escaped: every member, a skipped row and a roster note quoting cells.
    for (const name of names) expect(run.stdout).toContain(terminalLine(asRead(name)));
    expect(run.stdout).toContain(`Row 76: The outcome "Used ${terminalLine(SEQUENCES.colour)}"`);
    expect(run.stdout).toMatch(/Notes \(\d+\)/);
    expect(run.stderr).toContain(`Auditing ${terminalLine(logName())}`);
    // Columns stay aligned: a line feed in a name is shown, not obeyed.
    const table = run.stdout.split('\n');
    const header = table.findIndex((line) => line.startsWith('Team member '));
    const categoryAt = table[header].indexOf('Category');
    for (const line of table.slice(header + 2, header + 2 + names.length))
      expect(line.slice(categoryAt)).toMatch(/^(Genuine adopter|Developing user|Non-adopter) /);

    for (const file of ['digest.txt', 'reminders.md']) {
      expect({ file, raw: rawControls(fs.readFileSync(path.join(out, file), 'utf8')) }).toEqual({ file, raw: [] });
    }
  });

  test('reminders.md: team text outside the code fences is Markdown-escaped', () => {
    const out = path.join(work, 'out-md');
    expect(runCli(cli, [...all(), '--out', out], work).status).toBe(0);
    const md = fs.readFileSync(path.join(out, 'reminders.md'), 'utf8');
    const outside: string[] = [];
    let fence: string | null = null;
    for (const line of md.split('\n')) {
      if (fence === null && /^`{3,}/.test(line)) fence = line.match(/^`+/)![0];
      else if (fence !== null && line === fence) fence = null;
      else if (fence === null) outside.push(line);
    }
    const subjects = outside.filter((line) => line.startsWith('Subject: '));
    expect(subjects.length).toBeGreaterThan(0);
    expect(subjects.some((line) => line.includes('\\<img src=x onerror=alert\\(1\\)\\>\\*x\\*'))).toBe(true);
    // No HTML tag, link or emphasis from team text opens outside the fences: each such
    // character is backslash-escaped.
    for (const line of outside.filter((l) => !l.startsWith('#'))) {
      const unescaped = line.replace(/\\[\s\S]/g, '').match(/[<>[\]`*_]/g);
      expect({ line, unescaped }).toEqual({ line, unescaped: null });
    }
  });

  test('--json: the same text, escaped, still valid JSON holding the exact names', () => {
    const run = runCli(cli, ['--json', ...all(), '--out', path.join(work, 'o')], work);
    expect(run.status).toBe(0);
    expectClean(run);
    const json = JSON.parse(run.stdout) as { members: { member: string }[] };
    expect(json.members.map((m) => m.member).sort()).toEqual(names.map(asRead).sort());
  });

  test('errors: a missing file, headers found, a CSV error and a NUL byte', () => {
    const runs = [
      runCli(cli, ['--log', `missing ${SEQUENCES.title}.csv`], work),
      runCli(cli, ['--log', write(`headers.csv`, toCsv([names.slice(0, 5), ['a', 'b', 'c', 'd', 'e']]))], work),
      runCli(cli, ['--log', write(`quote ${SEQUENCES.bell}.csv`, `Date,Team member\n"${SEQUENCES.clear}`)], work),
      runCli(cli, ['--log', write('nul.csv', `Date,Team member\n\x00${SEQUENCES.colour}`)], work),
      runCli(cli, ['--as-of', `2026${SEQUENCES.clear}`], work),
      runCli(cli, [`--${SEQUENCES.title}`], work),
    ];
    for (const run of runs) {
      expect(run.status).not.toBe(0);
      expect(run.stderr).toMatch(/^uptake: /);
      expectClean(run);
    }
    expect(runs[1].stderr).toContain(terminalLine(asRead(names[0])));
  });
});
