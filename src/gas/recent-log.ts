/**
 * What "Log a run" reads of the log: each sheet's header and its last rows, never a whole sheet,
 * so that opening the form and adding a run cost the same whatever the log's length (on Apps
 * Script the cost is the cells each read brings back; BENCHMARKS.md, "What people wait for").
 */
import { findHeader, HeaderNotFoundError, type HeaderMatch } from '../core/sheets/header';
import { LOG_FIELDS, parseLogSheets, type ParsedLog } from '../core/sheets/log';
import { MemberDirectory } from '../core/sheets/roster';
import type { RosterEmailPair } from '../core/roles/roster-approval';
import type { Settings } from '../core/base/settings';
import type { LogField, Roster } from '../core/base/types';
import type { Day } from '../core/base/dates';
import { findLogSheets, isFormAnswersLog, noLogError, readHeadRows, readRoster, SetupError } from './team-data';
import { workbookOf, type Workbook } from './workbook';
import { lastUsedRow } from './append-row';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Rows at the end of the log the form's suggestions (recent names and workflows) come from. */
export const RECENT_ROWS = 300;

/** The cells that make a row a run: a row whose four are blank is free. */
const REQUIRED_FIELDS: LogField[] = ['date', 'member', 'workflow', 'outcome'];

export interface LogHead {
  header: HeaderMatch<LogField>;
  /** The header row's cells, as read. */
  headerRow: unknown[];
  /** Sheet row number of the header. */
  headerRowNumber: number;
}

/** The log's header, from its first rows (read now, or as read already). Throws SetupError naming the sheet when it has none. */
export function readLogHead(sheet: Sheet, head: unknown[][] = readHeadRows(sheet)): LogHead {
  let header: HeaderMatch<LogField>;
  try {
    header = findHeader(head, LOG_FIELDS, 'log');
  } catch (error) {
    if (error instanceof HeaderNotFoundError)
      throw new SetupError({ code: 'log-header', sheet: sheet.getName(), header: error });
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
 * The sheet row after the last row holding a run: a row whose Date, Team member, Workflow and
 * Outcome are blank is free (lastUsedRow).
 */
export function nextFreeRow(sheet: Sheet, head: LogHead): number {
  const columns = REQUIRED_FIELDS.map((field) => head.header.columns[field]!);
  return lastUsedRow(sheet, head.headerRowNumber, columns) + 1;
}

/** The roster and the recent rows of every sheet of the log (rules §16), parsed as one log. */
export interface RecentLog {
  /** The spreadsheet as this read saw it: further reads of it cost no call for what was read. */
  book: Workbook;
  /** The log's sheets read, the team's own log first. */
  logSheetNames: string[];
  roster: Roster | null;
  log: ParsedLog;
  /**
   * The first day the rows read are sure to cover: of the sheets not read whole, the latest of
   * their earliest runs read; null when every sheet was read whole.
   */
  coveredFrom: Day | null;
  /** Whether the team's own log (the first sheet read) is a form's answers sheet (rules §16), which Log a run never writes: one call, when asked. */
  isFormAnswers(): boolean;
}

/** One sheet's part of a recent read: its header, the rows read and the sheet row of the first. */
interface SheetRead {
  sheet: Sheet;
  name: string;
  head: LogHead;
  values: unknown[][];
  firstRow: number;
}

function readSheetTail(book: Workbook, sheet: Sheet, rows: number): SheetRead {
  const head = readLogHead(sheet, book.headRows(sheet));
  return { sheet, name: book.nameOf(sheet), head, ...readRecentRows(sheet, head, rows) };
}

/** coveredFrom (see RecentLog) of the parsed reads: each sheet's runs are consecutive in the log. */
function coveredFrom(reads: readonly SheetRead[], log: ParsedLog): Day | null {
  const table = log.table;
  const ends = table.sheetSpans.length ? table.sheetSpans.map((span) => span.end) : [table.length];
  let covered: Day | null = null;
  let start = 0;
  reads.forEach((read, i) => {
    const end = ends[i];
    const readWhole = read.firstRow <= read.head.headerRowNumber + 1;
    // The earliest run read of a sheet read in part; a tail without runs tells nothing.
    if (!readWhole && end > start) {
      const earliest = Math.min(...table.days.subarray(start, end));
      covered = covered === null ? earliest : Math.max(covered, earliest);
    }
    start = end;
  });
  return covered;
}

/**
 * The roster (whole: it grows with the team, not the log) and, of every sheet of the log the
 * audit reads (findLogSheets: the pinned sheets, a form's answers sheet beside the team's log),
 * the header and last `rows` rows, parsed as one log: a fixed number of calls a sheet, cells that
 * do not grow with the log. The team's own log comes first. An email on two roster rows goes to
 * the row whose pairing the owner approved (`approved`, rules §19), before the log is matched.
 */
export function readRecentLog(
  spreadsheet: Spreadsheet,
  settings: Settings,
  rows: number,
  approved: readonly RosterEmailPair[],
): RecentLog {
  const book = workbookOf(spreadsheet);
  const dateOptions = book.dateOptions();
  const sheets = findLogSheets(book, settings, false);
  if (sheets.length === 0) throw noLogError(book, settings);
  const roster = readRoster(book, settings, dateOptions, approved);
  const reads = sheets.map((sheet) => readSheetTail(book, sheet, rows));
  const log = parseLogSheets(
    reads.map((read) => ({ values: read.values, firstRow: read.firstRow - 1, name: read.name })),
    { ...dateOptions, directory: new MemberDirectory(roster?.members ?? []) },
  );
  const own = reads[0];
  return {
    book,
    logSheetNames: reads.map((read) => read.name),
    roster,
    log,
    coveredFrom: coveredFrom(reads, log),
    isFormAnswers: () => isFormAnswersLog(own.sheet, own.head.headerRow, own.head.header),
  };
}
