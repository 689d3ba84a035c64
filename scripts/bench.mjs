// `npm run bench [-- --check] [-- options]`: builds the add-on (npm run build), bundles the bench
// (bench/main.ts, with the in-memory Apps Script it uses) for Node with esbuild, and runs it with
// the heap exposed (--expose-gc, for the memory figures). See BENCHMARKS.md.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Kept with npm's other caches: git-ignored with node_modules, rebuilt on every run. */
const BENCH_OUT = path.join(ROOT, 'node_modules', '.cache', 'uptake', 'bench.cjs');
/** 500,000 log rows and their parsed runs need more than Node's default old space on small machines. */
const HEAP_MB = 6144;

/** Runs `npm run build` with its output on stderr; returns its exit status. */
function build() {
  const npmCli = process.env.npm_execpath;
  const [command, args] = npmCli && /\.[cm]?js$/.test(npmCli)
    ? [process.execPath, [npmCli, 'run', '--silent', 'build']]
    : ['npm', ['run', '--silent', 'build']];
  const result = spawnSync(command, args, {
    cwd: ROOT,
    stdio: ['ignore', process.stderr, process.stderr],
    shell: process.platform === 'win32' && command === 'npm',
  });
  if (result.error) {
    process.stderr.write(`bench: could not run npm run build: ${result.error.message}\n`);
    return 1;
  }
  return result.status ?? 1;
}

async function bundleBench() {
  fs.mkdirSync(path.dirname(BENCH_OUT), { recursive: true });
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'bench', 'main.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: BENCH_OUT,
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return BENCH_OUT;
}

async function main() {
  process.stderr.write('bench: building the add-on (npm run build)\n');
  if (build() !== 0) {
    process.stderr.write('bench: the build failed (see above); nothing was measured.\n');
    return 1;
  }
  let bench;
  try {
    bench = await bundleBench();
  } catch (error) {
    process.stderr.write(`bench: could not bundle bench/main.ts: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const run = spawnSync(
    process.execPath,
    ['--expose-gc', `--max-old-space-size=${HEAP_MB}`, '--enable-source-maps', bench, ...process.argv.slice(2)],
    { stdio: 'inherit', env: { ...process.env, UPTAKE_ROOT: ROOT } },
  );
  if (run.error) {
    process.stderr.write(`bench: could not run the bench: ${run.error.message}\n`);
    return 1;
  }
  return run.status ?? 1;
}

process.exitCode = await main();
