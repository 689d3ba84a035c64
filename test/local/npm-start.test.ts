// `npm start --silent -- --json` as someone runs it, build included. It runs in a copy of the
// project (node_modules linked), so that its build does not rewrite build/ under the other tests.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { OUTPUT_FILES } from '../../local/cli';
import type { JsonAudit } from '../../local/json';
import { removeTemp, ROOT, STACK_FRAME, tempDir } from './support';

/** What `npm start` needs: the sources, the launcher, the in-memory Apps Script and the example. */
const COPIED = ['package.json', 'appsscript.json', 'tsconfig.json', 'scripts', 'src', 'local', 'packages', 'examples'];

let copy: string;

beforeAll(() => {
  copy = tempDir('uptake-start-');
  for (const entry of COPIED) {
    fs.cpSync(path.join(ROOT, entry), path.join(copy, entry), {
      recursive: true,
      filter: (src) => !src.endsWith('.test.ts'),
    });
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
});
afterAll(() => removeTemp(copy));

test('npm start --silent -- --json builds, runs the example and prints exactly one JSON object', () => {
  const { INIT_CWD: _ignored, ...env } = process.env;
  const started = Date.now();
  const run = spawnSync('npm', ['start', '--silent', '--', '--json'], {
    cwd: copy,
    encoding: 'utf8',
    env,
    timeout: 120_000,
  });
  const seconds = (Date.now() - started) / 1000;
  expect([run.status, run.stderr.match(STACK_FRAME)]).toEqual([0, null]);
  // The build's own report went to stderr, not into the JSON.
  expect(run.stderr).toContain('build/Code.js');
  const json = JSON.parse(run.stdout) as JsonAudit;
  expect(run.stdout.trim().startsWith('{')).toBe(true);
  expect(typeof json.headline).toBe('string');
  expect(json.members.length).toBeGreaterThan(0);
  // The example's fixed date, so the output is reproducible.
  const example = JSON.parse(fs.readFileSync(path.join(copy, 'examples', 'example.json'), 'utf8')) as { asOf: string };
  expect(json.asOf).toBe(example.asOf);
  expect(fs.readdirSync(path.join(copy, 'out')).sort()).toEqual([...OUTPUT_FILES].sort());
  expect(seconds).toBeLessThan(30);
});
