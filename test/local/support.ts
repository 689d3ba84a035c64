// Runs the command line of `npm start` as a child process: local/cli.ts bundled by the same
// function scripts/start.mjs uses, against the BUILT add-on in build/ (`npm test` builds first).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readBuilt, ROOT } from '../bundle/support';

export { ROOT };

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A fresh temporary folder, removed by the caller's afterAll via removeTemp. */
export function tempDir(prefix = 'uptake-local-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeTemp(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Writes `rows` into `dir` as the CSV file `name`, cells joined by commas as typed (none quoted); returns `name`. */
export function writeCsv(dir: string, name: string, rows: string[][]): string {
  fs.writeFileSync(path.join(dir, name), rows.map((r) => r.join(',')).join('\n') + '\n');
  return name;
}

/** Bundles local/cli.ts into `dir` with scripts/start.mjs's bundleCli; returns the file. */
export function bundleCliInto(dir: string): string {
  readBuilt('Code.js'); // a clear message when the build is missing
  const outfile = path.join(dir, 'cli.cjs');
  const script =
    `import(${JSON.stringify(path.join(ROOT, 'scripts', 'start.mjs'))}).then((m) => m.bundleCli(${JSON.stringify(outfile)}))` +
    '.catch((e) => { console.error(e); process.exit(1); })';
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`bundling local/cli.ts failed:\n${result.stderr}`);
  return outfile;
}

/** Runs the bundled CLI with `args`, as `npm start` does, from the folder `cwd`. */
export function runCli(cli: string, args: string[], cwd: string): CliRun {
  const { INIT_CWD: _ignored, ...env } = process.env;
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...env, UPTAKE_ROOT: ROOT, INIT_CWD: cwd, UPTAKE_DEBUG: '' },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Node prints stack frames as "    at fn (file:line:col)". */
export const STACK_FRAME = /^\s+at\s/m;
