/**
 * The sheet functions' logic, on the values Sheets passes: a single value, or a 2-D array for
 * a range ('' for blank cells, Date for date cells). Errors are thrown with messages a sheet
 * user can act on; Sheets shows them on the #ERROR! cell.
 */
import { dayOfInstant, dayToIso, readDay, type DateReadOptions, type Day } from '../base/dates';
import { ACCEPTED_OUTCOME_SPELLINGS, readOutcome, readPrompted } from '../sheets/log';
import { categoryFor, acceptanceRate, emptyOutcomes } from '../audit/rates';
import { describeValue, isBlankCell, memberKey, plural, sheetErrorIn } from '../base/text';
import { DEFAULT_SETTINGS, type Category } from '../base/types';

type Cell = unknown;

function isRange(value: unknown): value is Cell[][] {
  return Array.isArray(value) && value.every((row) => Array.isArray(row));
}

function asRange(value: unknown): Cell[][] {
  if (isRange(value)) return value;
  if (Array.isArray(value)) return [value];
  return [[value]];
}

/** "(row 2, column 3 of the range)" for a range argument, '' for a single value. */
function position(range: boolean, row: number, col: number, name = 'the range'): string {
  return range ? ` (row ${row + 1}, column ${col + 1} of ${name})` : '';
}

function readThreshold(value: unknown, fallback: number, name: string): number {
  if (isBlankCell(value)) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new Error(`${name} must be a number of uses per week, 0 or more; got ${describeValue(value)}.`);
  }
  return value;
}

/** ADOPTION_CATEGORY: the category of a number of uses per week, or of each cell of a range. */
export function adoptionCategory(
  uses: unknown,
  genuineAt?: unknown,
  developingAt?: unknown,
): Category | '' | (Category | '')[][] {
  const settings = {
    genuineAt: readThreshold(genuineAt, DEFAULT_SETTINGS.genuineAt, 'genuine_at'),
    developingAt: readThreshold(developingAt, DEFAULT_SETTINGS.developingAt, 'developing_at'),
  };
  if (settings.developingAt > settings.genuineAt) {
    const byDefault = isBlankCell(developingAt);
    throw new Error(
      `developing_at (${byDefault ? 'default ' : ''}${settings.developingAt}) must not be above genuine_at (${settings.genuineAt})` +
        `${byDefault ? ': give developing_at too' : ''}.`,
    );
  }
  const range = Array.isArray(uses);
  const result = asRange(uses).map((row, r) =>
    row.map((cell, c): Category | '' => {
      if (isBlankCell(cell)) return '';
      if (typeof cell !== 'number' || !Number.isFinite(cell)) {
        const error = sheetErrorIn(cell);
        const what = error ? `the error ${error}` : describeValue(cell);
        throw new Error(`ADOPTION_CATEGORY needs uses per week as a number; got ${what}${position(range, r, c)}.`);
      }
      if (cell < 0)
        throw new Error(`ADOPTION_CATEGORY: uses per week cannot be negative; got ${cell}${position(range, r, c)}.`);
      return categoryFor(cell, settings);
    }),
  );
  return range ? result : result[0][0];
}

/** ACCEPTANCE_RATE: (used as-is + light edit) ÷ every recognised outcome, blanks ignored. */
export function acceptanceRateOf(outcomes: unknown): number {
  const range = Array.isArray(outcomes);
  const counts = emptyOutcomes();
  asRange(outcomes).forEach((row, r) =>
    row.forEach((cell, c) => {
      if (isBlankCell(cell)) return;
      const outcome = readOutcome(cell);
      if (outcome === null) {
        const error = sheetErrorIn(cell);
        throw new Error(
          `ACCEPTANCE_RATE: ${error ? `the error ${error}` : describeValue(cell)}${position(range, r, c)} is not an outcome. ` +
            `Accepted spellings: ${ACCEPTED_OUTCOME_SPELLINGS.join(', ')}.`,
        );
      }
      counts[outcome]++;
    }),
  );
  const rate = acceptanceRate(counts);
  if (rate === null) throw new Error('ACCEPTANCE_RATE: there is no outcome to rate: the cells are blank.');
  return rate;
}

function flatten(range: Cell[][]): Cell[] {
  const cells: Cell[] = [];
  for (const row of range) for (const cell of row) cells.push(cell);
  return cells;
}

/** Where cell i of a flattened range sits, for messages. */
function flatPosition(range: Cell[][], index: number, name: string): string {
  const width = range[0]?.length ?? 1;
  return ` (row ${Math.floor(index / width) + 1}${width > 1 ? `, column ${(index % width) + 1}` : ''} of ${name})`;
}

/**
 * USES_PER_WEEK: the member's unprompted runs per week in the weeks×7 days ending on as_of
 * inclusive. as_of defaults to the latest date in `dates` so the result stays deterministic.
 */
