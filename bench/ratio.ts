/**
 * The audit's time against a bare pass over the same rows (the ratio budget, BENCHMARKS.md):
 * the bare pass, the parse, the audit, the history and the bare pass again timed back to back in each run, in CPU time, the ratio
 * taken from the fastest runs, and more runs made only while the budget is not yet shown to hold.
 */
import * as os from 'node:os';
import { cpuMs, fastestRatio, interleave, median, perRunSum, type Clock, type Timed } from './measure';

export interface CoreTimed {
  /** The bare pass: the floor. */
  floor: Timed;
  /** readTeam: finding the sheets, parsing the roster and the log. */
  read: Timed;
  /** auditTeam on what the last read parsed. */
  audit: Timed;
  /** teamHistory on the same: the trend, cohorts and transitions the dashboard adds (spec §13). */
  history: Timed;
}

export interface RatioFigures {
  runs: number;
  /** Medians over the runs. */
  parseMs: number;
  auditMs: number;
  historyMs: number;
  floorMs: number;
  /** The fastest run of parse + audit + history, and of the bare pass. */
  fastestCoreMs: number;
  fastestFloorMs: number;
  /** fastestCoreMs / fastestFloorMs. */
  ratio: number;
  /** The share of the measurement's wall time this process had a core (1: the machine was quiet). */
  cpuShare: number;
  /** The machine's 1-minute load average at the end, and its cores. */
  load: { average: number; cores: number };
}

/**
 * When the ratio is held to a budget and the first runs do not show it holds, runs go on for up
 * to this long (or MAX_RUNS_FOR_BUDGET runs). A healthy change needs one quiet run of each: on a
 * shared machine other jobs come and go, and one quiet moment in two minutes is enough. A real
 * slowdown stays over the budget in every run, so it is reported after this wait.
 */
export const PATIENCE_MS = 180_000;
export const MAX_RUNS_FOR_BUDGET = 400;

export interface RatioOptions {
  runs: number;
  minBatchMs: number;
  /** When given, runs go on while the ratio so far is above it (see PATIENCE_MS). */
  budget?: number | null;
  clock?: Clock;
  patienceMs?: number;
  maxRuns?: number;
}

export function measureRatio(timed: CoreTimed, options: RatioOptions): RatioFigures {
  const {
    runs,
    minBatchMs,
    budget = null,
    clock = cpuMs,
    patienceMs = PATIENCE_MS,
    maxRuns = MAX_RUNS_FOR_BUDGET,
  } = options;
  const core = (times: Record<string, number[]>) => perRunSum(times.read, times.audit, times.history);
  // The bare pass runs twice in each run, before and after the audit: it is the cheapest of the
  // three, and a floor that noise slowed in every run would hide a slowdown of the audit.
  const floor = (times: Record<string, number[]>) => [...times.floor, ...times.floorAgain];
  const wallStart = performance.now();
  const cpuStart = cpuMs();
  const times = interleave(
    { floor: timed.floor, read: timed.read, audit: timed.audit, history: timed.history, floorAgain: timed.floor },
    {
      runs,
      minBatchMs,
      clock,
      until: (t) => budget === null || fastestRatio(core(t), floor(t)) <= budget,
      maxRuns: budget === null ? runs : Math.max(runs, maxRuns),
      patienceMs,
    },
  );
  const coreMs = core(times);
  const floorMs = floor(times);
  return {
    runs: times.floor.length,
    parseMs: median(times.read),
    auditMs: median(times.audit),
    historyMs: median(times.history),
    floorMs: median(floorMs),
    fastestCoreMs: Math.min(...coreMs),
    fastestFloorMs: Math.min(...floorMs),
    ratio: fastestRatio(coreMs, floorMs),
    cpuShare: Math.min(1, (cpuMs() - cpuStart) / Math.max(performance.now() - wallStart, 1e-9)),
    load: { average: os.loadavg()[0], cores: os.cpus().length },
  };
}
