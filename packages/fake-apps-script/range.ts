// A Range: values written as Sheets parses typed input, formulas, checkboxes, validation and
// merges; its box is in range-box.ts and its formats and notes in range-formats.ts.
import { columnLetters } from './a1';
import { api, type FakeInfo } from './boundary';
import { checkShape, clearFormatting, copyValue, overlaps, signatureError } from './cells';
import { FakeDataValidation, toValidation } from './data-validation';
import type { RangeModel } from './model';
import { FormattedRange } from './range-formats';
import { FORMULA_MARKER, displayValue, parseInput, violates, type CellValue } from './values';

type GRange = GoogleAppsScript.Spreadsheet.Range;
type GDataValidation = GoogleAppsScript.Spreadsheet.DataValidation;

export class FakeRange
  extends FormattedRange
  implements
    Pick<
      GRange,
      | 'activate'
      | 'check'
      | 'clear'
      | 'clearDataValidations'
      | 'getDataValidation'
      | 'getDisplayValue'
      | 'getDisplayValues'
      | 'getFormula'
      | 'getFormulas'
      | 'getValue'
      | 'getValues'
      | 'insertCheckboxes'
      | 'isChecked'
      | 'merge'
      | 'setDataValidation'
      | 'setFormula'
      | 'setFormulas'
      | 'setValue'
      | 'setValues'
      | 'uncheck'
    >,
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
  check(): GRange {
    this._each((cell) => {
      if (cell.validation?.criteria === 'CHECKBOX')
        cell.value = (cell.validation.values[0] as CellValue | undefined) ?? true;
    });
    return this._self();
  }
  uncheck(): GRange {
    this._each((cell) => {
      if (cell.validation?.criteria === 'CHECKBOX')
        cell.value = (cell.validation.values[1] as CellValue | undefined) ?? false;
    });
    return this._self();
  }
  clear(options?: {
    commentsOnly?: boolean;
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    skipFilteredRows?: boolean;
  }): GRange {
    const only =
      options && (options.commentsOnly || options.contentsOnly || options.formatOnly || options.validationsOnly);
    this._each((cell) => {
      if (!only || options?.contentsOnly) {
        cell.value = '';
        delete cell.formula;
      }
      if (!only || options?.formatOnly) clearFormatting(cell);
      if (options?.validationsOnly) delete cell.validation;
      if (!only || options?.commentsOnly) delete cell.note;
    });
    return this._self();
  }
  clearDataValidations(): GRange {
    return this.clear({ validationsOnly: true });
  }
  getDataValidation(): GDataValidation | null {
    const cell = this._cells((c) => c?.validation)[0][0];
    return cell ? api<GDataValidation>(cell as FakeDataValidation) : null;
  }
  getDisplayValue(): string {
    return this.getDisplayValues()[0][0];
  }
  getDisplayValues(): string[][] {
    const tz = this._sheet._ss._timeZone;
    return this._cells((c) => displayValue(c, tz));
  }
  getFormula(): string {
    return this.getFormulas()[0][0];
  }
  getFormulas(): string[][] {
    return this._cells((c) => c?.formula ?? '');
  }
  getValue(): unknown {
    return this.getValues()[0][0];
  }
  getValues(): unknown[][] {
    return this._cells((c) => (!c ? '' : c.formula !== undefined ? FORMULA_MARKER : copyValue(c.value)));
  }
  insertCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown): GRange {
    const values =
      checkedValue === undefined ? [] : uncheckedValue === undefined ? [checkedValue] : [checkedValue, uncheckedValue];
    const rule = new FakeDataValidation('CHECKBOX', values, true, '');
    const unchecked = (uncheckedValue ?? (checkedValue === undefined ? false : '')) as CellValue;
    this._each((cell) => {
      cell.validation = rule;
      cell.value = unchecked;
      delete cell.formula;
    });
    return this._self();
  }
  isChecked(): boolean | null {
    const states = this._cells((c) => {
      if (c?.validation?.criteria !== 'CHECKBOX') return null;
      const checked = c.validation.values.length ? c.validation.values[0] : true;
      return String(c.value) === String(checked);
    }).flat();
    if (states.some((s) => s === null)) return null;
    if (states.every((s) => s === true)) return true;
    if (states.every((s) => s === false)) return false;
    return null;
  }
  merge(): GRange {
    this._sheet._merges = this._sheet._merges.filter((m) => !overlaps(m, this._box()));
    this._sheet._merges.push(this._box());
    return this._self();
  }
  setDataValidation(rule: GDataValidation | null): GRange {
    const r = rule === null ? null : toValidation(rule);
    return this._each((c) => {
      if (r) c.validation = r;
      else delete c.validation;
    })._self();
  }
  setFormula(formula: string): GRange {
    checkCellLength(String(formula));
    return this._each((c) => {
      c.formula = String(formula);
      c.value = FORMULA_MARKER;
    })._self();
  }
  setFormulas(formulas: string[][]): GRange {
    checkShape(formulas, this._numRows, this._numCols, 'SpreadsheetApp.Range.setFormulas');
    for (const row of formulas) for (const f of row) checkCellLength(String(f ?? ''));
    return this._eachWith(formulas, (c, f) => {
      if (f === '' || f === null || f === undefined) {
        delete c.formula;
        c.value = '';
      } else {
        c.formula = String(f);
        c.value = FORMULA_MARKER;
      }
    })._self();
  }
  setValue(value: unknown): GRange {
    if (Array.isArray(value)) throw signatureError('SpreadsheetApp.Range.setValue', [value]);
    this._write(Array.from({ length: this._numRows }, () => new Array<unknown>(this._numCols).fill(value)));
    return this._self();
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

function checkCellLength(v: unknown): void {
  if (typeof v === 'string' && v.length > CELL_CHARACTER_LIMIT) throw new Error(CELL_TOO_LONG_MESSAGE);
}
