// What every Range method stands on: a box of its sheet's cells, visited cell by cell after the
// box is checked against the sheet's size.
import { a1Range } from './a1';
import { api } from './boundary';
import type { Box, SheetModel } from './model';
import type { Cell } from './values';

type GRange = GoogleAppsScript.Spreadsheet.Range;

/** The box and its geometry; FakeRange (range.ts) is the Range the bundle sees. */
export abstract class RangeBox {
  constructor(
    readonly _sheet: SheetModel,
    readonly _row: number,
    readonly _col: number,
    readonly _numRows: number,
    readonly _numCols: number,
  ) {}
  _cells<T>(f: (cell: Cell | undefined, r: number, c: number) => T): T[][] {
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

  _each(f: (cell: Cell, r: number, c: number) => void): this {
    this._sheet._checkInside(this._row, this._col, this._numRows, this._numCols);
    for (let i = 0; i < this._numRows; i++) {
      for (let j = 0; j < this._numCols; j++)
        f(this._sheet._cellForWrite(this._row + i, this._col + j), this._row + i, this._col + j);
    }
    return this;
  }

  protected _eachWith<T>(data: T[][], f: (cell: Cell, v: T) => void): this {
    return this._each((cell, r, c) => f(cell, data[r - this._row][c - this._col]));
  }

  protected _self(): GRange {
    return api<GRange>(this);
  }

  _box(): Box {
    return { row: this._row, col: this._col, numRows: this._numRows, numCols: this._numCols };
  }
  /** Its A1 notation ("B2:C4"), as tests and a chart's description name it. */
  _a1(): string {
    return a1Range(this._row, this._col, this._numRows, this._numCols);
  }
}
