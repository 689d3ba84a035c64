//  Number formats Uptake sets on the cells it writes.

/** Plain text: a cell starting with = + - @ stays what was typed instead of becoming a formula. */
export const TEXT_FORMAT = '@';

/** The date format of the date columns Uptake creates: unambiguous in every locale. */
export const DATE_FORMAT = 'yyyy-mm-dd';

/** The longest text a Sheets cell holds; a longer write throws. */
export const CELL_TEXT_LIMIT = 50_000;

/** Text that fits one cell: longer text (a pasted page quoted in a message) is cut and marked. */
export function fitCell(text: string): string {
  return text.length > CELL_TEXT_LIMIT ? `${text.slice(0, CELL_TEXT_LIMIT - 1)}…` : text;
}
