// firstNonUtf8Line judges bytes as TextDecoder's fatal UTF-8 decoder does, line by line.
import fc from 'fast-check';
import { firstNonUtf8Line } from '../../src/core/base/utf8';

const bytesOf = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'utf8')] : p)));

/** The reference: the first line TextDecoder refuses. */
function reference(bytes: Uint8Array): number | null {
  const fatal = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  for (let line = 1; start <= bytes.length; line++) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    try {
      fatal.decode(bytes.subarray(start, end));
    } catch {
      return line;
    }
    start = end + 1;
  }
  return null;
}

describe('firstNonUtf8Line', () => {
  test('UTF-8 text, accents, emoji and a byte-order mark included, has none', () => {
    expect(firstNonUtf8Line(bytesOf('\uFEFFName,Email\nJosé,😀\r\n'))).toBeNull();
    expect(firstNonUtf8Line(new Uint8Array())).toBeNull();
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => expect(firstNonUtf8Line(bytesOf(text))).toBeNull()),
    );
  });

  test('a Latin-1 "José" on line 3 is named, with that line’s bytes', () => {
    const found = firstNonUtf8Line(bytesOf('Name\nAna\nJos', [0xe9], '\nBen\n'));
    expect(found?.line).toBe(3);
    expect([...(found?.bytes ?? [])]).toEqual([0x4a, 0x6f, 0x73, 0xe9]);
  });

  test.each([
    ['an overlong form', [0xc0, 0xaf]],
    ['an overlong three-byte form', [0xe0, 0x80, 0xaf]],
    ['a surrogate', [0xed, 0xa0, 0x80]],
    ['past U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a character cut short by the end', [0xe2, 0x82]],
    ['a lone continuation byte', [0x80]],
  ])('%s is refused', (_what, bad) => {
    expect(firstNonUtf8Line(bytesOf('ok\n', bad))?.line).toBe(2);
  });

  test('agrees with TextDecoder on any bytes, line feeds among them', () => {
    const byte = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constant(0x0a), fc.integer({ min: 0x80, max: 0xbf }));
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 40 }), (list) => {
        const bytes = Uint8Array.from(list);
        expect(firstNonUtf8Line(bytes)?.line ?? null).toBe(reference(bytes));
      }),
      { numRuns: 2000 },
    );
  });
});
