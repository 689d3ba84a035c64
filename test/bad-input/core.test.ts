// The bad-input corpus through the core: parseLog, parseRoster and runAudit, as every surface
// calls them. Each case either reads or names the row and why, in Uptake's exact words.
import { parseLog } from '../../src/core/sheets/log';
import { parseRoster, MemberDirectory } from '../../src/core/sheets/roster';
import { runAudit } from '../../src/core/audit/audit';
import { HeaderNotFoundError } from '../../src/core/sheets/header';
import { isoToDay } from '../../src/core/base/dates';
import { DEFAULT_SETTINGS } from '../../src/core/base/types';
import { CORPUS, TODAY, WINDOW_START, type CorpusCase } from './corpus';
import { dateOrderOf, rowReasons, runsByMember, sorted, unpromptedByMember, valuesOf, zoneOf } from './support';

function readCase(c: CorpusCase) {
  const options = { timeZone: zoneOf(c), dateOrder: dateOrderOf(c) };
  const roster = c.roster ? parseRoster(valuesOf(c.roster, options.timeZone), options) : null;
  const log = parseLog(valuesOf(c.log, options.timeZone), {
    ...options,
    directory: new MemberDirectory(roster?.members ?? []),
  });
  const audit = runAudit({
    runs: log.runs,
    roster,
    names: log.names,
    asOf: isoToDay(TODAY)!,
    weeks: 1,
    settings: DEFAULT_SETTINGS,
    skippedRows: log.skipped,
    today: isoToDay(TODAY)!,
  });
  return { roster, log, audit };
}

describe.each(CORPUS.map((c) => [c.id, c] as const))('%s', (_id, c) => {
  if (c.headerError) {
    const { sheet, message } = c.headerError;
    test(`the ${sheet}'s header cannot be read: HeaderNotFoundError names what is missing`, () => {
      let thrown: unknown;
      try {
        readCase(c);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(HeaderNotFoundError);
      expect((thrown as Error).message).toBe(message);
    });
    return;
  }
  const e = c.expect!;

  test('log rows: each skipped one named with its row and reason, notices likewise', () => {
    const { log } = readCase(c);
    expect(rowReasons(log.skipped)).toEqual(e.skipped);
    expect(sorted(rowReasons(log.notices))).toEqual(sorted(e.notices));
    // Nothing is lost: every row below the header is a run, a skipped row or blank.
    const used = new Set([...log.runs.map((r) => r.row), ...log.skipped.map((s) => s.row)]);
    const values = valuesOf(c.log, zoneOf(c));
    values.forEach((row, i) => {
      const sheetRow = i + 1;
      if (sheetRow <= log.headerRow) return;
      const blank = row.every((cell) => cell === '' || (typeof cell === 'string' && cell.trim() === ''));
      expect([sheetRow, used.has(sheetRow) || blank]).toEqual([sheetRow, true]);
    });
  });

  test('roster rows: skipped and noticed with their row and reason', () => {
    const { roster } = readCase(c);
    expect(rowReasons(roster?.skipped ?? [])).toEqual(e.rosterSkipped ?? []);
    expect(sorted(rowReasons(roster?.notices ?? []))).toEqual(sorted(e.rosterNotices ?? []));
  });

  test('the audit: runs per member in the window, and its own notices', () => {
    const { audit } = readCase(c);
    expect(audit.windowStart).toBe(WINDOW_START);
    expect(runsByMember(audit.members)).toEqual(e.runs);
    if (e.unprompted) expect(unpromptedByMember(audit.members, Object.keys(e.unprompted))).toEqual(e.unprompted);
    expect(sorted(rowReasons(audit.notices))).toEqual(sorted(e.auditNotices ?? []));
    expect(audit.skippedRows).toEqual(audit.skippedRows.map((s) => ({ row: s.row, reason: s.reason })));
  });
});

describe('rows dated after today', () => {
  const { log } = readCase(CORPUS.find((c) => c.id === 'future-dates')!);
  const base = { runs: log.runs, roster: null, names: log.names, weeks: 1, settings: DEFAULT_SETTINGS };

  test('an audit as of an earlier day reports them only if they are after today, not after the as-of date', () => {
    const audit = runAudit({ ...base, asOf: isoToDay('2026-03-08')!, today: isoToDay(TODAY)! });
    expect(audit.notices.map((n) => n.row)).toEqual([3, 4, 5]);
    const later = runAudit({ ...base, asOf: isoToDay('2026-03-08')!, today: isoToDay('2026-03-16')! });
    expect(later.notices.map((n) => n.row)).toEqual([4, 5]);
  });

  test('an audit as of a later day counts them in its window (they are kept, not dropped)', () => {
    const audit = runAudit({ ...base, asOf: isoToDay('2026-03-16')!, today: isoToDay(TODAY)! });
    expect(audit.team.runs).toBe(2);
  });

  test('without a today (a pure audit of the past), nothing is reported', () => {
    expect(runAudit({ ...base, asOf: isoToDay(TODAY)! }).notices).toEqual([]);
  });
});
