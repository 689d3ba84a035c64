/**
 * The one way Uptake appends a row to a team's sheet (the log, the Interventions sheet): each
 * field into the column its header names, in the sheet's own column order.
 */
import { columnSpans } from '../core/sheets/column-spans';
import { growTo } from './sheet-size';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A cell to write and its number format ('' keeps the cell's own format). */
export type CellWrite = [value: string | number | boolean, format: string];

/**
 * Writes row `row` (the first free row, which each caller finds its own way) with `cellFor` of
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
