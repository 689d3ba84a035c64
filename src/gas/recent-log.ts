/**
 * What "Log a run" reads of the team's log: its header and its last rows, never the whole sheet,
 * so that opening the form and adding a run cost the same whatever the log's length (on Apps
 * Script the cost is the cells each read brings back; BENCHMARKS.md, "What people wait for").
 */
import { findHeader, HeaderNotFoundError, type HeaderMatch } from '../core/sheets/header';
import { LOG_FIELDS, parseLog, type ParsedLog } from '../core/sheets/log';
import { MemberDirectory } from '../core/sheets/roster';
import type { Settings } from '../core/base/settings';
import { isBlankCell } from '../core/base/text';
import type { LogField, Roster } from '../core/base/types';
import { spreadsheetDateOptions } from './spreadsheet-locale';
import { findLogSheet, isFormAnswersLog, noLogError, readHeadRows, readRoster, SetupError } from './team-data';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Rows at the end of the log the form's suggestions (recent names and workflows) come from. */
export const RECENT_ROWS = 300;
/** Rows read at a time from the end of the log while looking for its last run. */
export const TAIL_CHUNK_ROWS = 200;

/** The cells that make a row a run: a row whose four are blank is free. */
const REQUIRED_FIELDS: LogField[] = ['date', 'member', 'workflow', 'outcome'];

export interface LogHead {
  header: HeaderMatch<LogField>;
  /** The header row's cells, as read. */
  headerRow: unknown[];
  /** Sheet row number of the header. */
  headerRowNumber: number;
}

/** The log's header, from its first rows. Throws SetupError naming the sheet when it has none. */
export function readLogHead(sheet: Sheet): LogHead {
  const head = readHeadRows(sheet);
  let header: HeaderMatch<LogField>;
  try {
    header = findHeader(head, LOG_FIELDS, 'log');
  } catch (error) {
    if (error instanceof HeaderNotFoundError)
      throw new SetupError('log-header', `Log sheet "${sheet.getName()}": ${error.message}`);
    throw error;
  }
  return { header, headerRow: head[header.rowIndex], headerRowNumber: header.rowIndex + 1 };
}

/**
 * The header row followed by the last `rows` rows below it (all columns), as parseLog reads a
 * log; `firstRow` is the sheet row of the first of those rows.
 */
export function readRecentRows(
  sheet: Sheet,
  head: LogHead,
  rows = RECENT_ROWS,
): { values: unknown[][]; firstRow: number } {
  const lastRow = sheet.getLastRow();
  const firstRow = Math.max(head.headerRowNumber + 1, lastRow - rows + 1);
  const count = lastRow - firstRow + 1;
  const recent = count > 0 ? sheet.getRange(firstRow, 1, count, head.headerRow.length).getValues() : [];
  return { values: [head.headerRow, ...recent], firstRow };
}

/**
 * The sheet row after the last row holding a run. A row whose Date, Team member, Workflow and
 * Outcome are blank is free, even if unticked checkboxes or formulas fill other columns down the
 * sheet. Reads those columns upwards from the sheet's last row, a chunk at a time, so it stops
 * within the first chunk unless free rows fill the end of the sheet.
 */
export function nextFreeRow(sheet: Sheet, head: LogHead): number {
  const columns = REQUIRED_FIELDS.map((field) => head.header.columns[field]!);
  const left = Math.min(...columns);
  const width = Math.max(...columns) - left + 1;
  const top = head.headerRowNumber + 1;
  for (let end = sheet.getLastRow(); end >= top; end -= TAIL_CHUNK_ROWS) {
    const start = Math.max(top, end - TAIL_CHUNK_ROWS + 1);
    const values = sheet.getRange(start, left + 1, end - start + 1, width).getValues();
    for (let i = values.length - 1; i >= 0; i--) {
      if (columns.some((column) => !isBlankCell(values[i][column - left]))) return start + i + 1;
    }
  }
  return top;
}

/** The roster and the log's recent rows, parsed; `wholeLog` when those rows start right under the header. */
export interface RecentLog {
  roster: Roster | null;
  log: ParsedLog;
  wholeLog: boolean;
  /** Whether the sheet read is a form's answers sheet (rules §16), which Log a run never writes: one call, when asked. */
  isFormAnswers(): boolean;
}

/**
 * The roster (whole: it grows with the team, not the log) and the log's header and last `rows`
 * rows, parsed.
 */
export function readRecentLog(spreadsheet: Spreadsheet, settings: Settings, rows = RECENT_ROWS): RecentLog {
  const dateOptions = spreadsheetDateOptions(spreadsheet);
  const sheet = findLogSheet(spreadsheet, settings);
  if (!sheet) throw noLogError(spreadsheet, settings);
  const roster = readRoster(spreadsheet, settings, dateOptions);
  const head = readLogHead(sheet);
  const { values, firstRow } = readRecentRows(sheet, head, rows);
  const log = parseLog(values, {
    ...dateOptions,
    firstRow: firstRow - 1,
    directory: new MemberDirectory(roster?.members ?? []),
  });
  return {
    roster,
    log,
    wholeLog: firstRow <= head.headerRowNumber + 1,
    isFormAnswers: () => isFormAnswersLog(sheet, head.headerRow, head.header),
  };
}
