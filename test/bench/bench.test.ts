// The bench's parts, without timing: its data is reproducible and realistic, it times the same
// audit the sidebar computes (from the BUILT bundle), and its budgets fail when they should.
import fs from 'fs';
import path from 'path';
import { createFakeGas } from '../../packages/fake-apps-script';
import { loadUptake } from '../../local/uptake-bundle';
import { BUILD_DIR, CODE_JS } from '../bundle/support';
import { keepShapes, loadBundleInternals, zeroCostSpreadsheet } from '../../bench/bundle-internals';
import {
  cellsAsRead,
  DATE_COL,
  generateTeam,
  LAST_DAY_ISO,
  LOCALE,
  MEMBER_COL,
  seededRandom,
  TIME_ZONE,
} from '../../bench/generate';
import { barePass, interleave } from '../../bench/measure';
import { measureRatio } from '../../bench/ratio';
import { checkBudgets, DASHBOARD_CALLS_BUDGET, RATIO_BUDGET, ratioGate, type SizeFigures } from '../../bench/budgets';
import sizeBudgets from '../../scripts/size-budgets.json';
import { ACTIONS, actionCosts, cellsReadBy, type ActionCost, type CostFigures } from '../../bench/costs';
import { parseArgs, report, underCi } from '../../bench/run';
import { DEFAULT_LOG_SHEET, DEFAULT_ROSTER_SHEET } from '../../src/core/base/sheet-names';
import { LOG_HEADERS, OUTCOME_CHOICES } from '../../src/core/sheets/log';
import { ROSTER_HEADERS } from '../../src/core/sheets/roster';
import { isoToDay } from '../../src/core/base/dates';

function builtCode(): string {
  if (!fs.existsSync(CODE_JS))
    throw new Error('build/Code.js is missing: run `npm run build` (npm test does) before these tests.');
  return fs.readFileSync(CODE_JS, 'utf8');
}

const GLOBALS = {
  SpreadsheetApp: {
    getActiveSpreadsheet: () => ({ getSpreadsheetTimeZone: () => TIME_ZONE, getSpreadsheetLocale: () => LOCALE }),
  },
  Session: { getScriptTimeZone: () => TIME_ZONE },
};

describe('generated team data', () => {
  it('is the same for the same size and seed, and differs for another seed', () => {
    const a = generateTeam(3_000);
    const b = generateTeam(3_000);
    expect(b.log).toEqual(a.log);
    expect(b.roster).toEqual(a.roster);
    expect(generateTeam(3_000, { seed: 7 }).log).not.toEqual(a.log);
  });

  it('is copied for each timed call as a new getValues would return it: equal cells in new rows and Dates', () => {
    const team = generateTeam(1_000);
    const copy = cellsAsRead(team.log);
    expect(copy).toEqual(team.log);
    expect(copy).not.toBe(team.log);
    copy.forEach((row, i) => {
      expect(row).not.toBe(team.log[i]);
      row.forEach((cell, j) => {
        if (cell instanceof Date) expect(cell).not.toBe(team.log[i][j]);
      });
    });
    expect(copy.flat().some((cell) => cell instanceof Date)).toBe(true);
  });

  it('has 50 members on the roster, 20 workflows, every outcome, prompted runs and a few bad rows', () => {
    const team = generateTeam(4_000);
    expect(team.log[0]).toEqual(LOG_HEADERS);
    expect(team.log).toHaveLength(4_001);
    expect(team.roster[0]).toEqual(ROSTER_HEADERS);
    expect(new Set(team.roster.slice(1).map((r) => r[0])).size).toBe(50);
    expect(new Set(team.log.slice(1).map((r) => r[2])).size).toBeGreaterThanOrEqual(20);
    const outcomes = new Set(team.log.slice(1).map((r) => r[3]));
    for (const outcome of OUTCOME_CHOICES) expect(outcomes).toContain(outcome);
    expect(team.log.slice(1).some((r) => r[5] === true)).toBe(true);
    expect(team.log.slice(1).some((r) => typeof r[DATE_COL] === 'string')).toBe(true);
    expect(team.badRows.length).toBeGreaterThanOrEqual(5);
    expect(team.lastDay).toBe(isoToDay(LAST_DAY_ISO));
  });

  it('keeps the log in date order, over a span that grows with its size', () => {
    const small = generateTeam(1_000);
    const large = generateTeam(20_000);
    expect(large.lastDay - large.firstDay).toBeGreaterThan(10 * (small.lastDay - small.firstDay));
    const times = large.log
      .slice(1)
      .map((r) => r[DATE_COL])
      .filter((d): d is Date => d instanceof Date)
      .map((d) => d.getTime());
    // Timestamps fall within their day, so the dates never go back by a day or more.
    expect(times.filter((t, i) => i > 0 && t <= times[i - 1] - 86_400_000)).toEqual([]);
  });
});

