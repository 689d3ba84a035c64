// The bad-input corpus through the BUILT bundle in the in-memory Apps Script: every sidebar call
// (as google.script.run makes it), "Run audit to sheet", "Send digest now", the daily run and
// the custom functions. Each either works or says what to fix; none throws anything else; and no
// operation changes any cell (value, formula, format, validation), merge or property of the
// team's log and roster: both are snapshotted before and after every operation.
import { auditFile } from '../support/fake-bundle';
import { fitCell } from '../../src/core/base/cell-formats';
import { NEAREST_LOG_HINT } from '../../src/core/sheets/setup-errors';
import type { FakeGas } from '../../packages/fake-apps-script';
import type { UptakeBundle } from '../../local/uptake-bundle';
import { CORPUS, TODAY, type CorpusCase, type RowReason } from './corpus';
import {
  auditNoticesOf,
  caseSheets,
  LOG_SHEET,
  OWN_SHEETS,
  OWNER,
  ROSTER_SHEET,
  rowReasons,
  runsByMember,
  sorted,
  unpromptedByMember,
} from './support';
import { snapshot } from '../support/snapshot';

const AUDIT = 'Adoption audit';

interface Setup {
  code: string;
  message: string;
}

/** What the spreadsheet surfaces say for a header the core cannot read. */
function setupProblem(c: CorpusCase): Setup | null {
  if (!c.headerError) return null;
  return c.headerError.sheet === 'log'
    ? { code: 'log-header', message: `Log sheet "${LOG_SHEET}": ${c.headerError.message} ${NEAREST_LOG_HINT}` }
    : { code: 'roster-header', message: `Roster sheet "${ROSTER_SHEET}": ${c.headerError.message}` };
}

/** The "Rows skipped or read with a note" table of the audit sheet, as [sheet, row, what, reason]. */
function auditSheetRows(gas: FakeGas): unknown[][] {
  const values = gas.sheetValues(AUDIT, auditFile(gas));
  const header = values.findIndex((row) => row[0] === 'Sheet' && row[1] === 'Row' && row[2] === 'What Uptake did');
  expect(header).toBeGreaterThan(0);
  const rows: unknown[][] = [];
  for (const row of values.slice(header + 1)) {
    if (row[2] !== 'Skipped' && row[2] !== 'Note') break;
    rows.push(row.slice(0, 4));
  }
  return rows;
}

/** Runs `operation`; the team's sheets must be exactly as before, and an error must be one the case explains. */
function unchanged(
  gas: FakeGas,
  what: string,
  operation: () => unknown,
  explained: (string | RegExp)[] = [],
): { value?: unknown; error?: string } {
  const before = snapshot(gas, { except: OWN_SHEETS });
  let outcome: { value?: unknown; error?: string };
  try {
    outcome = { value: operation() };
  } catch (error) {
    outcome = { error: error instanceof Error ? error.message : String(error) };
  }
  expect([what, snapshot(gas, { except: OWN_SHEETS })]).toEqual([what, before]);
  const error = outcome.error;
  if (error !== undefined) {
    const isExplained = explained.some((x) => (typeof x === 'string' ? x === error : x.test(error)));
    expect({ what, error, isExplained }).toEqual({ what, error, isExplained: true });
  }
  return outcome;
}

/** The log's columns below its header, as a custom function receives a range. */
function column(gas: FakeGas, header: string): { values: unknown[][]; headerRow: number } | null {
  const values = gas.sheetValues(LOG_SHEET);
  const headerRow = values.findIndex((row) => row.includes(header));
  if (headerRow < 0) return null;
  const col = values[headerRow].indexOf(header);
  return { values: values.slice(headerRow + 1).map((row) => [row[col]]), headerRow };
}

