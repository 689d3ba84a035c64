// Text normalisation shared by every parser: one place decides what "the same spelling" means.

/** Returns true for a value that is a Date, whichever realm (vm context, iframe) created it. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** Lower case, Unicode-composed, trimmed, with runs of white space folded to one space. */
export function foldSpaces(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * The key two spellings of a member share: case-insensitive, surrounding and repeated spaces
 * folded (spec §1). Accents are kept: "José" and "Jose" may be two people.
 */
export function memberKey(text: string): string {
  return foldSpaces(text);
}

/** Outcome and edit-type spellings are also hyphen- and underscore-insensitive (spec §1). */
export function spellingKey(text: string): string {
  return foldSpaces(text.replace(/[-_‐‑–]/g, ' '));
}

/** Header cells are case- and space-insensitive; a trailing "?", ":" or "*" is decoration. */
export function headerKey(text: string): string {
  return foldSpaces(text)
    .replace(/[?:*]+$/, '')
    .replace(/[\s\-_]+/g, '');
}

/** Sheets shows these strings in a cell whose formula failed; they are never data. */
const SHEET_ERRORS = [
  '#N/A',
  '#REF!',
  '#VALUE!',
  '#DIV/0!',
  '#NAME?',
  '#NUM!',
  '#NULL!',
  '#ERROR!',
  '#SPILL!',
  '#CALC!',
];

export function sheetErrorIn(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const upper = value.trim().toUpperCase();
  return SHEET_ERRORS.find((error) => upper === error) ?? null;
}

/** A cell value as a user would recognise it in a message: quoted, shortened, never raw HTML. */
export function describeValue(value: unknown): string {
  if (value === '' || value === null || value === undefined) return 'a blank cell';
  if (isDate(value))
    return Number.isNaN(value.getTime()) ? 'an invalid date' : `the date ${value.toISOString().slice(0, 10)}`;
  if (typeof value === 'boolean') return value ? 'a ticked checkbox (TRUE)' : 'an unticked checkbox (FALSE)';
  if (typeof value === 'number') return `the number ${value}`;
  const text = String(value).replace(/\s+/g, ' ').trim();
  const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return `"${shown}"`;
}

/** Column letters as the sheet shows them: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A cell value as trimmed text, or '' for blanks; dates and booleans are not text. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return '';
}

export function isBlankCell(value: unknown): boolean {
  return value === '' || value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** "a", "a and b", "a, b and c": every item, the last after "and". */
export function wordList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** A count as messages write it, with thousands separated: 12,345. */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

export function percent(rate: number | null): string {
  return rate === null ? '–' : `${Math.round(rate * 100)}%`;
}

/** The text with its first letter in upper case, as a sentence starts. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The audit window in a sentence: "this week", "in the last 4 weeks". */
export function windowPhrase(weeks: number): string {
  return weeks === 1 ? 'this week' : `in the last ${weeks} weeks`;
}

/**
 * The audit window as a title: "1 week (2026-03-09 to 2026-03-15)" for the audit sheet and the
 * CSV headers; the sidebar writes the days its own way through `day`.
 */
export function windowLabel(
  window: { weeks: number; windowStart: string; asOf: string },
  day: (iso: string) => string = (iso) => iso,
): string {
  return `${window.weeks === 1 ? '1 week' : `${window.weeks} weeks`} (${day(window.windowStart)} to ${day(window.asOf)})`;
}

const EMAIL_RE = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;

export function isEmail(text: string): boolean {
  return EMAIL_RE.test(text.trim());
}

/** The length of a text in UTF-8 bytes, as Apps Script counts property values and email bodies. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4; // a surrogate pair: one code point beyond the BMP (a lone one is written as 3)
      i++;
    } else bytes += 3;
  }
  return bytes;
}
