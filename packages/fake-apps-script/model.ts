// The spreadsheet object model's back-references, as interfaces: a range knows its sheet and a
// sheet its spreadsheet, while sheet.ts makes the ranges and spreadsheet.ts the sheets. range.ts,
// range-box.ts, charts.ts, cells.ts and sheet.ts reach the other way through these, so no two
// files import each other. FakeSpreadsheet, FakeSheet and FakeRange implement them.
import type { FakeContext } from './context';
import type { Cell } from './values';

type GRange = GoogleAppsScript.Spreadsheet.Range;

/** A block of cells, 1-based. */
export interface Box {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

/** What a sheet, its ranges and its charts need of their spreadsheet. */
export interface SpreadsheetModel {
  readonly _ctx: FakeContext;
  readonly _locale: string;
  readonly _timeZone: string;
  readonly _sheets: readonly SheetModel[];
  _active: SheetModel | null;
  _sheetNamed(name: string): SheetModel | undefined;
  /** Refuses a change that would take the spreadsheet past its cell limit. */
  _checkGrowth(added: number): void;
  _newChartId(): number;
}

/** What a range and a chart need of their sheet, and a sheet of its siblings. */
export interface SheetModel {
  readonly _id: number;
  readonly _name: string;
  readonly _hidden: boolean;
  readonly _ss: SpreadsheetModel;
  readonly _charts: readonly { readonly _id: number | null }[];
  _merges: Box[];
  _cell(row: number, col: number): Cell | undefined;
  _cellForWrite(row: number, col: number): Cell;
  /** Throws unless the box lies inside the sheet. */
  _checkInside(row: number, col: number, numRows: number, numCols: number): void;
  _rangeAt(row: number, col: number, numRows?: number, numCols?: number): RangeModel;
  _select(range: RangeModel): void;
}

/** What a chart, a validation rule and a sheet need of a range given to them. */
export interface RangeModel {
  readonly _sheet: SheetModel;
  _box(): Box;
  _a1(): string;
  activate(): GRange;
}
