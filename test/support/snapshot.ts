// One snapshot of the in-memory Apps Script's state, for tests that assert a call changed nothing
// (or only what it should): take it before, take it after, compare.
import crypto from 'node:crypto';
import { isDate } from '../../src/core/base/text';
import type { FakeGas, FakeSheet, FakeSpreadsheet } from '../../packages/fake-apps-script';

export interface SnapshotOptions {
  /** Only these sheets of the active spreadsheet (default: every sheet). */
  sheets?: readonly string[];
  /** Sheets left out, e.g. Uptake's own sheets that a call is allowed to write. */
  except?: readonly string[];
  /** Every spreadsheet the in-memory Apps Script holds, each with its developer metadata, not only the active one. */
  allSpreadsheets?: boolean;
  /** The services a call could change too: document properties, triggers, mail sent, selection, forms. */
  services?: boolean;
  /** Users whose user properties are part of the state (with `services`). */
  users?: readonly string[];
  /** `false` leaves the cells' data validation out, for a call that may add dropdowns but change nothing else. */
  validations?: boolean;
}

/** A cell with nothing in it, as `cellState` writes it. */
const BLANK_CELL = JSON.stringify({ value: { string: '' } });

function cellState(cell: Record<string, unknown>, validations: boolean): unknown {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(cell)) {
    if (key === 'value') out.value = isDate(value) ? { date: value.toISOString() } : { [typeof value]: value };
    else if (key === 'validation' && !validations) continue;
    else if (key === 'validation' && value) {
      const v = value as { criteria: unknown; values: unknown; allowInvalid: unknown; helpText: unknown };
      out.validation = { criteria: v.criteria, values: v.values, allowInvalid: v.allowInvalid, helpText: v.helpText };
    } else out[key] = value;
  }
  return out;
}

/**
 * Everything a person could see change in a sheet: every cell's value (with its type),
 * formula, number format, validation, font and colours, plus the sheet's name, position, size,
 * merges, frozen rows, widths, hidden state and charts. Hashed, so a 100,000-row
 * log compares quickly.
 */
export function sheetSnapshot(sheet: FakeSheet, validations = true): string {
  const state = {
    name: sheet._name,
    index: sheet._ss._sheets.indexOf(sheet),
    size: [sheet._maxRows, sheet._maxCols],
    frozen: [sheet._frozenRows, sheet._frozenCols],
    merges: sheet._merges,
    hidden: sheet._hidden,
    tabColor: sheet._tabColor,
    widths: [...sheet._columnWidths],
    heights: [...sheet._rowHeights],
    hiddenColumns: [...sheet._hiddenColumns],
    charts: sheet._charts.length,
  };
  const hash = crypto.createHash('sha256').update(JSON.stringify(state));
  sheet._grid.forEach((row, r) => {
    if (!row) return;
    row.forEach((cell, c) => {
      if (!cell) return;
      const state = JSON.stringify(cellState(cell as unknown as Record<string, unknown>, validations));
      // Without validations, a cell made only to hold a dropdown reads as the blank it was before.
      if (!validations && state === BLANK_CELL) return;
      hash.update(`${r},${c}:${state}\n`);
    });
  });
  return `${JSON.stringify(state).slice(0, 200)}#${hash.digest('hex')}`;
}

function sheetsOf(ss: FakeSpreadsheet, options: SnapshotOptions): Record<string, string> {
  const out: Record<string, string> = {};
  for (const sheet of ss._sheets) {
    if (options.sheets && !options.sheets.includes(sheet._name)) continue;
    if (options.except?.includes(sheet._name)) continue;
    out[sheet._name] = sheetSnapshot(sheet, options.validations ?? true);
  }
  return out;
}

function servicesOf(gas: FakeGas, users: readonly string[]) {
  return {
    document: gas.properties.forDocument(gas.spreadsheet._id).getProperties(),
    users: users.map((user) => gas.properties.forUser(user).getProperties()),
    triggers: gas.triggers.records,
    mail: gas.mail.sent,
    selection: gas.inspect.selection(),
    forms: [...gas.forms.forms.values()].map((form) => [
      form._id,
      form._published,
      form._items.map((item) => [item.title, item.choices]),
    ]),
  };
}

/**
 * The state of the in-memory Apps Script, as a string to compare with `toBe`/`toEqual`: the
 * sheets of the active spreadsheet (or of every spreadsheet), and with `services` the
 * properties, triggers, mail, selection and forms.
 */
export function snapshot(gas: FakeGas, options: SnapshotOptions = {}): string {
  const spreadsheets = options.allSpreadsheets
    ? [...gas.spreadsheets.values()].map((ss) => ({
        id: ss._id,
        sheets: sheetsOf(ss, options),
        metadata: ss.getDeveloperMetadata().map((m) => [m.getKey(), m.getValue()]),
      }))
    : sheetsOf(gas.spreadsheet, options);
  return JSON.stringify({ spreadsheets, ...(options.services ? servicesOf(gas, options.users ?? []) : {}) });
}
