/**
 * What a CSV file must be before its cells go into a sheet: UTF-8 text (what Sheets downloads),
 * cells a sheet can hold, and, for the roster, a roster's columns. Each refusal names the file
 * and the line, row or column to look at, and what to do.
 */
import { CliError } from './args';
import { columnLetter, describeValue } from '../src/core/base/text';
import { findHeader, HeaderNotFoundError } from '../src/core/sheets/header';
import { LOG_FIELDS } from '../src/core/sheets/log';
import { ROSTER_FIELDS } from '../src/core/sheets/roster';
import { CELL_TEXT_LIMIT } from '../src/core/base/cell-formats';
import { firstNonUtf8Line } from '../src/core/base/utf8';

const EXPORT_UTF8 =
  'Google Sheets downloads CSV as UTF-8: download the tab again (File › Download › Comma-separated values), ' +
  'or in Excel save it as "CSV UTF-8 (Comma delimited)".';

/**
 * The file's text, or a refusal naming the first line that is not UTF-8 (a Latin-1 or
 * Windows-1252 export: "José" would otherwise be read as "Jos�" and match nobody).
 */
export function decodeUtf8(bytes: Uint8Array, name: string): string {
  const bad = firstNonUtf8Line(bytes);
  if (bad) {
    const text = new TextDecoder('windows-1252').decode(bad.bytes).replace(/\r$/, '');
    throw new CliError(
      `${name} is not UTF-8 text: line ${bad.line} holds characters in another encoding ` +
        `(read as Windows-1252 it says ${describeValue(text)}). ${EXPORT_UTF8}`,
    );
  }
  return new TextDecoder('utf-8').decode(bytes);
}

/** Refuses a cell longer than a Sheets cell holds, by its sheet row and column. */
export function checkCellSizes(records: string[][], name: string): void {
  for (let r = 0; r < records.length; r++) {
    const record = records[r];
    for (let c = 0; c < record.length; c++) {
      if (record[c].length <= CELL_TEXT_LIMIT) continue;
      throw new CliError(
        `${name}, row ${r + 1}, column ${columnLetter(c)}: the cell holds ${record[c].length.toLocaleString('en-US')} characters, ` +
          `and a Google Sheets cell holds at most ${CELL_TEXT_LIMIT.toLocaleString('en-US')}, so no sheet downloads as this file. ` +
          'Shorten the cell; if it was not meant to be long, look for a stray " that starts a quoted field there and runs on over the rows below.',
      );
    }
  }
}

/**
 * A roster has the member column and at least one of its own (Email, Training date, Status…):
 * a file with names only, such as the log given by mistake, would make every member untrained
 * and every run a roster row. Refused with the headers it has; a missing member column is left
 * to the add-on, which names it.
 */
export function checkRosterColumns(records: string[][], name: string): void {
  let header;
  try {
    header = findHeader(records, ROSTER_FIELDS, 'roster');
  } catch (error) {
    if (error instanceof HeaderNotFoundError) return;
    throw error;
  }
  const own = ROSTER_FIELDS.filter((spec) => spec.field !== 'member' && header.columns[spec.field] !== undefined);
  if (own.length > 0) return;
  const headers = (records[header.rowIndex] ?? []).filter((cell) => cell.trim() !== '').map(describeValue);
  let looksLikeLog = false;
  try {
    findHeader(records, LOG_FIELDS, 'log');
    looksLikeLog = true;
  } catch (error) {
    if (!(error instanceof HeaderNotFoundError)) throw error;
  }
  const wanted = ROSTER_FIELDS.filter((spec) => spec.field !== 'member')
    .map((spec) => spec.label)
    .join(', ');
  throw new CliError(
    `${name} is not a roster${looksLikeLog ? ' (it has the log’s columns: is it the log?)' : ''}: ` +
      `its header row ${header.rowIndex + 1} has ${headers.join(', ')}, and none of the roster's columns besides ` +
      `Team member (${wanted}). Give the roster tab's CSV with --roster, or leave --roster out.`,
  );
}
