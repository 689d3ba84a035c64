// The global SpreadsheetApp: the active document, openById, create, getUi and new validations.
import { nonEmptyString } from './arguments';
import { api, type FakeInfo } from './boundary';
import { FakeDataValidationBuilder } from './data-validation';
import { DeveloperMetadataVisibility } from './enums';
import type { FakeContext } from './context';
import type { FakeSpreadsheet } from './spreadsheet';
import type { SpreadsheetInit } from './options';
import type { FakeUi } from './ui';

type GApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GDataValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type GUi = GoogleAppsScript.Base.Ui;

export class FakeSpreadsheetApp implements Pick<
  GApp,
  | 'DeveloperMetadataVisibility'
  | 'getActiveSpreadsheet'
  | 'openById'
  | 'create'
  | 'getUi'
  | 'newDataValidation'
  | 'flush'
> {
  static readonly fakeInfo: FakeInfo = { service: 'spreadsheet', cls: 'SpreadsheetApp' };
  readonly DeveloperMetadataVisibility = DeveloperMetadataVisibility;

  constructor(
    private readonly ctx: FakeContext,
    /** Every spreadsheet openById can reach, by id. */
    private readonly spreadsheets: ReadonlyMap<string, FakeSpreadsheet>,
    /** What getActiveSpreadsheet() returns now (null: no document, as in some trigger contexts). */
    private readonly activeSpreadsheet: () => FakeSpreadsheet | null,
    private readonly ui: FakeUi,
    /** Makes a spreadsheet (SpreadsheetApp.create): the harness keeps it where openById finds it. */
    private readonly newSpreadsheet: (init: SpreadsheetInit) => FakeSpreadsheet,
  ) {}

  getActiveSpreadsheet(): GSpreadsheet {
    // Typed non-null like the real API, but null in contexts without an active document.
    return this.activeSpreadsheet() as unknown as GSpreadsheet;
  }
  openById(id: string): GSpreadsheet {
    const ss = this.spreadsheets.get(String(id));
    if (!ss)
      throw new Error('Unexpected error while getting the method or property openById on object SpreadsheetApp.');
    return api<GSpreadsheet>(this._readable(ss));
  }
  /**
   * A new spreadsheet in the running user's Drive, which only they can open ("Class
   * SpreadsheetApp", create(name), https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app).
   */
  create(name: string, rows?: number, columns?: number): GSpreadsheet {
    const ss = this.newSpreadsheet({
      name: nonEmptyString(name, 'Invalid argument: name'),
      readers: [this.ctx.currentUser()],
    });
    if (rows !== undefined || columns !== undefined) {
      const sheet = ss._sheets[0];
      sheet._maxRows = rows ?? sheet._maxRows;
      sheet._maxCols = columns ?? sheet._maxCols;
    }
    return api<GSpreadsheet>(ss);
  }

  /** Apps Script refuses a file the running user was not given. */
  private _readable(ss: FakeSpreadsheet): FakeSpreadsheet {
    if (!ss._canOpen(this.ctx.currentUser()))
      throw new Error('You do not have permission to access the requested document.');
    return ss;
  }
  getUi(): GUi {
    const ex = this.ctx.execution;
    // Time-driven runs and custom functions have no user interface to show anything in.
    if (ex && (ex.triggerEventType === 'CLOCK' || ex.authMode === 'CUSTOM_FUNCTION')) {
      throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
    }
    return api<GUi>(this.ui);
  }
  newDataValidation(): GDataValidationBuilder {
    return api<GDataValidationBuilder>(new FakeDataValidationBuilder());
  }
  flush(): void {
    // Writes are applied at once in memory; flush only costs a (counted) call.
  }
}
