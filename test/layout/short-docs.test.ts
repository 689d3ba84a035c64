// The documents stay short enough to read at once (README.md's own limit is in docs.test.ts), and
// the in-memory Apps Script's README lists every Google page its code cites for a rule.
import fs from 'fs';
import path from 'path';
import { ROOT } from './checker';

const FAKE = path.join(ROOT, 'packages', 'fake-apps-script');
const read = (file: string) => fs.readFileSync(file, 'utf8');
const lineCount = (file: string) => read(path.join(ROOT, file)).split('\n').length;

/** The Google documentation pages a text cites, without the part after # (a heading of the page). */
function googlePages(text: string): string[] {
  const pages = [...text.matchAll(/https:\/\/(?:developers|support)\.google\.com\/[\w./-]*[\w/]/g)].map((m) => m[0]);
  return [...new Set(pages)];
}

describe('short documents', () => {
  test('BENCHMARKS.md is at most 200 lines, the in-memory Apps Script README at most 150', () => {
    expect(lineCount('BENCHMARKS.md')).toBeLessThanOrEqual(200);
    expect(lineCount('packages/fake-apps-script/README.md')).toBeLessThanOrEqual(150);
  });

  test("the in-memory Apps Script's README cites every page its code cites", () => {
    const code = fs
      .readdirSync(FAKE)
      .filter((file) => file.endsWith('.ts'))
      .map((file) => read(path.join(FAKE, file)))
      .join('\n');
    const cited = googlePages(code);
    expect(cited).toEqual(expect.arrayContaining(['https://developers.google.com/apps-script/guides/services/quotas']));
    const readme = read(path.join(FAKE, 'README.md'));
    expect(cited.filter((page) => !readme.includes(page))).toEqual([]);
  });
});
