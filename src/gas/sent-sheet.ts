/**
 * The "Uptake sent" sheet: Uptake's record of every email its automation sent, read once per
 * run and appended to right after each email. Its people are tags (sent-tags.ts), made with this
 * spreadsheet's key. Everything is written as text (number format '@' before setValues): a cell
 * is never read as a formula.
 */
import { readSentSheet, type SentSheet } from '../core/programme/sent-records';
import { SENT_HEADERS, type SentRecord } from '../core/programme/sent-row';
import { taggedRow } from '../core/programme/sent-row-sealing';
import { CLEAR_TAGS, type SentTags } from '../core/programme/sent-tags';
import { SENT_SHEET } from '../core/base/sheet-names';
import { fitCell } from '../core/base/cell-formats';
import { growTo } from './sheet-size';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The sent sheet, created with its header row when missing. */
export function sentSheet(spreadsheet: Spreadsheet): Sheet {
  const existing = spreadsheet.getSheetByName(SENT_SHEET);
  if (existing) return existing;
  const sheet = spreadsheet.insertSheet(SENT_SHEET);
  const header = sheet.getRange(1, 1, 1, SENT_HEADERS.length);
  header.setNumberFormat('@');
  header.setValues([SENT_HEADERS]);
  header.setFontWeight('bold');
  sheet.setFrozenRows(1);
  return sheet;
}

/** The whole sheet's values, with one getValues whatever its length. */
export function sentValues(sheet: Sheet): unknown[][] {
  const rows = sheet.getLastRow();
  if (rows < 1) return [];
  return sheet.getRange(1, 1, rows, Math.max(SENT_HEADERS.length, sheet.getLastColumn())).getValues();
}

/** Whether any row carries a key's fingerprint (tags made with some key), header excluded. */
export function hasTaggedRows(values: unknown[][]): boolean {
  if (!values.length) return false;
  const key = values[0].findIndex((cell) => String(cell).trim().toLowerCase() === 'key');
  return key >= 0 && values.slice(1).some((row) => String(row[key] ?? '').trim() !== '');
}

/** The sheet's records, read through `tags` (CLEAR_TAGS when no key exists yet: a read-only look). */
export function readSent(values: unknown[][], timeZone: string, tags: SentTags | null): SentSheet {
  return readSentSheet(values, timeZone, tags ?? CLEAR_TAGS);
}

/**
 * Re-writes the rows read, those an earlier version wrote in clear now tagged, with one
 * setValues as text. Uptake's own sheet, written only by the owner's runs under the lock: the
 * rows read are the rows there.
 */
export function writeRetagged(sheet: Sheet, retagged: string[][]): void {
  const width = retagged[0].length;
  growTo(sheet, retagged.length, width);
  const range = sheet.getRange(1, 1, retagged.length, width);
  range.setNumberFormat('@');
  range.setValues(retagged.map((row) => row.map(fitCell)));
}

/** Appends records with one setValues, as text and tagged, below the last row (growing the sheet first). */
export function appendRecords(sheet: Sheet, records: SentRecord[], tags: SentTags): void {
  if (!records.length) return;
  const row = sheet.getLastRow() + 1;
  growTo(sheet, row + records.length - 1, SENT_HEADERS.length);
  const range = sheet.getRange(row, 1, records.length, SENT_HEADERS.length);
  range.setNumberFormat('@');
  range.setValues(records.map((record) => taggedRow(record, tags).map(fitCell)));
}
