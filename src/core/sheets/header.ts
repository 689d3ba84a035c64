/** Finding the team's columns by their header text (spec §1), wherever the header row sits. */
import { headerKey, columnLetter, cellText, describeValue } from '../base/text';

export interface FieldSpec<F extends string> {
  field: F;
  label: string;
  required: boolean;
  /** Accepted header names, in order of preference when two columns match the same field. */
  names: string[];
  /**
   * Names of `names` that yield to any other name of this field without a notice: when both
   * columns are there, the other is read and this one is ignored as expected.
   */
  quietFallbacks?: string[];
}

export interface HeaderMatch<F extends string> {
  /** 0-based index of the header row in the values. */
  rowIndex: number;
  columns: Partial<Record<F, number>>;
  /** Human-readable notes about ambiguous headers (which column was read and why). */
  notices: string[];
}

export class HeaderNotFoundError extends Error {
  /** The sheet, when the header was looked for on one of several (a log over several sheets). */
  sheet?: string;

  constructor(
    message: string,
    readonly missing: string[],
    readonly headersFound: string[],
  ) {
    super(message);
    this.name = 'HeaderNotFoundError';
  }
}

/** How far down a sheet a header row may sit below titles: the rows Uptake reads to find it. */
export const HEADER_SEARCH_ROWS = 30;

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
        if (!isQuietFallback(spec, row[other]))
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

function isQuietFallback<F extends string>(spec: FieldSpec<F>, cell: unknown): boolean {
  const key = headerKey(cellText(cell));
  return (spec.quietFallbacks ?? []).some((name) => headerKey(name) === key);
}

/** Edit distance with adjacent transpositions ("Dtae" is one step from "date"). */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * Header cells of `row` that no field claims but that are a typo away from a header of a field
 * in `missing` ("Promted"): said aloud, because a column read as absent changes the figures
 * silently (without Prompted every run counts toward adoption).
 */
function typoHints<F extends string>(row: unknown[], claimed: Set<number>, missing: FieldSpec<F>[]): string[] {
  const hints: string[] = [];
  row.forEach((cell, col) => {
    if (claimed.has(col)) return;
    const key = headerKey(cellText(cell));
    if (key.length < 3 || key.length > 40) return;
    const spec = missing.find((s) =>
      s.names.some((name) => editDistance(key, headerKey(name)) <= (key.length <= 5 ? 1 : 2)),
    );
    if (spec)
      hints.push(
        `Column ${columnLetter(col)} (${describeValue(cell)}) looks like the ${spec.label} column but is not read: name it "${spec.label}".`,
      );
  });
  return hints;
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
    if (found === required.length) {
      const claimed = new Set(Object.values(columns) as number[]);
      const absent = specs.filter((spec) => columns[spec.field] === undefined);
      return { rowIndex, columns, notices: [...notices, ...typoHints(values[rowIndex] ?? [], claimed, absent)] };
    }
    if (found > best.found) best = { rowIndex, found };
  }
  const bestRow = best.rowIndex >= 0 ? (values[best.rowIndex] ?? []) : [];
  const { columns } = matchRow(bestRow, specs);
  const missing = required.filter((spec) => columns[spec.field] === undefined);
  const headersFound = bestRow.map(cellText).filter(Boolean);
  const accepted = missing.map((spec) => `${spec.label} (${spec.names.map((n) => `"${n}"`).join(', ')})`).join('; ');
  const where = best.found > 0 ? `row ${best.rowIndex + 1}` : `the first ${HEADER_SEARCH_ROWS} rows`;
  // Quoted and shortened: a pasted paragraph in a header cell must not make the message a page long.
  const found = headersFound.length ? headersFound.map(describeValue).join(', ') : 'none';
  const claimed = new Set(Object.values(columns) as number[]);
  const hints = best.found > 0 ? typoHints(bestRow, claimed, missing) : [];
  throw new HeaderNotFoundError(
    `The ${what} has no header row with the columns Uptake needs. Missing: ${accepted}. ` +
      `Headers found on ${where}: ${found}.${hints.map((h) => ` ${h}`).join('')}`,
    missing.map((spec) => spec.label),
    headersFound,
  );
}