describe.each(CORPUS.map((c) => [c.id, c] as const))('%s', (_id, c) => {
  let gas: FakeGas;
  let bundle: UptakeBundle;
  const problem = setupProblem(c);
  const explained = problem ? [problem.message] : [];

  beforeAll(() => {
    ({ gas, bundle } = caseSheets(c));
  });

  test('the sidebar (getDashboard): the audit with every skipped row and notice, or the set-up problem', () => {
    const { value } = unchanged(gas, 'getDashboard', () => bundle.$runFromClient('getDashboard', {}));
    const data = value as {
      problem: Setup | null;
      audit: {
        skippedRows: { row: number; reason: string }[];
        notices: { row: number; reason: string }[];
        members: { member: string; runs: number; unpromptedRuns: number }[];
      } | null;
    };
    if (problem) {
      expect(data.problem).toEqual(problem);
      expect(data.audit).toBeNull();
      return;
    }
    const e = c.expect!;
    expect(data.problem).toBeNull();
    const audit = data.audit!;
    expect(rowReasons(audit.skippedRows)).toEqual(e.skipped);
    expect(sorted(rowReasons(audit.notices))).toEqual(auditNoticesOf(e));
    expect(runsByMember(audit.members)).toEqual(e.runs);
    if (e.unprompted) expect(unpromptedByMember(audit.members, Object.keys(e.unprompted))).toEqual(e.unprompted);
    // Another window and as-of date read the same rows.
    unchanged(gas, 'getDashboard (2 weeks, as of the day before)', () =>
      bundle.$runFromClient('getDashboard', { asOf: '2026-03-14', weeks: 2 }),
    );
  });

  test('the other sidebar calls: the Log a run form, the automation status, the digest preview, selecting a skipped row', () => {
    const form = unchanged(gas, 'getLogForm', () => bundle.$runFromClient('getLogForm')).value as {
      problem: Setup | null;
      members: string[];
    };
    expect(form.problem).toEqual(problem);
    const status = unchanged(gas, 'getAutomationStatus', () => bundle.$runFromClient('getAutomationStatus')).value as {
      problems: string[];
    };
    expect(status.problems).toEqual([]);
    const preview = unchanged(gas, 'previewDigest', () => bundle.$runFromClient('previewDigest'), explained);
    if (problem) expect(preview.error).toBe(problem.message);
    else
      expect((preview.value as { subject: string }).subject).toBe('Uptake weekly digest: the week to Sat 14 Mar 2026');
    const firstSkipped = c.expect?.skipped[0]?.[0];
    if (firstSkipped !== undefined) {
      unchanged(gas, 'selectLogRow', () => bundle.$runFromClient('selectLogRow', firstSkipped));
      expect(gas.inspect.selection()).toEqual({
        sheet: LOG_SHEET,
        a1: expect.stringMatching(new RegExp(`^A${firstSkipped}:[A-Z]+${firstSkipped}$`)),
      });
    }
  });

  test('"Run audit to sheet": every skipped row and notice listed with its row and reason, as text; or an alert saying what to fix', () => {
    unchanged(gas, 'runAuditToSheet', () => bundle.runAuditToSheet());
    if (problem) {
      expect(gas.ui.dialogs.at(-1)).toMatchObject({
        kind: 'alert',
        title: 'Uptake could not run the audit',
        prompt: problem.message,
      });
      expect(gas.spreadsheet.getSheetByName(AUDIT)).toBeNull();
      return;
    }
    const e = c.expect!;
    const rosterSheet = c.roster ? ROSTER_SHEET : '';
    const noticeRows = auditNoticesOf(e).map(([row, reason]: RowReason) => {
      const fromRoster = reason.startsWith('Roster row ');
      return [fromRoster ? rosterSheet : row ? 'Log' : '', row || '–', 'Note', fitCell(reason)];
    });
    const rows = auditSheetRows(gas);
    expect(rows.filter((r) => r[2] === 'Skipped')).toEqual(
      e.skipped.map(([row, reason]) => ['Log', row, 'Skipped', reason]),
    );
    const byText = (a: unknown[], b: unknown[]) => JSON.stringify(a).localeCompare(JSON.stringify(b));
    expect(rows.filter((r) => r[2] === 'Note').sort(byText)).toEqual(noticeRows.sort(byText));
    expect(gas.inspect.formulaCells()).toEqual([]);
  });

  test('"Send digest now" and a week of the daily run: sent, or the owner told once what to fix', () => {
    const sent = unchanged(gas, 'sendDigestNow', () => bundle.sendDigestNow(true), explained);
    if (problem) expect(sent.error).toBe(problem.message);
    else expect(sent.value).toBe('Digest sent to 1 recipient.');
    unchanged(gas, 'setAutomation', () => bundle.setAutomation(true));
    let runs: { ok: boolean; error?: Error }[] = [];
    unchanged(gas, 'the daily run, 7 days', () => (runs = bundle.$runDays(7)));
    expect(runs.map((r) => [r.ok, r.error?.message])).toEqual(Array(7).fill([true, undefined]));
    const setupMails = gas.mail.sent.filter(
      (m) => m.subject === 'Uptake: the daily run needs a fix in your spreadsheet',
    );
    expect(gas.mail.sent.every((m) => m.recipients.join() === OWNER)).toBe(true);
    if (problem) {
      expect(setupMails).toHaveLength(1);
      expect(setupMails[0].body).toContain(problem.message);
      expect(bundle.getAutomationStatus().problems).toEqual([problem.message]);
    } else {
      expect(setupMails).toEqual([]);
      expect(
        gas.mail.sent.filter((m) => m.subject === 'Uptake weekly digest: the week to Sun 15 Mar 2026'),
      ).toHaveLength(1);
    }
    expect(gas.inspect.formulaCells()).toEqual([]);
  });

  test("the custom functions over the log's columns: a number, or an error naming the cell", () => {
    const dates = column(gas, 'Date');
    const members = column(gas, 'Team member');
    const outcomes = column(gas, 'Outcome');
    if (!dates || !members || !outcomes) {
      expect(problem?.code).toBe('log-header');
      return;
    }
    const names = Object.keys(c.expect?.runs ?? {});
    for (const name of names) {
      const result = unchanged(
        gas,
        `USES_PER_WEEK(${name.slice(0, 20)})`,
        () => bundle.$custom('USES_PER_WEEK', dates.values, members.values, name, TODAY, 1),
        [/^USES_PER_WEEK: .+ \(row \d+ of dates\)\.$/s],
      );
      if (result.error === undefined) {
        expect(typeof result.value).toBe('number');
        expect(result.value as number).toBeGreaterThanOrEqual(0);
      }
    }
    const rate = unchanged(gas, 'ACCEPTANCE_RATE', () => bundle.$custom('ACCEPTANCE_RATE', outcomes.values), [
      /^ACCEPTANCE_RATE: .+ \(row \d+, column 1 of the range\) is not an outcome\. Accepted spellings: /s,
    ]);
    if (rate.error === undefined) expect(rate.value).toEqual(expect.any(Number));
    // A row the audit skips for its outcome is named by its position in the range.
    const outcomeSkip = c.expect?.skipped.find(([, reason]) => /^The outcome "/.test(reason));
    if (outcomeSkip)
      expect(rate.error).toContain(`(row ${outcomeSkip[0] - dates.headerRow - 1}, column 1 of the range)`);
  });
});

describe('a log as teams dress it: formulas, dropdowns, formats, colours, notes, frozen and hidden columns', () => {
  test('no operation changes any of it', () => {
    const c = CORPUS.find((x) => x.id === 'header-below-titles')!;
    const { gas, bundle } = caseSheets(c);
    bundle.setUpLogAndRoster(); // creates the roster; asks before adding dropdowns to the existing log
    const log = gas.sheet(LOG_SHEET);
    log.getRange('H4').setValues([['Week']]);
    for (const row of [5, 6, 7]) gas.user.setFormula(LOG_SHEET, `H${row}`, `=WEEKNUM(A${row})`);
    gas.user.setFormula(LOG_SHEET, 'G5', '=LEN(C5)');
    gas.user.setBackground(LOG_SHEET, 'A4:H4', '#fce8b2');
    log.getRange('A4:H4').setFontWeight('bold');
    gas.user.setNote(LOG_SHEET, 'B5', 'Ana joined in March');
    log.setFrozenRows(4);
    gas.user.hideColumns(LOG_SHEET, 8);
    const ops: [string, () => unknown][] = [
      ['getDashboard', () => bundle.$runFromClient('getDashboard', {})],
      ['getLogForm', () => bundle.$runFromClient('getLogForm')],
      ['previewDigest', () => bundle.$runFromClient('previewDigest')],
      ['runAuditToSheet', () => bundle.runAuditToSheet()],
      ['sendDigestNow', () => bundle.sendDigestNow(true)],
      ['automation', () => (bundle.setAutomation(true), bundle.$runDays(3))],
      [
        'USES_PER_WEEK',
        () =>
          bundle.$custom(
            'USES_PER_WEEK',
            gas
              .sheetValues(LOG_SHEET)
              .slice(4)
              .map((r) => [r[0]]),
            gas
              .sheetValues(LOG_SHEET)
              .slice(4)
              .map((r) => [r[1]]),
            'Ana',
            TODAY,
          ),
      ],
    ];
    for (const [what, op] of ops) unchanged(gas, what, op);
    expect(gas.inspect.formulaCells().map((f) => `${f.sheet}!${f.a1}`)).toEqual([
      `${LOG_SHEET}!G5`,
      `${LOG_SHEET}!H5`,
      `${LOG_SHEET}!H6`,
      `${LOG_SHEET}!H7`,
    ]);
  });
});

describe('the snapshot used above', () => {
  test('sees a change of value type, format, formula, validation, merge, note, name or size', () => {
    const c = CORPUS.find((x) => x.id === 'header-below-titles')!;
    const changes: [string, (gas: FakeGas) => void][] = [
      [
        'a value',
        (gas) =>
          gas
            .sheet(LOG_SHEET)
            .getRange('B5')
            .setValues([['Anna']]),
      ],
      [
        'a date to the same day as text',
        (gas) =>
          gas
            .sheet(LOG_SHEET)
            .getRange('A5')
            .setValues([['2026-03-10']]),
      ],
      ['a number format', (gas) => gas.sheet(LOG_SHEET).getRange('B5').setNumberFormat('@')],
      ['a formula', (gas) => gas.user.setFormula(LOG_SHEET, 'G5', '=1')],
      [
        'a validation',
        (gas) =>
          gas
            .sheet(LOG_SHEET)
            .getRange('D5')
            .setDataValidation(gas.globals.SpreadsheetApp.newDataValidation().requireCheckbox().build()),
      ],
      ['a merge', (gas) => gas.user.merge(LOG_SHEET, 'C5:D5')],
      ['a note', (gas) => gas.user.setNote(LOG_SHEET, 'C5', 'x')],
      ['the name', (gas) => gas.user.renameSheet(LOG_SHEET, 'Log')],
      ['the size', (gas) => gas.sheet(LOG_SHEET).insertRowsAfter(1, 1)],
    ];
    for (const [what, change] of changes) {
      const { gas } = caseSheets(c);
      const before = snapshot(gas, { except: OWN_SHEETS });
      change(gas);
      expect([what, snapshot(gas, { except: OWN_SHEETS })]).not.toEqual([what, before]);
    }
  });
});
