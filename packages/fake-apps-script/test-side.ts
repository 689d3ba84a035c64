// What tests, the bench and the local run do to the in-memory Apps Script that Uptake's bundle never
// does: look at what the bundle left (`fake.inspect`) and edit a sheet as a person does in the
// Sheets editor (`fake.user`). Both work on the model itself, not through the Apps Script classes:
// no service global leads to them, so the bundle cannot call them, and no call is counted. The
// classes the bundle is handed keep to the members it calls (test/apps-script/surface.test.ts).
import { a1Cell, parseA1, quoteSheetName } from './a1';
import { fakeInfoOf } from './boundary';
import { overlaps } from './cells';
import type { FakeEmbeddedChart } from './charts';
import { checkCellLength, type FakeRange } from './range';
import type { FakeSheet } from './sheet';
import type { FakeSpreadsheet } from './spreadsheet';
import { DEFAULT_NUMBER_FORMAT, FORMULA_MARKER, displayValue } from './values';

/** What the test side needs of the harness (harness.ts): the spreadsheets and their sheets by name. */
export interface TestSideHost {
  /** The bound spreadsheet, the default of every `ss` argument below. */
  readonly spreadsheet: FakeSpreadsheet;
  readonly spreadsheets: ReadonlyMap<string, FakeSpreadsheet>;
  /** The sheet named `name` of `ss`; throws, naming the sheets there are, when there is none. */
  sheet(name: string, ss?: FakeSpreadsheet): FakeSheet;
}

export interface ValidationDescription {
  criteria: string;
  /** The rule's values; a range (requireValueInRange) as `'Sheet'!A1:B2`. */
  values: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

export interface FormulaCell {
  spreadsheetId: string;
  sheet: string;
  a1: string;
  formula: string;
}

function rangeOf(host: TestSideHost, sheetName: string, a1: string, ss?: FakeSpreadsheet): FakeRange {
  return host.sheet(sheetName, ss)._rangeFromRef(parseA1(a1));
}

/** Reads what the bundle left, as plain data. */
export class TestInspector {
  constructor(private readonly host: TestSideHost) {}

  /** What a person sees in each cell of the used area of a sheet ([] for an empty sheet). */
  displayValues(sheetName: string, ss?: FakeSpreadsheet): string[][] {
    const sheet = this.host.sheet(sheetName, ss);
    if (sheet.getLastRow() === 0) return [];
    const timeZone = sheet._ss._timeZone;
    return sheet._rangeAt(1, 1, sheet.getLastRow(), sheet.getLastColumn())._cells((c) => displayValue(c, timeZone));
  }

  /** The formula of each cell of `a1` ('' where there is none). */
  formulas(sheetName: string, a1: string, ss?: FakeSpreadsheet): string[][] {
    return rangeOf(this.host, sheetName, a1, ss)._cells((c) => c?.formula ?? '');
  }

  /** Every cell holding a formula, in every sheet of every spreadsheet. */
  formulaCells(): FormulaCell[] {
    const out: FormulaCell[] = [];
    for (const ss of this.host.spreadsheets.values())
      for (const sheet of ss._sheets)
        sheet._grid.forEach((row, r) =>
          row?.forEach((c, col) => {
            if (c?.formula !== undefined)
              out.push({ spreadsheetId: ss._id, sheet: sheet._name, a1: a1Cell(r + 1, col + 1), formula: c.formula });
          }),
        );
    return out;
  }

  /** The number format of one cell ("General" when none was set). */
  numberFormat(sheetName: string, a1: string, ss?: FakeSpreadsheet): string {
    return rangeOf(this.host, sheetName, a1, ss)._cells((c) => c?.format ?? DEFAULT_NUMBER_FORMAT)[0][0];
  }

  frozenRows(sheetName: string, ss?: FakeSpreadsheet): number {
    return this.host.sheet(sheetName, ss)._frozenRows;
  }

  /** The validation rule of one cell, or null. */
  validation(sheetName: string, a1: string, ss?: FakeSpreadsheet): ValidationDescription | null {
    const rule = rangeOf(this.host, sheetName, a1, ss)._cells((c) => c?.validation)[0][0];
    if (!rule) return null;
    const values = rule.values.map((v) => (fakeInfoOf(v)?.cls === 'Range' ? describeRange(v as FakeRange) : v));
    return { criteria: rule.criteria, values, allowInvalid: rule.allowInvalid, helpText: rule.helpText };
  }

  /** The charts of a sheet. */
  charts(sheetName: string, ss?: FakeSpreadsheet): ReturnType<FakeEmbeddedChart['_describe']>[] {
    return this.host.sheet(sheetName, ss)._charts.map((c) => c._describe());
  }

