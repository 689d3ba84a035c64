/** Timing and memory helpers of the bench: batches timed in CPU time, paired runs, the heap's high-water mark. */
import * as v8 from 'node:v8';
import { median as coreMedian } from '../src/core/interventions/summary';

/** Keeps results reachable, so V8 cannot drop the work that produced them. */
export const sink: unknown[] = [];

/** The core's median (src/core/interventions/summary.ts) of timed runs, of which there is always one. */
export function median(values: number[]): number {
  const middle = coreMedian(values);
  if (middle === null) throw new Error('bench: a median of no runs');
  return middle;
}

/** Reads a clock in milliseconds. */
export type Clock = () => number;

/**
 * The CPU time this process has used (user + system), in milliseconds. The bench times with it
 * rather than the wall clock: on a shared machine a process waiting for a core loses wall time
 * that has nothing to do with the code timed (a 13 ms audit read 94 ms by the wall clock while
 * other jobs ran on both cores). The collector runs on the main thread (scripts/bench.mjs), so
 * the process's CPU time is the timed code's and its collections'. Linux counts it to the
 * microsecond.
 */
export const cpuMs: Clock = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};

/**
 * What the bench times: `run`, each call on an input of its own that `prepare` makes before the
 * timer starts (fresh cells, as every getValues hands back). Without `prepare`, `run` gets nothing.
 */
export interface Timed<T = unknown> {
  prepare?(): T;
  run(input: T): unknown;
}

/**
 * Milliseconds of one call, timed over a batch of `reps` calls (for calls shorter than the timer's
 * grain). The inputs are made first, and the young generation they were made in is emptied, so
 * that neither is timed. (Not a full collection: forcing one between batches slows the code timed
 * after it several times over, and no execution in Apps Script starts from one.)
 */
export function timeBatch<T>(fn: Timed<T>, reps: number, clock: Clock = cpuMs): number {
  const inputs: T[] = new Array(reps);
  for (let i = 0; i < reps; i++) inputs[i] = fn.prepare ? fn.prepare() : (undefined as T);
  minorGarbageCollection();
  const started = clock();
  let last: unknown;
  for (let i = 0; i < reps; i++) last = fn.run(inputs[i]);
  const ms = (clock() - started) / reps;
  sink[0] = last;
  return ms;
}

/** How many calls make a batch of at least `minMs`. */
export function repsFor<T>(fn: Timed<T>, minMs: number, clock: Clock = cpuMs): number {
  const once = timeBatch(fn, 1, clock);
  return Math.max(1, Math.ceil(minMs / Math.max(once, 0.001)));
}

export interface InterleaveOptions {
  runs: number;
  minBatchMs: number;
  clock?: Clock;
  /**
   * After `runs` runs, more runs are made while this says the times so far do not settle the
   * question (e.g. a budget not yet shown to hold), up to `maxRuns` in all and for at most
   * `patienceMs` of wall time since the first run.
   */
  until?: (times: Record<string, number[]>) => boolean;
  maxRuns?: number;
  patienceMs?: number;
}

/**
 * Times several functions over the same runs, one after another in each run, so that a slow
 * patch of the machine (another process, a thermal step) hits all of them alike.
 * Returns each function's per-run times: the i-th time of each function comes from the same run.
 */
export function interleave(fns: Record<string, Timed>, options: InterleaveOptions): Record<string, number[]> {
  const { runs, minBatchMs, clock = cpuMs, until, maxRuns = runs, patienceMs = Infinity } = options;
  const reps: Record<string, number> = {};
  const times: Record<string, number[]> = {};
  for (const [name, fn] of Object.entries(fns)) {
    timeBatch(fn, 1, clock); // warm-up: the first call compiles
    reps[name] = repsFor(fn, minBatchMs, clock);
    times[name] = [];
  }
  const started = performance.now();
  for (let run = 0; run < maxRuns; run++) {
    if (run >= runs && (!until || until(times) || performance.now() - started > patienceMs)) break;
    for (const [name, fn] of Object.entries(fns)) times[name].push(timeBatch(fn, reps[name], clock));
  }
  return times;
}

/** Per run, the sum of several functions' times (parts of one whole timed back to back). */
export function perRunSum(...parts: number[][]): number[] {
  return parts[0].map((_, run) => parts.reduce((sum, part) => sum + part[run], 0));
}

/**
 * How many times the floor's cost `timed` costs, from paired runs: the fastest run of each over
 * the fastest run of the floor. A machine's noise only ever adds time (another process, a cache
 * another core emptied, a collection at a bad moment), so the fastest of several runs is the
 * closest to what the code itself costs, and one quiet run of each is enough. A real slowdown of
 * `timed` raises every one of its runs, the fastest too, so it still shows in full.
 */
export function fastestRatio(timed: number[], floor: number[]): number {
  return Math.min(...timed) / Math.min(...floor);
}

type GcFunction = (options?: { type: 'major' | 'minor'; execution?: 'sync' }) => void;

function gcFunction(): GcFunction {
  const gc = (globalThis as { gc?: GcFunction }).gc;
  if (!gc) throw new Error('bench: run node with --expose-gc (npm run bench does)');
  return gc;
}

export function collectGarbage(): void {
  const gc = gcFunction();
  gc();
  gc();
}

/** Empties the young generation (a scavenge). */
export function minorGarbageCollection(): void {
  gcFunction()({ type: 'minor', execution: 'sync' });
}

export function heapUsed(): number {
  return v8.getHeapStatistics().used_heap_size;
}

/**
 * The heap's high-water mark while `fn` runs, above the heap before it (after a full gc). The heap
 * only shrinks in a gc, so its peak is the largest "before gc" figure among the collections during
 * the call, or its size at the end.
 */
export function heapDuring<T>(fn: () => T): { peakDelta: number; result: T } {
  collectGarbage();
  const base = heapUsed();
  const profiler = new v8.GCProfiler();
  profiler.start();
  const result = fn();
  const end = heapUsed();
  const stats = profiler.stop();
  let peak = end;
  for (const gc of stats?.statistics ?? []) peak = Math.max(peak, gc.beforeGC.heapStatistics.usedHeapSize);
  sink[0] = result;
  return { peakDelta: peak - base, result };
}

/**
 * The bare pass: the floor for any audit of a log. One loop over the same 2-D array that reads
 * each row's date and member and nothing else (the latest date, the rows per member).
 */
export function barePass(values: unknown[][], dateCol: number, memberCol: number): { latest: number; members: number } {
  let latest = -Infinity;
  const rowsPerMember = new Map<unknown, number>();
  for (let i = 1; i < values.length; i++) {
    const row = values[i];
    const date = row[dateCol];
    if (date instanceof Date) {
      const ms = date.getTime();
      if (ms > latest) latest = ms;
    }
    const member = row[memberCol];
    rowsPerMember.set(member, (rowsPerMember.get(member) ?? 0) + 1);
  }
  return { latest, members: rowsPerMember.size };
}
