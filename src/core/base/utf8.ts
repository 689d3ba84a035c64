// Whether a file's bytes are UTF-8 text, and if not, where: the CSV files Uptake reads (the
// sidebar's usage import, the local run's CSV files) are refused naming the first line that is
// not, since a Latin-1 "José" would otherwise be read as "Jos�" and match nobody.
// Pure, byte by byte (TextDecoder is not in Apps Script); the ranges are the well-formed byte
// sequences of "UTF-8, a transformation format of ISO 10646" (RFC 3629, section 4,
// https://www.rfc-editor.org/rfc/rfc3629#section-4), which TextDecoder's fatal mode refuses too.

/** The length of the well-formed UTF-8 sequence at `i` (ending before `end`), or 0 when it is not one. */
function sequenceLength(bytes: Uint8Array, i: number, end: number): number {
  const lead = bytes[i];
  if (lead < 0x80) return 1;
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead === 0xe0) low = 0xa0; // no overlong forms
    if (lead === 0xed) high = 0x9f; // no surrogates
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead === 0xf0) low = 0x90; // no overlong forms
    if (lead === 0xf4) high = 0x8f; // nothing past U+10FFFF
  } else return 0;
  if (i + length > end) return 0;
  if (bytes[i + 1] < low || bytes[i + 1] > high) return 0;
  for (let k = 2; k < length; k++) if (bytes[i + k] < 0x80 || bytes[i + k] > 0xbf) return 0;
  return length;
}

/**
 * The first line (from 1) whose bytes are not UTF-8, and those bytes (without the line feed);
 * null when all of them are. A line feed byte is never part of a multi-byte UTF-8 character, so
 * each line is judged on its own.
 */
export function firstNonUtf8Line(bytes: Uint8Array): { line: number; bytes: Uint8Array } | null {
  let line = 1;
  let start = 0;
  for (let i = 0; i < bytes.length;) {
    if (bytes[i] === 0x0a) {
      line++;
      start = ++i;
      continue;
    }
    const length = sequenceLength(bytes, i, bytes.length);
    if (length === 0) {
      let end = bytes.indexOf(0x0a, start);
      if (end < 0) end = bytes.length;
      return { line, bytes: bytes.subarray(start, end) };
    }
    i += length;
  }
  return null;
}
