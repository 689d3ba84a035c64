// `npm start [-- options]`: builds the add-on (npm run build), bundles the command line
// (local/cli.ts) for Node with esbuild, and runs it with the options given. Everything but the
// command's own output goes to stderr, so `npm start --silent -- --json` prints only JSON.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Kept with npm's other caches: git-ignored with node_modules, rebuilt on every start. */
const CLI_OUT = path.join(ROOT, 'node_modules', '.cache', 'uptake', 'cli.cjs');

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
    process.stderr.write(`uptake: could not run npm run build: ${result.error.message}\n`);
    return 1;
  }
  return result.status ?? 1;
}

/** Bundles local/cli.ts (with the in-memory Apps Script it imports) into one CommonJS file. */
export async function bundleCli(outfile = CLI_OUT) {
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'local', 'cli.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return outfile;
}

async function main() {
  process.stderr.write('uptake: building the add-on (npm run build)\n');
  const status = build();
  if (status !== 0) {
    process.stderr.write('uptake: the build failed (see above); nothing was run.\n');
    return status;
  }
  let cli;
  try {
    cli = await bundleCli();
  } catch (error) {
    process.stderr.write(`uptake: could not bundle local/cli.ts: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const run = spawnSync(process.execPath, ['--enable-source-maps', cli, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, UPTAKE_ROOT: ROOT, INIT_CWD: process.env.INIT_CWD ?? process.cwd() },
  });
  if (run.error) {
    process.stderr.write(`uptake: could not run the command line: ${run.error.message}\n`);
    return 1;
  }
  return run.status ?? 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main();
}
