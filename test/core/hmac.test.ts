// The pure HMAC-SHA-256 behind the sent sheet's tags, against RFC 4231's vectors and Node's crypto.
import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { HmacSha256, sha256, toHex, utf8Encode } from '../../src/core/base/hmac';

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
