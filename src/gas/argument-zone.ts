/**
 * A custom function's Date arguments as the spreadsheet holds them, whichever zone Apps Script
 * read them in (undocumented; docs/first-deploy.md checks it). Decided from the Dates alone when
 * they can say (core/functions/argument-dates); otherwise calibrated against a few date cells of
 * the log read here, whose instants are known.
 */
import { argumentsInSheetZone, calibrateArgumentZone, inferArgumentZone } from '../core/functions/argument-dates';
import { findHeader } from '../core/sheets/header';
import { LOG_FIELDS } from '../core/sheets/log';
import { isDate } from '../core/base/text';
import { loadSettingsWithoutApprovals } from './settings-store';
import { findLogSheet } from './team-data';
import { Workbook } from './workbook';

/**
 * The log's first dates, from the rows its header is found in (at most 30, read once, whatever the
 * log's length): getValues gives them as instants in the spreadsheet's zone. Custom functions may
 * only read ("Custom Functions in Google Sheets", Using Apps Script services:
 * https://developers.google.com/apps-script/guides/sheets/functions); every call here is a read.
 * Empty when there is no log, or anything on the way fails: calibration is a best effort and a
 * custom function must not fail for it.
 */
function firstLogDates(): Date[] {
  try {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    if (!spreadsheet) return [];
    const book = new Workbook(spreadsheet);
    const sheet = findLogSheet(book, loadSettingsWithoutApprovals());
    if (!sheet) return [];
    const head = book.headRows(sheet);
    const header = findHeader(head, LOG_FIELDS, 'log');
    const column = header.columns.date!;
    return head.slice(header.rowIndex + 1).flatMap((row) => (isDate(row[column]) ? [row[column] as Date] : []));
  } catch {
    return [];
  }
}

/** `args` with every Date turned into the instant the sheet's cell holds (in `sheetZone`). */
export function datesAsTheSheetHolds(args: unknown[], sheetZone: string): unknown[] {
  let script: string | null = null;
  const scriptZone = () => (script ??= Session.getScriptTimeZone());
  let zone = inferArgumentZone(args, sheetZone, scriptZone);
  if (zone === 'unknown') {
    // Date-times, which are midnight in neither zone. When the arguments hold none of the log's
    // first dates either way (they come from another sheet, or the log starts with date-only
    // cells), the spreadsheet's zone is kept: it is what getValues and the rest of Uptake use.
    zone = calibrateArgumentZone(args, firstLogDates(), sheetZone, scriptZone()) ?? 'sheet';
  }
  return zone === 'script' ? argumentsInSheetZone(args, sheetZone, scriptZone()) : args;
}
