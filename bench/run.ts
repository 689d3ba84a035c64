/**
 * The bench (`npm run bench`, see bench/main.ts and BENCHMARKS.md).
 *
 * Measures the built add-on (build/Code.js) against the limits Apps Script sets: the audit's time
 * in the core per log size and against a bare pass over the same rows, the service calls and cells
 * read of each user action in the in-memory Apps Script (bench/costs.ts), the custom functions on 10,000 cells, the
 * heap, and the size of what is deployed. --check runs the small sizes and fails on a broken
 * budget. See BENCHMARKS.md.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createFakeGas } from '../packages/fake-apps-script';
import { loadUptake } from '../local/uptake-bundle';
import { DEFAULT_LOG_SHEET, DEFAULT_ROSTER_SHEET } from '../src/core/base/sheet-names';
import { ACTIONS, actionCosts } from './costs';
import { keepShapes, loadBundleInternals, zeroCostSpreadsheet, type BundleInternals } from './bundle-internals';
import {
  cellsAsRead,
  DATE_COL,
  generateTeam,
  LAST_DAY_ISO,
  LOCALE,
  MEMBER_COL,
  TIME_ZONE,
  type GeneratedTeam,
} from './generate';
import { barePass, collectGarbage, heapDuring, heapUsed, interleave, median, sink } from './measure';
import { measureRatio } from './ratio';
import { measureUsage, usageReport } from './usage';
import {
  checkBudgets,
  RATIO_BUDGET,
  RATIO_BUDGET_ROWS,
  ratioGate,
  type BenchResults,
  type CustomFigures,
  type SizeFigures,
} from './budgets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const FULL_SIZES = [1_000, 10_000, 100_000, 500_000];
/** --check: what CI runs. 100,000 rows keep it near 20 s on two cores (see BENCHMARKS.md). */
const CHECK_SIZES = [1_000, 10_000, 100_000];
/** Sizes whose user actions are also run in the in-memory Apps Script under --check. */
const CHECK_COST_SIZES = [1_000, 100_000];
const CUSTOM_FUNCTION_CELLS = 10_000;
/** A batch of calls lasts at least this long, so that the timer's grain does not matter. */
const MIN_BATCH_MS = 5;

export interface Args {
  check: boolean;
  sizes: number[];
  runs: number | null;
  json: string | null;
  root: string;
}

export function parseArgs(argv: string[]): Args {
  const args: Args = {
    check: false,
    sizes: [],
    runs: null,
    json: null,
    root: process.env.UPTAKE_ROOT ?? process.cwd(),
  };
  for (const arg of argv) {
    const [flag, value] = arg.split('=', 2);
    if (flag === '--check') args.check = true;
    else if (flag === '--sizes' && value) args.sizes = value.split(',').map((s) => Number(s.replace(/_/g, '')));
    else if (flag === '--runs' && value) args.runs = Number(value);
    else if (flag === '--json' && value) args.json = value;
    else throw new Error(`bench: unknown option ${arg}. Options: --check, --sizes=1000,10000, --runs=N, --json=FILE`);
  }
  if (args.sizes.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error('bench: --sizes takes whole numbers of rows, e.g. --sizes=1000,10000');
  if (args.runs !== null && (!Number.isInteger(args.runs) || args.runs < 1))
    throw new Error('bench: --runs takes a whole number, 1 or more');
  if (!args.sizes.length) args.sizes = args.check ? CHECK_SIZES : FULL_SIZES;
  return args;
}

function runsFor(rows: number, args: Args): number {
  return args.runs ?? (rows > 100_000 ? 3 : 5);
}

const mb = (bytes: number) => bytes / 1_048_576;

/** Whether the bench runs under CI: CI set and not "false" (.ci/run sets CI=true, as CI services do). */
export function underCi(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.CI) && env.CI !== 'false' && env.CI !== '0';
}

/**
 * The audit as the sidebar and the audit sheet compute it, on cells that cost nothing to read. As
 * of the log's last day, which is in the past: readTeam takes "today" from the clock, and no run
 * of the log is after it.
 */
