// The bad-input corpus through the CSV run of `npm start`: each case downloaded as CSV (every
// cell text, as Sheets' File › Download writes it), audited by local/gas-run's runInMemory (the
// module the command line runs), and a few cases through the command line as a child process.
import fs from 'node:fs';
import path from 'node:path';
import { CliError } from '../../local/args';
import { runInMemory } from '../../local/gas-run';
import type { JsonAudit } from '../../local/json';
import { BUILD_DIR } from '../bundle/support';
import { bundleCliInto, removeTemp, runCli, STACK_FRAME, tempDir } from '../local/support';
import { CORPUS, TODAY, type CorpusCase, type Expected, type RowReason } from './corpus';
import {
  auditNoticesOf,
  csvOf,
  localeOf,
  rowReasons,
  runsByMember,
  sorted,
  unpromptedByMember,
  zoneOf,
} from './support';
import { parseCsv } from '../../local/csv';

/** `expect` with the CSV differences of the case applied. */
function csvExpected(c: CorpusCase): Expected {
  const e = c.expect!;
  if (!c.csv) return e;
  const replaced = new Map<number, string>((c.csv.skipped ?? []).map(([row, reason]) => [row, reason]));
  const dropped = new Set([...(c.csv.dropSkipped ?? []), ...replaced.keys()]);
  const skipped: RowReason[] = [
    ...e.skipped.filter(([row]) => !dropped.has(row)),
    ...[...replaced].map(([row, reason]): RowReason => [row, reason]),
  ].sort((a, b) => a[0] - b[0]);
  const rosterSkipped = (e.rosterSkipped ?? []).filter(
    ([row]) => !(c.csv ? (c.csv.dropRosterSkipped ?? []) : []).includes(row),
  );
  return { ...e, skipped, rosterSkipped, runs: c.csv.runs ?? e.runs };
}

function csvRun(c: CorpusCase) {
  return runInMemory(
    {
      log: parseCsv(csvOf(c.log)),
      roster: c.roster ? parseCsv(csvOf(c.roster)) : null,
      logSource: 'log.csv',
      rosterSource: c.roster ? 'roster.csv' : null,
    },
    {
      buildDir: BUILD_DIR,
      asOf: TODAY,
      weeks: 1,
      locale: localeOf(c),
      timeZone: zoneOf(c),
      owner: 'owner@example.com',
      days: 0,
      sidebarWeeks: [],
      nowMs: Date.parse(`${TODAY}T12:00:00Z`),
      progress: () => undefined,
    },
  );
}

describe.each(CORPUS.filter((c) => c.csv !== false).map((c) => [c.id, c] as const))('%s as CSV', (_id, c) => {
  test(
    c.headerError
      ? 'stops with the header problem, naming the file'
      : 'every skipped row and notice with its row and reason; the runs per member',
    () => {
      if (c.headerError) {
        const sheet = c.headerError.sheet === 'log' ? 'Log sheet "log.csv"' : 'Roster sheet "roster.csv"';
        expect(() => csvRun(c)).toThrow(new CliError(`${sheet}: ${c.headerError.message}`));
        return;
      }
      const e = csvExpected(c);
      const { audit, auditSheet } = csvRun(c);
      expect(rowReasons(audit.skippedRows)).toEqual(e.skipped);
      expect(sorted(rowReasons(audit.notices))).toEqual(auditNoticesOf(e, e.rosterSkipped));
      expect(runsByMember(audit.members)).toEqual(e.runs);
      if (e.unprompted) expect(unpromptedByMember(audit.members, Object.keys(e.unprompted))).toEqual(e.unprompted);
      // audit.csv (the audit sheet as displayed) lists each skipped row too.
      for (const [row, reason] of e.skipped)
        expect(auditSheet).toContainEqual(expect.arrayContaining(['Log', String(row), 'Skipped', reason]));
    },
  );
});

describe('the command line as a child process', () => {
  let work: string;
  let cli: string;
  beforeAll(() => {
    work = tempDir('uptake-bad-input-');
    cli = bundleCliInto(work);
  });
  afterAll(() => removeTemp(work));

  function files(c: CorpusCase): string[] {
    fs.writeFileSync(path.join(work, 'log.csv'), csvOf(c.log));
    const args = [
      '--log',
      'log.csv',
      '--as-of',
      TODAY,
      '--locale',
      localeOf(c),
      '--time-zone',
      zoneOf(c),
      '--out',
      'out',
    ];
    if (c.roster) {
      fs.writeFileSync(path.join(work, 'roster.csv'), csvOf(c.roster));
      args.push('--roster', 'roster.csv');
    }
    return args;
  }

  test.each(['dates-day-first', 'roster-problems', 'markup-and-formula-text'])(
    '%s: --json lists the skipped rows and notices; exit 0, no stack',
    (id) => {
      const c = CORPUS.find((x) => x.id === id)!;
      const run = runCli(cli, [...files(c), '--json'], work);
      expect([run.status, run.stderr.match(STACK_FRAME)]).toEqual([0, null]);
      const json = JSON.parse(run.stdout) as JsonAudit;
      const e = csvExpected(c);
      expect(json.skippedRows.map((s) => [s.row, s.reason])).toEqual(e.skipped);
      // The command line's today is the day it runs, not the as-of date TODAY: the corpus' "after
      // today" notices are for TODAY as today, so they are compared apart (test/local/odd-files.test.ts).
      const notFuture = (rows: RowReason[]) => rows.filter(([, reason]) => !reason.includes(', after today ('));
      expect(notFuture(sorted(json.notices.map((n): RowReason => [n.row, n.reason])))).toEqual(
        notFuture(auditNoticesOf(e, e.rosterSkipped)),
      );
      expect(json.notices.filter((n) => n.reason.includes(`after today (${TODAY})`))).toEqual([]);
      // Written as the team wrote it: the audit CSV quotes what needs quoting and changes nothing else.
      const auditCsv = parseCsv(fs.readFileSync(path.join(work, 'out', 'audit.csv'), 'utf8'));
      for (const [row, reason] of e.skipped)
        expect(auditCsv).toContainEqual(expect.arrayContaining(['Log', String(row), 'Skipped', reason]));
    },
  );

  test.each(['header-typo-required', 'roster-without-member-column'])(
    '%s: stops with the problem on stderr and a non-zero exit, no stack',
    (id) => {
      const c = CORPUS.find((x) => x.id === id)!;
      const run = runCli(cli, files(c), work);
      const sheet = c.headerError!.sheet === 'log' ? 'Log sheet "log.csv"' : 'Roster sheet "roster.csv"';
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`uptake: ${sheet}: ${c.headerError!.message}\n`);
      expect(run.stderr).not.toMatch(STACK_FRAME);
      expect(run.stdout).toBe('');
    },
  );
});
