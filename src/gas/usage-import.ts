/**
 * Import usage export (spec §15, sidebar, owner only): the CSV text the page read from the file
 * the owner chose goes as-is into a new sheet named after its tool and period. Every cell is
 * written as text (number format '@' before setValues): a cell starting with = + - @ stays what
 * the export says, never a formula, and a date stays the export's text. Uptake never writes to
 * that sheet again. A refused file, or a spreadsheet without room for it, leaves nothing behind.
 */
import { SPREADSHEET_CELL_LIMIT } from '../core/setup-check/checks';
import { TEXT_FORMAT } from '../core/base/cell-formats';
import { planUsageImport, UsageImportRefused } from '../core/usage/import';
import { periodRange } from '../core/usage/wording';
import { formatCount, plural } from '../core/base/text';
import type { UsageImportRequest, UsageImportResult } from '../shared/api';
import { withDocumentLock } from './document-lock';
import { growTo } from './sheet-size';
import { readUsageSheets } from './usage-data';
import { Workbook } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const LOCK_WAIT_MS = 10_000;
/** A new sheet's size ("Class Sheet": insertSheet makes 1,000 rows and 26 columns). */
const NEW_SHEET_ROWS = 1000;
const NEW_SHEET_COLUMNS = 26;

/** Refuses a file the spreadsheet has no room for, before a sheet is made. */
function checkRoom(book: Workbook, rows: number, columns: number, fileName: string): void {
  const used = book.sheets().reduce((sum, { sheet }) => sum + sheet.getMaxRows() * sheet.getMaxColumns(), 0);
  const needed = Math.max(rows, NEW_SHEET_ROWS) * Math.max(columns, NEW_SHEET_COLUMNS);
  if (used + needed > SPREADSHEET_CELL_LIMIT)
    throw new UsageImportRefused(
      `${fileName} needs ${formatCount(needed)} cells and this spreadsheet already has ${formatCount(used)} ` +
        `of the ${formatCount(SPREADSHEET_CELL_LIMIT)} a spreadsheet holds ("Files you can store in Google Drive"). ` +
        'Delete an old export sheet, or export a shorter period. Nothing was imported.',
    );
}

export function importUsageExport(spreadsheet: Spreadsheet, request: UsageImportRequest): UsageImportResult {
  return withDocumentLock(
    LOCK_WAIT_MS,
    'Another Uptake action is writing to this spreadsheet: try again in a minute. Nothing was imported.',
    () => {
      const book = new Workbook(spreadsheet);
      const names = book.sheets().map((s) => s.name);
      const dates = book.dateOptions();
      // An empty roster: the fingerprint of what an export says does not depend on it.
      const existing = readUsageSheets(book, [], [], dates).sources;
      const plan = planUsageImport(request.fileName, request.text, names, dates, existing);
      checkRoom(book, plan.rows.length, plan.width, request.fileName);
      // insertSheet makes the new sheet the active one; a failed import gives the owner's view back.
      const active = spreadsheet.getActiveSheet();
      const sheet = spreadsheet.insertSheet(plan.sheetName, names.length);
      try {
        growTo(sheet, plan.rows.length, plan.width);
        sheet.getRange(1, 1, plan.rows.length, plan.width).setNumberFormat(TEXT_FORMAT).setValues(plan.rows);
      } catch (error) {
        // Half a file would be read as the whole export: the new sheet goes.
        spreadsheet.deleteSheet(sheet);
        active.activate();
        const why = (error as Error).message.replace(/\.$/, '');
        // google.script.run carries only the message to the page, so no cause is attached.
        // eslint-disable-next-line preserve-caught-error
        throw new Error(`${request.fileName} could not be written (${why}). Nothing was imported.`);
      }
      const s = plan.summary;
      const days = s.from !== null && s.to !== null ? ` from ${periodRange(s.from, s.to)}` : '';
      const skipped =
        plan.skipped > 0 ? ` ${plural(plan.skipped, 'row')} could not be read: the Usage section lists them.` : '';
      return {
        sheet: plan.sheetName,
        message: `Imported ${request.fileName} into the new sheet "${plan.sheetName}": ${plural(s.rows, 'row')} of ${s.tool}${days}.${skipped}`,
      };
    },
  );
}