function coreAudit(bundle: BundleInternals, team: GeneratedTeam) {
  const settings = bundle.validateSettings({});
  const spreadsheetOf = (log: unknown[][]) =>
    zeroCostSpreadsheet({ [DEFAULT_LOG_SHEET]: log, [DEFAULT_ROSTER_SHEET]: team.roster }, team.timeZone, team.locale);
  const read = (spreadsheet: Spreadsheet) => bundle.readTeam(spreadsheet, settings, []);
  const audit = (data: ReturnType<typeof read>) => bundle.auditTeam(data, settings, LAST_DAY_ISO);
  const history = (data: ReturnType<typeof read>) => bundle.teamHistory(data, settings, LAST_DAY_ISO);
  return {
    /** A spreadsheet whose log sheet holds fresh cells (see cellsAsRead). */
    freshSpreadsheet: () => spreadsheetOf(cellsAsRead(team.log)),
    read,
    audit,
    history,
  };
}

/** The bench must time the audit of this log, not an early exit: the skipped rows are the bad ones. */
function checkAuditOf(team: GeneratedTeam, audit: ReturnType<BundleInternals['auditTeam']>) {
  const skipped = audit.skippedRows.map((p) => p.row);
  if (skipped.length !== team.badRows.length || skipped.some((row, i) => row !== team.badRows[i])) {
    throw new Error(
      `bench: the audit of ${team.rows} rows skipped rows ${skipped.slice(0, 10).join(', ')}…, not the generated bad rows ${team.badRows.slice(0, 10).join(', ')}…`,
    );
  }
  if (audit.members.length !== 50 || audit.team.runs === 0) {
    throw new Error(
      `bench: the audit of ${team.rows} rows has ${audit.members.length} members and ${audit.team.runs} runs in the window; expected 50 and some`,
    );
  }
}

function measureSize(bundle: BundleInternals, rows: number, args: Args, withCosts: boolean): SizeFigures {
  // The previous size's results are dropped and collected first, so no collection between the two
  // readings frees anything but what generateTeam left behind.
  sink.length = 0;
  collectGarbage();
  const before = heapUsed();
  const team = generateTeam(rows);
  collectGarbage();
  const logBytes = heapUsed() - before;

  const core = coreAudit(bundle, team);
  let parsed = core.read(core.freshSpreadsheet());
  checkAuditOf(team, core.audit(parsed));
  // The bare pass and the parse each get fresh cells per call; the audit reads the parsed runs.
  const ratio = measureRatio(
    {
      floor: {
        prepare: () => cellsAsRead(team.log),
        run: (cells: unknown[][]) => barePass(cells, DATE_COL, MEMBER_COL),
      },
      read: { prepare: core.freshSpreadsheet, run: (spreadsheet: Spreadsheet) => (parsed = core.read(spreadsheet)) },
      audit: { run: () => core.audit(parsed) },
      history: { run: () => core.history(parsed) },
    },
    { runs: runsFor(rows, args), minBatchMs: MIN_BATCH_MS, budget: rows === RATIO_BUDGET_ROWS ? RATIO_BUDGET : null },
  );
  sink[1] = parsed;
  const spreadsheet = core.freshSpreadsheet();
  const heap = heapDuring(() => {
    const data = core.read(spreadsheet);
    return [core.audit(data), core.history(data)];
  });
  const figures: SizeFigures = {
    rows,
    ...ratio,
    coreMs: ratio.parseMs + ratio.auditMs + ratio.historyMs,
    heapPeakMb: mb(heap.peakDelta),
    // Below zero, something older than the cells was freed: no figure rather than a wrong one.
    logMb: logBytes < 0 ? null : mb(logBytes),
    costs: withCosts ? actionCosts(team, args.root) : null,
  };
  return figures;
}

/** Calls of parse + audit on a small log before any size is timed (under a second). */
const WARM_UP_CALLS = 200;

/**
 * Runs the bare pass, the parse and the audit on a small log until V8 has optimised them as a
 * long run would. A size timed first in its process otherwise ran on code compiled from a few
 * calls (on-stack replacement, then deoptimisations as rare rows appeared): at 100,000 rows alone
 * the audit measured 3.4× the bare pass, against 2.1× after smaller sizes. With this warm-up each
 * size is timed the same whichever sizes are asked for.
 */
function warmUp(bundle: BundleInternals) {
  keepShapes(bundle);
  const team = generateTeam(1_000);
  const core = coreAudit(bundle, team);
  for (let i = 0; i < WARM_UP_CALLS; i++) {
    barePass(cellsAsRead(team.log), DATE_COL, MEMBER_COL);
    sink[0] = core.audit(core.read(core.freshSpreadsheet()));
  }
}

