// `npm start` on files a sheet never exports, or on the wrong file: each is a problem with the
// file (exit 1) that names the file and where to look, never a crash (exit 70) or nonsense
// figures. And an --as-of date before the data is not "today".
import { LOG_HEADERS } from '../../src/core/sheets/log';
import fs from 'node:fs';
import path from 'node:path';
import { toCsv } from '../../local/csv';
import type { JsonAudit } from '../../local/json';
import { bundleCliInto, removeTemp, runCli, STACK_FRAME, tempDir, type CliRun } from './support';

let work: string;
let cli: string;

beforeAll(() => {
  work = tempDir('uptake-odd-');
  cli = bundleCliInto(work);
});
afterAll(() => removeTemp(work));

function write(name: string, content: string | Buffer): string {
  fs.writeFileSync(path.join(work, name), content);
  return name;
}

const ROSTER_HEADER = ['Team member', 'Email', 'Training date', 'Anchor workflow'];
const log = (rows: string[][]) => toCsv([LOG_HEADERS, ...rows]);
const run = (...args: string[]) => runCli(cli, [...args, '--out', path.join(work, 'out')], work);

/** A refusal: exit 1, one message on stderr, no stack trace and no debug hint. */
function expectFileProblem(result: CliRun): string {
  expect({ status: result.status, stdout: result.stdout }).toEqual({ status: 1, stdout: '' });
  expect(result.stderr).not.toMatch(STACK_FRAME);
  expect(result.stderr).not.toContain('UPTAKE_DEBUG');
  return result.stderr;
}

describe('a cell longer than a Sheets cell holds', () => {
  test('in the log: the file, row and column, and the 50,000 limit', () => {
    const long = 'x'.repeat(50_001);
    const file = write(
      'long-note.csv',
      log([
        ['2026-03-01', 'Ana', 'Proposal', 'Used as-is', '', 'FALSE', ''],
        ['2026-03-01', 'Ana', 'Proposal', 'Used as-is', '', 'FALSE', long],
      ]),
    );
    const message = expectFileProblem(run('--log', file, '--as-of', '2026-03-01'));
    expect(message).toContain('long-note.csv, row 3, column G');
    expect(message).toContain('50,001 characters');
    expect(message).toContain('at most 50,000');
  });

  test('in the roster, where a stray quote ran over the rows below', () => {
    const logFile = write('short.csv', log([['2026-03-01', 'Ana', 'Proposal', 'Used as-is', '', 'FALSE', '']]));
    const rows = Array.from({ length: 3000 }, (_, i) => `Member ${i},m${i}@example.com,2026-02-01,Proposal`);
    const file = write(
      'stray-quote.csv',
      `${ROSTER_HEADER.join(',')}\nAna,"ana@example.com,2026-02-01,Proposal\n${rows.join('\n')}"\n`,
    );
    const message = expectFileProblem(run('--log', logFile, '--roster', file, '--as-of', '2026-03-01'));
    expect(message).toContain('stray-quote.csv, row 2, column B');
    expect(message).toContain('stray "');
  });

  test('50,000 characters exactly is a cell Sheets holds: the run goes on', () => {
    const file = write(
      'full-note.csv',
      log([['2026-03-01', 'Ana', 'Proposal', 'Used as-is', '', 'FALSE', 'y'.repeat(50_000)]]),
    );
    expect(run('--log', file, '--as-of', '2026-03-01', '--json').status).toBe(0);
  });
});

