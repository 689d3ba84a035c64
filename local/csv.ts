/**
 * CSV for the local run: the parser is the add-on's own (src/core/base/csv.ts, which Import usage
 * export uses too); writing CSV, and a cell made safe for a spreadsheet, are the local run's.
 */
export { CsvError, parseCsv } from '../src/core/base/csv';

/**
 * A field as RFC 4180 writes it: quoted when it holds a comma, a quote, a line break or edge
 * spaces (a leading U+FEFF too, which a reader would otherwise take for a byte-order mark).
 */
export function csvField(value: string): string {
  return /[",\r\n]|^[\s\uFEFF]|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Records as CSV text with CRLF line breaks, the way RFC 4180 (and Sheets' export) writes them. */
export function toCsv(records: readonly (readonly string[])[]): string {
  return records.map((record) => record.map(csvField).join(',')).join('\r\n') + (records.length ? '\r\n' : '');
}

/**
 * A cell of a CSV meant to be opened in a spreadsheet: text that a spreadsheet would run as a
 * formula (starting with =, +, -, @ and not a number) gets a leading apostrophe, which Sheets
 * and Excel read as "this is text". Team text stays text, as it does in the audit sheet.
 */
export function spreadsheetSafeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) && !Number.isFinite(Number(value)) ? `'${value}` : value;
}
