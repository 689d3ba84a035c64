/**
 * Rows of the "Uptake sent" sheet that a run cannot read, and what the owner is told about them:
 * which rows and cells, why, and how to put them right. Until then a run sends nothing it would
 * have to look up (sent-records.ts, recordingProblem): what those rows record cannot be told.
 */
import { plural } from '../base/text';

/** One row a run could not read, as the owner finds it in the sheet. */
export interface UnreadableRow {
  /** Its row number in the sheet (the header is row 1). */
  row: number;
  /**
   * 'other-key': its Key is a fingerprint this spreadsheet's key does not give (the document's
   * properties were cleared, or the row was copied from another spreadsheet). 'not-text': its
   * Key, or a tag of a keyed row, is a number or a date where Uptake wrote text.
   */
  reason: 'other-key' | 'not-text';
  /** The headers of the cells that made it unreadable, in the sheet's order. */
  columns: string[];
}

/** Rows named in the message, per reason; the others are counted. */
export const ROWS_NAMED = 10;

/**
 * Google's help on earlier versions of a file ("Find what's changed in a file",
 * https://support.google.com/docs/answer/190843): File › Version history › See version history,
 * where a version can be restored (undoing every later change) or its cells copied. The message
 * names the help page by its title: the server code carries no URL (test/bad-input/scopes.test.ts).
 */
const VERSION_HELP = 'Google\'s Docs Editors Help "Find what\'s changed in a file"';

/** "row 3 (Team member), row 7 (Key, Recipient) and 4 more rows". */
export function namedRows(rows: readonly UnreadableRow[], most = ROWS_NAMED): string {
  const named = rows.slice(0, most).map((r) => `row ${r.row} (${r.columns.join(', ')})`);
  const others = rows.length - named.length;
  if (others > 0) return `${named.join(', ')} and ${plural(others, 'more row')}`;
  if (named.length === 1) return named[0];
  return `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`;
}

/** What the owner is told, in the daily run's problem email and in Check set-up. */
export function unreadableRowsProblem(rows: readonly UnreadableRow[]): string {
  const notText = rows.filter((r) => r.reason === 'not-text');
  const otherKey = rows.filter((r) => r.reason === 'other-key');
  const total = plural(rows.length, 'row');
  const lines = [
    `Uptake cannot tell what ${total} of the "Uptake sent" sheet ${rows.length === 1 ? 'records' : 'record'}, ` +
      'so the daily run sends no reminder and no digest rather than send one twice.',
  ];
  if (notText.length)
    lines.push(
      'A number or a date where Uptake wrote text (Sheets can turn text into one when rows are pasted back or imported): ' +
        `${namedRows(notText)}.`,
    );
  if (otherKey.length)
    lines.push(
      'Tagged with a key this spreadsheet does not hold (its document properties were cleared, or the rows were copied from another spreadsheet): ' +
        `${namedRows(otherKey)}.`,
    );
  const [them, they] = rows.length === 1 ? ['that row', 'it records'] : ['those rows', 'they record'];
  lines.push(
    `To fix it, either bring back ${them} as Uptake wrote ${rows.length === 1 ? 'it' : 'them'} from an earlier version of the spreadsheet ` +
      `(File › Version history › See version history; ${VERSION_HELP}): ` +
      'restoring a version undoes every later change, so you may rather copy the cells from it into cells formatted as plain text (Format › Number › Plain text). ' +
      `Or delete ${them}, knowing that the reminders and digests ${they} may be sent once more.`,
  );
  if (otherKey.length)
    lines.push(
      'Rows copied from another spreadsheet can instead be moved to a sheet of another name: Uptake reads only the "Uptake sent" sheet.',
    );
  return lines.join(' ');
}
