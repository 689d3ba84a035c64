/**
 * The "Uptake sent" sheet: Uptake's record of every email its automation sent, read once per
 * run and appended to right after each email. Everything is written as text (number format
 * '@' before setValues): a member called "=HYPERLINK(…)" stays a name, never a formula.
 */
import { parseSentRows, recordRow, SentIndex, SENT_HEADERS, type SentRecord } from '../core/programme/sent-records';
import { SENT_SHEET } from './team-data';
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

/** One getValues for the whole sheet, whatever its length. */
export function readSentIndex(sheet: Sheet, timeZone: string): SentIndex {
  const rows = sheet.getLastRow();
  if (rows < 1) return SentIndex.empty();
  const values = sheet.getRange(1, 1, rows, Math.max(SENT_HEADERS.length, sheet.getLastColumn())).getValues();
  return new SentIndex(parseSentRows(values, timeZone));
}

/** Appends records with one setValues, as text, below the last row (growing the sheet first). */
export function appendRecords(sheet: Sheet, records: SentRecord[]): void {
  if (!records.length) return;
  const row = sheet.getLastRow() + 1;
  growTo(sheet, row + records.length - 1, SENT_HEADERS.length);
  const range = sheet.getRange(row, 1, records.length, SENT_HEADERS.length);
  range.setNumberFormat('@');
  range.setValues(records.map((record) => recordRow(record).map(fitCell)));
}
