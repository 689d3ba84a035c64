// SpreadsheetApp and its object graph, in memory. Public methods carry the real signatures
// (checked through `implements Pick<...>`); members starting with `_` are the fake's own and are
// hidden from the bundle by the boundary.
import { a1Range, columnLetters, parseA1, quoteSheetName } from './a1';
import type { FakeInfo } from './boundary';
import {
  ChartType,
  ChartTypeNames,
  DataValidationCriteria,
  DataValidationCriteriaNames,
  ProtectionType,
  enumName,
  type ChartTypeName,
  type CriteriaName,
} from './enums';
import type { FakeGas } from './harness';
import { isDateLike } from './realm';
import { FakeUser } from './session';
import {
  DEFAULT_NUMBER_FORMAT,
  FORMULA_MARKER,
  displayValue,
  parseInput,
  violates,
  type Cell,
  type CellValue,
  type ValidationRule,
} from './values';

type GApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GRange = GoogleAppsScript.Spreadsheet.Range;
type GDataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type GDataValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type GCriteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;
type GChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type GChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type GColumnChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedColumnChartBuilder;
type GContainerInfo = GoogleAppsScript.Spreadsheet.ContainerInfo;
type GChartType = GoogleAppsScript.Charts.ChartType;
type GChartOptions = GoogleAppsScript.Charts.ChartOptions;
type GProtection = GoogleAppsScript.Spreadsheet.Protection;
type GProtectionType = GoogleAppsScript.Spreadsheet.ProtectionType;
type GUi = GoogleAppsScript.Base.Ui;
type GUser = GoogleAppsScript.Base.User;
type FontWeight = GoogleAppsScript.Spreadsheet.FontWeight;
type FontStyle = GoogleAppsScript.Spreadsheet.FontStyle;
type HAlign = 'left' | 'center' | 'normal' | 'right' | null;
type VAlign = 'top' | 'middle' | 'bottom' | null;

/** The fake object handed out under a real interface type; the boundary keeps it a fake. */
function api<T>(x: object): T {
  return x as unknown as T;
}

