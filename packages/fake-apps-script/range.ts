// A Range: values written as Sheets parses typed input, and validation; its box is in
// range-box.ts and its formats in range-formats.ts.
import { columnLetters } from './a1';
import { api, type FakeInfo } from './boundary';
import { checkShape, copyValue } from './cells';
import { toValidation, type FakeDataValidation } from './data-validation';
import type { RangeModel } from './model';
import { FormattedRange } from './range-formats';
import { FORMULA_MARKER, parseInput, violates } from './values';

type GRange = GoogleAppsScript.Spreadsheet.Range;
type GDataValidation = GoogleAppsScript.Spreadsheet.DataValidation;

export class FakeRange
  extends FormattedRange
  implements
    Pick<GRange, 'activate' | 'getDataValidation' | 'getValues' | 'setDataValidation' | 'setValues'>,
    RangeModel
{
  static readonly fakeInfo: FakeInfo = { service: 'spreadsheet', cls: 'Range' };

  /** Parses and writes a checked 2-D block; rejects the whole write if one cell breaks validation. */
  _write(data: unknown[][]): void {
    const ss = this._sheet._ss;
    const parsing = ss._ctx.options.valueParsing;
    const parsed = this._cells((cell, r, c) => {
      const p = parseInput(data[r - this._row][c - this._col], cell?.format, ss._timeZone, ss._locale, parsing);
      checkCellLength(p.formula ?? p.value);
      if (violates(cell?.validation, p.value, p.formula)) {
        throw new Error(
          `The data you entered in cell ${columnLetters(c)}${r} violates the data validation rules set on this cell.`,
        );
      }
      return p;
    });
    this._eachWith(parsed, (cell, p) => {
      cell.value = p.value;
      if (p.formula !== undefined) cell.formula = p.formula;
      else delete cell.formula;
      if (p.autoFormat && cell.format === undefined) cell.format = p.autoFormat;
    });
  }

  activate(): GRange {
    this._sheet._select(this);
    return this._self();
  }
  getDataValidation(): GDataValidation | null {
    const cell = this._cells((c) => c?.validation)[0][0];
    return cell ? api<GDataValidation>(cell as FakeDataValidation) : null;
  }
  getValues(): unknown[][] {
    return this._cells((c) => (!c ? '' : c.formula !== undefined ? FORMULA_MARKER : copyValue(c.value)));
  }
  setDataValidation(rule: GDataValidation | null): GRange {
    const r = rule === null ? null : toValidation(rule);
    return this._each((c) => {
      if (r) c.validation = r;
      else delete c.validation;
    })._self();
  }
  setValues(values: unknown[][]): GRange {
    this._write(checkShape(values, this._numRows, this._numCols, 'SpreadsheetApp.Range.setValues'));
    return this._self();
  }
}

// A cell holds at most 50,000 characters ("Files you can store in Google Drive",
// https://support.google.com/drive/answer/37603); Sheets refuses longer input with this message.
export const CELL_CHARACTER_LIMIT = 50_000;
export const CELL_TOO_LONG_MESSAGE = `Your input contains more than the maximum of ${CELL_CHARACTER_LIMIT} characters in a single cell.`;

export function checkCellLength(v: unknown): void {
  if (typeof v === 'string' && v.length > CELL_CHARACTER_LIMIT) throw new Error(CELL_TOO_LONG_MESSAGE);
}