  /** Where the selection is: the active sheet and range of a spreadsheet. */
  selection(ss: FakeSpreadsheet = this.host.spreadsheet): { sheet: string; a1: string } {
    const sheet = ss._activeSheet();
    return { sheet: sheet._name, a1: sheet._selection()._a1() };
  }

  /** The developer metadata of a spreadsheet, with the visibility each entry was given. */
  developerMetadata(
    ss: FakeSpreadsheet = this.host.spreadsheet,
  ): { key: string; value: string | null; visibility: string }[] {
    return ss._developerMetadata._entries.map((e) => ({ key: e._key, value: e._value, visibility: e._visibility }));
  }
}

function describeRange(range: FakeRange): string {
  return `${quoteSheetName(range._sheet._name)}!${range._a1()}`;
}

/**
 * A person editing a sheet in the Sheets editor: what a team does to its own log and roster
 * (adds rows, types formulas, merges, colours, notes, hides, deletes and renames) that the bundle
 * must cope with. The same checks and messages as Sheets gives.
 */
export class SheetsUser {
  constructor(private readonly host: TestSideHost) {}

  /** Adds a row after the last one with content, typed as a person types it (a form answer lands the same way). */
  appendRow(sheetName: string, row: unknown[], ss?: FakeSpreadsheet): void {
    this.host.sheet(sheetName, ss)._appendRow(row);
  }

  /** Types `formula` into every cell of `a1`. */
  setFormula(sheetName: string, a1: string, formula: string, ss?: FakeSpreadsheet): void {
    checkCellLength(formula);
    rangeOf(this.host, sheetName, a1, ss)._each((c) => {
      c.formula = formula;
      c.value = FORMULA_MARKER;
    });
  }

  /** Merges the cells of `a1` (Format > Merge cells), undoing merges it overlaps. */
  merge(sheetName: string, a1: string, ss?: FakeSpreadsheet): void {
    const sheet = this.host.sheet(sheetName, ss);
    const box = rangeOf(this.host, sheetName, a1, ss)._box();
    sheet._merges = sheet._merges.filter((m) => !overlaps(m, box));
    sheet._merges.push(box);
  }

  setBackground(sheetName: string, a1: string, color: string, ss?: FakeSpreadsheet): void {
    rangeOf(this.host, sheetName, a1, ss)._each((c) => {
      c.background = color;
    });
  }

  setNote(sheetName: string, a1: string, note: string, ss?: FakeSpreadsheet): void {
    rangeOf(this.host, sheetName, a1, ss)._each((c) => {
      c.note = note;
    });
  }

  /** Hides `count` columns from `first` (1-based). */
  hideColumns(sheetName: string, first: number, count = 1, ss?: FakeSpreadsheet): void {
    const sheet = this.host.sheet(sheetName, ss);
    for (let c = first; c < first + count; c++) sheet._hiddenColumns.add(c);
  }

  /** Deletes `count` columns from `first` (1-based); the columns to their right move left. */
  deleteColumns(sheetName: string, first: number, count = 1, ss?: FakeSpreadsheet): void {
    const sheet = this.host.sheet(sheetName, ss);
    if (first < 1 || count < 1 || first + count - 1 > sheet._maxCols)
      throw new Error('Those columns are out of bounds.');
    if (count >= sheet._maxCols) throw new Error("You can't delete all the columns on the sheet.");
    for (const row of sheet._grid) row?.splice(first - 1, count);
    sheet._maxCols -= count;
  }

  /** Deletes `count` rows from `first` (1-based); the rows below move up. */
  deleteRows(sheetName: string, first: number, count: number, ss?: FakeSpreadsheet): void {
    const sheet = this.host.sheet(sheetName, ss);
    if (first < 1 || count < 1 || first + count - 1 > sheet._maxRows) throw new Error('Those rows are out of bounds.');
    if (count >= sheet._maxRows) throw new Error("You can't delete all the rows on the sheet.");
    sheet._grid.splice(first - 1, count);
    sheet._maxRows -= count;
  }

  /** Renames a sheet (its tab); refused when another sheet has the name. */
  renameSheet(sheetName: string, newName: string, ss?: FakeSpreadsheet): void {
    const sheet = this.host.sheet(sheetName, ss);
    if (newName !== sheet._name && sheet._ss._sheetNamed(newName))
      throw new Error(`A sheet with the name "${newName}" already exists. Please enter another name.`);
    sheet._name = newName;
  }

  /** Selects the cells of `a1`, making their sheet the active one. */
  select(sheetName: string, a1: string, ss?: FakeSpreadsheet): void {
    const range = rangeOf(this.host, sheetName, a1, ss);
    range._sheet._select(range);
  }
}
