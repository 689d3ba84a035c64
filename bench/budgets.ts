/** The bench's figures and the budgets `npm run bench -- --check` enforces (see BENCHMARKS.md). */
import type { RatioFigures } from './ratio';

export interface CallFigures {
  audit: { spreadsheet: number; getValues: number; total: number; methods: Record<string, number> };
  dashboard: { spreadsheet: number; getValues: number; total: number };
  auditSheetRows: number;
}

/** One log size's figures: the timed runs (bench/ratio.ts: CPU time, medians and the fastest run) and more. */
export interface SizeFigures extends RatioFigures {
  rows: number;
  /** parseMs + auditMs + historyMs: what the dashboard computes (readTeam, auditTeam, teamHistory). */
  coreMs: number;
  /** The heap's high-water mark during one parse + audit, above the heap before it. */
  heapPeakMb: number;
  /** The heap the generated cells themselves take (what getValues hands back). */
  logMb: number;
  calls: CallFigures | null;
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
 * The audit within 3× the bare pass: 2.1× under --check and in the full run on the machine in
 * BENCHMARKS.md ("The ratio budget"), so the check has room for a slower machine. Noise is kept
 * out by the measure, not by this margin: CPU time, paired runs, the fastest of each (bench/ratio.ts).
 */
export const RATIO_BUDGET = 3;
export const RATIO_BUDGET_ROWS = 100_000;
/** Below this share of wall time on a core, a broken ratio budget says the machine was busy. */
export const BUSY_CPU_SHARE = 0.8;
export const CODE_JS_BUDGET_BYTES = 150 * 1024;
export const SIDEBAR_BUDGET_BYTES = 100 * 1024;

export interface Verdict {
  name: string;
  /** null: not measured in this run (too few sizes, or not the size the budget is set at). */
  ok: boolean | null;
  detail: string;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function callsBudget(sizes: SizeFigures[]): Verdict {
  const name = 'spreadsheet calls of "Run audit to sheet" independent of rows';
  const measured = sizes.filter((s) => s.calls);
  if (measured.length < 2) return { name, ok: null, detail: 'needs two sizes run in the in-memory Apps Script' };
  const [first, ...rest] = measured;
  const key = (s: SizeFigures) => JSON.stringify(s.calls!.audit.methods);
  const differing = rest.filter(
    (s) => key(s) !== key(first) || s.calls!.dashboard.total !== first.calls!.dashboard.total,
  );
  const counts = measured
    .map((s) => `${s.calls!.audit.spreadsheet} at ${s.rows.toLocaleString('en-US')} rows`)
    .join(', ');
  if (!differing.length) return { name, ok: true, detail: counts };
  const changed = (s: SizeFigures) =>
    Object.keys({ ...first.calls!.audit.methods, ...s.calls!.audit.methods })
      .filter((m) => first.calls!.audit.methods[m] !== s.calls!.audit.methods[m])
      .map((m) => `${m} ${first.calls!.audit.methods[m] ?? 0} → ${s.calls!.audit.methods[m] ?? 0}`)
      .join(', ');
  return {
    name,
    ok: false,
    detail: `${counts}; at ${differing[0].rows.toLocaleString('en-US')} rows: ${changed(differing[0]) || 'getDashboard calls changed'}. Read and write whole ranges, never a call per row.`,
  };
}

function ratioBudget(sizes: SizeFigures[]): Verdict {
  const name = `audit ≤ ${RATIO_BUDGET}× the bare pass at ${RATIO_BUDGET_ROWS.toLocaleString('en-US')} rows`;
  const at = sizes.find((s) => s.rows === RATIO_BUDGET_ROWS);
  if (!at) return { name, ok: null, detail: `${RATIO_BUDGET_ROWS.toLocaleString('en-US')} rows not run` };
  const detail = `${at.ratio.toFixed(2)}× (fastest of ${at.runs} paired runs: ${at.fastestCoreMs.toFixed(1)} ms against ${at.fastestFloorMs.toFixed(1)} ms of CPU time)`;
  if (at.ratio <= RATIO_BUDGET) return { name, ok: true, detail };
  const busy =
    at.cpuShare < BUSY_CPU_SHARE
      ? `. The machine was busy throughout: this process had a core ${Math.round(at.cpuShare * 100)}% of the time (load ${at.load.average.toFixed(1)} on ${at.load.cores} cores), so run it again when it is quieter before looking for a slowdown`
      : '';
  return {
    name,
    ok: false,
    detail: `${detail}${busy}: see "The ratio budget" in BENCHMARKS.md for where the time goes; profile with node --cpu-prof`,
  };
}

function sizeBudget(files: BenchResults['files'], file: string, budget: number): Verdict {
  const name = `build/${file} under ${kb(budget)}`;
  const bytes = files[file];
  if (bytes === null || bytes === undefined)
    return { name, ok: false, detail: `build/${file} is missing: run npm run build` };
  return { name, ok: bytes < budget, detail: bytes < budget ? kb(bytes) : `${kb(bytes)}, ${kb(bytes - budget)} over` };
}

export function checkBudgets(results: Pick<BenchResults, 'sizes' | 'files'>): Verdict[] {
  return [
    callsBudget(results.sizes),
    ratioBudget(results.sizes),
    sizeBudget(results.files, 'Code.js', CODE_JS_BUDGET_BYTES),
    sizeBudget(results.files, 'sidebar.html', SIDEBAR_BUDGET_BYTES),
  ];
}