describe('the bare pass', () => {
  it('reads the latest date cell and counts the members as written', () => {
    const values = [
      ['Date', 'Team member'],
      [new Date('2026-03-01T00:00:00Z'), 'Ana'],
      [new Date('2026-03-03T00:00:00Z'), 'Ben'],
      ['2026-03-09', 'ana'],
    ];
    expect(barePass(values, 0, 1)).toEqual({ latest: Date.parse('2026-03-03T00:00:00Z'), members: 3 });
  });
});

describe('the timing', () => {
  it('hands every timed call an input of its own, made before the timer starts', () => {
    const global = globalThis as { gc?: unknown };
    const before = global.gc;
    global.gc = () => undefined; // the bench runs with --expose-gc; jest does not
    try {
      let made = 0;
      const seen: number[] = [];
      const times = interleave(
        { parse: { prepare: () => ++made, run: (input: number) => seen.push(input) } },
        { runs: 3, minBatchMs: 0 },
      );
      expect(times.parse).toHaveLength(3);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBe(made);
    } finally {
      global.gc = before;
    }
  });
});

describe('the core as the bench runs it from build/Code.js', () => {
  it("hands out the bundle's own readTeam and auditTeam, and refuses a bundle where it cannot find them", () => {
    const code = builtCode();
    expect(() => loadBundleInternals(code, GLOBALS)).not.toThrow();
    // The build keeps each function's and class's name in a keepNames call: `s(De,"readTeam")`.
    expect(() => loadBundleInternals(code.replace(/,"readTeam"\)/g, ',"readTeam2")'), GLOBALS)).toThrow(
      /0 functions named readTeam/,
    );
    expect(() => loadBundleInternals(code.replace(/,"MemberDirectory"\)/g, ',"MemberDirectory2")'), GLOBALS)).toThrow(
      /0 classes named MemberDirectory/,
    );
    // A keepNames call that names another function: the binding handed out is not the function of the name.
    const auditTeam = /([\w$]+),"auditTeam"\)/.exec(code)![1];
    expect(() => loadBundleInternals(code.replace(/[\w$]+,"readTeam"\)/, `${auditTeam},"readTeam")`), GLOBALS)).toThrow(
      /did not hand out its/,
    );
  });

  it('hands out the classes a parse makes, whose instances the bench keeps', () => {
    const bundle = loadBundleInternals(builtCode(), GLOBALS);
    expect(() => keepShapes(bundle)).not.toThrow();
    expect(new bundle.MemberDirectory()).toHaveProperty('members', []);
    expect(new bundle.RunTableBuilder(0).build(0)).toHaveProperty('length', 0);
  });

  it('computes the same audit as getDashboard in the in-memory Apps Script, skipping exactly the bad rows', () => {
    const team = generateTeam(2_000);
    const bundle = loadBundleInternals(builtCode(), GLOBALS);
    const spreadsheet = zeroCostSpreadsheet(
      { [DEFAULT_LOG_SHEET]: team.log, [DEFAULT_ROSTER_SHEET]: team.roster },
      team.timeZone,
      team.locale,
    );
    const settings = bundle.validateSettings({});
    const data = bundle.readTeam(spreadsheet, settings, []);
    const audit = bundle.auditTeam(data, settings, LAST_DAY_ISO);
    const history = bundle.teamHistory(data, settings, LAST_DAY_ISO);
    expect(audit.skippedRows.map((p) => p.row)).toEqual(team.badRows);
    expect(history.weeks).toHaveLength(settings.historyWeeks);
    expect(audit.members).toHaveLength(50);

    const fake = createFakeGas({
      now: `${LAST_DAY_ISO}T18:00:00Z`,
      spreadsheet: { timeZone: team.timeZone, locale: team.locale },
      valueParsing: 'text',
    });
    fake.addSheet(DEFAULT_LOG_SHEET, team.log);
    fake.addSheet(DEFAULT_ROSTER_SHEET, team.roster);
    expect(fake.sheetValues(DEFAULT_LOG_SHEET)).toEqual(team.log);
    const ctx = loadUptake(fake, BUILD_DIR);
    const dashboard = ctx.$runFromClient('getDashboard', { asOf: LAST_DAY_ISO });
    expect(dashboard.problem).toBeNull();
    expect(dashboard.audit).toEqual(JSON.parse(JSON.stringify(audit)));
    expect(dashboard.history).toEqual(JSON.parse(JSON.stringify(history)));
  });

  it('reads the date and member columns the bare pass reads', () => {
    const team = generateTeam(1_000, { badRows: false });
    expect(team.log[0][DATE_COL]).toBe('Date');
    expect(team.log[0][MEMBER_COL]).toBe('Team member');
    expect(barePass(team.log, DATE_COL, MEMBER_COL).members).toBeGreaterThan(50);
  });
});

