// `clasp push` replaces the whole remote project with what clasp collects, so what it would
// push must be exactly build/: no sources, no node_modules, and nothing in build/ left behind.
import { execFileSync } from 'child_process';
import { ROOT, builtFiles, readBuilt } from './support';

interface FileStatus {
  filesToPush: string[];
  untrackedFiles: string[];
}

function claspFileStatus(): FileStatus {
  // Offline and without login: show-file-status only reads .clasp.json and the disk.
  const out = execFileSync('npx', ['--no', 'clasp', 'show-file-status', '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  const json = out.split('\n').find((line) => line.trim().startsWith('{'));
  if (!json) throw new Error(`clasp printed no JSON:\n${out}`);
  return JSON.parse(json) as FileStatus;
}

describe('clasp show-file-status', () => {
  let status: FileStatus;
  beforeAll(() => {
    readBuilt('Code.js');
    status = claspFileStatus();
  }, 60_000);

  test('would push exactly the files of build/', () => {
    expect([...status.filesToPush].sort()).toEqual(builtFiles().sort());
  });

  test('leaves nothing in build/ unpushed', () => {
    expect(status.untrackedFiles).toEqual([]);
  });

  test('pushes the bundle, the manifest and only HTML besides', () => {
    expect(status.filesToPush).toEqual(expect.arrayContaining(['build/Code.js', 'build/appsscript.json']));
    const others = status.filesToPush.filter((f) => f !== 'build/Code.js' && f !== 'build/appsscript.json');
    for (const f of others) expect(f).toMatch(/^build\/[^/]+\.html$/);
  });
});
