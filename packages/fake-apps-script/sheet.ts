// A Sheet: its grid of cells, size, frozen rows, rows and columns inserted or deleted, and
// charts. Public methods carry the real signatures; `_` members are the fake's own.
import { parseA1 } from './a1';
import { api, type FakeInfo } from './boundary';
import { copyValue, hasContent, signatureError } from './cells';
import { FakeEmbeddedChart, FakeEmbeddedChartBuilder } from './charts';
import { FakeRange } from './range';
import type { Box, RangeModel, SheetModel, SpreadsheetModel } from './model';
import type { Cell, CellValue } from './values';

export const OUTSIDE_THE_SHEET = 'The coordinates of the range are outside the dimensions of the sheet.';

type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GRange = GoogleAppsScript.Spreadsheet.Range;
type GChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type GChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;

export class FakeSheet
  implements
    Pick<
      GSheet,
      | 'activate'
      | 'getDataRange'
      | 'getFormUrl'
      | 'getLastColumn'
      | 'getLastRow'
      | 'getMaxColumns'
      | 'getMaxRows'
      | 'getName'
      | 'getRange'
      | 'getSheetId'
      | 'insertChart'
      | 'insertColumnsAfter'
      | 'insertRowsAfter'
      | 'newChart'
      | 'setFrozenRows'
    >,
    SheetModel
{
  static readonly fakeInfo: FakeInfo = { service: 'spreadsheet', cls: 'Sheet' };

  _grid: (Cell | undefined)[][] = [];
  _maxRows = 1000;
  _maxCols = 26;
  _frozenRows = 0;
  _frozenCols = 0;
  _columnWidths = new Map<number, number>();
  _rowHeights = new Map<number, number>();
  _hiddenColumns = new Set<number>();
  _autoResized = new Set<number>();
  _hidden = false;
  _tabColor: string | null = null;
  /** The form whose answers land here (Form.setDestination); kept when the sheet is renamed. */
  _formUrl: string | null = null;
  _charts: FakeEmbeddedChart[] = [];
  _merges: Box[] = [];
  private selection: Box = { row: 1, col: 1, numRows: 1, numCols: 1 };

  constructor(
    readonly _ss: SpreadsheetModel,
    readonly _id: number,
    public _name: string,
  ) {}

  _cell(row: number, col: number): Cell | undefined {
    return this._grid[row - 1]?.[col - 1];
  }

  _cellForWrite(row: number, col: number): Cell {
    const r = (this._grid[row - 1] ??= []);
    return (r[col - 1] ??= { value: '' });
  }

  _ensureSize(rows: number, cols: number): void {
    const newRows = Math.max(rows, this._maxRows);
    const newCols = Math.max(cols, this._maxCols);
    this._ss._checkGrowth(newRows * newCols - this._maxRows * this._maxCols);
    this._maxRows = newRows;
    this._maxCols = newCols;
  }

  /**
   * A range's box must lie inside the sheet when it is read or written, not only when it was made:
   * rows deleted since then do not come back ("Class Sheet",
   * https://developers.google.com/apps-script/reference/spreadsheet/sheet, getRange).
   */
  _checkInside(row: number, col: number, numRows: number, numCols: number): void {
    if (row + numRows - 1 > this._maxRows || col + numCols - 1 > this._maxCols) {
      throw new Error(OUTSIDE_THE_SHEET);
    }
  }

  _rangeAt(row: number, col: number, numRows = 1, numCols = 1): FakeRange {
    const nums = [row, col, numRows, numCols];
    if (nums.some((n) => typeof n !== 'number' || !Number.isFinite(n))) {
      throw signatureError('SpreadsheetApp.Sheet.getRange', nums);
    }
    const [r, c, nr, nc] = nums.map(Math.floor);
    if (r < 1) throw new Error('The starting row of the range is too small.');
    if (c < 1) throw new Error('The starting column of the range is too small.');
    if (nr < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (nc < 1) throw new Error('The number of columns in the range must be at least 1.');
    this._checkInside(r, c, nr, nc);
    return new FakeRange(this, r, c, nr, nc);
  }

  _rangeFromRef(ref: { row: number; col: number; endRow: number | null; endCol: number | null }): FakeRange {
    const endRow = ref.endRow ?? this._maxRows;
    const endCol = ref.endCol ?? this._maxCols;
    return this._rangeAt(ref.row, ref.col, endRow - ref.row + 1, endCol - ref.col + 1);
  }

  _selection(): FakeRange {
    const b = this.selection;
    return new FakeRange(this, b.row, b.col, b.numRows, b.numCols);
  }

  _select(range: RangeModel): void {
    this.selection = range._box();
    this._ss._active = this;
  }

  _copyFrom(t: FakeSheet): void {
    this._ss._checkGrowth(t._maxRows * t._maxCols - this._maxRows * this._maxCols);
    this._grid = t._grid.map((r) => r.map((c) => (c ? { ...c, value: copyValue(c.value) } : undefined)));
    this._maxRows = t._maxRows;
    this._maxCols = t._maxCols;
    this._frozenRows = t._frozenRows;
    this._frozenCols = t._frozenCols;
  }

  /**
   * Sheet.appendRow's effect, for a form's answer (forms.ts) and a row a person adds: the row
   * after the last one with content, the sheet grown when it is full.
   */
  _appendRow(rowContents: unknown[]): void {
    if (rowContents.length === 0) return;
    const row = this.getLastRow() + 1;
    this._ensureSize(row, rowContents.length);
    this._rangeAt(row, 1, 1, rowContents.length)._write([rowContents]);
  }

  /** Raw values of the used area (getDataRange shape), for tests. */
  _values(): CellValue[][] {
    return this.getDataRange().getValues() as CellValue[][];
  }

  activate(): GSheet {
    this._ss._active = this;
    return api<GSheet>(this);
  }
  getDataRange(): GRange {
    return api<GRange>(this._rangeAt(1, 1, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn())));
  }
  getLastColumn(): number {
    let last = 0;
    for (const row of this._grid) {
      if (!row) continue;
      for (let c = row.length; c > last; c--) {
        if (hasContent(row[c - 1])) {
          last = c;
          break;
        }
      }
    }
    return last;
  }
  getLastRow(): number {
    for (let r = this._grid.length; r > 0; r--) {
      if (this._grid[r - 1]?.some(hasContent)) return r;
    }
    return 0;
  }
  getMaxColumns(): number {
    return this._maxCols;
  }
  getMaxRows(): number {
    return this._maxRows;
  }
  getName(): string {
    return this._name;
  }
  getRange(a: number | string, b?: number, c?: number, d?: number): GRange {
    if (typeof a === 'string') {
      const ref = parseA1(a);
      return api<GRange>(this._rangeFromRef(ref));
    }
    if (b === undefined) throw signatureError('SpreadsheetApp.Sheet.getRange', [a]);
    return api<GRange>(this._rangeAt(a, b, c ?? 1, d ?? 1));
  }
  getSheetId(): number {
    return this._id;
  }
  /**
   * "Class Sheet", getFormUrl(): "the URL for the form that sends its responses to this sheet, or
   * null if this sheet has no associated form"
   * (https://developers.google.com/apps-script/reference/spreadsheet/sheet#getFormUrl()).
   */
  getFormUrl(): string | null {
    return this._formUrl;
  }
  insertChart(chart: GChart): void {
    const ch = toChart(chart);
    if (ch._id === null || this._ss._sheets.some((s) => s._charts.some((x) => x._id === ch._id)))
      ch._id = this._ss._newChartId();
    ch._sheet = this;
    this._charts.push(ch);
  }
  newChart(): GChartBuilder {
    return api<GChartBuilder>(new FakeEmbeddedChartBuilder(this));
  }
  insertColumnsAfter(afterPosition: number, howMany: number): GSheet {
    if (afterPosition < 1 || afterPosition > this._maxCols) throw new Error('Those columns are out of bounds.');
    this._ss._checkGrowth(howMany * this._maxRows);
    for (const row of this._grid) {
      if (row && row.length > afterPosition)
        row.splice(afterPosition, 0, ...new Array<Cell | undefined>(howMany).fill(undefined));
    }
    this._maxCols += howMany;
    return api<GSheet>(this);
  }
  insertRowsAfter(afterPosition: number, howMany: number): GSheet {
    if (afterPosition < 1 || afterPosition > this._maxRows) throw new Error('Those rows are out of bounds.');
    this._ss._checkGrowth(howMany * this._maxCols);
    if (this._grid.length > afterPosition) {
      this._grid.splice(afterPosition, 0, ...Array.from({ length: howMany }, () => [] as (Cell | undefined)[]));
    }
    this._maxRows += howMany;
    return api<GSheet>(this);
  }
  setFrozenRows(rows: number): void {
    if (rows < 0 || rows > this._maxRows) throw new Error('Those rows are out of bounds.');
    this._frozenRows = rows;
  }
}

function toChart(x: GChart | FakeEmbeddedChart): FakeEmbeddedChart {
  if (!(x instanceof FakeEmbeddedChart)) throw signatureError('SpreadsheetApp.Sheet.insertChart', [x]);
  return x;
}
