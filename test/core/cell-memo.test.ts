import fc from 'fast-check';
import { CellMemo } from '../../src/core/v8/cell-memo';

/** A string equal to `text` but not the same string object (as each getValues hands back). */
const copyOf = (text: string) => text.split('').join('');

/** A memo whose reads are counted per value, and say which value they read. */
function countingMemo() {
  const reads = new Map<unknown, number>();
  const memo = new CellMemo((cell) => {
    reads.set(cell, (reads.get(cell) ?? 0) + 1);
    return { of: cell };
  });
  return { memo, reads };
}

describe('CellMemo: each distinct cell value read once', () => {
  test('equal strings share one read, however many copies of them come', () => {
    const { memo, reads } = countingMemo();
    const first = memo.get('Ana Okafor');
    for (let i = 0; i < 50; i++) expect(memo.get(copyOf('Ana Okafor'))).toBe(first);
    expect(memo.get(' Ana Okafor')).toEqual({ of: ' Ana Okafor' });
    expect([...reads.values()]).toEqual([1, 1]);
  });

  test('numbers, booleans, blanks and errors are remembered by value; dates are read every time', () => {
    const { memo, reads } = countingMemo();
    const values: unknown[] = [3, 3.5, true, false, null, undefined, '', '#REF!', NaN];
    for (let round = 0; round < 3; round++) for (const value of values) expect(memo.get(value)).toEqual({ of: value });
    expect([...reads.values()]).toEqual(values.map(() => 1));
    const date = new Date(Date.UTC(2026, 2, 2));
    memo.get(date);
    memo.get(date);
    expect(reads.get(date)).toBe(2);
  });

  test('a column of thousands of look-alike values (same length, same first and last letters) reads each once', () => {
    const { memo, reads } = countingMemo();
    const names = Array.from({ length: 3000 }, (_, i) => `user${String(i).padStart(4, '0')}@example.com`);
    for (let round = 0; round < 3; round++) {
      for (const name of names) expect(memo.get(copyOf(name))).toEqual({ of: name });
    }
    expect(reads.size).toBe(names.length);
    expect([...reads.values()].every((count) => count === 1)).toBe(true);
  });

  test('any sequence of values gets the read of its own value, each value read once', () => {
    const pool = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.integer({ min: -3, max: 3 }),
      fc.boolean(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(fc.array(pool, { maxLength: 400 }), (cells) => {
        const { memo, reads } = countingMemo();
        for (const cell of cells) {
          const got = memo.get(typeof cell === 'string' ? copyOf(cell) : cell);
          if (!Object.is(got.of, cell)) return false;
        }
        return reads.size === new Set(cells).size && [...reads.values()].every((count) => count === 1);
      }),
    );
  });
});
