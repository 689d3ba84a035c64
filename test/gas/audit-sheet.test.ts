// "Run audit to sheet" on the built bundle: Uptake's own sheet, its tables, charts and call count.
import { logRows, plus, rosterRows, type RunSpec } from '../support/sheets';
import { auditFile, fakeWithBundle, sampleTeam, teamSheet, TODAY } from '../support/fake-bundle';
import { auditOf } from '../support/dashboard';

const AUDIT = 'Adoption audit';

type Gas = ReturnType<typeof fakeWithBundle>['gas'];

/** The rows of the table whose header row starts with `firstHeader`, up to the blank row after it. */
function tableAfter(gas: Gas, firstHeader: string): string[][] {
  const rows = gas.inspect.displayValues(AUDIT, auditFile(gas));
  const start = rows.findIndex((row) => row[0] === firstHeader);
  if (start < 0) throw new Error(`no table starting with ${firstHeader}`);
  const end = rows.findIndex((row, i) => i > start && row.every((cell) => cell === ''));
  return rows.slice(start, end < 0 ? undefined : end);
}

describe('runAuditToSheet', () => {
  test('writes the notice, the summary and every table', () => {
    const { gas, bundle } = teamSheet();
    bundle.runAuditToSheet();
    const rows = gas.inspect.displayValues(AUDIT, auditFile(gas));
    expect(rows[0][0]).toBe(
      `Written by Uptake on ${TODAY} at 10:00 (Etc/UTC): re-created at every run; edits here are lost.`,
    );
    const dashboard = bundle.getDashboard({});
    expect(rows[1][0]).toBe(auditOf(dashboard).headline);

    const summary = tableAfter(gas, 'Adoption rate');
    expect(summary[1].slice(0, 5)).toEqual(['67%', '100%', '33', '63%', '3']);

    const members = tableAfter(gas, 'Team member');
    expect(members[0]).toEqual([
      'Team member',
      'Roster status',
      'Category',
      'Uses per week',
      'Acceptance',
      'Runs',
      'Days to first run',
      'Workflows (90 days)',
      'Six-week status',
      'Follow-up',
    ]);
    expect(members.slice(1).map((r) => r[0])).toEqual(auditOf(dashboard).members.map((m) => m.member));
    const cleo = members.find((r) => r[0] === 'Cleo')!;
    expect(cleo.slice(2, 7)).toEqual(['Non-adopter', '0.0', '–', '0', 'not yet']);

    const workflows = tableAfter(gas, 'Workflow');
    expect(workflows.slice(1).map((r) => r.slice(0, 6))).toEqual([
      ['Client proposal', '5', '2', '100%', '70%', ''],
      ['Weekly update', '3', '1', '0%', '70%', 'yes'],
    ]);
    const editTypes = tableAfter(gas, 'Edit type');
    expect(editTypes.slice(1).map((r) => r.slice(0, 2))).toEqual([
      ['tone', '3'],
      ['scope', '0'],
      ['format', '1'],
      ['missing info', '0'],
      ['wrong info', '0'],
    ]);
    // In the owner's own spreadsheet, linked in an alert; nothing in the team's (rules §19).
    expect(gas.spreadsheet._sheetNamed(AUDIT)).toBeUndefined();
    expect(gas.ui.dialogs.at(-1)).toMatchObject({ kind: 'alert', title: 'Uptake audit written' });
    expect(gas.ui.dialogs.at(-1)?.prompt).toContain(auditFile(gas).getUrl());
  });

  test('adds a category chart and an acceptance-by-workflow chart with the target as a line', () => {
    const { gas, bundle } = teamSheet();
    bundle.runAuditToSheet();
    const rows = gas.sheetValues(AUDIT, auditFile(gas));
    const categoryHeader = rows.findIndex((row) => row[0] === 'Category') + 1;
    const workflowHeader = rows.findIndex((row) => row[0] === 'Workflow') + 1;
    const charts = gas.inspect.charts(AUDIT, auditFile(gas));
    // Then the history's two line charts (test/gas/audit-sheet-history.test.ts).
    expect(charts.map((c) => c.type)).toEqual(['PIE', 'COMBO', 'LINE', 'LINE']);
    expect(charts[0].ranges).toEqual([`'${AUDIT}'!A${categoryHeader}:B${categoryHeader + 3}`]);
    expect(charts[1].ranges).toEqual([
      `'${AUDIT}'!A${workflowHeader}:A${workflowHeader + 2}`,
      `'${AUDIT}'!D${workflowHeader}:E${workflowHeader + 2}`,
    ]);
    expect(rows[workflowHeader - 1].slice(3, 5)).toEqual(['Acceptance', 'Target']);
    expect(charts[1].options).toMatchObject({ seriesType: 'bars', series: { 1: { type: 'line' } } });
  });

  test('re-creates the sheet at every run: edits there are gone, charts are not doubled', () => {
    const { gas, bundle } = teamSheet();
    bundle.runAuditToSheet();
    gas
      .sheet(AUDIT, auditFile(gas))
      .getRange('A3')
      .setValues([['my note']]);
    bundle.runAuditToSheet();
    // One audit spreadsheet, made the first time and reused.
    expect(gas.spreadsheetsOf(gas.session.activeUser)).toHaveLength(1);
    expect(auditFile(gas)._sheets.filter((s) => s._name === AUDIT)).toHaveLength(1);
    expect(gas.sheetValues(AUDIT, auditFile(gas)).flat()).not.toContain('my note');
    expect(gas.inspect.charts(AUDIT, auditFile(gas))).toHaveLength(4);
    // The team's sheets are untouched.
    expect(gas.spreadsheet._sheets.map((s) => s._name)).toEqual(['Log', 'Roster']);
  });

  test('names and workflows that look like formulas stay text', () => {
    const tricky = ['=IMPORTXML("http://example.com","//a")', '+1', '-Dee', '@Eve'];
    // Typed into the log as text (a leading apostrophe, as Sheets users do); read back without it.
    const { gas, bundle } = teamSheet(
      {},
      tricky.map((member, i) => ({
        date: plus(TODAY, -i),
        member: `'${member}`,
        workflow: i ? `'=HYPERLINK("x${i}")` : 'Plain',
      })),
    );
    expect(gas.sheetValues('Log').map((row) => row[1])).toEqual(expect.arrayContaining(tricky));
    bundle.runAuditToSheet();
    expect(gas.inspect.formulaCells().filter((cell) => cell.sheet === AUDIT)).toEqual([]);
    const values = gas.sheetValues(AUDIT, auditFile(gas));
    const members = values.map((row) => row[0]);
    for (const text of [...tricky, '=HYPERLINK("x1")']) {
      const row = members.indexOf(text);
      expect(row).toBeGreaterThan(0);
      expect(gas.inspect.numberFormat(AUDIT, `A${row + 1}`, auditFile(gas))).toBe('@');
    }
  });

  test('lists every skipped row, even past the 1,000 rows a new sheet has', () => {
    const bad = Array.from({ length: 1_200 }, (_, i) => ({
      date: plus(TODAY, -(i % 7)),
      member: 'Ana',
      outcome: `maybe ${i}`,
    }));
    const { gas, bundle } = teamSheet({}, bad);
    bundle.runAuditToSheet();
    const skipped = tableAfter(gas, 'Sheet')
      .slice(1)
      .filter((row) => row[2] === 'Skipped');
    expect(skipped).toHaveLength(1_200);
    expect(skipped[0].slice(0, 3)).toEqual(['Log', '10', 'Skipped']);
    expect(skipped[0][3]).toContain('"maybe 0" is not one of');
    expect(gas.sheet(AUDIT, auditFile(gas)).getMaxRows()).toBeGreaterThan(1_200);
  });

  test('without a log, says what to do and writes nothing', () => {
    const { gas, bundle } = fakeWithBundle();
    bundle.runAuditToSheet();
    expect(gas.ui.dialogs).toHaveLength(1);
    expect(gas.ui.dialogs[0].prompt).toContain('Uptake found no log');
    expect(gas.spreadsheet._sheetNamed(AUDIT)).toBeUndefined();
  });
});

