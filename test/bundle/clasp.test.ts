// `clasp push` replaces the whole remote project with what clasp collects, so what it would
// push must be exactly build/: no sources, no node_modules, and nothing in build/ left behind.
// The repository tracks .clasp.json with "rootDir": "build" and no script id; `npm run setup`
// writes the id (a fake clasp on PATH stands in for Google here), and `npm run deploy` refuses to
// push without a real one.
import { execFileSync, spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { ROOT, builtFiles, readBuilt } from './support';

const PROJECT_FILE = '.clasp.json';

interface FileStatus {
  filesToPush: string[];
  untrackedFiles: string[];
}

/**
 * What clasp would push with the tracked .clasp.json once `npm run setup` has put a script id in
 * it: the same file with an id, in a folder of its own holding a copy of the project's build/.
 */
function claspFileStatus(): FileStatus {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uptake-status-'));
  try {
    const tracked = JSON.parse(fs.readFileSync(path.join(ROOT, PROJECT_FILE), 'utf8')) as Record<string, unknown>;
    const withId = { scriptId: '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdEfGhIjKlMnOpQr', ...tracked };
    fs.writeFileSync(path.join(dir, PROJECT_FILE), JSON.stringify(withId));
    fs.cpSync(path.join(ROOT, 'build'), path.join(dir, 'build'), { recursive: true });
    // Offline and without login: show-file-status only reads the project file and the disk.
    const clasp = path.join(ROOT, 'node_modules', '.bin', 'clasp');
    const out = execFileSync(clasp, ['show-file-status', '--json'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, CI: 'true', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
    });
    const json = out.split('\n').find((line) => line.trim().startsWith('{'));
    if (!json) throw new Error(`clasp printed no JSON:\n${out}`);
    return JSON.parse(json) as FileStatus;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe(`clasp show-file-status with the tracked ${PROJECT_FILE}`, () => {
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
  test('.clasp.json is tracked at the top level, pushes build/ and names no script', () => {
    const git = (...args: string[]) =>
      spawnSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(git('ls-files', '--error-unmatch', PROJECT_FILE).status).toBe(0);
    expect(git('check-ignore', '-q', '--no-index', PROJECT_FILE).status).not.toBe(0);
    const tracked = git('show', `HEAD:${PROJECT_FILE}`);
    expect(tracked.status).toBe(0);
    // No "scriptId" key at all: clasp create-script counts even an empty one as a project.
    expect(JSON.parse(tracked.stdout)).toEqual({ rootDir: 'build' });
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

  test('package.json runs the check before building and pushing', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.deploy).toMatch(/^node scripts\/check-clasp\.mjs && .*clasp push/);
  });

  test('the tracked .clasp.json (a fresh clone): the set-up steps', () => {
    const run = check(fs.readFileSync(path.join(ROOT, PROJECT_FILE), 'utf8'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('names no Apps Script project yet');
    expect(run.stderr).toContain('npm run setup   (a new spreadsheet');
    expect(run.stderr).toContain('npm run setup -- --script-id ID');
  });

  test('no .clasp.json at all: how to put it back, and the set-up steps', () => {
    const run = check(null);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('git checkout .clasp.json');
    expect(run.stderr).toContain('npm run setup');
  });

  test('a placeholder id', () => {
    const run = check('{ "scriptId": "REPLACE_WITH_YOUR_SCRIPT_ID", "rootDir": "build" }');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/"scriptId" in \.clasp\.json, "[^"]+", is not a real script id/);
  });

  test.each([
    ['a blank id', '{ "scriptId": " ", "rootDir": "build" }', 'names no Apps Script project yet'],
    ['no id', '{ "rootDir": "build" }', 'names no Apps Script project yet'],
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

describe('npm run setup names the project in .clasp.json', () => {
  const newId = '1NeWsCrIpTiD0123456789abcdefghijklmnopqrstuvwxyzABCDEFG';
  let dir: string;
  let bin: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uptake-setup-test-'));
    bin = fs.mkdtempSync(path.join(os.tmpdir(), 'uptake-fake-clasp-'));
    fs.copyFileSync(path.join(ROOT, PROJECT_FILE), path.join(dir, PROJECT_FILE));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(bin, { recursive: true, force: true });
  });

  /**
   * A clasp that answers as clasp 3's create-script --json does (scriptId, parentId, files), and
   * writes down the arguments and the folder it ran in; or fails as clasp does without a login.
   */
  function fakeClasp(behaviour: 'creates' | 'not-logged-in') {
    const log = path.join(bin, 'calls.json');
    const body =
      behaviour === 'creates'
        ? `fs.writeFileSync(${JSON.stringify(log)}, JSON.stringify({ args: process.argv.slice(2), cwd: process.cwd() }));
           fs.writeFileSync('.clasp.json', '{}');
           console.log(JSON.stringify({ scriptId: ${JSON.stringify(newId)}, parentId: '1SpReAdShEeT', files: ['build/appsscript.json'] }, null, 2));`
        : `console.error('Not logged in.'); process.exit(1);`;
    const script = path.join(bin, 'clasp');
    fs.writeFileSync(script, `#!${process.execPath}\nconst fs = require('fs');\n${body}\n`);
    fs.chmodSync(script, 0o755);
    return log;
  }

  function setup(...args: string[]) {
    return spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'setup.mjs'), ...args], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` },
    });
  }
  const projectFile = () =>
    JSON.parse(fs.readFileSync(path.join(dir, PROJECT_FILE), 'utf8')) as Record<string, unknown>;
  const deployCheck = () =>
    spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'check-clasp.mjs')], { cwd: dir, encoding: 'utf8' });

  test('package.json runs it', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.setup).toBe('node scripts/setup.mjs');
  });

  test('a new spreadsheet: clasp create-script makes a bound script away from the project, its id lands in .clasp.json', () => {
    const calls = fakeClasp('creates');
    const run = setup('--title', 'Uptake test');
    expect([run.status, run.stderr]).toEqual([0, '']);
    const call = JSON.parse(fs.readFileSync(calls, 'utf8')) as { args: string[]; cwd: string };
    expect(call.args).toEqual([
      'create-script',
      '--type',
      'sheets',
      '--title',
      'Uptake test',
      '--rootDir',
      'build',
      '--json',
    ]);
    expect(path.resolve(call.cwd)).not.toBe(path.resolve(dir));
    expect(fs.existsSync(call.cwd)).toBe(false);
    expect(projectFile()).toEqual({ scriptId: newId, rootDir: 'build' });
    expect(run.stdout).toContain('Extensions › Uptake test');
    expect(run.stdout).toContain('https://docs.google.com/spreadsheets/d/1SpReAdShEeT/edit');
    expect(deployCheck().status).toBe(0);
  });

  test('without a title the spreadsheet and its menu are named Uptake', () => {
    const calls = fakeClasp('creates');
    expect(setup().status).toBe(0);
    expect((JSON.parse(fs.readFileSync(calls, 'utf8')) as { args: string[] }).args).toContain('Uptake');
  });

  test('an existing spreadsheet: its script id, or the script editor’s address', () => {
    const calls = fakeClasp('creates');
    const run = setup('--script-id', `https://script.google.com/home/projects/${newId}/edit`);
    expect(run.status).toBe(0);
    expect(projectFile()).toEqual({ scriptId: newId, rootDir: 'build' });
    expect(fs.existsSync(calls)).toBe(false);
    expect(deployCheck().status).toBe(0);
  });

  test('refuses a spreadsheet’s address, a placeholder, two ways at once, and an id already there', () => {
    fakeClasp('creates');
    const sheet = setup('--script-id', 'https://docs.google.com/spreadsheets/d/1SpReAdShEeT/edit');
    expect([sheet.status, sheet.stderr.includes('not its script')]).toEqual([2, true]);
    const placeholder = setup('--script-id', 'REPLACE_WITH_YOUR_SCRIPT_ID');
    expect([placeholder.status, placeholder.stderr.includes('is not a script id')]).toEqual([2, true]);
    expect(setup('--script-id', newId, '--title', 'x').status).toBe(2);
    expect(projectFile()).toEqual({ rootDir: 'build' });
    expect(setup('--script-id', newId).status).toBe(0);
    const again = setup();
    expect([again.status, again.stderr.includes(`already names the script ${newId}`)]).toEqual([1, true]);
    expect(projectFile()).toEqual({ scriptId: newId, rootDir: 'build' });
  });

  test('clasp failing (no login) changes nothing and says what to do', () => {
    fakeClasp('not-logged-in');
    const run = setup();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Not logged in.');
    expect(run.stderr).toContain('npx clasp login');
    expect(projectFile()).toEqual({ rootDir: 'build' });
    expect(deployCheck().status).toBe(1);
  });
});
