// One of the project's checkers in scripts/ run on a folder, as `npm run lint` runs it, and the
// throwaway folders the layout tests build for it (removed after the suite).
import { execFile } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { promisify } from 'util';

export const ROOT = path.resolve(__dirname, '..', '..');
const run = promisify(execFile);
const made: string[] = [];

afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs scripts/`script` on `root`: whether it passed, and what it printed. */
export async function runChecker(script: string, root: string): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(ROOT, 'scripts', script), root]);
    return { ok: true, output: stdout + stderr };
  } catch (err) {
    const { stdout = '', stderr = '' } = err as { stdout?: string; stderr?: string };
    return { ok: false, output: stdout + stderr };
  }
}

/** A new empty folder for one test's tree. */
export function throwawayDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}