const action = (calls: number, cellsRead: number, methods: Record<string, number> = {}): ActionCost => ({
  calls,
  spreadsheetCalls: calls - 2,
  cellsRead,
  methods,
});
/** What each action costs; the log's length only in the reads that may grow with it. */
const costs = (
  rows: number,
  changed: { auditGetValues?: number; logFormCells?: number; dashboardCalls?: number } = {},
): CostFigures => ({
  actions: {
    'open Log a run': action(42, changed.logFormCells ?? 2_979),
    'submit a run': action(42, 1_227),
    'open the dashboard': action(changed.dashboardCalls ?? 25, 7 * rows, { 'Sheet.getName': 3 }),
    'run audit to sheet': action(66, 7 * rows, {
      'Range.getValues': changed.auditGetValues ?? 3,
      'Sheet.getRange': 20,
    }),
    'one daily run': action(130, 7 * rows),
    'one custom-function cell': action(3, 0),
  },
  auditSheetRows: 140,
  customFunctionArgumentCells: 3 * rows,
});

describe('the ratio budget on a noisy machine', () => {
  const global = globalThis as { gc?: unknown };
  let savedGc: unknown;
  beforeAll(() => {
    savedGc = global.gc;
    global.gc = () => undefined; // the bench runs with --expose-gc; jest does not
  });
  afterAll(() => {
    global.gc = savedGc;
  });

  type Costs = { floor: number; read: number; audit: number; history: number };
  /**
   * Timed functions whose calls cost `cost` simulated milliseconds each, times a noise factor:
   * another process slows a batch (by up to 4×) with probability `noisy`, and every batch of the
   * first `busyRuns` runs is slowed, as when other jobs hold the cores for a while.
   */
  function simulated(costs: Costs, seed: number, noisy: number, busyRuns = 0) {
    const random = seededRandom(seed);
    let now = 0;
    let batch = 0;
    const clock = () => now;
    const fn = (cost: number) => ({
      run: () => {
        // Five batches a run: the bare pass, the parse, the audit, the history, the bare pass again.
        const run = Math.floor(batch++ / 5);
        const slowed = run < busyRuns || random() < noisy;
        now += cost * (slowed ? 1.2 + 2.8 * random() : 1 + 0.02 * random());
      },
    });
    return {
      timed: { floor: fn(costs.floor), read: fn(costs.read), audit: fn(costs.audit), history: fn(costs.history) },
      clock,
    };
  }
  const ratioAt = (costs: Costs, seed: number, noisy: number, busyRuns = 0) => {
    const { timed, clock } = simulated(costs, seed, noisy, busyRuns);
    // minBatchMs 0: one call a batch, so each batch draws its own noise.
    const figures = measureRatio(timed, { runs: 5, minBatchMs: 0, budget: RATIO_BUDGET, clock, maxRuns: 60 });
    return checkBudgets({
      sizes: [{ ...figures, rows: 100_000, coreMs: 0, heapPeakMb: 0, logMb: 0, costs: null }],
      files: {},
    })[3];
  };
  // The audit as measured on a quiet machine: 2.2× the bare pass (BENCHMARKS.md).
  const healthy = { floor: 6, read: 11.9, audit: 1.0, history: 0.3 };
  const twiceAsSlow = { floor: 6, read: 23.8, audit: 2.0, history: 0.6 };
  const seeds = Array.from({ length: 200 }, (_, i) => i + 1);

  it('passes a healthy audit whatever share of the runs noise slows, and after a busy spell', () => {
    for (const noisy of [0.2, 0.5, 0.8]) {
      const failed = seeds.filter((seed) => ratioAt(healthy, seed, noisy).ok !== true);
      expect({ noisy, failed }).toEqual({ noisy, failed: [] });
    }
    const afterBusy = seeds.filter((seed) => ratioAt(healthy, seed, 0.3, 30).ok !== true);
    expect(afterBusy).toEqual([]);
  });

  it('fails an audit twice as slow under the same noise', () => {
    for (const noisy of [0, 0.2, 0.5]) {
      const passed = seeds.filter((seed) => ratioAt(twiceAsSlow, seed, noisy).ok !== false);
      expect({ noisy, passed }).toEqual({ noisy, passed: [] });
    }
  });

  it('holds with real timing while other processes use the cores (CPU time, fastest paired runs)', () => {
    // Loops of arithmetic stand in for the bare pass and the audit: 2.2× and 4.4× the floor's work.
    const work = (n: number) => ({
      run: () => {
        let sum = 0;
        for (let i = 0; i < n; i++) sum = (sum + ((i * i) ^ (sum >>> 3))) | 0;
        return sum;
      },
    });
    const unit = 200_000;
    const measure = (factor: number) =>
      measureRatio(
        {
          floor: work(unit),
          read: work(Math.round(unit * factor * 0.9)),
          audit: work(Math.round(unit * factor * 0.08)),
          history: work(Math.round(unit * factor * 0.02)),
        },
        { runs: 5, minBatchMs: 5, budget: RATIO_BUDGET, patienceMs: 10_000, maxRuns: 15 },
      );
    const quiet = measure(2.2);
    expect(quiet.ratio).toBeGreaterThan(1.8);
    expect(quiet.ratio).toBeLessThanOrEqual(RATIO_BUDGET);
    expect(measure(4.4).ratio).toBeGreaterThan(RATIO_BUDGET);
  });

  it('says when the machine was busy, so a broken budget is not taken for a slowdown', () => {
    const figures = {
      runs: 400,
      parseMs: 36,
      auditMs: 3,
      historyMs: 1,
      floorMs: 10,
      fastestCoreMs: 31,
      fastestFloorMs: 9.5,
      ratio: 31 / 9.5,
      cpuShare: 0.3,
      load: { average: 16.2, cores: 2 },
    };
    const verdict = checkBudgets({
      sizes: [{ ...figures, rows: 100_000, coreMs: 40, heapPeakMb: 0, logMb: 0, costs: null }],
      files: {},
    })[3];
    expect(verdict.ok).toBe(false);
    expect(verdict.detail).toContain('3.26× (fastest of 400 paired runs: 31.0 ms against 9.5 ms of CPU time)');
    expect(verdict.detail).toContain('a core 30% of the time (load 16.2 on 2 cores)');
  });
});

