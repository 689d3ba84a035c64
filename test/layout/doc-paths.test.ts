// The documents name only paths that exist: every `src/…`, `test/…`, `docs/…`, `scripts/…`,
// `packages/…`, `local/…`, `bench/…` and `examples/…` path in a Markdown file of the project is a
// file or folder, from the project's root or from the document's own folder. Patterns (`*`,
// `<topic>`, `{a,b}`) are not paths and are left alone.
import fs from 'fs';
import path from 'path';
import { ROOT } from './checker';

const SKIPPED = new Set(['node_modules', 'build', 'out', '.git']);

function markdownFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED.has(entry.name)) return [];
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(full);
    return entry.name.endsWith('.md') ? [full] : [];
  });
}

const PATH = /(?<![\w./-])((?:src|test|docs|scripts|packages|local|bench|examples)\/[\w./*<>{}-]*[\w*/>}-])/g;

/** The project paths a document names, each with its line. */
function pathsIn(text: string): { line: number; path: string }[] {
  return text.split('\n').flatMap((line, i) =>
    [...line.matchAll(PATH)]
      .map((m) => m[1])
      .filter((p) => !/[*<>{}]/.test(p))
      .map((p) => ({ line: i + 1, path: p })),
  );
}

describe('paths named in the documents', () => {
  test('are found in text, code spans and links, patterns left out', () => {
    const text = [
      'See `src/core/audit/tally.ts:151` and [the rules](docs/adoption-rules.md).',
      'Suites: test/**/*.test.ts, one per docs/<topic>.md; not a path: mysrc/x.ts.',
      'The fake (packages/fake-apps-script/), run by scripts/check-imports.mjs.',
    ].join('\n');
    expect(pathsIn(text)).toEqual([
      { line: 1, path: 'src/core/audit/tally.ts' },
      { line: 1, path: 'docs/adoption-rules.md' },
      { line: 3, path: 'packages/fake-apps-script/' },
      { line: 3, path: 'scripts/check-imports.mjs' },
    ]);
  });

  test('exist, from the root or from the document', () => {
    const documents = markdownFiles(ROOT);
    expect(documents.map((f) => path.relative(ROOT, f))).toEqual(
      expect.arrayContaining(['README.md', 'BENCHMARKS.md']),
    );
    const missing = documents.flatMap((full) => {
      const doc = path.relative(ROOT, full).split(path.sep).join('/');
      return pathsIn(fs.readFileSync(full, 'utf8'))
        .filter((p) => !fs.existsSync(path.join(ROOT, p.path)) && !fs.existsSync(path.join(path.dirname(full), p.path)))
        .map((p) => `${doc}:${p.line}: ${p.path}`);
    });
    expect(missing).toEqual([]);
  });
});