describe('spreadsheet calls', () => {
  const MEMBERS = ['Ana', 'Ben', 'Cleo', 'Dee'];
  const WORKFLOWS = ['Client proposal', 'Weekly update', 'Board memo', 'Hiring post', 'Release notes'];
  const OUTCOMES = ['Used as-is', 'Light edit', 'Heavy edit', 'Not used'];
  function logOf(rows: number): RunSpec[] {
    return Array.from({ length: rows }, (_, i) => ({
      date: plus(TODAY, -(i % 90)),
      member: MEMBERS[i % MEMBERS.length],
      workflow: WORKFLOWS[i % WORKFLOWS.length],
      outcome: OUTCOMES[i % OUTCOMES.length],
      edit: i % 3 ? 'tone' : 'format',
    }));
  }
  function callsFor(rows: number) {
    const { roster } = sampleTeam();
    const { gas, bundle } = fakeWithBundle({
      spreadsheet: { sheets: { Log: logRows(logOf(rows)), Roster: rosterRows(roster) } },
    });
    gas.calls.reset();
    bundle.runAuditToSheet();
    expect(gas.sheetValues(AUDIT, auditFile(gas)).length).toBeGreaterThan(20);
    return gas.calls.methods('spreadsheet');
  }

  test('an audit of 50,000 log rows makes the same spreadsheet calls as one of 1,000', () => {
    const small = callsFor(1_000);
    const large = callsFor(50_000);
    expect(large).toEqual(small);
    // The log's first rows (every sheet of the log is found by its head rows alone, spec §16),
    // the whole log, and the roster, once each.
    expect(small['Range.getValues']).toBe(3);
    expect(small['Range.setValues']).toBe(1);
    expect(small['Range.setNumberFormats']).toBe(1);
  });
});