/** The three custom functions on 10,000-cell ranges: warm in this process, and one cold cell in the fake. */
function measureCustomFunctions(bundle: BundleInternals, args: Args): CustomFigures[] {
  const team = generateTeam(CUSTOM_FUNCTION_CELLS, { badRows: false });
  const column = (index: number) => team.log.slice(1).map((row) => [row[index]]);
  const dates = column(DATE_COL);
  const members = column(MEMBER_COL);
  const outcomes = column(3);
  const prompted = column(5);
  // Uses per week, as a team would compute them in a column: numbers with a few blanks.
  const uses = members.map((_, i) => [i % 50 === 0 ? '' : (i % 17) / 2]);
  const member = team.members[0].name;
  const calls: { name: 'ADOPTION_CATEGORY' | 'ACCEPTANCE_RATE' | 'USES_PER_WEEK'; args: unknown[] }[] = [
    { name: 'ADOPTION_CATEGORY', args: [uses] },
    { name: 'ACCEPTANCE_RATE', args: [outcomes] },
    { name: 'USES_PER_WEEK', args: [dates, members, member, '', 4, prompted] },
  ];

  const fake = createFakeGas({
    now: `${LAST_DAY_ISO}T18:00:00Z`,
    spreadsheet: { name: 'Bench team', timeZone: team.timeZone, locale: team.locale },
  });
  const ctx = loadUptake(fake, path.join(args.root, 'build'));
  return calls.map(({ name, args: fnArgs }) => {
    const fn = bundle[name];
    // Fresh cells per call, as for the audit: each custom-function cell is an execution of its own.
    const fresh = () => fnArgs.map((arg) => (Array.isArray(arg) ? cellsAsRead(arg as unknown[][]) : arg));
    const times = interleave(
      { [name]: { prepare: fresh, run: (input: unknown[]) => fn(...input) } },
      { runs: 5, minBatchMs: MIN_BATCH_MS },
    )[name];
    const cold: number[] = [];
    let coldResult: unknown;
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      coldResult = ctx.$custom(name, ...fnArgs);
      cold.push(performance.now() - started);
    }
    const warmResult = fn(...fnArgs);
    if (JSON.stringify(coldResult) !== JSON.stringify(warmResult)) {
      throw new Error(`bench: ${name} gave different results in the fake and in the bench's copy of the bundle`);
    }
    return { name, cells: CUSTOM_FUNCTION_CELLS, warmMs: median(times), coldMs: median(cold) };
  });
}

