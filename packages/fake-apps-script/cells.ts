// What the spreadsheet classes share: signature errors, data shape checks, cell content and
// formatting helpers, and the box geometry of ranges and merges.
import { fakeInfoOf } from './boundary';
import { isDateLike } from './realm';
import type { Box, RangeModel } from './model';
import type { Cell, CellValue } from './values';

type GRange = GoogleAppsScript.Spreadsheet.Range;

export function signatureError(method: string, args: unknown[]): Error {
  const types = args.map((a) =>
    a === null
      ? 'null'
      : Array.isArray(a)
        ? 'Object[]'
        : isDateLike(a)
          ? 'Date'
          : typeof a === 'string'
            ? 'String'
            : typeof a === 'number'
              ? 'number'
              : typeof a === 'boolean'
                ? 'Boolean'
                : 'Object',
  );
  return new Error(`The parameters (${types.join(',')}) don't match the method signature for ${method}.`);
}

export function hasContent(c: Cell | undefined): boolean {
  return !!c && (c.formula !== undefined || c.value !== '');
}

export function copyValue(v: CellValue): CellValue {
  return isDateLike(v) ? new Date(v.getTime()) : v;
}

/** Same data shape checks (and messages) as Range.setValues. */
export function checkShape(data: unknown, numRows: number, numCols: number, method: string): unknown[][] {
  if (!Array.isArray(data)) throw signatureError(method, [data]);
  if (data.length !== numRows) {
    throw new Error(
      `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${numRows}.`,
    );
  }
  for (const row of data) {
    if (!Array.isArray(row)) throw signatureError(method, [data]);
    if (row.length !== numCols) {
      throw new Error(
        `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${numCols}.`,
      );
    }
  }
  return data as unknown[][];
}

export function clearFormatting(c: Cell): void {
  delete c.format;
  delete c.fontWeight;
  delete c.fontStyle;
  delete c.fontColor;
  delete c.fontSize;
  delete c.fontFamily;
  delete c.background;
  delete c.wrap;
  delete c.horizontalAlignment;
  delete c.verticalAlignment;
}

export function isUnstyled(c: Cell): boolean {
  return Object.keys(c).every((k) => k === 'value');
}

export function overlaps(a: Box, b: Box): boolean {
  return (
    a.row < b.row + b.numRows && b.row < a.row + a.numRows && a.col < b.col + b.numCols && b.col < a.col + a.numCols
  );
}

/** The fake range behind a Range argument (checked by class name, so no module needs range.ts at load). */
export function toRange(x: GRange | RangeModel): RangeModel {
  if (fakeInfoOf(x)?.cls !== 'Range') throw signatureError('SpreadsheetApp.Range', [x]);
  return x as RangeModel;
}
