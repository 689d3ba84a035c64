/** The bench's figures and the budgets `npm run bench -- --check` enforces (see BENCHMARKS.md). */
import type { CostFigures } from './costs';
import type { RatioFigures } from './ratio';
import sizeBudgets from '../scripts/size-budgets.json';

/** One log size's figures: the timed runs (bench/ratio.ts: CPU time, medians and the fastest run) and more. */
export interface SizeFigures extends RatioFigures {
  rows: number;
  /** parseMs + auditMs + historyMs: what the dashboard computes (readTeam, auditTeam, teamHistory). */
  coreMs: number;
  /** The heap's high-water mark during one parse + audit, above the heap before it. */
  heapPeakMb: number;
  /** The heap the generated cells themselves take (what getValues hands back); null when the heap shrank. */
  logMb: number | null;
  /** Service calls and cells read of each user action, when run in the in-memory Apps Script. */
  costs: CostFigures | null;
}

export interface CustomFigures {
  name: string;
  cells: number;
  warmMs: number;
  coldMs: number;
}

export interface BenchResults {
  command: string;
  machine: { node: string; cpu: string; cores: number; memoryGb: number; platform: string };
  sizes: SizeFigures[];
  custom: CustomFigures[];
  /** Bytes of each deployed file; null when it was not built. */
  files: Record<string, number | null>;
  seconds: number;
}

/**
 * The audit within 3× the bare pass: 1.93–1.94× under --check on the machine in BENCHMARKS.md
 * ("Today", "Budgets"; 2.1× when the budget was set, on faster memory). Noise
 * is kept out by the measure, not by this margin: CPU time, paired runs, the fastest of each
 * (bench/ratio.ts), and more runs while a busy machine reads over it.
 */
export const RATIO_BUDGET = 3;
export const RATIO_BUDGET_ROWS = 100_000;
/**
 * The ratio that fails `--check`: the budget, or null under CI (the CI environment variable set,
 * as .ci/run sets it), where the ratio is measured and reported but gates nothing. A CI machine
 * runs other jobs beside the bench, and the ratio is a time: a busy spell can hold it over any
 * bound for the whole of the patience (bench/ratio.ts), even while this process still has a core
 * (a context switch empties the caches, and the parse loses more to it than the bare pass), and
 * a gate that fails on a healthy change teaches people to ignore it. Service calls, cells read
 * and sizes are counts and gate everywhere; `npm run bench -- --check` anywhere else holds 3×.
 */
export function ratioGate(ci: boolean): number | null {
  return ci ? null : RATIO_BUDGET;
}
/** Below this share of wall time on a core, a broken ratio budget says the machine was busy. */
export const BUSY_CPU_SHARE = 0.8;

