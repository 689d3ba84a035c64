// `clasp push` replaces the whole remote project with what clasp collects, so what it would
// push must be exactly build/: no sources, no node_modules, and nothing in build/ left behind.
// .clasp.json is each person's own (git-ignored): the repository ships .clasp.json.example, and
// `npm run deploy` refuses to push without a real script id.
import { execFileSync, spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { ROOT, builtFiles, readBuilt } from './support';

const EXAMPLE = '.clasp.json.example';

interface FileStatus {
  filesToPush: string[];
  untrackedFiles: string[];
}

function claspFileStatus(): FileStatus {
  // Offline and without login: show-file-status only reads the project file and the disk.
  const out = execFileSync('npx', ['--no', 'clasp', 'show-file-status', '--json', '--project', EXAMPLE], {
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

describe(`clasp show-file-status with ${EXAMPLE}`, () => {
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

describe('the clasp project file', () => {
  test('.clasp.json is not in the repository and is git-ignored; the example is', () => {
    const git = (...args: string[]) =>
      spawnSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(git('ls-files', '--error-unmatch', '.clasp.json').status).not.toBe(0);
    expect(git('check-ignore', '-q', '--no-index', '.clasp.json').status).toBe(0);
    expect(git('ls-files', '--error-unmatch', EXAMPLE).status).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(ROOT, EXAMPLE), 'utf8'))).toEqual({
      scriptId: expect.any(String),
      rootDir: 'build',
    });
  });
});

describe('npm run deploy refuses without a real script id', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uptake-clasp-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Runs the check `npm run deploy` starts with, in a project folder holding `claspJson`. */
  function check(claspJson: string | null) {
    if (claspJson !== null) fs.writeFileSync(path.join(dir, '.clasp.json'), claspJson);
    return spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'check-clasp.mjs')], {
      cwd: dir,
      encoding: 'utf8',
    });
  }
  const createStep = 'npx clasp create-script --type sheets --title "Uptake" --rootDir build';

  test('package.json runs the check before building and pushing', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.deploy).toMatch(/^node scripts\/check-clasp\.mjs && .*clasp push/);
  });

  test('no .clasp.json (a fresh clone): the step to create the project', () => {
    const run = check(null);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('no .clasp.json');
    expect(run.stderr).toContain(createStep);
    expect(run.stderr).toContain('cp .clasp.json.example .clasp.json');
  });

  test("the example's placeholder, copied as it is", () => {
    const run = check(fs.readFileSync(path.join(ROOT, EXAMPLE), 'utf8'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/"scriptId" in \.clasp\.json, "[^"]+", is not a real script id/);
    // clasp create-script does nothing while a .clasp.json exists: the step says to delete it.
    expect(run.stderr).toContain('delete .clasp.json and run');
    expect(run.stderr).toContain(createStep);
  });

  test.each([
    ['a blank id', '{ "scriptId": " ", "rootDir": "build" }', 'has no "scriptId"'],
    ['no id', '{ "rootDir": "build" }', 'has no "scriptId"'],
    ['a short id', '{ "scriptId": "abc123", "rootDir": "build" }', 'not a real script id'],
    [
      'a placeholder of its own',
      '{ "scriptId": "your-script-id-goes-here-from-settings", "rootDir": "build" }',
      'not a real script id',
    ],
    ['broken JSON', '{ "scriptId": ', 'not valid JSON'],
    ['an array', '[]', 'one JSON object'],
  ])('%s', (_name, text, message) => {
    const run = check(text);
    expect([run.status, run.stderr.includes(message)]).toEqual([1, true]);
  });

  const realId = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdEfGhIjKlMnOpQr';

  test('a real id that would push another folder than build/', () => {
    for (const config of [
      { scriptId: realId },
      { scriptId: realId, rootDir: 'src' },
      { scriptId: realId, rootDir: '' },
    ]) {
      const run = check(JSON.stringify(config));
      expect([run.status, run.stderr.includes('set "rootDir": "build"')]).toEqual([1, true]);
    }
  });

  test('what clasp create-script writes passes, silently', () => {
    const written = {
      scriptId: realId,
      rootDir: 'build',
      parentId: ['1XyZ'],
      scriptExtensions: ['.js', '.gs'],
      htmlExtensions: ['.html'],
      jsonExtensions: ['.json'],
      filePushOrder: [],
      skipSubdirectories: false,
    };
    const run = check(JSON.stringify(written, null, 2));
    expect([run.status, run.stdout, run.stderr]).toEqual([0, '', '']);
  });
});
