/**
 * Import usage export (spec §15): a CSV file the owner picks in the sidebar is checked whole
 * before anything is written. It must be one of the four shapes, with users' names shown, every
 * cell within what a Sheets cell holds; it then goes as-is, every cell as text, into a new sheet
 * named after its tool and the days it covers. A refusal says what to do and nothing is written.
 */
import { CELL_TEXT_LIMIT } from '../base/cell-formats';
import { CsvError, parseCsv } from '../base/csv';
import type { DateReadOptions } from '../base/dates';
import { columnLetter, formatCount } from '../base/text';
import { fileStem, importedSheetName } from './names';
import { readUsageSource } from './read';
import { usageFileRefusal } from './shapes';
import type { ReadUsageSource, UsageSourceSummary } from './types';

/**
 * The longest file Import takes, in characters. Google documents no size limit for a
 * google.script.run argument ("HTML Service: Communicate with Server Functions",
 * https://developers.google.com/apps-script/guides/html/communication, lists only the types a
 * call may carry); this cap is Uptake's own, far above a team's export (a 10,000-row weekly
 * ChatGPT report is about 3 MB), so that reading and writing it stay well inside the 6-minute
 * execution limit ("Quotas for Google Services",
 * https://developers.google.com/apps-script/guides/services/quotas).
 */
export const IMPORT_MAX_CHARS = 20_000_000;

/** What Import writes: the file's rows padded to one width, into a sheet of this name. */
export interface UsageImportPlan {
  sheetName: string;
  rows: string[][];
  width: number;
  summary: UsageSourceSummary;
  /** Rows the export's reader will skip (shown in the sidebar afterwards, with why). */
  skipped: number;
}

/** A file Import will not write, with what to do; nothing was written. */
export class UsageImportRefused extends Error {
  override name = 'UsageImportRefused';
}

export const NOTHING_WRITTEN = 'Nothing was imported.';

/** Said of a file over IMPORT_MAX_CHARS (by the page before sending it, and by the server); null when it fits. */
export function importTooLong(fileName: string, characters: number): string | null {
  return characters <= IMPORT_MAX_CHARS
    ? null
    : `${fileName} is ${formatCount(characters)} characters long; Import takes files up to ` +
        `${formatCount(IMPORT_MAX_CHARS)}. Export a shorter period, or use Sheets' File › Import.`;
}

function refuse(message: string): never {
  throw new UsageImportRefused(`${message} ${NOTHING_WRITTEN}`);
}

function cellTooLong(fileName: string, rows: readonly string[][]): string | null {
  for (let r = 0; r < rows.length; r++)
    for (let c = 0; c < rows[r].length; c++)
      if (rows[r][c].length > CELL_TEXT_LIMIT)
        return (
          `${fileName}, row ${r + 1}, column ${columnLetter(c)}: the cell holds ${formatCount(rows[r][c].length)} characters, ` +
          `and a Google Sheets cell holds at most ${formatCount(CELL_TEXT_LIMIT)}.`
        );
  return null;
}

/**
 * Checks the file and names its sheet (unique among `takenNames`); throws UsageImportRefused
 * with the reason, also when the file is the same export as one of `existingExports`. The usage reader itself decides the shape, the tool and the days, so that
 * what Import accepts is exactly what the dashboard will read.
 */
export function planUsageImport(
  fileName: string,
  text: string,
  takenNames: readonly string[],
  dates: DateReadOptions,
  existingExports: readonly Pick<ReadUsageSource, 'summary' | 'fingerprint'>[] = [],
): UsageImportPlan {
  const tooBig = importTooLong(fileName, text.length);
  if (tooBig) refuse(tooBig);
  let rows: string[][];
  try {
    rows = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvError) refuse(`${fileName} is not CSV Uptake can read: ${error.message}`);
    throw error;
  }
  const tooLong = cellTooLong(fileName, rows);
  if (tooLong) refuse(tooLong);
  const refusal = usageFileRefusal(fileName, rows);
  if (refusal) refuse(refusal);
  // An empty roster: only the shape, the tool and the days matter here.
  const read = readUsageSource(fileStem(fileName), rows, new Map(), dates);
  const same = existingExports.find((e) => e.fingerprint === read.fingerprint);
  if (same)
    refuse(
      `${fileName} is the same export, row for row, as the sheet "${same.summary.source}", which Uptake already reads; a second copy would count every use twice.`,
    );
  const width = Math.max(1, ...rows.map((row) => row.length));
  return {
    sheetName: importedSheetName(read.summary.tool, read.summary.from, read.summary.to, takenNames),
    rows: rows.map((row) => (row.length === width ? row : [...row, ...new Array<string>(width - row.length).fill('')])),
    width,
    summary: read.summary,
    skipped: read.skipped.length,
  };
}
