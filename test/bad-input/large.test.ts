// 100,000 log rows with every kind of bad row among them: each skipped row is still named with
// its own row number, the figures are exact, the spreadsheet calls do not grow with the rows, and
// the team's log is unchanged afterwards. (No timing assertion: the suite itself stays quick.)
import { auditFile } from '../support/fake-bundle';
import { LOG_HEADERS, parseLog } from '../../src/core/sheets/log';
import { runAudit } from '../../src/core/audit/audit';
import { isoToDay } from '../../src/core/base/dates';
import { DEFAULT_SETTINGS } from '../../src/core/base/types';
import { mixedBlock, PAYLOADS, TODAY, type Cell, type CorpusCase } from './corpus';
import { caseSheets, LOG_SHEET, OWN_SHEETS, runsByMember, valuesOf } from './support';
import { snapshot } from '../support/snapshot';
import { auditOf } from '../support/dashboard';

const BLOCKS = 10_000;
const block = mixedBlock();
const ROWS = BLOCKS * block.length;
/** Offsets in a block of the rows skipped, and the start of each reason. */
const SKIPS: [number, string][] = [
  [1, '"yesterday" is not a date'],
  [2, 'The team member is the number 42'],
  [3, 'The outcome "meh" is not one of'],
  [5, 'The date cell shows the error #N/A; the team member cell shows the error #REF!'],
  [9, 'Prompted is "maybe"'],
];
const NOTICES: [number, string][] = [
  [4, 'Edit type "vibes" ignored'],
  [7, 'Dated 2027-03-12, after today (2026-03-15)'],
];

const big: CorpusCase = {
  id: 'hundred-thousand-rows',
  what: '100,000 rows',
  locale: 'en_GB',
  log: [LOG_HEADERS, ...(Array.from({ length: BLOCKS }, () => block).flat() as Cell[][])],
};

/** The sheet row of offset `k` in block `b` (the header is row 1). */
const rowOf = (b: number, k: number) => 2 + b * block.length + k;

function expectEveryRowNamed(problems: { row: number; reason: string }[], kinds: [number, string][]) {
  expect(problems).toHaveLength(BLOCKS * kinds.length);
  // In row order, block after block: each problem at its own row with its own reason.
  problems.forEach((problem, i) => {
    const [offset, reason] = kinds[i % kinds.length];
    const expected = rowOf(Math.floor(i / kinds.length), offset);
    if (problem.row !== expected || !problem.reason.startsWith(reason))
      expect({ i, problem }).toEqual({ i, problem: { row: expected, reason: expect.stringMatching(`^${reason}`) } });
  });
}

test(`the core reads ${ROWS.toLocaleString('en')} rows: each skipped row and notice at its own row`, () => {
  const log = parseLog(valuesOf(big.log, 'UTC'), { timeZone: 'UTC', dateOrder: 'DMY' });
  expect(log.runs).toHaveLength(BLOCKS * 4);
  expectEveryRowNamed(log.skipped, SKIPS);
  const audit = runAudit({
    runs: log.runs,
    roster: null,
    names: log.names,
    asOf: isoToDay(TODAY)!,
    weeks: 1,
    settings: DEFAULT_SETTINGS,
    today: isoToDay(TODAY)!,
  });
  expect(runsByMember(audit.members)).toEqual({ Ana: BLOCKS, ben: BLOCKS, [PAYLOADS.img]: BLOCKS });
  expectEveryRowNamed(
    [...log.notices, ...audit.notices.filter((n) => n.reason.startsWith('Dated'))].sort((a, b) => a.row - b.row),
    NOTICES,
  );
});

test(`the sidebar and the audit sheet on ${ROWS.toLocaleString('en')} rows: the same figures, the same spreadsheet calls as 3,000 rows, the log unchanged`, () => {
  // 3,000 rows: enough skipped rows that the audit sheet, too, outgrows a new sheet's 1,000 rows.
  const small = caseSheets({
    ...big,
    log: [LOG_HEADERS, ...(Array.from({ length: 300 }, () => block).flat() as Cell[][])],
  });
  small.gas.calls.reset();
  small.bundle.getDashboard({});
  small.bundle.runAuditToSheet();
  const smallCalls = small.gas.calls.spreadsheet;

  const { gas, bundle } = caseSheets(big);
  const before = snapshot(gas, { except: OWN_SHEETS });
  gas.calls.reset();
  const data = bundle.getDashboard({});
  expect(data.problem).toBeNull();
  expectEveryRowNamed(auditOf(data).skippedRows, SKIPS);
  expect(runsByMember(auditOf(data).members)).toEqual({ Ana: BLOCKS, ben: BLOCKS, [PAYLOADS.img]: BLOCKS });
  bundle.runAuditToSheet();
  // The audit sheet grows with the skipped rows, not the number of calls that write it.
  expect(gas.calls.spreadsheet).toBe(smallCalls);
  const sheet = gas.sheetValues('Adoption audit', auditFile(gas));
  const skippedLines = sheet.filter((row) => row[2] === 'Skipped');
  expect(skippedLines).toHaveLength(BLOCKS * SKIPS.length);
  expect(skippedLines.at(-1)?.slice(0, 2)).toEqual(['Log', rowOf(BLOCKS - 1, 9)]);
  expect(snapshot(gas, { except: OWN_SHEETS })).toEqual(before);
  expect(gas.sheetValues(LOG_SHEET)).toHaveLength(ROWS + 1);
});
