// scripts/check-imports.mjs (run by `npm run lint`) on throwaway trees with one fault each, and on
// this project; and the ESLint rule that keeps Apps Script services out of src/core.
import { execFile } from 'child_process';
import fs from 'fs';
import path from 'path';
import ts from 'typescript';
import { promisify } from 'util';
import { ROOT, runChecker, throwawayDir } from './checker';

const CHECKER = path.join(ROOT, 'scripts', 'check-imports.mjs');
const run = promisify(execFile);
const check = (root: string) => runChecker('check-imports.mjs', root);

/** A tree of the given files (path → text) in a new temporary folder. */
function tree(files: Record<string, string>): string {
  const dir = throwawayDir('uptake-imports-');
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** Problem lines: the checker prints one per problem, indented. */
function problemLines(output: string): string[] {
  return output.split('\n').filter((line) => line.startsWith('  '));
}

describe('scripts/check-imports.mjs', () => {
  test.concurrent('passes on this project', async () => {
    const { ok, output } = await check(ROOT);
    expect(output).toMatch(/no import cycles/);
    expect(ok).toBe(true);
  });

  test.concurrent('refuses an import, types too, against the layers of src/core', async () => {
    const dir = tree({
      'src/core/base/text.ts': `import type { Audit } from '../audit/audit';\nexport type T = Audit;\n`,
      'src/core/audit/audit.ts': `export interface Audit { x: number }\n`,
      'src/core/mail/email.ts': `import { x } from '../base/dates';\nexport const y = x;\n`,
      'src/core/base/dates.ts': `export const x = 1;\n`,
      'src/core/novel/a.ts': `import { x } from '../base/dates';\nexport const z = x;\n`,
      'src/core/audit/member-report.ts': `import { m } from '../programme/milestones';\nexport const r = m;\n`,
      'src/core/programme/milestones.ts': `export const m = 1;\n`,
    });
    const { ok, output } = await check(dir);
    expect(ok).toBe(false);
    expect(problemLines(output)).toEqual([
      '  src/core/base/text.ts imports src/core/audit/audit.ts: src/core/base/ may import no other folder (CORE_LAYERS in scripts/check-imports.mjs, the table in src/core/README.md).',
      '  src/core/novel/a.ts imports src/core/base/dates.ts: src/core/novel/ may import nothing: it is not in CORE_LAYERS (CORE_LAYERS in scripts/check-imports.mjs, the table in src/core/README.md).',
    ]);
  });

  test.concurrent('refuses a src/core/README.md whose layer table is not CORE_LAYERS', async () => {
    const readme = fs
      .readFileSync(path.join(ROOT, 'src', 'core', 'README.md'), 'utf8')
      .replace(/^(\| `mail\/` \|.*\| )base( \|)$/m, '$1base, sheets$2')
      .replace(/^\| `v8\/` \|.*\n/m, '')
      .replace('`sheets/team.ts`', 'the team file');
    const dir = tree({ 'src/core/README.md': readme, 'src/core/v8/memo.ts': `export const m = 1;\n` });
    const { ok, output } = await check(dir);
    expect(ok).toBe(false);
    expect(problemLines(output)).toEqual([
      '  src/core/README.md says src/core/mail/ imports from base, sheets, CORE_LAYERS base: make them the same.',
      '  src/core/README.md has no row for src/core/v8/: add it with what it may import.',
      '  src/core/README.md does not name src/core/sheets/team.ts, an import across the table that CORE_EXCEPTIONS allows.',
    ]);
  });

  test.concurrent('passes on a tree that keeps to its layers', async () => {
    const dir = tree({
      'src/core/base/text.ts': `export const x = 1;\n`,
      'src/core/audit/audit.ts': `import { x } from '../base/text';\nexport const y = x;\n`,
      'src/gas/adapter.ts': `import { y } from '../core/audit/audit';\nexport const z = y;\n`,
      'src/index.ts': `import { z } from './gas/adapter';\nexport { z };\n`,
      'local/cli.ts': `import { z } from '../src/index';\nimport fs from 'node:fs';\nvoid fs; void z;\n`,
    });
    const { ok, output } = await check(dir);
    expect(output).toMatch(/^check-imports: 5 files, no import cycles/);
    expect(ok).toBe(true);
  });

  test.concurrent('names every file of an import cycle, in order', async () => {
    const dir = tree({
      'src/core/a.ts': `import { b } from './b';\nexport const a = () => b();\n`,
      'src/core/b.ts': `import { c } from './sub/c';\nexport const b = () => c();\n`,
      'src/core/sub/c.ts': `export { a as c } from '../a';\n`,
      'src/core/d.ts': `import { a } from './a';\nexport const d = a;\n`,
    });
    const { ok, output } = await check(dir);
    expect(ok).toBe(false);
    expect(problemLines(output)).toEqual([
      '  import cycle: src/core/a.ts -> src/core/b.ts -> src/core/sub/c.ts -> src/core/a.ts.' +
        ' Move what both sides need into a file that imports neither.',
    ]);
  });

  test.concurrent('reports a file that imports itself', async () => {
    const dir = tree({ 'scripts/self.mjs': `import { x } from './self.mjs';\nexport const y = x;\n` });
    const { ok, output } = await check(dir);
    expect(ok).toBe(false);
    expect(problemLines(output)).toEqual([
      '  import cycle: scripts/self.mjs -> scripts/self.mjs. Move what both sides need into a file that imports neither.',
    ]);
  });

  test.concurrent('a cycle of type-only imports is one too (the files still need each other)', async () => {
    const dir = tree({
      'local/a.ts': `import type { B } from './b';\nexport interface A { b?: B }\n`,
      'local/b.ts': `import { type A } from './a';\nexport interface B { a?: A }\n`,
    });
    const { ok, output } = await check(dir);
    expect(output).toContain(
      '  import cycle: local/a.ts -> local/b.ts -> local/a.ts. Move what both sides need into a file that imports neither.',
    );
    expect(ok).toBe(false);
  });

  test.concurrent('reports each layering breach once, with the reason', async () => {
    const dir = tree({
      'src/core/rules.ts': [
        `import { store } from '../gas/store';`,
        `import type { Page } from '../client/page';`,
        `import { entry } from '../index';`,
        `import { run } from '../../local/cli';`,
        `import { fixture } from '../../test/core/fixtures';`,
        `export const all = [store, entry, run, fixture] as unknown as Page;`,
      ].join('\n'),
      'src/gas/store.ts': `export const store = 1;\n`,
      'src/client/page.ts': `import { store } from '../gas/store';\nexport type Page = typeof store;\n`,
      'src/index.ts': `export const entry = 1;\n`,
      'src/shared/api.ts': `export type { Fixture } from '../../test/core/fixtures';\n`,
      'local/cli.ts': `export async function run() {\n  return import('../test/gas/support');\n}\n`,
    });
    const { ok, output } = await check(dir);
    expect(ok).toBe(false);
    const core = 'src/core holds the pure rules';
    expect(problemLines(output).sort()).toEqual(
      [
        `  local/cli.ts imports test/gas/support: product code does not import tests.`,
        `  src/client/page.ts imports src/gas/store.ts: the sidebar reaches the server through google.script.run, never by importing src/gas or the entry points.`,
        `  src/core/rules.ts imports local/cli.ts: ${core}`,
        `  src/core/rules.ts imports src/client/page.ts: ${core}`,
        `  src/core/rules.ts imports src/gas/store.ts: ${core}`,
        `  src/core/rules.ts imports src/index.ts: ${core}`,
        `  src/core/rules.ts imports test/core/fixtures: ${core}`,
        `  src/shared/api.ts imports test/core/fixtures: product code does not import tests.`,
      ].map((line) => (line.endsWith(core) ? expect.stringContaining(line) : line)),
    );
  });

  test.concurrent('keeps src/gas, src/shared, src/client and the entry points each to its side', async () => {
    const dir = tree({
      'src/gas/page.ts': `import { view } from '../client/view';\nimport { entry } from '../index';\nexport const page = [view, entry];\n`,
      'src/shared/api.ts': [
        `import type { Store } from '../gas/store';`,
        `import type { View } from '../client/view';`,
        `import type { Entry } from '../index';`,
        `export type Api = [Store, View, Entry];`,
      ].join('\n'),
      'src/core/base/rules.ts': `import type { Api } from '../../shared/api';\nexport type Rules = Api;\n`,
      'src/client/view.ts': `import { entry } from '../index';\nexport const view = entry;\nexport type View = number;\n`,
      'src/gas/store.ts': `export type Store = number;\n`,
      'src/index.ts': `export const entry = 1;\nexport type Entry = number;\n`,
    });
    const { ok, output } = await check(dir);
    expect(ok).toBe(false);
    const server = 'the Apps Script adapters run on the server';
    const shared = 'src/shared holds what the sidebar and the server exchange';
    expect(problemLines(output).sort()).toEqual([
      expect.stringContaining(
        `  src/client/view.ts imports src/index.ts: the sidebar reaches the server through google.script.run`,
      ),
      expect.stringContaining(`  src/core/base/rules.ts imports src/shared/api.ts: src/core holds the pure rules`),
      expect.stringContaining(`  src/gas/page.ts imports src/client/view.ts: ${server}`),
      expect.stringContaining(`  src/gas/page.ts imports src/index.ts: ${server}`),
      expect.stringContaining(`  src/shared/api.ts imports src/client/view.ts: ${shared}`),
      expect.stringContaining(`  src/shared/api.ts imports src/gas/store.ts: ${shared}`),
      expect.stringContaining(`  src/shared/api.ts imports src/index.ts: ${shared}`),
    ]);
  });

  test.concurrent('keeps the in-memory Apps Script package and the add-on apart', async () => {
    const dir = tree({
      'src/gas/store.ts': `import { createFakeGas } from '../../packages/fake/index';\nexport const store = createFakeGas;\n`,
      'packages/fake/index.ts': `import { store } from '../../src/gas/store';\nexport const createFakeGas = store;\n`,
      'packages/fake/harness.ts': `import { run } from '../../local/cli';\nexport const h = run;\n`,
      'local/cli.ts': `export const run = 1;\n`,
    });
    const { ok, output } = await check(dir);
    expect(ok).toBe(false);
    const own = 'a package stands on its own: it imports nothing from the add-on, its local run or its tests.';
    expect(problemLines(output).sort()).toEqual([
      `  import cycle: packages/fake/index.ts -> src/gas/store.ts -> packages/fake/index.ts. Move what both sides need into a file that imports neither.`,
      `  packages/fake/harness.ts imports local/cli.ts: ${own}`,
      `  packages/fake/index.ts imports src/gas/store.ts: ${own}`,
      `  src/gas/store.ts imports packages/fake/index.ts: the add-on does not ship the in-memory Apps Script its tests run it in.`,
    ]);
  });

  test.concurrent('reads imports split over lines and skips those in comments and strings', async () => {
    const dir = tree({
      'src/core/a.ts': [
        `// import { b } from './b';`,
        `/* import { b } from './b'; */`,
        `const text = "import { b } from './b'";`,
        `const pattern = /import '.\\/b'/;`,
        `import {`,
        `  c, // a note between the names`,
        `  type C,`,
        `} from './c';`,
        `export const a = [text, pattern, c] as C;`,
      ].join('\n'),
      'src/core/b.ts': `import { a } from './a';\nexport const b = a;\n`,
      'src/core/c.ts': `import { a } from './a';\nexport const c = a;\nexport type C = unknown;\n`,
    });
    const { ok, output } = await check(dir);
    expect(ok).toBe(false);
    expect(problemLines(output)).toEqual([
      '  import cycle: src/core/a.ts -> src/core/c.ts -> src/core/a.ts. Move what both sides need into a file that imports neither.',
    ]);
  });

  test('finds the same imports as the TypeScript compiler in every file it reads here', async () => {
    // The checker reads imports with regular expressions, to need nothing installed; the
    // compiler's own pre-parser is the reference.
    const script = [
      `import { importGraph, importsOf } from ${JSON.stringify(CHECKER)};`,
      `import fs from 'node:fs';`,
      `const root = ${JSON.stringify(ROOT)};`,
      `const out = {};`,
      `for (const file of importGraph(root).keys()) out[file] = importsOf(fs.readFileSync(root + '/' + file, 'utf8')).map((i) => i.specifier);`,
      `process.stdout.write(JSON.stringify(out));`,
    ].join('\n');
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script]);
    const found = JSON.parse(stdout) as Record<string, string[]>;
    const files = Object.keys(found);
    expect(files).toEqual(expect.arrayContaining(['src/index.ts', 'src/core/audit/audit.ts', 'local/cli.ts']));
    for (const file of files) {
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      const expected = ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
      expect({ file, imports: found[file] }).toEqual({ file, imports: expected });
    }
  });
});

