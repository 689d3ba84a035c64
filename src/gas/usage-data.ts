/**
 * The usage exports in the spreadsheet (spec §15): any sheet whose header row is one of the four
 * shapes. A sheet costs the read of its first rows until it is found to be an export; only an
 * export is read whole; the same export present twice is read once. Uptake never writes to these sheets.
 */
import type { DateReadOptions } from '../core/base/dates';
import type { RosterMember } from '../core/base/types';
import { duplicateSources, membersByEmail, readUsageSource, UsageSourceRefused } from '../core/usage/read';
import { detectUsageShape } from '../core/usage/shapes';
import type { UsageSheets } from '../core/usage/types';
import type { Workbook } from './workbook';

/** Every usage export among the sheets not in `skip` (the log, the roster, Uptake's own). */
export function readUsageSheets(
  book: Workbook,
  skip: readonly string[],
  members: readonly RosterMember[],
  dates: DateReadOptions,
): UsageSheets {
  const roster = membersByEmail(members);
  const found: UsageSheets = { sources: [], refused: [] };
  for (const { sheet, name } of book.sheets()) {
    if (skip.includes(name) || !detectUsageShape(book.headRows(sheet))) continue;
    try {
      found.sources.push(readUsageSource(name, book.values(sheet), roster, dates));
    } catch (error) {
      if (!(error instanceof UsageSourceRefused)) throw error;
      found.refused.push({ source: name, message: error.message });
    }
  }
  const { sources, duplicates } = duplicateSources(found.sources);
  return { sources, refused: [...found.refused, ...duplicates] };
}