describe('what each user action costs in the in-memory Apps Script', () => {
  it('counts calls and cells of every action on the built bundle; Log a run reads the same at 1,000 and 3,000 rows', () => {
    const small = actionCosts(generateTeam(1_000), path.dirname(BUILD_DIR));
    const large = actionCosts(generateTeam(3_000), path.dirname(BUILD_DIR));
    expect(Object.keys(large.actions)).toEqual([...ACTIONS]);
    for (const name of ACTIONS) expect(large.actions[name].calls).toBeGreaterThan(0);
    expect(large.actions['open Log a run'].cellsRead).toBe(small.actions['open Log a run'].cellsRead);
    expect(large.actions['submit a run'].cellsRead).toBe(small.actions['submit a run'].cellsRead);
    // The audit reads the whole log: 7 columns of 2,000 more rows.
    expect(large.actions['run audit to sheet'].cellsRead - small.actions['run audit to sheet'].cellsRead).toBe(
      7 * 2_000,
    );
    expect(large.actions['one custom-function cell']).toMatchObject({ cellsRead: 0 });
    expect(large.customFunctionArgumentCells).toBe(9_000);
    // Opening the dashboard: the same calls at both sizes, within the budget.
    expect(large.actions['open the dashboard'].calls).toBe(small.actions['open the dashboard'].calls);
    expect(large.actions['open the dashboard'].calls).toBeLessThanOrEqual(DASHBOARD_CALLS_BUDGET);
  });

  it('counts a range read as its rows times its columns, a one-cell read as one, other calls as none', () => {
    const range = createFakeGas().sheet('Sheet1')._rangeAt(1, 1, 300, 7);
    expect(cellsReadBy({ cls: 'Range', method: 'getValues', target: range })).toBe(2_100);
    expect(cellsReadBy({ cls: 'Range', method: 'getNumberFormats', target: range })).toBe(2_100);
    expect(cellsReadBy({ cls: 'Range', method: 'getDataValidation', target: range })).toBe(1);
    expect(cellsReadBy({ cls: 'Range', method: 'setValues', target: range })).toBe(0);
    expect(cellsReadBy({ cls: 'Sheet', method: 'getLastRow', target: range })).toBe(0);
  });
});