function machine() {
  const cpus = os.cpus();
  return {
    node: process.version,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()}`,
  };
}

function fileSize(root: string, file: string): number | null {
  const p = path.join(root, 'build', file);
  return fs.existsSync(p) ? fs.statSync(p).size : null;
}

const fmt = (n: number, digits = 1) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function report(results: BenchResults): string {
  const lines: string[] = [];
  const m = results.machine;
  lines.push(`Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GiB, ${m.platform}; Node ${m.node}.`);
  lines.push(
    `Log: generated, seed 20260313; 50 members, 20 workflows; time zone ${TIME_ZONE}, locale ${LOCALE}; audit as of ${LAST_DAY_ISO}, 1-week window.`,
  );
  lines.push('');
  lines.push(
    'Audit in the core (build/Code.js readTeam + auditTeam + teamHistory, as the dashboard; reads cost nothing), CPU time, medians; ratio: fastest run against fastest bare pass:',
  );
  lines.push('');
  lines.push(
    '| rows | runs | parse ms | audit ms | history ms | total ms | ns/row | bare pass ms | ratio | growth | heap peak MB | log cells MB |',
  );
  lines.push('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  results.sizes.forEach((s, i) => {
    const prev = results.sizes[i - 1];
    const growth = prev ? Math.log(s.coreMs / prev.coreMs) / Math.log(s.rows / prev.rows) : null;
    lines.push(
      `| ${s.rows.toLocaleString('en-US')} | ${s.runs} | ${fmt(s.parseMs, 2)} | ${fmt(s.auditMs, 2)} | ${fmt(s.historyMs, 2)} | ${fmt(s.coreMs, 2)} | ${fmt((s.coreMs * 1e6) / s.rows, 0)} | ` +
        `${fmt(s.floorMs, 3)} | ${fmt(s.ratio, 2)}× | ${growth === null ? '–' : fmt(growth, 2)} | ${fmt(s.heapPeakMb)} | ${s.logMb === null ? '–' : fmt(s.logMb)} |`,
    );
  });
  lines.push('');
  lines.push('growth: exponent k in time ∝ rows^k from the size above (1.00 = linear).');
  const costed = results.sizes.filter((s) => s.costs);
  if (costed.length) {
    lines.push('');
    lines.push(
      'What people wait for, in the in-memory Apps Script: service calls (of which spreadsheet) and cells read, per action:',
    );
    lines.push('');
    lines.push(`| action | ${costed.map((s) => `${s.rows.toLocaleString('en-US')} rows`).join(' | ')} |`);
    lines.push(`| --- | ${costed.map(() => '---:').join(' | ')} |`);
    for (const action of ACTIONS) {
      const cells = costed.map((s) => {
        const c = s.costs!.actions[action];
        return `${c.calls} (${c.spreadsheetCalls}) calls, ${c.cellsRead.toLocaleString('en-US')} cells`;
      });
      lines.push(`| ${action} | ${cells.join(' | ')} |`);
    }
    lines.push('');
    lines.push(
      `"Run audit to sheet" wrote ${costed.map((s) => `${s.costs!.auditSheetRows} rows`).join(', ')}; a custom-function cell reads no cells through a service: Sheets hands it its ranges (${costed.map((s) => s.costs!.customFunctionArgumentCells.toLocaleString('en-US')).join(', ')} cells).`,
    );
  }
  lines.push('');
  lines.push(`Custom functions on ${CUSTOM_FUNCTION_CELLS.toLocaleString('en-US')}-cell ranges (limit 30 s):`);
  lines.push('');
  lines.push(
    '| function | warm, median ms | one cell in the in-memory Apps Script (fresh context: load + copy + call), ms |',
  );
  lines.push('| --- | ---: | ---: |');
  for (const c of results.custom) lines.push(`| ${c.name} | ${fmt(c.warmMs, 2)} | ${fmt(c.coldMs, 1)} |`);
  lines.push('');
  lines.push('Deployed files:');
  lines.push('');
  lines.push('| file | KB |');
  lines.push('| --- | ---: |');
  for (const [file, bytes] of Object.entries(results.files))
    lines.push(`| build/${file} | ${bytes === null ? 'missing' : fmt(bytes / 1024)} |`);
  return lines.join('\n');
}

/** Runs the bench with the command line's options; returns the exit status. */
export async function runBench(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const started = performance.now();
  const code = fs.readFileSync(path.join(args.root, 'build', 'Code.js'), 'utf8');
  const bundle = loadBundleInternals(code, {
    SpreadsheetApp: {
      getActiveSpreadsheet: () => ({ getSpreadsheetTimeZone: () => TIME_ZONE, getSpreadsheetLocale: () => LOCALE }),
    },
    Session: { getScriptTimeZone: () => TIME_ZONE },
  });
  const results: BenchResults = {
    command: `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`,
    machine: machine(),
    sizes: [],
    custom: [],
    files: {
      'Code.js': fileSize(args.root, 'Code.js'),
      'sidebar.html': fileSize(args.root, 'sidebar.html'),
      'logrun.html': fileSize(args.root, 'logrun.html'),
      'help.html': fileSize(args.root, 'help.html'),
    },
    seconds: 0,
  };
  warmUp(bundle);
  for (const rows of args.sizes.slice().sort((a, b) => a - b)) {
    const withCosts = !args.check || CHECK_COST_SIZES.includes(rows);
    process.stderr.write(`bench: ${rows.toLocaleString('en-US')} rows…\n`);
    results.sizes.push(measureSize(bundle, rows, args, withCosts));
  }
  process.stderr.write('bench: custom functions…\n');
  results.custom = measureCustomFunctions(bundle, args);
  process.stderr.write('bench: usage export…\n');
  const usage = measureUsage(bundle, args.runs ?? 3);
  results.seconds = (performance.now() - started) / 1000;

  console.log(`$ ${results.command}\n`);
  console.log(report(results));
  console.log(`\n${usageReport(usage)}`);
  console.log(`\nTook ${fmt(results.seconds)} s.`);
  if (args.json) fs.writeFileSync(args.json, `${JSON.stringify(results, null, 2)}\n`);

  const verdicts = checkBudgets(results, ratioGate(underCi(process.env)));
  console.log('\nBudgets:');
  for (const v of verdicts) console.log(`  ${v.ok === null ? 'skip' : v.ok ? 'ok  ' : 'FAIL'} ${v.name}: ${v.detail}`);
  // Under --check a budget that was not measured is broken too: CI must not pass by skipping it.
  const broken = verdicts.filter((v) => v.ok === false || (args.check && v.ok === null));
  if (args.check && broken.length) {
    console.error(
      `\nbench --check: ${broken.length} budget${broken.length === 1 ? '' : 's'} broken: ${broken.map((v) => v.name).join('; ')}`,
    );
    return 1;
  }
  return 0;
}
