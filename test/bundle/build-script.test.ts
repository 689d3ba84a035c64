// The rules scripts/build.mjs enforces on src/index.ts, tried on throwaway projects: a
// mistake there would otherwise only show in Sheets (a custom function missing from
// autocomplete, an entry point Apps Script cannot call).
import { execFile } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { promisify } from 'util';
import { ROOT } from './support';

const run = promisify(execFile);
const made: string[] = [];

async function buildProject(files: Record<string, string>): Promise<{ ok: boolean; output: string; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uptake-build-'));
  made.push(dir);
  fs.mkdirSync(path.join(dir, 'scripts'));
  for (const script of ['build.mjs', 'size-budgets.json']) {
    fs.copyFileSync(path.join(ROOT, 'scripts', script), path.join(dir, 'scripts', script));
  }
  fs.copyFileSync(path.join(ROOT, 'appsscript.json'), path.join(dir, 'appsscript.json'));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  try {
    const { stdout, stderr } = await run(process.execPath, ['scripts/build.mjs'], { cwd: dir });
    return { ok: true, output: stdout + stderr, dir };
  } catch (err) {
    const { stdout = '', stderr = '' } = err as { stdout?: string; stderr?: string };
    return { ok: false, output: stdout + stderr, dir };
  }
}

afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

const GOOD = `
/**
 * Doubles a number.
 * @param {number} value The number.
 * @return {number} Twice the number.
 * @customfunction
 */
export function DOUBLE(value: number): number {
  return value * 2;
}

/**
 * Builds the menu.
 * @param e The open event.
 */
export function onOpen(e?: unknown): void {
  void e;
}
`;

describe('scripts/build.mjs', () => {
  test.concurrent('writes stubs, the manifest and inlined sidebars', async () => {
    const { ok, output, dir } = await buildProject({
      'src/index.ts': GOOD,
      'src/client/sidebar.html':
        '<html><head><link rel="stylesheet" href="./sidebar.css"></head>' +
        '<body><script src="./sidebar.ts"></script></body></html>',
      'src/client/sidebar.css': 'body { margin: 0 }',
      'src/client/sidebar.ts': 'document.body.dataset.x = "</script><!-- <?";',
    });
    expect(output).toContain('build/Code.js');
    expect(ok).toBe(true);
    const code = fs.readFileSync(path.join(dir, 'build', 'Code.js'), 'utf8');
    expect(code).toContain(
      ' * @customfunction\n */\nfunction DOUBLE(value) {\n  return Uptake.DOUBLE.apply(this, arguments);\n}',
    );
    expect(code).toContain('function onOpen(e) {');
    expect(fs.readdirSync(path.join(dir, 'build')).sort()).toEqual(['Code.js', 'appsscript.json', 'sidebar.html']);
    const html = fs.readFileSync(path.join(dir, 'build', 'sidebar.html'), 'utf8');
    expect(html).toMatch(/<style>body\{margin:0\}<\/style>/);
    expect(html).not.toMatch(/src=|href=|<\?|<!--/);
    expect(html.match(/<\/script/g)).toHaveLength(1);
  });

  test.concurrent('fails when an exported function has no JSDoc', async () => {
    const { ok, output } = await buildProject({ 'src/index.ts': `${GOOD}\nexport function showSidebar(): void {}\n` });
    expect(ok).toBe(false);
    expect(output).toMatch(/showSidebar has no JSDoc/);
  });

  test.concurrent('fails when a custom function misses a @param', async () => {
    const { ok, output } = await buildProject({
      'src/index.ts': GOOD.replace(' * @param {number} value The number.\n', ''),
    });
    expect(ok).toBe(false);
    expect(output).toMatch(/DOUBLE: parameter "value" has no @param/);
  });

  test.concurrent('fails when a custom function misses @return', async () => {
    const { ok, output } = await buildProject({
      'src/index.ts': GOOD.replace(' * @return {number} Twice the number.\n', ''),
    });
    expect(ok).toBe(false);
    expect(output).toMatch(/DOUBLE has no @return/);
  });

  test.concurrent('fails on entry points Apps Script could not see', async () => {
    const { ok, output } = await buildProject({
      'src/index.ts': `${GOOD}\nexport { onOpen as onInstall };\nexport const HALF = (x: number) => x / 2;\n`,
    });
    expect(ok).toBe(false);
    expect(output).toMatch(/re-export/);
    expect(output).toMatch(/export const HALF/);
  });
});
