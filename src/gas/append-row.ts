/**
 * The one way Uptake appends a row to a team's sheet (the log, the Interventions sheet): each
 * field into the column its header names, in the sheet's own column order.
 */
import { isBlankCell } from '../core/base/text';
import { columnSpans } from '../core/sheets/column-spans';
import { growTo } from './sheet-size';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Rows read at a time from the end of a sheet while looking for its last used row. */
export const TAIL_CHUNK_ROWS = 200;

/**
 * The sheet row of the last row below the header (row `headerRow`) with a cell in one of
 * `columns` (0-based) not blank; `headerRow` when there is none. Other columns do not count, so
 * unticked checkboxes or formulas filled down the sheet leave a row free. Reads those columns
 * upwards from the sheet's last row (`lastRow` when already asked), a chunk at a time, so that
 * it stops within the first chunk unless free rows fill the end of the sheet: the cost does not
 * grow with the sheet.
 */
export function lastUsedRow(
  sheet: Sheet,
  headerRow: number,
  columns: readonly number[],
  lastRow = sheet.getLastRow(),
): number {
  if (!columns.length) return headerRow;
  const left = Math.min(...columns);
  const width = Math.max(...columns) - left + 1;
  for (let end = lastRow; end > headerRow; end -= TAIL_CHUNK_ROWS) {
    const start = Math.max(headerRow + 1, end - TAIL_CHUNK_ROWS + 1);
    const values = sheet.getRange(start, left + 1, end - start + 1, width).getValues();
    for (let i = values.length - 1; i >= 0; i--) {
      if (columns.some((column) => !isBlankCell(values[i][column - left]))) return start + i;
    }
  }
  return headerRow;
}

/** A cell to write and its number format ('' keeps the cell's own format). */
export type CellWrite = [value: string | number | boolean, format: string];

/**
 * Writes row `row` (the first free row: lastUsedRow + 1) with `cellFor` of
 * each field in `columns`: one range per run of adjacent columns, so that the columns the team
 * added between them stay untouched, and number formats before values, so that text written
 * into a plain-text cell stays text, never a formula. The sheet grows first when the row is past
 * its end. `ownFormat`, when given, chooses between the format Uptake writes and the one the row
 * already has (one getNumberFormats per run).
 */
export function appendByHeader<F extends string>(
  sheet: Sheet,
  row: number,
  columns: Partial<Record<F, number>>,
  cellFor: (field: F) => CellWrite,
  ownFormat?: (format: string, existing: string) => string,
): void {
  growTo(sheet, row);
  for (const span of columnSpans(columns)) {
    const range = sheet.getRange(row, span.start + 1, 1, span.fields.length);
    const cells = span.fields.map(cellFor);
    const existing = ownFormat ? range.getNumberFormats()[0] : null;
    const formats = cells.map(([, format], i) => (existing && ownFormat ? ownFormat(format, existing[i]) : format));
    range.setNumberFormats([formats]);
    range.setValues([cells.map(([value]) => value)]);
  }
}
