// What `npm start` and `npm run bench` share: build the add-on with its output on stderr, bundle
// a TypeScript entry point for Node with esbuild, and run it with the caller's arguments.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Bundles are kept with npm's other caches: git-ignored with node_modules, rebuilt every run. */
export const CACHE_DIR = path.join(ROOT, 'node_modules', '.cache', 'uptake');

/**
 * Runs `npm run build` with its output on stderr (stdout stays the tool's own, e.g. JSON);
 * returns its exit status.
 * @param {string} name prefixes the messages
 * @returns {number}
 */
export function buildAddOn(name) {
  const npmCli = process.env.npm_execpath;
  const [command, args] =
    npmCli && /\.[cm]?js$/.test(npmCli)
      ? [process.execPath, [npmCli, 'run', '--silent', 'build']]
      : ['npm', ['run', '--silent', 'build']];
  const result = spawnSync(command, args, {
    cwd: ROOT,
    stdio: ['ignore', process.stderr, process.stderr],
    shell: process.platform === 'win32' && command === 'npm',
  });
  if (result.error) {
    process.stderr.write(`${name}: could not run npm run build: ${result.error.message}\n`);
    return 1;
  }
  return result.status ?? 1;
}

/**
 * Bundles `entry` (relative to the project) into one CommonJS file for Node 20.
 * @param {string} entry
 * @param {string} outfile
 * @returns {Promise<string>} the bundle's path
 */
export async function bundleForNode(entry, outfile) {
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  await esbuild.build({
    entryPoints: [path.join(ROOT, entry)],
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

/**
 * Builds the add-on, bundles `entry` into `outfile`, then runs it with `nodeArgs`, the command
 * line's own arguments and `env`; returns the exit status.
 * @param {{ name: string, entry: string, outfile: string, nodeArgs?: string[], env?: Record<string, string>, nothingDone: string }} options
 *   `nothingDone` ends the message when the build fails ("nothing was run").
 * @returns {Promise<number>}
 */
export async function buildBundleAndRun({ name, entry, outfile, nodeArgs = [], env = {}, nothingDone }) {
  process.stderr.write(`${name}: building the add-on (npm run build)\n`);
  if (buildAddOn(name) !== 0) {
    process.stderr.write(`${name}: the build failed (see above); ${nothingDone}.\n`);
    return 1;
  }
  let bundled;
  try {
    bundled = await bundleForNode(entry, outfile);
  } catch (error) {
    process.stderr.write(
      `${name}: could not bundle ${entry}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
  const run = spawnSync(process.execPath, [...nodeArgs, '--enable-source-maps', bundled, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, UPTAKE_ROOT: ROOT, ...env },
  });
  if (run.error) {
    process.stderr.write(`${name}: could not run ${entry}: ${run.error.message}\n`);
    return 1;
  }
  return run.status ?? 1;
}