describe('budgets', () => {
  const size = (rows: number, ratio: number, costFigures: CostFigures | null): SizeFigures => ({
    rows,
    runs: 5,
    parseMs: ratio,
    auditMs: 0,
    historyMs: 0,
    coreMs: ratio,
    floorMs: 1,
    fastestCoreMs: ratio,
    fastestFloorMs: 1,
    ratio,
    cpuShare: 1,
    load: { average: 0.5, cores: 2 },
    heapPeakMb: 1,
    logMb: 1,
    costs: costFigures,
  });
  const files = { 'Code.js': 120 * 1024, 'sidebar.html': 40 * 1024, 'logrun.html': 48 * 1024 };

  it('all hold when calls are the same at every size, the ratio is within the budget and the files are small', () => {
    const verdicts = checkBudgets({
      sizes: [size(1_000, 9, costs(1_000)), size(10_000, 5, null), size(100_000, 2.5, costs(100_000))],
      files,
    });
    expect(verdicts.map((v) => v.ok)).toEqual([true, true, true, true, true, true, true]);
  });

  it('hold the audit to 3× the bare pass at 100,000 rows', () => {
    const ratioVerdict = (ratio: number) => checkBudgets({ sizes: [size(100_000, ratio, null)], files })[3];
    expect(ratioVerdict(2.95)).toMatchObject({ name: 'audit ≤ 3× the bare pass at 100,000 rows', ok: true });
    expect(ratioVerdict(3.05).ok).toBe(false);
  });

  it('under CI report the ratio against the budget and gate nothing on it, busy machine or not', () => {
    const ratioVerdict = (ratio: number, cpuShare = 1) =>
      checkBudgets({ sizes: [{ ...size(100_000, ratio, null), cpuShare }], files }, ratioGate(true))[3];
    expect(ratioGate(true)).toBeNull();
    expect(ratioGate(false)).toBe(RATIO_BUDGET);
    expect(ratioVerdict(2.95)).toMatchObject({
      name: 'audit ≤ 3× the bare pass at 100,000 rows (under CI reported, not gated)',
      ok: true,
    });
    expect(ratioVerdict(2.95).detail).not.toContain('over the 3× budget');
    expect(ratioVerdict(3.4)).toMatchObject({ ok: true, detail: expect.stringContaining('3.40×') });
    expect(ratioVerdict(3.4).detail).toContain('over the 3× budget');
    expect(ratioVerdict(9, 0.3)).toMatchObject({ ok: true, detail: expect.stringContaining('a core 30% of the time') });
    expect(ratioVerdict(9, 1).ok).toBe(true);
    // Anywhere else the budget gates.
    expect(checkBudgets({ sizes: [size(100_000, 3.4, null)], files }, ratioGate(false))[3].ok).toBe(false);
  });

  it('know CI by its environment variable', () => {
    expect(underCi({ CI: 'true' })).toBe(true);
    expect(underCi({ CI: '1' })).toBe(true);
    expect(underCi({})).toBe(false);
    expect(underCi({ CI: '' })).toBe(false);
    expect(underCi({ CI: 'false' })).toBe(false);
    expect(underCi({ CI: '0' })).toBe(false);
  });

  it('name each broken budget', () => {
    const verdicts = checkBudgets({
      sizes: [
        size(1_000, 9, costs(1_000)),
        size(
          100_000,
          RATIO_BUDGET + 0.1,
          costs(100_000, { auditGetValues: 4, logFormCells: 700_007, dashboardCalls: 34 }),
        ),
      ],
      files: {
        'Code.js': sizeBudgets.codeJsBytes + 1024,
        'sidebar.html': null,
        'logrun.html': sizeBudgets.logRunHtmlBytes,
      },
    });
    expect(verdicts.filter((v) => v.ok === false).map((v) => v.name)).toEqual([
      'spreadsheet calls of "Run audit to sheet" and "Open the dashboard" independent of rows',
      'cells read by "Open Log a run" and "Submit a run" independent of rows',
      'service calls of "Open the dashboard" at most 33',
      `audit ≤ ${RATIO_BUDGET}× the bare pass at 100,000 rows`,
      `build/Code.js under ${(sizeBudgets.codeJsBytes / 1024).toFixed(1)} KB`,
      'build/sidebar.html under 100.0 KB',
      'build/logrun.html under 64.0 KB',
    ]);
    expect(verdicts[0].detail).toContain('Range.getValues 3 → 4');
    expect(verdicts[1].detail).toContain('open Log a run: 2,979 at 1,000 rows, 700,007 at 100,000 rows');
    expect(verdicts[2].detail).toContain('25 at 1,000 rows, 34 at 100,000 rows; at 100,000 rows: Sheet.getName 3');
    expect(verdicts[5].detail).toContain('missing');
  });

  it('hold opening the dashboard to 33 service calls at every size run', () => {
    const verdict = (calls: number) =>
      checkBudgets({
        sizes: [size(1_000, 9, costs(1_000)), size(100_000, 2.5, costs(100_000, { dashboardCalls: calls }))],
        files,
      })[2];
    expect(DASHBOARD_CALLS_BUDGET).toBe(33);
    expect(verdict(33)).toMatchObject({ name: 'service calls of "Open the dashboard" at most 33', ok: true });
    expect(verdict(34).ok).toBe(false);
    expect(checkBudgets({ sizes: [size(1_000, 9, null)], files })[2].ok).toBeNull();
  });

  it('say when a budget was not measured', () => {
    const verdicts = checkBudgets({ sizes: [size(1_000, 9, costs(1_000))], files });
    expect(verdicts.map((v) => v.ok)).toEqual([null, null, true, null, true, true, true]);
  });
});

