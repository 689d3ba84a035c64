export interface GridRef {
  sheetName: string | null;
  row: number;
  col: number;
  /** null: to the sheet's last row/column (A2:A, A:A, 1:1). */
  endRow: number | null;
  endCol: number | null;
}

export function columnLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function a1Cell(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

export function a1Range(row: number, col: number, numRows: number, numCols: number): string {
  const start = a1Cell(row, col);
  return numRows === 1 && numCols === 1 ? start : `${start}:${a1Cell(row + numRows - 1, col + numCols - 1)}`;
}

export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

const PART = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;

/** Parses A1, A1:B2, A:A, A2:A, 1:3, with an optional Sheet! or 'My Sheet'! prefix. */
export function parseA1(input: string): GridRef {
  let text = input.trim();
  let sheetName: string | null = null;
  const bang = text.lastIndexOf('!');
  if (bang >= 0) {
    let name = text.slice(0, bang);
    if (name.startsWith("'") && name.endsWith("'") && name.length >= 2) name = name.slice(1, -1).replace(/''/g, "'");
    sheetName = name;
    text = text.slice(bang + 1);
  }
  const [a, b, extra] = text.split(':');
  if (extra !== undefined || !a) throw new Error('Range not found');
  const p1 = PART.exec(a);
  const p2 = b === undefined ? p1 : PART.exec(b);
  if (!p1 || !p2) throw new Error('Range not found');
  const c1 = p1[1] ? columnNumber(p1[1]) : null;
  const r1 = p1[2] ? Number(p1[2]) : null;
  const c2 = p2[1] ? columnNumber(p2[1]) : null;
  const r2 = p2[2] ? Number(p2[2]) : null;
  if ((c1 === null && r1 === null) || (b === undefined && (c1 === null || r1 === null)))
    throw new Error('Range not found');
  if (r1 === 0 || r2 === 0) throw new Error('Range not found');
  const row = Math.min(r1 ?? 1, r2 ?? r1 ?? 1);
  const col = Math.min(c1 ?? 1, c2 ?? c1 ?? 1);
  const endRow = r1 === null || r2 === null ? null : Math.max(r1, r2);
  const endCol = c1 === null || c2 === null ? null : Math.max(c1, c2);
  return { sheetName, row, col, endRow, endCol };
}
