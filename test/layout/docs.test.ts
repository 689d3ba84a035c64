// The user documentation keeps up with the code: every menu item is in the README's menu table,
// and docs/adoption-rules.md has every section of the rules, numbered without a gap.
import fs from 'fs';
import path from 'path';
import { MENU_ITEMS } from '../../src/gas/menu';

const ROOT = path.join(__dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

describe('user documentation', () => {
  test('the README lists every menu item, and stays short', () => {
    const readme = read('README.md');
    const rows = new Set([...readme.matchAll(/^\| ([^|]+?) \|/gm)].map((m) => m[1]));
    const labels = MENU_ITEMS.flatMap((item) => (item ? [item[0]] : []));
    expect(labels).toContain('Create logging form');
    expect(labels.filter((label) => !rows.has(label))).toEqual([]);
    expect(readme.split('\n').length).toBeLessThanOrEqual(200);
  });

  test('docs/adoption-rules.md numbers its sections 1, 2, 3 … without a gap', () => {
    const numbers = [...read('docs/adoption-rules.md').matchAll(/^## (\d+)\. /gm)].map((m) => Number(m[1]));
    expect(numbers.length).toBeGreaterThanOrEqual(19);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });
});
