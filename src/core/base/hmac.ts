// HMAC-SHA-256 in plain TypeScript, for the "Uptake sent" sheet's tags (sent-tags.ts). Apps
// Script has Utilities.computeHmacSha256Signature, but each call is a service call, and the
// daily run tags every member it looks up: this costs none. The algorithms are those of
// "Secure Hash Standard (SHS)", FIPS 180-4, section 6.2
// (https://nvlpubs.nist.gov/nistpubs/FIPS/NIST.FIPS.180-4.pdf), and "HMAC: Keyed-Hashing for
// Message Authentication", RFC 2104 (https://www.rfc-editor.org/rfc/rfc2104); the tests check
// them against Node's crypto and RFC 4231's test vectors.

const ROUND = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);
const INITIAL = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
const BLOCK = 64;

/** The UTF-8 bytes of a text (TextEncoder is not in Apps Script); a lone surrogate becomes U+FFFD. */
export function utf8Encode(text: string): number[] {
  const out: number[] = [];
  for (const char of text) {
    let code = char.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd;
    if (code < 0x80) out.push(code);
    else if (code < 0x800) out.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) out.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else out.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
  }
  return out;
}

/** The text of UTF-8 bytes (TextDecoder is not in Apps Script either); null when they are not UTF-8. */
export function utf8Decode(bytes: number[]): string | null {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i];
    const size = lead < 0x80 ? 1 : lead >= 0xf0 && lead < 0xf8 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 0;
    if (!size || i + size > bytes.length) return null;
    let code = size === 1 ? lead : lead & (0xff >> (size + 1));
    for (let k = 1; k < size; k++) {
      if ((bytes[i + k] & 0xc0) !== 0x80) return null;
      code = (code << 6) | (bytes[i + k] & 63);
    }
    if (code > 0x10ffff) return null;
    out += String.fromCodePoint(code);
    i += size;
  }
  return out;
}

const rotate = (x: number, n: number) => (x >>> n) | (x << (32 - n));

/** Runs the compression function over one 64-byte block of `bytes` at `at`, into `state`. */
function compress(state: number[], bytes: number[], at: number, w: Uint32Array): void {
  for (let i = 0; i < 16; i++)
    w[i] =
      (bytes[at + 4 * i] << 24) | (bytes[at + 4 * i + 1] << 16) | (bytes[at + 4 * i + 2] << 8) | bytes[at + 4 * i + 3];
  for (let i = 16; i < 64; i++) {
    const s0 = rotate(w[i - 15], 7) ^ rotate(w[i - 15], 18) ^ (w[i - 15] >>> 3);
    const s1 = rotate(w[i - 2], 17) ^ rotate(w[i - 2], 19) ^ (w[i - 2] >>> 10);
    w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
  }
  let [a, b, c, d, e, f, g, h] = state;
  for (let i = 0; i < 64; i++) {
    const t1 = (h + (rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)) + ((e & f) ^ (~e & g)) + ROUND[i] + w[i]) | 0;
    const t2 = ((rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  const next = [a, b, c, d, e, f, g, h];
  for (let i = 0; i < 8; i++) state[i] = (state[i] + next[i]) | 0;
}

/**
 * SHA-256 of `message`, continuing from `state` after `before` bytes already hashed (HMAC starts
 * from the state after its padded key, computed once per key).
 */
function sha256From(state: number[], before: number, message: number[]): number[] {
  const length = before + message.length;
  const padded = [...message, 0x80];
  while ((padded.length + 8) % BLOCK !== 0) padded.push(0);
  const bits = length * 8;
  for (let i = 7; i >= 0; i--) padded.push(i >= 4 ? 0 : (bits / 2 ** (8 * i)) & 0xff);
  const h = [...state];
  const w = new Uint32Array(64);
  for (let at = 0; at < padded.length; at += BLOCK) compress(h, padded, at, w);
  const out: number[] = [];
  for (const word of h) out.push((word >>> 24) & 0xff, (word >>> 16) & 0xff, (word >>> 8) & 0xff, word & 0xff);
  return out;
}

export function sha256(message: number[]): number[] {
  return sha256From(INITIAL, 0, message);
}

export function toHex(bytes: number[]): string {
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** HMAC-SHA-256 with one key: the key's inner and outer states are computed once. */
export class HmacSha256 {
  private readonly inner: number[];
  private readonly outer: number[];

  constructor(key: number[]) {
    const block = key.length > BLOCK ? sha256(key) : [...key];
    while (block.length < BLOCK) block.push(0);
    const w = new Uint32Array(64);
    this.inner = [...INITIAL];
    compress(
      this.inner,
      block.map((b) => b ^ 0x36),
      0,
      w,
    );
    this.outer = [...INITIAL];
    compress(
      this.outer,
      block.map((b) => b ^ 0x5c),
      0,
      w,
    );
  }

  sign(message: number[]): number[] {
    return sha256From(this.outer, BLOCK, sha256From(this.inner, BLOCK, message));
  }
}
