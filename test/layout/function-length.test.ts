// scripts/check-function-length.mjs (run by `npm run lint`) on throwaway trees, and on this
// project: functions counted with the TypeScript compiler, none in src/, local/, packages/, scripts/
// or bench/ over 80 lines.
import fs from 'fs';
import path from 'path';
import { ROOT, runChecker, throwawayDir } from './checker';

const check = (root: string) => runChecker('check-function-length.mjs', root);

/** A project holding src/a.ts with `text`. */
function tree(text: string): string {
  const dir = throwawayDir('uptake-lengths-');
  fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'src', 'a.ts'), text);
  return dir;
}

/** A function named `name` of `lines` lines, from its first line to its last. */
const fn = (name: string, lines: number) => `function ${name}() {\n${'  x++;\n'.repeat(lines - 2)}}\n`;
const body = (indent: string) => `${indent}x++;\n`.repeat(80);

describe('the function length check', () => {
  it('passes functions of 80 lines', async () => {
    expect(await check(tree(fn('short', 80)))).toMatchObject({ ok: true });
  });

  it('names each function, method and arrow over 80 lines, nested ones on their own too', async () => {
    const text = [
      fn('long', 81),
      `class Reader {\n  read() {\n${body('    ')}  }\n}\n`,
      `const arrow = () => {\n${body('  ')}};\n`,
      `function outer() {\n  const inner = () => {\n${body('    ')}  };\n}\n`,
    ].join('');
    const { ok, output } = await check(tree(text));
    expect(ok).toBe(false);
    for (const line of [
      'src/a.ts:1 long: 81 lines',
      'src/a.ts:83 Reader.read: 82 lines',
      'src/a.ts:166 arrow: 82 lines',
      'src/a.ts:248 outer: 84 lines',
      'src/a.ts:249 inner: 82 lines',
    ])
      expect(output).toContain(line);
  });

  it('checks packages/ as it checks src/', async () => {
    const dir = throwawayDir('uptake-lengths-');
    fs.mkdirSync(path.join(dir, 'packages', 'p'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'packages', 'p', 'b.ts'), fn('long', 81));
    const { ok, output } = await check(dir);
    expect(ok).toBe(false);
    expect(output).toContain('packages/p/b.ts:1 long: 81 lines');
  });

  it('checks local/ as it checks src/, and not test/', async () => {
    const dir = tree(fn('short', 80));
    for (const [folder, name] of [
      ['local', 'run'],
      ['test', 'builder'],
    ]) {
      fs.mkdirSync(path.join(dir, folder), { recursive: true });
      fs.writeFileSync(path.join(dir, folder, 'b.ts'), fn(name, 81));
    }
    const { ok, output } = await check(dir);
    expect(ok).toBe(false);
    expect(output).toContain('local/b.ts:1 run: 81 lines');
    expect(output).not.toContain('test/b.ts');
  });

  it('checks the scripts (.mjs) and the bench as it checks src/', async () => {
    const dir = tree(fn('short', 80));
    for (const [folder, file] of [
      ['scripts', 'build.mjs'],
      ['bench', 'costs.ts'],
    ]) {
      fs.mkdirSync(path.join(dir, folder), { recursive: true });
      fs.writeFileSync(path.join(dir, folder, file), fn('long', 81));
    }
    const { ok, output } = await check(dir);
    expect(ok).toBe(false);
    expect(output).toContain('scripts/build.mjs:1 long: 81 lines');
    expect(output).toContain('bench/costs.ts:1 long: 81 lines');
  });

  it('finds no function in src/, local/, packages/, scripts/ or bench/ over 80 lines', async () => {
    const { ok, output } = await check(ROOT);
    expect(output).toContain(
      'check-function-length: no function in src/, local/, packages/, scripts/, bench/ over 80 lines',
    );
    expect(ok).toBe(true);
  });
});