describe('eslint.config.mjs', () => {
  const ESLINT = path.join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');
  const use = `export function f(): unknown {\n  return SpreadsheetApp.getActive();\n}\n`;

  /** ESLint's messages on `text` as if it were the file `name` (the CLI: jest cannot load an ES module config). */
  async function lint(text: string, name: string): Promise<{ ruleId: string; message: string }[]> {
    const child = execFile(process.execPath, [ESLINT, '--format', 'json', '--stdin', '--stdin-filename', name], {
      cwd: ROOT,
    });
    child.stdin?.end(text);
    let stdout = '';
    child.stdout?.on('data', (chunk) => (stdout += chunk));
    await new Promise((resolve) => child.on('close', resolve));
    const [result] = JSON.parse(stdout) as { messages: { ruleId: string; message: string }[] }[];
    return result.messages.map(({ ruleId, message }) => ({ ruleId, message }));
  }

  test.concurrent('refuses an Apps Script service in src/core', async () => {
    expect(await lint(use, 'src/core/base/new-file.ts')).toEqual([
      {
        ruleId: 'no-restricted-globals',
        message: expect.stringContaining('SpreadsheetApp is an Apps Script service: src/core uses none'),
      },
    ]);
  });

  test.concurrent('still refuses browser globals in src/core, and allows services in src/gas', async () => {
    expect(await lint(`export const w = window;\n`, 'src/core/base/new-file.ts')).toEqual([
      { ruleId: 'no-restricted-globals', message: expect.stringContaining('window does not exist in Apps Script') },
    ]);
    expect(await lint(use, 'src/gas/new-file.ts')).toEqual([]);
  });
});
