/** Timing and memory helpers of the bench: medians of batches, and the heap's high-water mark. */
import * as v8 from 'node:v8';

/** Keeps results reachable, so V8 cannot drop the work that produced them. */
export const sink: unknown[] = [];

export function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

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
export function timeBatch<T>(fn: Timed<T>, reps: number): number {
  const inputs: T[] = new Array(reps);
  for (let i = 0; i < reps; i++) inputs[i] = fn.prepare ? fn.prepare() : (undefined as T);
  minorGarbageCollection();
  const started = performance.now();
  let last: unknown;
  for (let i = 0; i < reps; i++) last = fn.run(inputs[i]);
  const ms = (performance.now() - started) / reps;
  sink[0] = last;
  return ms;
}

/** How many calls make a batch of at least `minMs`. */
export function repsFor<T>(fn: Timed<T>, minMs: number): number {
  const once = timeBatch(fn, 1);
  return Math.max(1, Math.ceil(minMs / Math.max(once, 0.001)));
}

/**
 * Times several functions over the same runs, one after another in each run, so that a slow
 * patch of the machine (another process, a thermal step) hits all of them alike.
 * Returns each function's per-run times.
 */
export function interleave(fns: Record<string, Timed>, runs: number, minBatchMs: number): Record<string, number[]> {
  const reps: Record<string, number> = {};
  const times: Record<string, number[]> = {};
  for (const [name, fn] of Object.entries(fns)) {
    timeBatch(fn, 1); // warm-up: the first call compiles
    reps[name] = repsFor(fn, minBatchMs);
    times[name] = [];
  }
  for (let run = 0; run < runs; run++) {
    for (const [name, fn] of Object.entries(fns)) times[name].push(timeBatch(fn, reps[name]));
  }
  return times;
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
