// `npm start [-- options]`: builds the add-on (npm run build), bundles the command line
// (local/cli.ts) for Node with esbuild, and runs it with the options given. Everything but the
// command's own output goes to stderr, so `npm start --silent -- --json` prints only JSON.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBundleAndRun, bundleForNode, CACHE_DIR } from './node-tool.mjs';

const CLI_OUT = path.join(CACHE_DIR, 'cli.cjs');

/** Bundles local/cli.ts (with the in-memory Apps Script it imports) into one CommonJS file. */
export function bundleCli(outfile = CLI_OUT) {
  return bundleForNode(path.join('local', 'cli.ts'), outfile);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await buildBundleAndRun({
    name: 'uptake',
    entry: path.join('local', 'cli.ts'),
    outfile: CLI_OUT,
    env: { INIT_CWD: process.env.INIT_CWD ?? process.cwd() },
    nothingDone: 'nothing was run',
  });
}
