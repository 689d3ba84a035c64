/**
 * Room to write: `getRange` past a sheet's last row or column throws "The coordinates of the
 * range are outside the dimensions of the sheet", and a new sheet has 1,000 rows and 26
 * columns ("Class Sheet", https://developers.google.com/apps-script/reference/spreadsheet/sheet,
 * insertRowsAfter and insertColumnsAfter). Every sheet Uptake appends to grows first.
 */
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Grows the sheet so that it has at least `rows` rows and `columns` columns. */
export function growTo(sheet: Sheet, rows: number, columns = 0): void {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  if (columns > 0) {
    const maxColumns = sheet.getMaxColumns();
    if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
  }
}