export function usesPerWeek(
  dates: unknown,
  members: unknown,
  member: unknown,
  asOf: unknown,
  weeks: unknown,
  prompted: unknown,
  options: DateReadOptions & { now?: number },
): number {
  const columns = usesColumns(dates, members, prompted);
  if (typeof member !== 'string' || !member.trim()) {
    throw new Error(`USES_PER_WEEK: member must be a team member's name or email; got ${describeValue(member)}.`);
  }
  const windowWeeks = readWindowWeeks(weeks);
  const asOfDay = isBlankCell(asOf) ? latestDay(columns, options) : givenAsOf(asOf, options);
  return countUses(columns, memberKey(member), asOfDay - 7 * windowWeeks + 1, asOfDay, options) / windowWeeks;
}

/** USES_PER_WEEK's ranges, each flattened, and the shapes its messages name positions in. */
interface UsesColumns {
  dateRange: Cell[][];
  dateCells: Cell[];
  memberCells: Cell[];
  /** null when prompted is not given. */
  promptedRange: Cell[][] | null;
  promptedCells: Cell[] | null;
}

/** The dates, members and (optional) prompted ranges, which must be of one size. */
function usesColumns(dates: unknown, members: unknown, prompted: unknown): UsesColumns {
  const dateRange = asRange(dates);
  const dateCells = flatten(dateRange);
  const memberCells = flatten(asRange(members));
  if (dateCells.length !== memberCells.length) {
    throw new Error(
      `USES_PER_WEEK: dates and members must be ranges of the same size; dates has ${plural(dateCells.length, 'cell')}, members ${memberCells.length}.`,
    );
  }
  const hasPrompted = prompted !== undefined && !(isBlankCell(prompted) && !Array.isArray(prompted));
  const promptedRange = hasPrompted ? asRange(prompted) : null;
  const promptedCells = promptedRange ? flatten(promptedRange) : null;
  if (promptedCells && promptedCells.length !== dateCells.length) {
    throw new Error(
      `USES_PER_WEEK: prompted must be the same size as dates; dates has ${plural(dateCells.length, 'cell')}, prompted ${promptedCells.length}.`,
    );
  }
  return { dateRange, dateCells, memberCells, promptedRange, promptedCells };
}

/** The weeks argument: blank is 1. */
function readWindowWeeks(weeks: unknown): number {
  if (isBlankCell(weeks)) return 1;
  if (typeof weeks !== 'number' || !Number.isInteger(weeks) || weeks < 1) {
    throw new Error(`USES_PER_WEEK: weeks must be a whole number of weeks, 1 or more; got ${describeValue(weeks)}.`);
  }
  return weeks;
}

/** as_of when it is left blank: the latest date of the dates range, which must not be after today. */
function latestDay({ dateRange, dateCells }: UsesColumns, options: DateReadOptions & { now?: number }): Day {
  let latest: Day | null = null;
  let latestAt = -1;
  for (let i = 0; i < dateCells.length; i++) {
    const cell = dateCells[i];
    if (isBlankCell(cell)) continue;
    const read = readDay(cell, options);
    if (read.ok && (latest === null || read.day > latest)) {
      latest = read.day;
      latestAt = i;
    }
  }
  if (latest === null)
    throw new Error('USES_PER_WEEK: the dates range holds no date, so there is no as_of date; give as_of.');
  // One mistyped future date would silently move the window past every run: say so instead.
  const today = dayOfInstant(options.now ?? Date.now(), options.timeZone);
  if (latest > today) {
    throw new Error(
      `USES_PER_WEEK: the latest date${flatPosition(dateRange, latestAt, 'dates')} is ${dayToIso(latest)}, after today; correct it, or give as_of.`,
    );
  }
  return latest;
}

function givenAsOf(asOf: unknown, options: DateReadOptions): Day {
  const read = readDay(asOf, options);
  if (!read.ok) throw new Error(`USES_PER_WEEK: as_of is not a date: ${read.reason}.`);
  return read.day;
}

/** The member's unprompted runs from `start` to `end` inclusive. */
function countUses(columns: UsesColumns, wanted: string, start: Day, end: Day, options: DateReadOptions): number {
  const { dateRange, dateCells, memberCells, promptedRange, promptedCells } = columns;
  let count = 0;
  for (let i = 0; i < memberCells.length; i++) {
    const name = memberCells[i];
    if (typeof name !== 'string' || memberKey(name) !== wanted) continue;
    const read = readDay(dateCells[i], options);
    if (!read.ok) throw new Error(`USES_PER_WEEK: ${read.reason}${flatPosition(dateRange, i, 'dates')}.`);
    if (read.day < start || read.day > end) continue;
    if (promptedCells) {
      const flag = readPrompted(promptedCells[i]);
      if (flag === null) {
        throw new Error(
          `USES_PER_WEEK: prompted is ${describeValue(promptedCells[i])}${flatPosition(promptedRange!, i, 'prompted')}; use yes/no or a checkbox.`,
        );
      }
      if (flag) continue;
    }
    count++;
  }
  return count;
}
