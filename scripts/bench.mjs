// `npm run bench [-- --check] [-- options]`: builds the add-on (npm run build), bundles the bench
// (bench/main.ts, with the in-memory Apps Script it uses) for Node with esbuild, and runs it with
// the heap exposed (--expose-gc, for the memory figures). See BENCHMARKS.md.
import path from 'node:path';
import { buildBundleAndRun, CACHE_DIR } from './node-tool.mjs';

/** 500,000 log rows and their parsed runs need more than Node's default old space on small machines. */
const HEAP_MB = 6144;
/**
 * The collector works on the main thread only. Its helper threads otherwise mark and sweep the
 * bench's own copies of the cells (hundreds of MB at 500,000 rows) while the timed code runs, and
 * on two cores that took the parse from 130 to 170 ns a row between 250,000 and 1,000,000 rows
 * while the bare pass stayed flat (BENCHMARKS.md, "Timing").
 */
const GC_FLAGS = ['--single-threaded-gc'];

process.exitCode = await buildBundleAndRun({
  name: 'bench',
  entry: path.join('bench', 'main.ts'),
  outfile: path.join(CACHE_DIR, 'bench.cjs'),
  nodeArgs: ['--expose-gc', `--max-old-space-size=${HEAP_MB}`, ...GC_FLAGS],
  nothingDone: 'nothing was measured',
});
