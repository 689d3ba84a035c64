// A Spreadsheet: its sheets, time zone, locale, the active sheet and range, and toasts.
import { api, type FakeInfo } from './boundary';
import { signatureError } from './cells';
import { DeveloperMetadataStore, visibilityOf } from './developer-metadata';
import type { FakeContext } from './context';
import type { SpreadsheetModel } from './model';
import type { SpreadsheetInit } from './options';
import { FakeUser } from './session';
import { FakeSheet } from './sheet';
import type { UiState } from './ui';

type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GUser = GoogleAppsScript.Base.User;
type GDeveloperMetadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;
type GVisibility = GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility;

export function cellLimitMessage(limit: number): string {
  return `This action would increase the number of cells in the workbook above the limit of ${limit} cells.`;
}

export class FakeSpreadsheet
  implements
    Pick<
      GSpreadsheet,
      | 'getId'
      | 'getName'
      | 'getUrl'
      | 'getSpreadsheetTimeZone'
      | 'setSpreadsheetTimeZone'
      | 'getSpreadsheetLocale'
      | 'getSheets'
      | 'getNumSheets'
      | 'getSheetByName'
      | 'getSheetById'
      | 'insertSheet'
      | 'deleteSheet'
      | 'getActiveSheet'
      | 'setActiveSheet'
      | 'toast'
      | 'getOwner'
      | 'addDeveloperMetadata'
      | 'getDeveloperMetadata'
    >,
    SpreadsheetModel
{
  static readonly fakeInfo: FakeInfo = { service: 'spreadsheet', cls: 'Spreadsheet' };

  _id: string;
  _name: string;
  _locale: string;
  /** null: follows the script time zone (a sheet made without one). */
  private tz: string | null;
  _sheets: FakeSheet[] = [];
  _active: FakeSheet | null = null;
  readonly _developerMetadata = new DeveloperMetadataStore();
  /** Who may open it; null: everyone (see SpreadsheetInit.readers). */
  _readers: Set<string> | null;
  private nextSheetId = 0;
  private lastChartId = 1000;

  constructor(
    readonly _ctx: FakeContext,
    /** Where toast() shows its message. */
    private readonly ui: UiState,
    id: string,
    init: Omit<SpreadsheetInit, 'id'> = {},
  ) {
    this._id = id;
    this._name = init.name ?? 'Untitled spreadsheet';
    this.tz = init.timeZone ?? null;
    this._locale = init.locale ?? 'en_US';
    this._readers = init.readers ? new Set(init.readers) : null;
    const sheets = init.sheets ?? { Sheet1: [] };
    for (const [name, rows] of Object.entries(sheets)) this._addSheet(name, rows);
    if (this._sheets.length === 0) this._addSheet('Sheet1', []);
    this._active = this._sheets[0];
  }

  /** A chart id no chart of this spreadsheet has had. */
  _newChartId(): number {
    return ++this.lastChartId;
  }

  /** Whether `user` can open this spreadsheet. */
  _canOpen(user: string): boolean {
    return this._readers === null || this._readers.has(user);
  }

  /** Cells of every sheet (rows × columns): what the 10 million cell limit counts. */
  _cellCount(): number {
    return this._sheets.reduce((n, s) => n + s._maxRows * s._maxCols, 0);
  }

  /** Refuses a change that would add `added` cells past the limit, before it is made. */
  _checkGrowth(added: number): void {
    const limit = this._ctx.options.cellLimit;
    if (added > 0 && this._cellCount() + added > limit) throw new Error(cellLimitMessage(limit));
  }

  /** Adds a sheet at the end filled from `rows` (parsed like setValues), without activating it. */
  _addSheet(name: string, rows: unknown[][] = [], index?: number): FakeSheet {
    if (this._sheetNamed(name))
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    // The first sheet of a new spreadsheet has gid 0; later ones get large ids, as in Sheets.
    const id = this.nextSheetId === 0 ? 0 : 100000000 + this.nextSheetId * 7919;
    this.nextSheetId++;
    const sheet = new FakeSheet(this, id, name);
    this._checkGrowth(sheet._maxRows * sheet._maxCols);
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
    return this.tz ?? this._ctx.session.scriptTimeZone;
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
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.ui.toasts.push({
      spreadsheetId: this._id,
      message: String(msg),
      title: title ?? '',
      timeoutSeconds: timeoutSeconds ?? 5,
      at: this._ctx.clock.date(),
    });
  }
  /** (key), (key, visibility), (key, value) or (key, value, visibility), on the spreadsheet itself. */
  addDeveloperMetadata(key: string, a?: string | GVisibility, b?: GVisibility): GSpreadsheet {
    const value = typeof a === 'string' ? a : null;
    const visibility = visibilityOf(typeof a === 'string' ? b : a);
    this._developerMetadata.add(String(key), value, visibility);
    return api<GSpreadsheet>(this);
  }
  getDeveloperMetadata(): GDeveloperMetadata[] {
    return api<GDeveloperMetadata[]>(this._developerMetadata._entries.slice());
  }
  getOwner(): GUser | null {
    const owner = this._ctx.driveOwner();
    if (owner === null) return null;
    // getEmail() is "a blank string if security policies do not allow access to the user's email
    // address" ("Class User", https://developers.google.com/apps-script/reference/base/user).
    return api<GUser>(new FakeUser(this._ctx.session.usersWithoutEmail.has(owner) ? '' : owner));
  }
}
