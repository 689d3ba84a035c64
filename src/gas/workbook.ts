/**
 * One execution's view of the spreadsheet: its sheets and their names, its date options and the
 * cells read, each asked of Apps Script once. Every one of those is a service call, and the
 * dashboard looks sheets up by name many times (the log, the roster, the interventions, the list
 * of sheets); without this each lookup asked every sheet its name again.
 */
import type { DateReadOptions } from '../core/base/dates';
import { HEADER_SEARCH_ROWS } from '../core/sheets/header';
import { spreadsheetDateOptions } from './spreadsheet-locale';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface NamedSheet {
  sheet: Sheet;
  name: string;
}

/** The sheet's first rows (at most HEADER_SEARCH_ROWS), where a header is looked for; `lastRow` when already asked. */
export function readHeadRows(sheet: Sheet, lastRow = sheet.getLastRow()): unknown[][] {
  const rows = Math.min(lastRow, HEADER_SEARCH_ROWS);
  if (rows < 1) return [];
  const cols = sheet.getLastColumn();
  return cols > 0 ? sheet.getRange(1, 1, rows, cols).getValues() : [];
}

/**
 * Made once per execution (sheets added or renamed during it are not seen): pass it where a
 * Spreadsheet is taken, and each sheet's name, head and cells are read at most once.
 */
export class Workbook {
  private named: NamedSheet[] | null = null;
  private readonly whole = new Map<Sheet, unknown[][]>();
  private readonly heads = new Map<Sheet, unknown[][]>();
  private dates: DateReadOptions | null = null;

  constructor(readonly spreadsheet: Spreadsheet) {}

  /** Every sheet with its name, in the spreadsheet's order: one getSheets, one getName each. */
  sheets(): NamedSheet[] {
    this.named ??= this.spreadsheet.getSheets().map((sheet) => ({ sheet, name: sheet.getName() }));
    return this.named;
  }

  /** As getSheetByName: the sheet with exactly this name, or null. */
  byName(name: string): Sheet | null {
    return this.sheets().find((s) => s.name === name)?.sheet ?? null;
  }

  nameOf(sheet: Sheet): string {
    return this.sheets().find((s) => s.sheet === sheet)?.name ?? sheet.getName();
  }

  /** The spreadsheet's time zone and date order (two calls), once. */
  dateOptions(): DateReadOptions {
    this.dates ??= spreadsheetDateOptions(this.spreadsheet);
    return this.dates;
  }

  /** The sheet's used area (getDataRange), read once. */
  values(sheet: Sheet): unknown[][] {
    let cells = this.whole.get(sheet);
    if (!cells) {
      cells = sheet.getDataRange().getValues();
      this.whole.set(sheet, cells);
    }
    return cells;
  }

  /** The sheet's first rows: from its used area when that was read, else a read of the head alone. */
  headRows(sheet: Sheet): unknown[][] {
    const read = this.whole.get(sheet);
    if (read) return read.slice(0, HEADER_SEARCH_ROWS);
    let head = this.heads.get(sheet);
    if (!head) {
      const lastRow = sheet.getLastRow();
      head = readHeadRows(sheet, lastRow);
      this.heads.set(sheet, head);
      // A sheet of 30 rows or fewer was just read whole (its used area, as getDataRange gives it):
      // a small usage export or roster is not read a second time.
      if (head.length > 0 && lastRow <= HEADER_SEARCH_ROWS) this.whole.set(sheet, head);
    }
    return head;
  }
}

export function workbookOf(source: Spreadsheet | Workbook): Workbook {
  return source instanceof Workbook ? source : new Workbook(source);
}
