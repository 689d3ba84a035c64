// A Range: values written as Sheets parses typed input, formats, notes, checkboxes, validation and
// merges over a box of its sheet's cells.
import { a1Range, columnLetters } from './a1';
import { api, type FakeInfo } from './boundary';
import { checkShape, clearFormatting, copyValue, hasContent, overlaps, signatureError, type Box } from './cells';
import { FakeDataValidation, toValidation } from './data-validation';
import { FakeProtection } from './protection';
import type { FakeSheet } from './sheet';
import {
  DEFAULT_NUMBER_FORMAT,
  FORMULA_MARKER,
  displayValue,
  parseInput,
  violates,
  type Cell,
  type CellValue,
} from './values';

type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GRange = GoogleAppsScript.Spreadsheet.Range;
type GDataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type GProtection = GoogleAppsScript.Spreadsheet.Protection;
type FontWeight = GoogleAppsScript.Spreadsheet.FontWeight;
type FontStyle = GoogleAppsScript.Spreadsheet.FontStyle;
type HAlign = 'left' | 'center' | 'normal' | 'right' | null;
type VAlign = 'top' | 'middle' | 'bottom' | null;

export class FakeRange implements Pick<
  GRange,
  | 'activate'
  | 'breakApart'
  | 'check'
  | 'clear'
  | 'clearContent'
  | 'clearDataValidations'
  | 'clearFormat'
  | 'clearNote'
  | 'getA1Notation'
  | 'getBackground'
  | 'getBackgrounds'
  | 'getCell'
  | 'getColumn'
  | 'getDataValidation'
  | 'getDataValidations'
  | 'getDisplayValue'
  | 'getDisplayValues'
  | 'getFontWeight'
  | 'getFontWeights'
  | 'getFormula'
  | 'getFormulas'
  | 'getGridId'
  | 'getHeight'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getNote'
  | 'getNotes'
  | 'getNumColumns'
  | 'getNumRows'
  | 'getNumberFormat'
  | 'getNumberFormats'
  | 'getRow'
  | 'getRowIndex'
  | 'getSheet'
  | 'getValue'
  | 'getValues'
  | 'getWidth'
  | 'getWrap'
  | 'getWraps'
  | 'insertCheckboxes'
  | 'isBlank'
  | 'isChecked'
  | 'isPartOfMerge'
  | 'merge'
  | 'offset'
  | 'protect'
  | 'removeCheckboxes'
  | 'setBackground'
  | 'setBackgrounds'
  | 'setDataValidation'
  | 'setDataValidations'
  | 'setFontColor'
  | 'setFontFamily'
  | 'setFontSize'
  | 'setFontStyle'
  | 'setFontWeight'
  | 'setFontWeights'
  | 'setFormula'
  | 'setFormulas'
  | 'setHorizontalAlignment'
  | 'setNote'
  | 'setNotes'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'setValue'
  | 'setValues'
  | 'setVerticalAlignment'
  | 'setWrap'
  | 'setWraps'
  | 'uncheck'
