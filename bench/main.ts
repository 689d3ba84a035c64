/**
 * `npm run bench [-- --check] [-- --sizes=1000,10000] [-- --runs=5] [-- --json=FILE]`: the entry
 * point scripts/bench.mjs bundles and runs. See bench/run.ts and BENCHMARKS.md.
 */
import { runBench } from './run';

runBench(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (process.env.BENCH_DEBUG ? error.stack : error.message) : error);
    process.exitCode = 1;
  },
);
