// A value longer than one property holds (9 KB a value, 500 KB a store: "Quotas for Google
// Services", https://developers.google.com/apps-script/guides/services/quotas), kept as several
// parts and one head that names them. The writer (src/gas/property-parts.ts) writes the parts
// under keys no head names yet, then the head, then removes the old parts: a reader that starts
// from the head sees the old value or the new one, never a mix.
import { utf8Bytes } from '../base/text';

/** The head of a value kept in parts: `parts:<generation>:<count>:<length in UTF-16 units>`. */
const HEAD = /^parts:(\d+):(\d+):(\d+)$/;

export interface PartsHead {
  generation: number;
  count: number;
  length: number;
}

export function parseHead(stored: string | null | undefined): PartsHead | null {
  const match = HEAD.exec(stored ?? '');
  return match ? { generation: Number(match[1]), count: Number(match[2]), length: Number(match[3]) } : null;
}

export function headText(head: PartsHead): string {
  return `parts:${head.generation}:${head.count}:${head.length}`;
}

/** Where part `index` of a value kept under `key` is; every part key starts with partsPrefix(key). */
export function partKey(key: string, generation: number, index: number): string {
  return `${partsPrefix(key)}${generation}.${index}`;
}

export function partsPrefix(key: string): string {
  return `${key}.part.`;
}

/** `value` cut into pieces of at most `bytes` UTF-8 bytes each, never inside a character. */
export function splitBytes(value: string, bytes: number): string[] {
  if (utf8Bytes(value) <= bytes) return [value];
  const parts: string[] = [];
  let part = '';
  let size = 0;
  for (const char of value) {
    const charBytes = utf8Bytes(char);
    if (size + charBytes > bytes) {
      parts.push(part);
      [part, size] = ['', 0];
    }
    part += char;
    size += charBytes;
  }
  parts.push(part);
  return parts;
}

/**
 * The value kept under `key`, read through `get` (one snapshot of the store: getProperties): the
 * property itself, or its parts joined; null when there is none, or a part is missing.
 */
export function readParts(get: (key: string) => string | null | undefined, key: string): string | null {
  const stored = get(key);
  if (stored === null || stored === undefined) return null;
  const head = parseHead(stored);
  if (!head) return stored;
  let value = '';
  for (let index = 0; index < head.count; index++) {
    const part = get(partKey(key, head.generation, index));
    if (part === null || part === undefined) return null;
    value += part;
  }
  return value.length === head.length ? value : null;
}