describe('command line and report', () => {
  it('runs 1,000 to 100,000 rows under --check, every size otherwise, and refuses unknown options', () => {
    expect(parseArgs(['--check']).sizes).toEqual([1_000, 10_000, 100_000]);
    expect(parseArgs([]).sizes).toEqual([1_000, 10_000, 100_000, 500_000]);
    expect(parseArgs(['--sizes=2_000,5000', '--runs=2'])).toMatchObject({
      sizes: [2_000, 5_000],
      runs: 2,
      check: false,
    });
    expect(() => parseArgs(['--fast'])).toThrow('unknown option --fast');
    expect(() => parseArgs(['--sizes=ten'])).toThrow('--sizes takes whole numbers');
  });

  it('reports time per row, the ratio, how time grows and the service calls of each size', () => {
    const sizeFigures = (rows: number, coreMs: number): SizeFigures => ({
      rows,
      runs: 5,
      parseMs: coreMs * 0.8,
      auditMs: coreMs * 0.15,
      historyMs: coreMs * 0.05,
      coreMs,
      floorMs: coreMs / 4,
      fastestCoreMs: coreMs,
      fastestFloorMs: coreMs / 4,
      ratio: 4,
      cpuShare: 1,
      load: { average: 0.5, cores: 2 },
      heapPeakMb: 2,
      logMb: 1,
      costs: costs(rows),
    });
    const text = report({
      command: 'npm run bench',
      machine: { node: 'v20', cpu: 'Test CPU', cores: 2, memoryGb: 24, platform: 'linux' },
      sizes: [sizeFigures(1_000, 1), { ...sizeFigures(10_000, 10), logMb: null }],
      custom: [{ name: 'ACCEPTANCE_RATE', cells: 10_000, warmMs: 2, coldMs: 12 }],
      files: { 'Code.js': 2048, 'sidebar.html': null },
      seconds: 1,
    });
    expect(text).toContain('Test CPU, 2 cores');
    // 10 ms over 10,000 rows is 1,000 ns a row, and ten times the rows in ten times the time is linear.
    expect(text).toContain('| 10,000 | 5 | 8.00 | 1.50 | 0.50 | 10.00 | 1,000 | 2.500 | 4.00× | 1.00 | 2.0 | – |');
    expect(text).toContain('| 1,000 | 5 | 0.80 | 0.15 | 0.05 | 1.00 | 1,000 | 0.250 | 4.00× | – | 2.0 | 1.0 |');
    expect(text).toContain('| action | 1,000 rows | 10,000 rows |');
    expect(text).toContain('| open Log a run | 42 (40) calls, 2,979 cells | 42 (40) calls, 2,979 cells |');
    expect(text).toContain('| run audit to sheet | 66 (64) calls, 7,000 cells | 66 (64) calls, 70,000 cells |');
    expect(text).toContain('| ACCEPTANCE_RATE | 2.00 | 12.0 |');
    expect(text).toContain('| build/sidebar.html | missing |');
  });
});