> {
  static readonly fakeInfo: FakeInfo = { service: 'spreadsheet', cls: 'Range' };

  constructor(
    readonly _sheet: FakeSheet,
    readonly _row: number,
    readonly _col: number,
    readonly _numRows: number,
    readonly _numCols: number,
  ) {}

  private _cells<T>(f: (cell: Cell | undefined, r: number, c: number) => T): T[][] {
    this._sheet._checkInside(this._row, this._col, this._numRows, this._numCols);
    const out: T[][] = [];
    for (let i = 0; i < this._numRows; i++) {
      const row: T[] = [];
      for (let j = 0; j < this._numCols; j++)
        row.push(f(this._sheet._cell(this._row + i, this._col + j), this._row + i, this._col + j));
      out.push(row);
    }
    return out;
  }

  private _each(f: (cell: Cell, r: number, c: number) => void): this {
    this._sheet._checkInside(this._row, this._col, this._numRows, this._numCols);
    for (let i = 0; i < this._numRows; i++) {
      for (let j = 0; j < this._numCols; j++)
        f(this._sheet._cellForWrite(this._row + i, this._col + j), this._row + i, this._col + j);
    }
    return this;
  }

  private _eachWith<T>(data: T[][], f: (cell: Cell, v: T) => void): this {
    return this._each((cell, r, c) => f(cell, data[r - this._row][c - this._col]));
  }

  private _self(): GRange {
    return api<GRange>(this);
  }

  /** Parses and writes a checked 2-D block; rejects the whole write if one cell breaks validation. */
  _write(data: unknown[][]): void {
    const ss = this._sheet._ss;
    const parsing = ss._gas.options.valueParsing;
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
  breakApart(): GRange {
    this._sheet._merges = this._sheet._merges.filter((m) => !overlaps(m, this._box()));
    return this._self();
  }
  _box(): Box {
    return { row: this._row, col: this._col, numRows: this._numRows, numCols: this._numCols };
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
  clearContent(): GRange {
    return this.clear({ contentsOnly: true });
  }
  clearDataValidations(): GRange {
    return this.clear({ validationsOnly: true });
  }
  clearFormat(): GRange {
    return this.clear({ formatOnly: true });
  }
  clearNote(): GRange {
    return this.clear({ commentsOnly: true });
  }
  getA1Notation(): string {
    return a1Range(this._row, this._col, this._numRows, this._numCols);
  }
  getBackground(): string {
    return this.getBackgrounds()[0][0];
  }
  getBackgrounds(): string[][] {
    return this._cells((c) => c?.background ?? '#ffffff');
  }
  getCell(row: number, column: number): GRange {
    if (row < 1 || column < 1 || row > this._numRows || column > this._numCols) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return api<GRange>(new FakeRange(this._sheet, this._row + row - 1, this._col + column - 1, 1, 1));
  }
  getColumn(): number {
    return this._col;
  }
  getDataValidation(): GDataValidation | null {
    return this.getDataValidations()[0][0];
  }
  getDataValidations(): Array<Array<GDataValidation | null>> {
    return this._cells((c) => (c?.validation ? api<GDataValidation>(c.validation as FakeDataValidation) : null));
  }
  getDisplayValue(): string {
    return this.getDisplayValues()[0][0];
  }
  getDisplayValues(): string[][] {
    const tz = this._sheet._ss._timeZone;
    return this._cells((c) => displayValue(c, tz));
  }
  getFontWeight(): FontWeight {
    return this.getFontWeights()[0][0];
  }
  getFontWeights(): FontWeight[][] {
    return this._cells((c) => (c?.fontWeight ?? 'normal') as FontWeight);
  }
  getFormula(): string {
    return this.getFormulas()[0][0];
  }
  getFormulas(): string[][] {
    return this._cells((c) => c?.formula ?? '');
  }
  getGridId(): number {
    return this._sheet._id;
  }
  getHeight(): number {
    return this._numRows;
  }
  getWidth(): number {
    return this._numCols;
  }
  getLastColumn(): number {
    return this._col + this._numCols - 1;
  }
  getLastRow(): number {
    return this._row + this._numRows - 1;
  }
  getNote(): string {
    return this.getNotes()[0][0];
  }
  getNotes(): string[][] {
    return this._cells((c) => c?.note ?? '');
  }
  getNumColumns(): number {
    return this._numCols;
  }
  getNumRows(): number {
    return this._numRows;
  }
  getNumberFormat(): string {
    return this.getNumberFormats()[0][0];
  }
  getNumberFormats(): string[][] {
    return this._cells((c) => c?.format ?? DEFAULT_NUMBER_FORMAT);
  }
  getRow(): number {
    return this._row;
  }
  getRowIndex(): number {
    return this._row;
  }
  getSheet(): GSheet {
    return api<GSheet>(this._sheet);
  }
  getValue(): unknown {
    return this.getValues()[0][0];
  }
  getValues(): unknown[][] {
    return this._cells((c) => (!c ? '' : c.formula !== undefined ? FORMULA_MARKER : copyValue(c.value)));
  }
  getWrap(): boolean {
    return this.getWraps()[0][0];
  }
  getWraps(): boolean[][] {
    return this._cells((c) => c?.wrap ?? false);
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
  removeCheckboxes(): GRange {
    this._each((cell) => {
      const rule = cell.validation;
      if (rule?.criteria !== 'CHECKBOX') return;
      const vals = rule.values.length ? rule.values : [true, false];
      if (vals.some((v) => String(v) === String(cell.value))) cell.value = '';
      delete cell.validation;
    });
    return this._self();
  }
  isBlank(): boolean {
    return this._cells((c) => !hasContent(c)).every((r) => r.every(Boolean));
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
  isPartOfMerge(): boolean {
    return this._sheet._merges.some((m) => overlaps(m, this._box()));
  }
  merge(): GRange {
    this.breakApart();
    this._sheet._merges.push(this._box());
    return this._self();
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): GRange {
    return api<GRange>(
      this._sheet._rangeAt(
        this._row + rowOffset,
        this._col + columnOffset,
        numRows ?? this._numRows,
        numColumns ?? this._numCols,
      ),
    );
  }
  protect(): GProtection {
    const p = new FakeProtection('RANGE', this._sheet, this);
    this._sheet._protections.push(p);
    return api<GProtection>(p);
  }
  setBackground(color: string | null): GRange {
    return this._each((c) => {
      if (color === null) delete c.background;
      else c.background = color;
    })._self();
  }
  setBackgrounds(color: Array<Array<string | null>>): GRange {
    checkShape(color, this._numRows, this._numCols, 'SpreadsheetApp.Range.setBackgrounds');
    return this._eachWith(color, (c, v) => {
      if (v === null) delete c.background;
      else c.background = v;
    })._self();
  }
  setDataValidation(rule: GDataValidation | null): GRange {
    const r = rule === null ? null : toValidation(rule);
    return this._each((c) => {
      if (r) c.validation = r;
      else delete c.validation;
    })._self();
  }
  setDataValidations(rules: Array<Array<GDataValidation | null>>): GRange {
    checkShape(rules, this._numRows, this._numCols, 'SpreadsheetApp.Range.setDataValidations');
    const converted = rules.map((row) => row.map((r) => (r === null ? null : toValidation(r))));
    return this._eachWith(converted, (c, r) => {
      if (r) c.validation = r;
      else delete c.validation;
    })._self();
  }
  setFontColor(color: string | null): GRange {
    return this._each((c) => {
      if (color === null) delete c.fontColor;
      else c.fontColor = color;
    })._self();
  }
  setFontFamily(fontFamily: string | null): GRange {
    return this._each((c) => {
      if (fontFamily === null) delete c.fontFamily;
      else c.fontFamily = fontFamily;
    })._self();
  }
  setFontSize(size: number): GRange {
    return this._each((c) => {
      c.fontSize = size;
    })._self();
  }
  setFontStyle(fontStyle: FontStyle | null): GRange {
    return this._each((c) => {
      if (fontStyle === null) delete c.fontStyle;
      else c.fontStyle = fontStyle;
    })._self();
  }
  setFontWeight(fontWeight: FontWeight | null): GRange {
    return this._each((c) => {
      if (fontWeight === null) delete c.fontWeight;
      else c.fontWeight = fontWeight;
    })._self();
  }
  setFontWeights(fontWeights: Array<Array<FontWeight | null>>): GRange {
    checkShape(fontWeights, this._numRows, this._numCols, 'SpreadsheetApp.Range.setFontWeights');
    return this._eachWith(fontWeights, (c, w) => {
      if (w === null) delete c.fontWeight;
      else c.fontWeight = w;
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
  setHorizontalAlignment(alignment: HAlign): GRange {
    return this._each((c) => {
      if (alignment === null) delete c.horizontalAlignment;
      else c.horizontalAlignment = alignment;
    })._self();
  }
  setVerticalAlignment(alignment: VAlign): GRange {
    return this._each((c) => {
      if (alignment === null) delete c.verticalAlignment;
      else c.verticalAlignment = alignment;
    })._self();
  }
  setNote(note: string | null): GRange {
    return this._each((c) => {
      if (note === null || note === '') delete c.note;
      else c.note = String(note);
    })._self();
  }
  setNotes(notes: Array<Array<string | null>>): GRange {
    checkShape(notes, this._numRows, this._numCols, 'SpreadsheetApp.Range.setNotes');
    return this._eachWith(notes, (c, n) => {
      if (n === null || n === '') delete c.note;
      else c.note = String(n);
    })._self();
  }
  setNumberFormat(numberFormat: string): GRange {
    return this._each((c) => {
      c.format = String(numberFormat);
    })._self();
  }
  setNumberFormats(numberFormats: string[][]): GRange {
    checkShape(numberFormats, this._numRows, this._numCols, 'SpreadsheetApp.Range.setNumberFormats');
    return this._eachWith(numberFormats, (c, f) => {
      c.format = String(f);
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
  setWrap(isWrapEnabled: boolean): GRange {
    return this._each((c) => {
      c.wrap = !!isWrapEnabled;
    })._self();
  }
  setWraps(isWrapEnabled: boolean[][]): GRange {
    checkShape(isWrapEnabled, this._numRows, this._numCols, 'SpreadsheetApp.Range.setWraps');
    return this._eachWith(isWrapEnabled, (c, w) => {
      c.wrap = !!w;
    })._self();
  }
}

// A cell holds at most 50,000 characters ("Files you can store in Google Drive",
// https://support.google.com/drive/answer/37603); Sheets refuses longer input with this message.
export const CELL_CHARACTER_LIMIT = 50_000;
export const CELL_TOO_LONG_MESSAGE = `Your input contains more than the maximum of ${CELL_CHARACTER_LIMIT} characters in a single cell.`;

function checkCellLength(v: unknown): void {
  if (typeof v === 'string' && v.length > CELL_CHARACTER_LIMIT) throw new Error(CELL_TOO_LONG_MESSAGE);
}