export interface Verdict {
  name: string;
  /** null: not measured in this run (too few sizes, or not the size the budget is set at). */
  ok: boolean | null;
  detail: string;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const rowsLabel = (s: SizeFigures) => `${s.rows.toLocaleString('en-US')} rows`;

/** The sizes run in the in-memory Apps Script, smallest first; fewer than two cannot show growth. */
function costed(sizes: SizeFigures[]): SizeFigures[] {
  return sizes.filter((s) => s.costs).sort((a, b) => a.rows - b.rows);
}

function callsBudget(sizes: SizeFigures[]): Verdict {
  const name = 'spreadsheet calls of "Run audit to sheet" and "Open the dashboard" independent of rows';
  const measured = costed(sizes);
  if (measured.length < 2) return { name, ok: null, detail: 'needs two sizes run in the in-memory Apps Script' };
  const [first, ...rest] = measured;
  const audit = (s: SizeFigures) => s.costs!.actions['run audit to sheet'];
  const dashboard = (s: SizeFigures) => s.costs!.actions['open the dashboard'];
  const key = (s: SizeFigures) => JSON.stringify(audit(s).methods);
  const differing = rest.filter((s) => key(s) !== key(first) || dashboard(s).calls !== dashboard(first).calls);
  const counts = measured.map((s) => `${audit(s).spreadsheetCalls} at ${rowsLabel(s)}`).join(', ');
  if (!differing.length) return { name, ok: true, detail: counts };
  const changed = (s: SizeFigures) =>
    Object.keys({ ...audit(first).methods, ...audit(s).methods })
      .filter((m) => audit(first).methods[m] !== audit(s).methods[m])
      .map((m) => `${m} ${audit(first).methods[m] ?? 0} → ${audit(s).methods[m] ?? 0}`)
      .join(', ');
  return {
    name,
    ok: false,
    detail: `${counts}; at ${rowsLabel(differing[0])}: ${changed(differing[0]) || "the dashboard's calls changed"}. Read and write whole ranges, never a call per row.`,
  };
}

/** What a person waits for when logging a run must not grow with the log. */
function logRunCellsBudget(sizes: SizeFigures[]): Verdict {
  const name = 'cells read by "Open Log a run" and "Submit a run" independent of rows';
  const measured = costed(sizes);
  if (measured.length < 2) return { name, ok: null, detail: 'needs two sizes run in the in-memory Apps Script' };
  const first = measured[0];
  const last = measured[measured.length - 1];
  const cells = (s: SizeFigures, action: 'open Log a run' | 'submit a run') => s.costs!.actions[action].cellsRead;
  const grown = (['open Log a run', 'submit a run'] as const).filter((a) => cells(last, a) > cells(first, a));
  const detail = (['open Log a run', 'submit a run'] as const)
    .map((a) => `${a}: ${measured.map((s) => `${cells(s, a).toLocaleString('en-US')} at ${rowsLabel(s)}`).join(', ')}`)
    .join('; ');
  return grown.length
    ? {
        name,
        ok: false,
        detail: `${detail}. Read the header and the recent rows (src/gas/log-run.ts), not the whole log.`,
      }
    : { name, ok: true, detail };
}

/**
 * Service calls of opening the dashboard (the sidebar and getDashboard), every service counted:
 * 25 before roles (rules §19), which add who is asking (Session, 2), the owner when no one has
 * saved Settings yet (the automation state, 2: the bench's team never saves them), the owner's
 * audit file link (the user's properties, 2) and the old audit tab and viewer checks (2).
 */
export const DASHBOARD_CALLS_BUDGET = 33;

/** What a person waits for when opening the dashboard: calls, which on Apps Script each take a round trip. */
function dashboardCallsBudget(sizes: SizeFigures[]): Verdict {
  const name = `service calls of "Open the dashboard" at most ${DASHBOARD_CALLS_BUDGET}`;
  const measured = costed(sizes);
  if (!measured.length) return { name, ok: null, detail: 'no size run in the in-memory Apps Script' };
  const calls = (s: SizeFigures) => s.costs!.actions['open the dashboard'].calls;
  const detail = measured.map((s) => `${calls(s)} at ${rowsLabel(s)}`).join(', ');
  const over = measured.find((s) => calls(s) > DASHBOARD_CALLS_BUDGET);
  if (!over) return { name, ok: true, detail };
  const methods = Object.entries(over.costs!.actions['open the dashboard'].methods)
    .sort((a, b) => b[1] - a[1])
    .map(([method, count]) => `${method} ${count}`)
    .join(', ');
  return {
    name,
    ok: false,
    detail: `${detail}; at ${rowsLabel(over)}: ${methods}. Read each sheet, name and properties store once (src/gas/workbook.ts).`,
  };
}

/** `gate` null: the ratio is reported against the budget and fails nothing (see ratioGate). */
function ratioBudget(sizes: SizeFigures[], gate: number | null): Verdict {
  const gated = gate === null ? ' (under CI reported, not gated)' : '';
  const name = `audit ≤ ${gate ?? RATIO_BUDGET}× the bare pass at ${RATIO_BUDGET_ROWS.toLocaleString('en-US')} rows${gated}`;
  const at = sizes.find((s) => s.rows === RATIO_BUDGET_ROWS);
  if (!at) return { name, ok: null, detail: `${RATIO_BUDGET_ROWS.toLocaleString('en-US')} rows not run` };
  const measured = `${at.ratio.toFixed(2)}× (fastest of ${at.runs} paired runs: ${at.fastestCoreMs.toFixed(1)} ms against ${at.fastestFloorMs.toFixed(1)} ms of CPU time)`;
  const busy =
    at.cpuShare < BUSY_CPU_SHARE
      ? `. The machine was busy throughout: this process had a core ${Math.round(at.cpuShare * 100)}% of the time (load ${at.load.average.toFixed(1)} on ${at.load.cores} cores), so run it again when it is quieter before looking for a slowdown`
      : '';
  const overBudget = `: see "The ratio budget" in BENCHMARKS.md for where the time goes; profile with node --cpu-prof`;
  if (gate === null || at.ratio <= gate) {
    const report = at.ratio > RATIO_BUDGET ? `, over the ${RATIO_BUDGET}× budget${busy}${overBudget}` : '';
    return { name, ok: true, detail: `${measured}${report}` };
  }
  return { name, ok: false, detail: `${measured}${busy}${overBudget}` };
}

function sizeBudget(files: BenchResults['files'], file: string, budget: number): Verdict {
  const name = `build/${file} under ${kb(budget)}`;
  const bytes = files[file];
  if (bytes === null || bytes === undefined)
    return { name, ok: false, detail: `build/${file} is missing: run npm run build` };
  return { name, ok: bytes < budget, detail: bytes < budget ? kb(bytes) : `${kb(bytes)}, ${kb(bytes - budget)} over` };
}

/** `ratioGate`: the ratio that fails, RATIO_BUDGET; null under CI, where it is only reported (see ratioGate). */
export function checkBudgets(
  results: Pick<BenchResults, 'sizes' | 'files'>,
  ratioGate: number | null = RATIO_BUDGET,
): Verdict[] {
  return [
    callsBudget(results.sizes),
    logRunCellsBudget(results.sizes),
    dashboardCallsBudget(results.sizes),
    ratioBudget(results.sizes, ratioGate),
    sizeBudget(results.files, 'Code.js', sizeBudgets.codeJsBytes),
    sizeBudget(results.files, 'sidebar.html', sizeBudgets.sidebarHtmlBytes),
    // Log a run opens on a phone's-worth of data too: its page carries the QR code generator (about 21 KB).
    sizeBudget(results.files, 'logrun.html', sizeBudgets.logRunHtmlBytes),
  ];
}