function signatureError(method: string, args: unknown[]): Error {
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

function hasContent(c: Cell | undefined): boolean {
  return !!c && (c.formula !== undefined || c.value !== '');
}

function copyValue(v: CellValue): CellValue {
  return isDateLike(v) ? new Date(v.getTime()) : v;
}

/** Same data shape checks (and messages) as Range.setValues. */
function checkShape(data: unknown, numRows: number, numCols: number, method: string): unknown[][] {
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

// ---- SpreadsheetApp -------------------------------------------------------------------------

export class FakeSpreadsheetApp implements Pick<
  GApp,
  | 'DataValidationCriteria'
  | 'ProtectionType'
  | 'getActive'
  | 'getActiveSpreadsheet'
  | 'getActiveSheet'
  | 'getActiveRange'
  | 'setActiveSheet'
  | 'setActiveRange'
  | 'openById'
  | 'openByUrl'
  | 'getUi'
  | 'newDataValidation'
  | 'flush'
> {
  static readonly fakeInfo: FakeInfo = { service: 'spreadsheet', cls: 'SpreadsheetApp' };
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly ProtectionType = ProtectionType;

  constructor(private readonly gas: FakeGas) {}

  getActive(): GSpreadsheet {
    return this.getActiveSpreadsheet();
  }
  getActiveSpreadsheet(): GSpreadsheet {
    // Typed non-null like the real API, but null in contexts without an active document.
    return this.gas.activeSpreadsheet() as unknown as GSpreadsheet;
  }
  getActiveSheet(): GSheet {
    return this._requireActive().getActiveSheet();
  }
  getActiveRange(): GRange {
    return api<GRange>(this._requireActive().getActiveRange() as object);
  }
  setActiveSheet(sheet: GSheet, restoreSelection?: boolean): GSheet {
    return this._requireActive().setActiveSheet(sheet, restoreSelection);
  }
  setActiveRange(range: GRange): GRange {
    return this._requireActive().setActiveRange(range);
  }
  openById(id: string): GSpreadsheet {
    const ss = this.gas.spreadsheets.get(String(id));
    if (!ss)
      throw new Error('Unexpected error while getting the method or property openById on object SpreadsheetApp.');
    return api<GSpreadsheet>(ss);
  }
  openByUrl(url: string): GSpreadsheet {
    const m = /\/d\/([^/]+)/.exec(String(url));
    const ss = m ? this.gas.spreadsheets.get(m[1]) : undefined;
    if (!ss)
      throw new Error('Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.');
    return api<GSpreadsheet>(ss);
  }
  getUi(): GUi {
    const ex = this.gas.execution;
    // Time-driven runs and custom functions have no user interface to show anything in.
    if (ex && (ex.triggerEventType === 'CLOCK' || ex.authMode === 'CUSTOM_FUNCTION')) {
      throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
    }
    return api<GUi>(this.gas.uiService);
  }
  newDataValidation(): GDataValidationBuilder {
    return api<GDataValidationBuilder>(new FakeDataValidationBuilder());
  }
  flush(): void {
    // Writes are applied at once in memory; flush only costs a (counted) call.
  }

  private _requireActive(): FakeSpreadsheet {
    const ss = this.gas.activeSpreadsheet();
    if (!ss) throw new Error('Cannot read the active spreadsheet: there is none in this context.');
    return ss;
  }
}

// ---- Spreadsheet ------------------------------------------------------------------------------

export interface SpreadsheetInit {
  id?: string;
  name?: string;
  timeZone?: string;
  locale?: string;
  /** Sheets to create, in order, each from rows of values. Default: one empty "Sheet1". */
  sheets?: Record<string, unknown[][]>;
}

export class FakeSpreadsheet implements Pick<
  GSpreadsheet,
  | 'getId'
  | 'getName'
  | 'rename'
  | 'getUrl'
  | 'getSpreadsheetTimeZone'
  | 'setSpreadsheetTimeZone'
  | 'getSpreadsheetLocale'
  | 'setSpreadsheetLocale'
  | 'getSheets'
  | 'getNumSheets'
  | 'getSheetByName'
  | 'getSheetById'
  | 'insertSheet'
  | 'deleteSheet'
  | 'getActiveSheet'
  | 'setActiveSheet'
  | 'getActiveRange'
  | 'setActiveRange'
  | 'setActiveSelection'
  | 'getRange'
  | 'toast'
  | 'getDataRange'
  | 'getLastRow'
  | 'getLastColumn'
  | 'appendRow'
  | 'getProtections'
  | 'getOwner'
  | 'getFrozenRows'
  | 'setFrozenRows'
> {
  static readonly fakeInfo: FakeInfo = { service: 'spreadsheet', cls: 'Spreadsheet' };

  _id: string;
  _name: string;
  _locale: string;
  /** null: follows the script time zone (a sheet made without one). */
  private tz: string | null;
  _sheets: FakeSheet[] = [];
  _active: FakeSheet | null = null;
  private nextSheetId = 0;

  constructor(
    readonly _gas: FakeGas,
    init: SpreadsheetInit = {},
  ) {
    this._id = init.id ?? _gas._newSpreadsheetId();
    this._name = init.name ?? 'Untitled spreadsheet';
    this.tz = init.timeZone ?? null;
    this._locale = init.locale ?? 'en_US';
    const sheets = init.sheets ?? { Sheet1: [] };
    for (const [name, rows] of Object.entries(sheets)) this._addSheet(name, rows);
    if (this._sheets.length === 0) this._addSheet('Sheet1', []);
    this._active = this._sheets[0];
  }

  /** Adds a sheet at the end filled from `rows` (parsed like setValues), without activating it. */
  _addSheet(name: string, rows: unknown[][] = [], index?: number): FakeSheet {
    if (this._sheetNamed(name))
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    // The first sheet of a new spreadsheet has gid 0; later ones get large ids, as in Sheets.
    const id = this.nextSheetId === 0 ? 0 : 100000000 + this.nextSheetId * 7919;
    this.nextSheetId++;
    const sheet = new FakeSheet(this, id, name);
    if (index === undefined || index >= this._sheets.length) this._sheets.push(sheet);
    else this._sheets.splice(Math.max(0, index), 0, sheet);
    if (rows.length > 0) {
      const width = Math.max(...rows.map((r) => r.length));
      if (width > 0) {
        sheet._ensureSize(rows.length, width);
        const padded = rows.map((r) => [...r, ...new Array<unknown>(width - r.length).fill('')]);
        sheet._rangeAt(1, 1, rows.length, width)._write(padded);
      }
    }
    return sheet;
  }

  get _timeZone(): string {
    return this.tz ?? this._gas.session.scriptTimeZone;
  }
  set _timeZone(tz: string) {
    this.tz = tz;
  }

  _sheetNamed(name: string): FakeSheet | undefined {
    return this._sheets.find((s) => s._name === name);
  }

  _sheet(x: GSheet | FakeSheet): FakeSheet {
    if (!(x instanceof FakeSheet)) throw signatureError('SpreadsheetApp.Spreadsheet.setActiveSheet', [x]);
    return x;
  }

  getId(): string {
    return this._id;
  }
  getName(): string {
    return this._name;
  }
  rename(newName: string): void {
    this._name = String(newName);
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._id}/edit`;
  }
  getSpreadsheetTimeZone(): string {
    return this._timeZone;
  }
  setSpreadsheetTimeZone(timezone: string): void {
    this._timeZone = String(timezone);
  }
  getSpreadsheetLocale(): string {
    return this._locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this._locale = String(locale);
  }
  getSheets(): GSheet[] {
    return api<GSheet[]>(this._sheets.slice());
  }
  getNumSheets(): number {
    return this._sheets.length;
  }
  getSheetByName(name: string): GSheet | null {
    const s = this._sheetNamed(String(name));
    return s ? api<GSheet>(s) : null;
  }
  getSheetById(id: number): GSheet | null {
    const s = this._sheets.find((x) => x._id === Number(id));
    return s ? api<GSheet>(s) : null;
  }
  insertSheet(
    a?: string | number | { template?: GSheet },
    b?: number | { template?: GSheet },
    c?: { template?: GSheet },
  ): GSheet {
    let name: string | undefined;
    let index: number | undefined;
    let options: { template?: GSheet } | undefined;
    if (typeof a === 'string') {
      name = a;
      if (typeof b === 'number') {
        index = b;
        options = c;
      } else options = b;
    } else if (typeof a === 'number') {
      index = a;
      options = typeof b === 'object' ? b : undefined;
    } else options = a;
    if (name === undefined) {
      let n = this._sheets.length + 1;
      while (this._sheetNamed(`Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    const sheet = this._addSheet(name, [], index);
    if (options?.template) {
      const t = this._sheet(options.template);
      sheet._copyFrom(t);
    }
    // Sheets activates a sheet it inserts.
    this._active = sheet;
    return api<GSheet>(sheet);
  }
  deleteSheet(sheet: GSheet): void {
    const s = this._sheet(sheet);
    const i = this._sheets.indexOf(s);
    if (i < 0) throw new Error('Sheet not found.');
    if (this._sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    this._sheets.splice(i, 1);
    if (this._active === s) this._active = this._sheets[Math.max(0, i - 1)];
  }
  getActiveSheet(): GSheet {
    return api<GSheet>(this._activeSheet());
  }
  _activeSheet(): FakeSheet {
    return this._active && this._sheets.includes(this._active) ? this._active : this._sheets[0];
  }
  setActiveSheet(sheet: GSheet, _restoreSelection?: boolean): GSheet {
    this._active = this._sheet(sheet);
    return sheet;
  }
  getActiveRange(): GRange | null {
    return api<GRange>(this._activeSheet()._selection());
  }
  setActiveRange(range: GRange): GRange {
    return api<FakeRange>(range).activate();
  }
  setActiveSelection(range: GRange | string): GRange {
    if (typeof range === 'string') return this._activeSheet().getRange(range).activate();
    return api<FakeRange>(range).activate();
  }
  getRange(a1Notation: string): GRange {
    const ref = parseA1(String(a1Notation));
    const sheet = ref.sheetName === null ? this._activeSheet() : this._sheetNamed(ref.sheetName);
    if (!sheet) throw new Error('Range not found');
    return api<GRange>(sheet._rangeFromRef(ref));
  }
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this._gas.ui.toasts.push({
      spreadsheetId: this._id,
      message: String(msg),
      title: title ?? '',
      timeoutSeconds: timeoutSeconds ?? 5,
      at: this._gas.clock.date(),
    });
  }
  getDataRange(): GRange {
    return this._activeSheet().getDataRange();
  }
  getLastRow(): number {
    return this._activeSheet().getLastRow();
  }
  getLastColumn(): number {
    return this._activeSheet().getLastColumn();
  }
  appendRow(rowContents: unknown[]): GSheet {
    return this._activeSheet().appendRow(rowContents);
  }
  getFrozenRows(): number {
    return this._activeSheet().getFrozenRows();
  }
  setFrozenRows(rows: number): void {
    this._activeSheet().setFrozenRows(rows);
  }
  getProtections(type: GProtectionType): GProtection[] {
    return api<GProtection[]>(this._sheets.flatMap((s) => s._protections.filter((p) => p._type === String(type))));
  }
  getOwner(): GUser | null {
    return api<GUser>(new FakeUser(this._gas.session.effectiveUser));
  }
}

// ---- Sheet ------------------------------------------------------------------------------------

interface Box {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export class FakeSheet implements Pick<
  GSheet,
  | 'activate'
  | 'appendRow'
  | 'autoResizeColumn'
  | 'autoResizeColumns'
  | 'clear'
  | 'clearContents'
  | 'clearFormats'
  | 'deleteRow'
  | 'deleteRows'
  | 'deleteColumn'
  | 'deleteColumns'
  | 'getCharts'
  | 'getColumnWidth'
  | 'getDataRange'
  | 'getFrozenColumns'
  | 'getFrozenRows'
  | 'getIndex'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getMaxColumns'
  | 'getMaxRows'
  | 'getName'
  | 'getParent'
  | 'getRange'
  | 'getSheetId'
  | 'getSheetName'
  | 'getSheetValues'
  | 'getTabColor'
  | 'hideSheet'
  | 'showSheet'
  | 'isSheetHidden'
  | 'insertChart'
  | 'insertColumnsAfter'
  | 'insertColumnAfter'
  | 'insertRowsAfter'
  | 'insertRowAfter'
  | 'insertRowsBefore'
  | 'insertRowBefore'
  | 'newChart'
  | 'protect'
  | 'getProtections'
  | 'removeChart'
  | 'updateChart'
  | 'setActiveRange'
  | 'setActiveSelection'
  | 'getActiveRange'
  | 'setColumnWidth'
  | 'setColumnWidths'
  | 'setFrozenColumns'
  | 'setFrozenRows'
  | 'setName'
  | 'setTabColor'
  | 'hideColumns'
  | 'showColumns'
  | 'setRowHeight'
  | 'getRowHeight'
  | 'isColumnHiddenByUser'
> {
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
  _charts: FakeEmbeddedChart[] = [];
  _protections: FakeProtection[] = [];
  _merges: Box[] = [];
  private selection: Box = { row: 1, col: 1, numRows: 1, numCols: 1 };

  constructor(
    readonly _ss: FakeSpreadsheet,
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
    if (rows > this._maxRows) this._maxRows = rows;
    if (cols > this._maxCols) this._maxCols = cols;
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
    if (r + nr - 1 > this._maxRows || c + nc - 1 > this._maxCols) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
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

  _select(range: FakeRange): void {
    this.selection = { row: range._row, col: range._col, numRows: range._numRows, numCols: range._numCols };
    this._ss._active = this;
  }

  _copyFrom(t: FakeSheet): void {
    this._grid = t._grid.map((r) => r.map((c) => (c ? { ...c, value: copyValue(c.value) } : undefined)));
    this._maxRows = t._maxRows;
    this._maxCols = t._maxCols;
    this._frozenRows = t._frozenRows;
    this._frozenCols = t._frozenCols;
  }

  /** Raw values of the used area (getDataRange shape), for tests. */
  _values(): CellValue[][] {
    return this.getDataRange().getValues() as CellValue[][];
  }

  activate(): GSheet {
    this._ss._active = this;
    return api<GSheet>(this);
  }
  appendRow(rowContents: unknown[]): GSheet {
    if (!Array.isArray(rowContents)) throw signatureError('SpreadsheetApp.Sheet.appendRow', [rowContents]);
    if (rowContents.length === 0) return api<GSheet>(this);
    const row = this.getLastRow() + 1;
    this._ensureSize(row, rowContents.length);
    this._rangeAt(row, 1, 1, rowContents.length)._write([rowContents]);
    return api<GSheet>(this);
  }
  autoResizeColumn(columnPosition: number): GSheet {
    this._autoResized.add(columnPosition);
    return api<GSheet>(this);
  }
  autoResizeColumns(startColumn: number, numColumns: number): GSheet {
    for (let c = startColumn; c < startColumn + numColumns; c++) this._autoResized.add(c);
    return api<GSheet>(this);
  }
  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): GSheet {
    const formatOnly = !!options?.formatOnly;
    const contentsOnly = !!options?.contentsOnly;
    for (const row of this._grid) {
      if (!row) continue;
      row.forEach((c, i) => {
        if (!c) return;
        if (!formatOnly) {
          c.value = '';
          delete c.formula;
        }
        if (!contentsOnly) clearFormatting(c);
        if (!hasContent(c) && isUnstyled(c)) row[i] = undefined;
      });
    }
    return api<GSheet>(this);
  }
  clearContents(): GSheet {
    return this.clear({ contentsOnly: true });
  }
  clearFormats(): GSheet {
    return this.clear({ formatOnly: true });
  }
  deleteRow(rowPosition: number): GSheet {
    this.deleteRows(rowPosition, 1);
    return api<GSheet>(this);
  }
  deleteRows(rowPosition: number, howMany: number): void {
    if (rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > this._maxRows) {
      throw new Error('Those rows are out of bounds.');
    }
    if (howMany >= this._maxRows) throw new Error("You can't delete all the rows on the sheet.");
    this._grid.splice(rowPosition - 1, howMany);
    this._maxRows -= howMany;
  }
  deleteColumn(columnPosition: number): GSheet {
    this.deleteColumns(columnPosition, 1);
    return api<GSheet>(this);
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    if (columnPosition < 1 || howMany < 1 || columnPosition + howMany - 1 > this._maxCols) {
      throw new Error('Those columns are out of bounds.');
    }
    if (howMany >= this._maxCols) throw new Error("You can't delete all the columns on the sheet.");
    for (const row of this._grid) row?.splice(columnPosition - 1, howMany);
    this._maxCols -= howMany;
  }
  getCharts(): GChart[] {
    return api<GChart[]>(this._charts.slice());
  }
  getColumnWidth(columnPosition: number): number {
    return this._columnWidths.get(columnPosition) ?? 100;
  }
  getDataRange(): GRange {
    return api<GRange>(this._rangeAt(1, 1, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn())));
  }
  getFrozenColumns(): number {
    return this._frozenCols;
  }
  getFrozenRows(): number {
    return this._frozenRows;
  }
  getIndex(): number {
    return this._ss._sheets.indexOf(this) + 1;
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
  getParent(): GSpreadsheet {
    return api<GSpreadsheet>(this._ss);
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
  getSheetName(): string {
    return this._name;
  }
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    const nr = numRows === -1 ? Math.max(1, this.getLastRow() - startRow + 1) : numRows;
    const nc = numColumns === -1 ? Math.max(1, this.getLastColumn() - startColumn + 1) : numColumns;
    return this._rangeAt(startRow, startColumn, nr, nc).getValues();
  }
  getTabColor(): string | null {
    return this._tabColor;
  }
  setTabColor(color: string | null): GSheet {
    this._tabColor = color;
    return api<GSheet>(this);
  }
  hideSheet(): GSheet {
    if (this._ss._sheets.filter((s) => !s._hidden && s !== this).length === 0) {
      throw new Error("You can't hide all the sheets in a document.");
    }
    this._hidden = true;
    return api<GSheet>(this);
  }
  showSheet(): GSheet {
    this._hidden = false;
    return api<GSheet>(this);
  }
  isSheetHidden(): boolean {
    return this._hidden;
  }
  insertChart(chart: GChart): void {
    const ch = toChart(chart);
    if (ch._id === null || this._ss._sheets.some((s) => s._charts.some((x) => x._id === ch._id)))
      ch._id = this._ss._gas._newChartId();
    ch._sheet = this;
    this._charts.push(ch);
  }
  updateChart(chart: GChart): void {
    const ch = toChart(chart);
    const i = this._charts.findIndex((x) => x._id === ch._id);
    if (i < 0) throw new Error('The chart is not on this sheet.');
    ch._sheet = this;
    this._charts[i] = ch;
  }
  removeChart(chart: GChart): void {
    const ch = toChart(chart);
    const i = this._charts.findIndex((x) => x._id === ch._id);
    if (i < 0) throw new Error('The chart is not on this sheet.');
    this._charts.splice(i, 1);
  }
  newChart(): GChartBuilder {
    return api<GChartBuilder>(new FakeEmbeddedChartBuilder(this));
  }
  insertColumnsAfter(afterPosition: number, howMany: number): GSheet {
    if (afterPosition < 1 || afterPosition > this._maxCols) throw new Error('Those columns are out of bounds.');
    for (const row of this._grid) {
      if (row && row.length > afterPosition)
        row.splice(afterPosition, 0, ...new Array<Cell | undefined>(howMany).fill(undefined));
    }
    this._maxCols += howMany;
    return api<GSheet>(this);
  }
  insertColumnAfter(afterPosition: number): GSheet {
    return this.insertColumnsAfter(afterPosition, 1);
  }
  insertRowsAfter(afterPosition: number, howMany: number): GSheet {
    if (afterPosition < 1 || afterPosition > this._maxRows) throw new Error('Those rows are out of bounds.');
    if (this._grid.length > afterPosition) {
      this._grid.splice(afterPosition, 0, ...Array.from({ length: howMany }, () => [] as (Cell | undefined)[]));
    }
    this._maxRows += howMany;
    return api<GSheet>(this);
  }
  insertRowAfter(afterPosition: number): GSheet {
    return this.insertRowsAfter(afterPosition, 1);
  }
  insertRowsBefore(beforePosition: number, howMany: number): GSheet {
    if (beforePosition < 1 || beforePosition > this._maxRows) throw new Error('Those rows are out of bounds.');
    if (this._grid.length >= beforePosition) {
      this._grid.splice(beforePosition - 1, 0, ...Array.from({ length: howMany }, () => [] as (Cell | undefined)[]));
    }
    this._maxRows += howMany;
    return api<GSheet>(this);
  }
  insertRowBefore(beforePosition: number): GSheet {
    return this.insertRowsBefore(beforePosition, 1);
  }
  protect(): GProtection {
    const p = new FakeProtection('SHEET', this, null);
    this._protections.push(p);
    return api<GProtection>(p);
  }
  getProtections(type: GProtectionType): GProtection[] {
    return api<GProtection[]>(this._protections.filter((p) => p._type === String(type)));
  }
  setActiveRange(range: GRange): GRange {
    return toRange(range).activate();
  }
  setActiveSelection(range: GRange | string): GRange {
    if (typeof range === 'string') return this.getRange(range).activate();
    return toRange(range).activate();
  }
  getActiveRange(): GRange | null {
    return api<GRange>(this._selection());
  }
  setColumnWidth(columnPosition: number, width: number): GSheet {
    this._columnWidths.set(columnPosition, width);
    return api<GSheet>(this);
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): GSheet {
    for (let c = startColumn; c < startColumn + numColumns; c++) this._columnWidths.set(c, width);
    return api<GSheet>(this);
  }
  setFrozenColumns(columns: number): void {
    this._frozenCols = columns;
  }
  setFrozenRows(rows: number): void {
    if (rows < 0 || rows > this._maxRows) throw new Error('Those rows are out of bounds.');
    this._frozenRows = rows;
  }
  setName(name: string): GSheet {
    const n = String(name);
    if (n !== this._name && this._ss._sheetNamed(n)) {
      throw new Error(`A sheet with the name "${n}" already exists. Please enter another name.`);
    }
    this._name = n;
    return api<GSheet>(this);
  }
  hideColumns(columnIndex: number, numColumns = 1): void {
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this._hiddenColumns.add(c);
  }
  showColumns(columnIndex: number, numColumns = 1): void {
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this._hiddenColumns.delete(c);
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    return this._hiddenColumns.has(columnPosition);
  }
  setRowHeight(rowPosition: number, height: number): GSheet {
    this._rowHeights.set(rowPosition, height);
    return api<GSheet>(this);
  }
  getRowHeight(rowPosition: number): number {
    return this._rowHeights.get(rowPosition) ?? 21;
  }
}

function clearFormatting(c: Cell): void {
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

function isUnstyled(c: Cell): boolean {
  return Object.keys(c).every((k) => k === 'value');
}

function toRange(x: GRange | FakeRange): FakeRange {
  if (!(x instanceof FakeRange)) throw signatureError('SpreadsheetApp.Range', [x]);
  return x;
}

function toChart(x: GChart | FakeEmbeddedChart): FakeEmbeddedChart {
  if (!(x instanceof FakeEmbeddedChart)) throw signatureError('SpreadsheetApp.Sheet.insertChart', [x]);
  return x;
}

// ---- Range ------------------------------------------------------------------------------------

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
    return this._each((c) => {
      c.formula = String(formula);
      c.value = FORMULA_MARKER;
    })._self();
  }
  setFormulas(formulas: string[][]): GRange {
    checkShape(formulas, this._numRows, this._numCols, 'SpreadsheetApp.Range.setFormulas');
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

function overlaps(a: Box, b: Box): boolean {
  return (
    a.row < b.row + b.numRows && b.row < a.row + a.numRows && a.col < b.col + b.numCols && b.col < a.col + a.numCols
  );
}

// ---- Data validation ---------------------------------------------------------------------------

function toValidation(x: GDataValidation | FakeDataValidation): FakeDataValidation {
  if (!(x instanceof FakeDataValidation)) throw signatureError('SpreadsheetApp.Range.setDataValidation', [x]);
  return x;
}

function cloneArgs(values: readonly unknown[]): unknown[] {
  return values.map((v) => (Array.isArray(v) ? v.slice() : isDateLike(v) ? new Date(v.getTime()) : v));
}

export class FakeDataValidation
  implements
    ValidationRule,
    Pick<GDataValidation, 'copy' | 'getAllowInvalid' | 'getCriteriaType' | 'getCriteriaValues' | 'getHelpText'>
{
  static readonly fakeInfo: FakeInfo = { service: 'spreadsheet', cls: 'DataValidation' };

  constructor(
    readonly criteria: CriteriaName,
    readonly values: readonly unknown[],
    readonly allowInvalid: boolean,
    readonly helpText: string,
  ) {}

  copy(): GDataValidationBuilder {
    const b = new FakeDataValidationBuilder();
    b.withCriteria(api<GCriteria>(this.criteria as unknown as object), cloneArgs(this.values));
    b.setAllowInvalid(this.allowInvalid);
    b.setHelpText(this.helpText);
    return api<GDataValidationBuilder>(b);
  }
  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }
  getCriteriaType(): GCriteria {
    return api<GCriteria>(this.criteria as unknown as object);
  }
  getCriteriaValues(): unknown[] {
    return cloneArgs(this.values);
  }
  getHelpText(): string {
    return this.helpText;
  }
}

export class FakeDataValidationBuilder implements Pick<
  GDataValidationBuilder,
  | 'build'
  | 'copy'
  | 'getAllowInvalid'
  | 'getCriteriaType'
  | 'getCriteriaValues'
  | 'getHelpText'
  | 'requireCheckbox'
  | 'requireDate'
  | 'requireNumberBetween'
  | 'requireNumberGreaterThanOrEqualTo'
  | 'requireTextIsEmail'
  | 'requireTextIsUrl'
  | 'requireValueInList'
  | 'requireValueInRange'
  | 'setAllowInvalid'
  | 'setHelpText'
  | 'withCriteria'
> {
  static readonly fakeInfo: FakeInfo = { service: 'spreadsheet', cls: 'DataValidationBuilder' };

  private criteria: CriteriaName | null = null;
  private values: unknown[] = [];
  private allowInvalid = true;
  private helpText = '';

  private _set(criteria: CriteriaName, values: unknown[]): GDataValidationBuilder {
    this.criteria = criteria;
    this.values = values;
    return api<GDataValidationBuilder>(this);
  }

  build(): GDataValidation {
    if (!this.criteria)
      throw new Error('The data validation rule has no criteria: call a require... method before build().');
    return api<GDataValidation>(
      new FakeDataValidation(this.criteria, cloneArgs(this.values), this.allowInvalid, this.helpText),
    );
  }
  copy(): GDataValidationBuilder {
    const b = new FakeDataValidationBuilder();
    b.criteria = this.criteria;
    b.values = cloneArgs(this.values);
    b.allowInvalid = this.allowInvalid;
    b.helpText = this.helpText;
    return api<GDataValidationBuilder>(b);
  }
  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }
  getCriteriaType(): GCriteria {
    return api<GCriteria>(this.criteria as unknown as object);
  }
  getCriteriaValues(): unknown[] {
    return cloneArgs(this.values);
  }
  getHelpText(): string | null {
    return this.helpText || null;
  }
  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): GDataValidationBuilder {
    const values =
      checkedValue === undefined ? [] : uncheckedValue === undefined ? [checkedValue] : [checkedValue, uncheckedValue];
    return this._set('CHECKBOX', values);
  }
  requireDate(): GDataValidationBuilder {
    return this._set('DATE_IS_VALID_DATE', []);
  }
  requireNumberBetween(start: number, end: number): GDataValidationBuilder {
    return this._set('NUMBER_BETWEEN', [start, end]);
  }
  requireNumberGreaterThanOrEqualTo(number: number): GDataValidationBuilder {
    return this._set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }
  requireTextIsEmail(): GDataValidationBuilder {
    return this._set('TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl(): GDataValidationBuilder {
    return this._set('TEXT_IS_VALID_URL', []);
  }
  requireValueInList(values: string[], showDropdown = true): GDataValidationBuilder {
    if (!Array.isArray(values))
      throw signatureError('SpreadsheetApp.DataValidationBuilder.requireValueInList', [values]);
    if (values.length === 0) throw new Error('The data validation rule needs at least one item in the list.');
    return this._set('VALUE_IN_LIST', [values.map(String), showDropdown]);
  }
  requireValueInRange(range: GRange, showDropdown = true): GDataValidationBuilder {
    return this._set('VALUE_IN_RANGE', [toRange(range), showDropdown]);
  }
  setAllowInvalid(allowInvalidData: boolean): GDataValidationBuilder {
    this.allowInvalid = !!allowInvalidData;
    return api<GDataValidationBuilder>(this);
  }
  setHelpText(helpText: string): GDataValidationBuilder {
    this.helpText = String(helpText);
    return api<GDataValidationBuilder>(this);
  }
  withCriteria(criteria: GCriteria, args: unknown[]): GDataValidationBuilder {
    const name = enumName(DataValidationCriteriaNames, criteria);
    if (!name) throw signatureError('SpreadsheetApp.DataValidationBuilder.withCriteria', [criteria, args]);
    return this._set(name, cloneArgs(args));
  }
}

// ---- Charts ------------------------------------------------------------------------------------

interface ChartState {
  type: ChartTypeName | null;
  ranges: FakeRange[];
  options: Map<string, unknown>;
  position: { row: number; col: number; offsetX: number; offsetY: number };
  numHeaders: number;
  transpose: boolean;
}

function cloneState(s: ChartState): ChartState {
  return { ...s, ranges: s.ranges.slice(), options: new Map(s.options), position: { ...s.position } };
}

export class FakeChartOptions implements Pick<GChartOptions, 'get'> {
  static readonly fakeInfo: FakeInfo = { service: 'charts', cls: 'ChartOptions' };
  constructor(private readonly options: Map<string, unknown>) {}
  get(option: string): unknown {
    return this.options.has(option) ? this.options.get(option) : null;
  }
}

export class FakeContainerInfo implements Pick<
  GContainerInfo,
  'getAnchorColumn' | 'getAnchorRow' | 'getOffsetX' | 'getOffsetY'
> {
  static readonly fakeInfo: FakeInfo = { service: 'spreadsheet', cls: 'ContainerInfo' };
  constructor(private readonly p: ChartState['position']) {}
  getAnchorColumn(): number {
    return this.p.col;
  }
  getAnchorRow(): number {
    return this.p.row;
  }
  getOffsetX(): number {
    return this.p.offsetX;
  }
  getOffsetY(): number {
    return this.p.offsetY;
  }
}

export class FakeEmbeddedChart implements Pick<
  GChart,
  | 'getChartId'
  | 'getContainerInfo'
  | 'getNumHeaders'
  | 'getOptions'
  | 'getRanges'
  | 'getTransposeRowsAndColumns'
  | 'modify'
> {
  static readonly fakeInfo: FakeInfo = { service: 'spreadsheet', cls: 'EmbeddedChart' };
  _sheet: FakeSheet | null = null;

  constructor(
    public _id: number | null,
    readonly _state: ChartState,
  ) {}

  /** A plain description for assertions. */
  _describe(): {
    id: number | null;
    type: ChartTypeName | null;
    ranges: string[];
    position: ChartState['position'];
    options: Record<string, unknown>;
  } {
    return {
      id: this._id,
      type: this._state.type,
      ranges: this._state.ranges.map((r) => `${quoteSheetName(r._sheet._name)}!${r.getA1Notation()}`),
      position: { ...this._state.position },
      options: Object.fromEntries(this._state.options),
    };
  }

  getChartId(): number | null {
    return this._sheet ? this._id : null;
  }
  getContainerInfo(): GContainerInfo {
    return api<GContainerInfo>(new FakeContainerInfo({ ...this._state.position }));
  }
  getNumHeaders(): number {
    return this._state.numHeaders;
  }
  getOptions(): GChartOptions {
    return api<GChartOptions>(new FakeChartOptions(new Map(this._state.options)));
  }
  getRanges(): GRange[] {
    return api<GRange[]>(this._state.ranges.slice());
  }
  getTransposeRowsAndColumns(): boolean {
    return this._state.transpose;
  }
  modify(): GChartBuilder {
    return api<GChartBuilder>(new FakeEmbeddedChartBuilder(this._sheet, this._id, cloneState(this._state)));
  }
}

export class FakeEmbeddedChartBuilder
  implements
    Pick<
      GChartBuilder,
      | 'addRange'
      | 'build'
      | 'clearRanges'
      | 'getChartType'
      | 'getRanges'
      | 'removeRange'
      | 'setChartType'
      | 'setNumHeaders'
      | 'setOption'
      | 'setPosition'
      | 'setTransposeRowsAndColumns'
      | 'asColumnChart'
      | 'asBarChart'
      | 'asLineChart'
      | 'asPieChart'
      | 'asAreaChart'
      | 'asTableChart'
    >,
    Pick<GColumnChartBuilder, 'setTitle' | 'setXAxisTitle' | 'setYAxisTitle' | 'setStacked' | 'setColors'>
{
  static readonly fakeInfo: FakeInfo = { service: 'spreadsheet', cls: 'EmbeddedChartBuilder' };
  private readonly state: ChartState;

  constructor(
    private readonly sheet: FakeSheet | null,
    private readonly chartId: number | null = null,
    state?: ChartState,
  ) {
    this.state = state ?? {
      type: null,
      ranges: [],
      options: new Map(),
      position: { row: 1, col: 1, offsetX: 0, offsetY: 0 },
      numHeaders: -1,
      transpose: false,
    };
  }

  private _self(): GChartBuilder {
    return api<GChartBuilder>(this);
  }
  private _typed<T>(type: ChartTypeName): T {
    this.state.type = type;
    return api<T>(this);
  }

  addRange(range: GRange): GChartBuilder {
    this.state.ranges.push(toRange(range));
    return this._self();
  }
  removeRange(range: GRange): GChartBuilder {
    const r = toRange(range);
    this.state.ranges = this.state.ranges.filter(
      (x) => !(x._sheet === r._sheet && x.getA1Notation() === r.getA1Notation()),
    );
    return this._self();
  }
  clearRanges(): GChartBuilder {
    this.state.ranges = [];
    return this._self();
  }
  getRanges(): GRange[] {
    return api<GRange[]>(this.state.ranges.slice());
  }
  getChartType(): GChartType {
    return api<GChartType>(this.state.type as unknown as object);
  }
  setChartType(type: GChartType): GChartBuilder {
    const name = enumName(ChartTypeNames, type);
    if (!name) throw signatureError('SpreadsheetApp.EmbeddedChartBuilder.setChartType', [type]);
    this.state.type = name;
    return this._self();
  }
  setNumHeaders(headers: number): GChartBuilder {
    this.state.numHeaders = headers;
    return this._self();
  }
  setOption(option: string, value: unknown): GChartBuilder {
    this.state.options.set(String(option), value);
    return this._self();
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): GChartBuilder {
    this.state.position = { row: anchorRowPos, col: anchorColPos, offsetX, offsetY };
    return this._self();
  }
  setTransposeRowsAndColumns(transpose: boolean): GChartBuilder {
    this.state.transpose = !!transpose;
    return this._self();
  }
  asColumnChart(): GColumnChartBuilder {
    return this._typed('COLUMN');
  }
  asBarChart(): GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder {
    return this._typed('BAR');
  }
  asLineChart(): GoogleAppsScript.Spreadsheet.EmbeddedLineChartBuilder {
    return this._typed('LINE');
  }
  asPieChart(): GoogleAppsScript.Spreadsheet.EmbeddedPieChartBuilder {
    return this._typed('PIE');
  }
  asAreaChart(): GoogleAppsScript.Spreadsheet.EmbeddedAreaChartBuilder {
    return this._typed('AREA');
  }
  asTableChart(): GoogleAppsScript.Spreadsheet.EmbeddedTableChartBuilder {
    return this._typed('TABLE');
  }
  setTitle(chartTitle: string): GColumnChartBuilder {
    this.state.options.set('title', chartTitle);
    return api<GColumnChartBuilder>(this);
  }
  setXAxisTitle(title: string): GColumnChartBuilder {
    this.state.options.set('hAxis.title', title);
    return api<GColumnChartBuilder>(this);
  }
  setYAxisTitle(title: string): GColumnChartBuilder {
    this.state.options.set('vAxis.title', title);
    return api<GColumnChartBuilder>(this);
  }
  setStacked(): GColumnChartBuilder {
    this.state.options.set('isStacked', true);
    return api<GColumnChartBuilder>(this);
  }
  setColors(cssValues: string[]): GColumnChartBuilder {
    this.state.options.set('colors', cssValues.slice());
    return api<GColumnChartBuilder>(this);
  }
  build(): GChart {
    if (!this.state.type)
      throw new Error('The chart has no type: call setChartType() (or an as...Chart()) before build().');
    const chart = new FakeEmbeddedChart(this.chartId, cloneState(this.state));
    // A rebuilt existing chart stays bound to its sheet until updateChart replaces it.
    chart._sheet = this.chartId !== null ? this.sheet : null;
    return api<GChart>(chart);
  }
}

// ---- Protection --------------------------------------------------------------------------------

export class FakeProtection implements Pick<
  GProtection,
  | 'addEditor'
  | 'addEditors'
  | 'canDomainEdit'
  | 'canEdit'
  | 'getDescription'
  | 'getEditors'
  | 'getProtectionType'
  | 'getRange'
  | 'isWarningOnly'
  | 'remove'
  | 'removeEditor'
  | 'removeEditors'
  | 'setDescription'
  | 'setDomainEdit'
  | 'setWarningOnly'
> {
  static readonly fakeInfo: FakeInfo = { service: 'spreadsheet', cls: 'Protection' };
  _description = '';
  _warningOnly = false;
  _domainEdit = true;
  _editors = new Set<string>();

  constructor(
    readonly _type: 'RANGE' | 'SHEET',
    readonly _sheet: FakeSheet,
    readonly _range: FakeRange | null,
  ) {
    this._editors.add(_sheet._ss._gas.session.effectiveUser);
  }

  addEditor(user: string | GUser): GProtection {
    this._editors.add(typeof user === 'string' ? user : user.getEmail());
    return api<GProtection>(this);
  }
  addEditors(emailAddresses: string[]): GProtection {
    for (const e of emailAddresses) this._editors.add(e);
    return api<GProtection>(this);
  }
  canDomainEdit(): boolean {
    return this._domainEdit;
  }
  canEdit(): boolean {
    return true;
  }
  getDescription(): string {
    return this._description;
  }
  getEditors(): GUser[] {
    return [...this._editors].map((e) => api<GUser>(new FakeUser(e)));
  }
  getProtectionType(): GProtectionType {
    return api<GProtectionType>(this._type as unknown as object);
  }
  getRange(): GRange {
    return api<GRange>(this._range ?? this._sheet._rangeAt(1, 1, this._sheet._maxRows, this._sheet._maxCols));
  }
  isWarningOnly(): boolean {
    return this._warningOnly;
  }
  remove(): void {
    this._sheet._protections = this._sheet._protections.filter((p) => p !== this);
  }
  removeEditor(user: string | GUser): GProtection {
    this._editors.delete(typeof user === 'string' ? user : user.getEmail());
    return api<GProtection>(this);
  }
  removeEditors(users: string[] | GUser[]): GProtection {
    for (const u of users) this._editors.delete(typeof u === 'string' ? u : u.getEmail());
    return api<GProtection>(this);
  }
  setDescription(description: string): GProtection {
    this._description = String(description);
    return api<GProtection>(this);
  }
  setDomainEdit(editable: boolean): GProtection {
    this._domainEdit = !!editable;
    return api<GProtection>(this);
  }
  setWarningOnly(warningOnly: boolean): GProtection {
    this._warningOnly = !!warningOnly;
    return api<GProtection>(this);
  }
}

/** The global `Charts` (only its ChartType enum is needed to build embedded charts). */
export class FakeCharts {
  static readonly fakeInfo: FakeInfo = { service: 'charts', cls: 'Charts' };
  readonly ChartType = ChartType;
}
