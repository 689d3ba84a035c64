// The example team (examples/) must keep showing everything Uptake reports, when audited by
// the BUILT add-on in the in-memory Apps Script, so that it cannot silently rot as rules change.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { RunResult } from '../../local/gas-run';
import { CAUSES } from '../../src/core/audit/diagnosis-rules';
import { MILESTONES } from '../../src/core/programme/milestones';
import { CATEGORIES } from '../../src/core/base/types';
import { EXAMPLES, example, readExample, runExample } from '../support/example';
import { removeTemp, tempDir } from './support';

let result: RunResult;

beforeAll(() => {
  result = runExample(30);
});

describe('the example team, audited by build/Code.js as of its fixed date', () => {
  test('is audited as of the date in examples/example.json, over the default one-week window', () => {
    expect([result.audit.asOf, result.audit.weeks]).toEqual([example.asOf, 1]);
  });

  test('has members in scope in every category', () => {
    const inScope = result.audit.members.filter((m) => m.inScope);
    for (const category of CATEGORIES)
      expect([category, inScope.some((m) => m.category === category)]).toEqual([category, true]);
  });

  test('shows every diagnosed cause the core knows', () => {
    const found = new Set(result.audit.diagnosis.map((f) => f.code));
    const codes = Object.keys(CAUSES);
    expect(codes.length).toBe(7);
    expect(codes.filter((code) => !found.has(code as never))).toEqual([]);
    // Each finding carries its evidence.
    expect(result.audit.diagnosis.filter((f) => f.evidence.length === 0)).toEqual([]);
  });

  test('shows every usage status (rules §15), per period and per member, and what could not be matched', () => {
    const usage = result.audit.usage!;
    expect(new Set(usage.periods.map((p) => p.status))).toEqual(
      new Set(['not logging', 'under-logging', 'not seen in the tool', 'consistent']),
    );
    expect(new Set(usage.members.map((m) => m.status))).toEqual(
      new Set(['not logging', 'under-logging', 'not seen in the tools', 'consistent', 'no usage data']),
    );
    expect(usage.sources.map((s) => s.format).sort()).toEqual(['chatgpt', 'daily']);
    expect(usage.notInExport.length).toBeGreaterThan(0);
    expect(usage.notOnRoster.length).toBeGreaterThan(0);
    expect(usage.skippedUsageRows.length).toBeGreaterThan(0);
    expect(usage.usageAdopters.known).toBeGreaterThan(usage.usageAdopters.adopters);
    // Principled resistance: their usage is shown, no Logging gap is diagnosed.
    const resisting = result.audit.members.filter((m) => m.status === 'principled-resistance').map((m) => m.member);
    const notLogging = usage.members.filter((m) => m.status === 'not logging').map((m) => m.member);
    expect(resisting.filter((name) => notLogging.includes(name))).not.toEqual([]);
    expect(result.audit.diagnosis.filter((f) => f.code === 'logging-gap' && resisting.includes(f.member!))).toEqual([]);
  });

  test('the named digest has a usage line per member not logging or under-logging; a day-7 email quotes the usage line', () => {
    const gaps = result.audit.usage!.members.filter((m) => m.status === 'not logging' || m.status === 'under-logging');
    expect(gaps.length).toBeGreaterThan(0);
    for (const m of gaps) expect(result.digest.text).toContain(`${m.member}, ${m.status}: `);
    const quoted = result.emails.filter((e) => /Usage export: /.test(e.body));
    expect(quoted.map((e) => e.milestone)).toContain('Day-seven follow-up');
  });

  test('no programme email is changed by the usage exports: it quotes the usage line, never the Logging gap', () => {
    const gapMembers = new Set(result.audit.diagnosis.filter((f) => f.code === 'logging-gap').map((f) => f.member!));
    const quoted = result.emails.filter((e) => /Usage export: /.test(e.body));
    // An email to follow up a member the audit gives a Logging gap: the test is about one.
    expect(quoted.filter((e) => [...gapMembers].some((name) => e.body.includes(name)))).not.toEqual([]);
    for (const e of result.emails)
      expect([e.milestone, e.body]).not.toEqual([e.milestone, expect.stringContaining('Logging gap')]);
  });

  test('shows every six-week outcome, and members not yet at day 42', () => {
    const statuses = new Set(result.audit.members.map((m) => m.sixWeek.status));
    expect(['working', 'reverted', 'quality', 'stable', 'not-yet'].filter((s) => !statuses.has(s as never))).toEqual(
      [],
    );
  });

  test('skips a row of each kind, naming the sheet row (= CSV record) it is about', () => {
    const records = readExample(example.log);
    const header = records.findIndex((cells) => cells[0] === 'Date') + 1;
    // Columns: Date, Team member, Workflow, Outcome, Edit type, Prompted, Notes.
    const kinds: [string, RegExp, (cells: string[], reason: string) => boolean][] = [
      ['unreadable date', /is not a (calendar )?date/, (cells, reason) => reason.includes(`"${cells[0]}"`)],
      ['blank member', /^The team member is blank$/, (cells) => cells[1] === '' && cells[2] !== ''],
      ['blank workflow', /^The workflow is blank$/, (cells) => cells[2] === '' && cells[1] !== ''],
      ['unknown outcome', /^The outcome .* is not one of/, (cells, reason) => reason.includes(`"${cells[3]}"`)],
      ['unreadable prompted', /^Prompted is /, (cells, reason) => reason.includes(`"${cells[5]}"`)],
    ];
    for (const [kind, pattern, about] of kinds) {
      const skipped = result.audit.skippedRows.filter((p) => pattern.test(p.reason));
      expect([kind, skipped.length]).toEqual([kind, 1]);
      const [{ row, reason }] = skipped;
      expect([kind, row > header, about(records[row - 1], reason)]).toEqual([kind, true, true]);
    }
    expect(result.audit.skippedRows.length).toBe(kinds.length);
  });

  test('has someone at each programme milestone on the as-of date', () => {
    const reached = new Set(result.audit.members.map((m) => m.programme?.reached ?? null));
    for (const milestone of MILESTONES)
      expect([milestone.name, reached.has(milestone.day)]).toEqual([milestone.name, true]);
  });

  test('the digest covers the same week as the audit and starts with its headline', () => {
    expect(result.digest.text).toContain(result.audit.headline);
    expect(result.digest.recipients).toEqual([example.owner]);
  });

  test('the next 30 days send a reminder of every milestone, and weekly digests', () => {
    const subjects = result.emails.map((r) => r.subject);
    for (const milestone of MILESTONES) {
      expect([milestone.name, subjects.some((s) => s.includes(milestone.name))]).toEqual([milestone.name, true]);
    }
    expect(subjects.filter((s) => /digest/i.test(s)).length).toBeGreaterThanOrEqual(4);
    // Every email is dated within the simulated days.
    for (const r of result.emails) expect(r.day >= result.simulated.from && r.day <= result.simulated.to).toBe(true);
  });
});

describe('examples/generate.mjs', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
  });
  afterAll(() => removeTemp(dir));

  test('writes exactly the committed example files', () => {
    const run = spawnSync(process.execPath, [path.join(EXAMPLES, 'generate.mjs'), dir], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    for (const name of ['log.csv', 'roster.csv', 'interventions.csv', 'example.json']) {
      expect([
        name,
        fs.readFileSync(path.join(dir, name), 'utf8') === fs.readFileSync(path.join(EXAMPLES, name), 'utf8'),
      ]).toEqual([name, true]);
    }
  });
});
