// HtmlService serves each build/<name>.html on its own (createHtmlOutputFromFile), so
// everything a sidebar needs must be inlined and survive the HTML parser.
import fs from 'fs';
import path from 'path';
import vm from 'vm';
import { ROOT, readBuilt } from './support';

const CLIENT_DIR = path.join(ROOT, 'src', 'client');
const sources = fs.existsSync(CLIENT_DIR)
  ? fs
      .readdirSync(CLIENT_DIR)
      .filter((f) => f.endsWith('.html'))
      .sort()
  : [];

/** Contents of the inline <script> elements, split the way an HTML parser would. */
function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)]
    .filter(([, attrs]) => !/\bsrc\s*=/i.test(attrs))
    .map(([, , body]) => body);
}

describe('sidebar HTML', () => {
  test('every src/client/*.html is built, and nothing else', () => {
    const built = fs
      .readdirSync(path.join(ROOT, 'build'))
      .filter((f) => f.endsWith('.html'))
      .sort();
    expect(built).toEqual(sources);
  });

  test('has no relative references left (HtmlService serves a single file)', () => {
    for (const file of sources) {
      const html = readBuilt(file);
      // An empty match is code that writes a tag, not a reference (the QR code library's
      // createImgTag builds `' src="' + dataUrl`).
      const refs = [...html.matchAll(/\b(?:src|href)\s*=\s*["']([^"']*)["']/gi)].map((m) => m[1]).filter(Boolean);
      expect([file, refs.filter((r) => !/^(https?:|\/\/|data:|#|javascript:|mailto:)/i.test(r))]).toEqual([file, []]);
    }
  });

  test('has no "<?" that a template would read as a scriptlet', () => {
    for (const file of sources) expect([file, readBuilt(file).includes('<?')]).toEqual([file, false]);
  });

  test('inline scripts compile, and no script or style ends early', () => {
    for (const file of sources) {
      const html = readBuilt(file);
      for (const body of inlineScripts(html)) {
        expect(() => new vm.Script(body, { filename: file })).not.toThrow();
        expect(body).not.toMatch(/<!--/);
      }
      // Every opening tag closes once: an unescaped "</script" inside a script would add one.
      const count = (re: RegExp) => (html.match(re) ?? []).length;
      expect([file, count(/<script\b/gi)]).toEqual([file, count(/<\/script/gi)]);
      expect([file, count(/<style\b/gi)]).toEqual([file, count(/<\/style/gi)]);
    }
  });
});
