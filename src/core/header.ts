/** Finding the team's columns by their header text (spec §1), wherever the header row sits. */
import { headerKey, columnLetter, cellText } from './text';

export interface FieldSpec<F extends string> {
  field: F;
  label: string;
  required: boolean;
  /** Accepted header names, in order of preference when two columns match the same field. */
  names: string[];
}

export interface HeaderMatch<F extends string> {
  /** 0-based index of the header row in the values. */
  rowIndex: number;
  columns: Partial<Record<F, number>>;
  /** Human-readable notes about ambiguous headers (which column was read and why). */
  notices: string[];
}

export class HeaderNotFoundError extends Error {
  constructor(
    message: string,
    readonly missing: string[],
    readonly headersFound: string[],
  ) {
    super(message);
    this.name = 'HeaderNotFoundError';
  }
}

/** How far down a sheet a header row may sit below titles. */
const HEADER_SEARCH_ROWS = 30;

function matchRow<F extends string>(row: unknown[], specs: FieldSpec<F>[]) {
  const columns: Partial<Record<F, number>> = {};
  const rank: Partial<Record<F, number>> = {};
  const notices: string[] = [];
  row.forEach((cell, col) => {
    const key = headerKey(cellText(cell));
    if (!key) return;
    for (const spec of specs) {
      const preference = spec.names.findIndex((name) => headerKey(name) === key);
      if (preference < 0) continue;
      const current = columns[spec.field];
      if (current === undefined) {
        columns[spec.field] = col;
        rank[spec.field] = preference;
      } else {
        const keep = preference < rank[spec.field]! ? col : current;
        const other = keep === col ? current : col;
        notices.push(
          `Columns ${columnLetter(current)} and ${columnLetter(col)} could both be the ${spec.label} column; ` +
            `Uptake reads column ${columnLetter(keep)} ("${cellText(row[keep])}") and ignores ${columnLetter(other)}.`,
        );
        columns[spec.field] = keep;
        rank[spec.field] = Math.min(preference, rank[spec.field]!);
      }
      break;
    }
  });
  return { columns, notices };
}

/**
 * The first row (of the first 30) holding every required header. Rows above it are titles.
 * Throws HeaderNotFoundError naming each missing column and the headers of the closest row.
 */
export function findHeader<F extends string>(values: unknown[][], specs: FieldSpec<F>[], what: string): HeaderMatch<F> {
  const required = specs.filter((spec) => spec.required);
  let best: { rowIndex: number; found: number } = { rowIndex: -1, found: -1 };
  const limit = Math.min(values.length, HEADER_SEARCH_ROWS);
  for (let rowIndex = 0; rowIndex < limit; rowIndex++) {
    const { columns, notices } = matchRow(values[rowIndex] ?? [], specs);
    const found = required.filter((spec) => columns[spec.field] !== undefined).length;
    if (found === required.length) return { rowIndex, columns, notices };
    if (found > best.found) best = { rowIndex, found };
  }
  const bestRow = best.rowIndex >= 0 ? values[best.rowIndex] ?? [] : [];
  const { columns } = matchRow(bestRow, specs);
  const missing = required.filter((spec) => columns[spec.field] === undefined);
  const headersFound = bestRow.map(cellText).filter(Boolean);
  const accepted = missing.map((spec) => `${spec.label} (${spec.names.map((n) => `"${n}"`).join(', ')})`).join('; ');
  const where = best.found > 0 ? `row ${best.rowIndex + 1}` : 'the first rows';
  const found = headersFound.length ? headersFound.map((h) => `"${h}"`).join(', ') : 'none';
  throw new HeaderNotFoundError(
    `The ${what} has no header row with the columns Uptake needs. Missing: ${accepted}. ` +
      `Headers found on ${where}: ${found}.`,
    missing.map((spec) => spec.label),
    headersFound,
  );
}