describe('a file that is not UTF-8', () => {
  test('Latin-1 "José": the file, the first line that is not UTF-8, and the encoding to export', () => {
    const text = log([
      ['2026-03-01', 'Ana', 'Proposal', 'Used as-is', '', 'FALSE', ''],
      ['2026-03-01', 'José', 'Proposal', 'Used as-is', '', 'FALSE', ''],
      ['2026-03-01', 'Zoë', 'Proposal', 'Used as-is', '', 'FALSE', ''],
    ]);
    const file = write('latin1.csv', Buffer.from(text, 'latin1'));
    const message = expectFileProblem(run('--log', file, '--as-of', '2026-03-01'));
    expect(message).toContain('latin1.csv is not UTF-8 text: line 3');
    expect(message).toContain('José');
    expect(message).toContain('UTF-8');
    expect(message).toContain('CSV UTF-8');
  });

  test('the same file in UTF-8, with or without a byte-order mark, is read', () => {
    const text = log([['2026-03-01', 'José', 'Proposal', 'Used as-is', '', 'FALSE', '']]);
    for (const [name, content] of [
      ['utf8.csv', text],
      ['bom.csv', `\uFEFF${text}`],
    ]) {
      const result = run('--log', write(name, content), '--as-of', '2026-03-01', '--json');
      expect(result.status).toBe(0);
      expect((JSON.parse(result.stdout) as JsonAudit).members.map((m) => m.member)).toEqual(['José']);
    }
  });
});

describe('the wrong file as the roster', () => {
  const logText = log([
    ['2026-03-01', 'Ana', 'Proposal', 'Used as-is', '', 'FALSE', ''],
    ['2026-03-01', 'Ben', 'Proposal', 'Heavy edit', 'tone', 'FALSE', ''],
  ]);

  test('the log given as --roster is refused with the headers it has', () => {
    const file = write('the-log.csv', logText);
    const message = expectFileProblem(run('--log', file, '--roster', file, '--as-of', '2026-03-01'));
    expect(message).toContain('the-log.csv is not a roster (it has the log’s columns: is it the log?)');
    expect(message).toContain('"Date", "Team member", "Workflow", "Outcome", "Edit type", "Prompted", "Notes"');
    expect(message).toContain('Training date');
  });

  test('a list of names alone is not a roster either', () => {
    const logFile = write('log-for-names.csv', logText);
    const names = write('names.csv', toCsv([['Name'], ['Ana'], ['Ben']]));
    const message = expectFileProblem(run('--log', logFile, '--roster', names, '--as-of', '2026-03-01'));
    expect(message).toContain('names.csv is not a roster: its header row 1 has "Name"');
  });

  test('a roster with its own columns is read', () => {
    const logFile = write('log-for-roster.csv', logText);
    const roster = write(
      'roster.csv',
      toCsv([ROSTER_HEADER, ['Ana', '', '2026-02-01', 'Proposal'], ['Ben', '', '', '']]),
    );
    expect(run('--log', logFile, '--roster', roster, '--as-of', '2026-03-01', '--json').status).toBe(0);
  });
});

describe('--as-of before the data', () => {
  test('rows after the as-of date are outside the window, not "after today"; rows after today still are', () => {
    const file = write(
      'later.csv',
      log([
        ['2026-02-16', 'Ana', 'Proposal', 'Used as-is', '', 'FALSE', ''],
        ['2026-03-01', 'Ana', 'Proposal', 'Used as-is', '', 'FALSE', ''],
        ['2026-03-05', 'Ben', 'Proposal', 'Used as-is', '', 'FALSE', ''],
        ['2099-01-05', 'Ben', 'Proposal', 'Used as-is', '', 'FALSE', ''],
      ]),
    );
    const result = run('--log', file, '--as-of', '2026-02-20', '--json');
    expect(result.status).toBe(0);
    const audit = JSON.parse(result.stdout) as JsonAudit;
    expect(audit.asOf).toBe('2026-02-20');
    expect(audit.notices.map((n) => [n.row, n.reason.replace(/\(\d{4}-\d\d-\d\d\)/, '(today)')])).toEqual([
      [5, 'Dated 2099-01-05, after today (today): no audit up to today counts this run; check the date'],
    ]);
    // "Today" is the day the command runs (in UTC here), not the as-of date.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    expect(audit.notices[0].reason.match(/\((\d{4}-\d\d-\d\d)\)/)![1] >= yesterday).toBe(true);
    expect(audit.team.runs).toBe(1);
  });
});
