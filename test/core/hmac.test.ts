// The pure HMAC-SHA-256 behind the sent sheet's tags, against RFC 4231's vectors and Node's crypto.
import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { HmacSha256, sha256, toHex, utf8Decode, utf8Encode } from '../../src/core/base/hmac';
import { KeyedTags, NOTE_BLOCK } from '../../src/core/programme/sent-tags';

const bytes = (text: string) => [...Buffer.from(text, 'utf8')];

describe('HMAC-SHA-256', () => {
  it('gives RFC 4231 test case 2 ("Jefe")', () => {
    expect(toHex(new HmacSha256(bytes('Jefe')).sign(bytes('what do ya want for nothing?')))).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('gives RFC 4231 test case 6 (a key longer than a block)', () => {
    const key = new Array(131).fill(0xaa);
    const message = bytes('Test Using Larger Than Block-Size Key - Hash Key First');
    expect(toHex(new HmacSha256(key).sign(message))).toBe(
      '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
    );
  });

  it('agrees with Node for any key and message, of any length', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ maxLength: 300 }), (key, message) => {
        const expected = createHmac('sha256', Buffer.from(key)).update(Buffer.from(message)).digest('hex');
        expect(toHex(new HmacSha256([...key]).sign([...message]))).toBe(expected);
        expect(toHex(sha256([...message]))).toBe(createHash('sha256').update(Buffer.from(message)).digest('hex'));
      }),
    );
  });

  it('encodes text as UTF-8 as Node does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(utf8Encode(text)).toEqual(bytes(text));
      }),
    );
    expect(utf8Encode('Chloé 😀')).toEqual(bytes('Chloé 😀'));
  });
});

describe('UTF-8 decoding', () => {
  it('reads back any text Node encodes, and refuses bytes that are not UTF-8', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        expect(utf8Decode(bytes(text))).toBe(text);
      }),
    );
    expect(utf8Decode([0xc3])).toBeNull();
    expect(utf8Decode([0x80])).toBeNull();
    expect(utf8Decode([0xe2, 0x28, 0xa1])).toBeNull();
  });
});

describe('sealed cells of the sent sheet', () => {
  const tags = new KeyedTags('0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef');

  it('opens what it sealed, under the same context only', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ maxLength: 20 }), (text, context) => {
        const sealed = tags.seal(context, text, NOTE_BLOCK);
        expect(sealed).toMatch(/^[0-9a-f]+$/);
        // Padding is NUL bytes: a text ending in NULs opens without them.
        let expected = text;
        while (expected.endsWith('\u0000')) expected = expected.slice(0, -1);
        expect(tags.unseal(context, sealed)).toBe(expected);
      }),
    );
    const date = tags.seal('row\u0000Training date', '2026-03-02');
    expect(date).toHaveLength(20);
    expect(tags.unseal('row\u0000Training date', date)).toBe('2026-03-02');
    expect(tags.unseal('another row\u0000Training date', date)).not.toBe('2026-03-02');
    expect(new KeyedTags('f'.repeat(64)).unseal('row\u0000Training date', date)).not.toBe('2026-03-02');
  });

  it('pads a note to whole blocks: an empty note and a long one seal to the same length', () => {
    const [empty, notNeeded] = ['', 'Not needed at the week-three check (the week to 2026-03-22)'].map((note) =>
      tags.seal('row\u0000Note', note, NOTE_BLOCK),
    );
    expect(empty).toHaveLength(2 * NOTE_BLOCK);
    expect(notNeeded).toHaveLength(2 * NOTE_BLOCK);
    expect(tags.unseal('row\u0000Note', empty)).toBe('');
    expect(tags.unseal('row\u0000Note', 'not hex')).toBeNull();
  });
});
