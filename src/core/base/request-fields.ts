// The checks every sidebar form's fields share (Log a run, Record an intervention): one rule for
// a text field and one for the date of something that has happened. Each throws an Error whose
// message names the field, for the form to show; nothing is written then.
import { CELL_TEXT_LIMIT } from './cell-formats';
import { dayToIso, isoToDay, type Day } from './dates';

/**
 * A text field as a cell will hold it: runs of spaces folded to one, trimmed. `what` is the
 * field's label ("Team member"). Missing is ''; anything but text, or longer than a cell holds,
 * is refused, and so is '' when `required`.
 */
export function textField(value: unknown, what: string, required = false): string {
  if (value !== undefined && value !== null && typeof value !== 'string') throw new Error(`${what} must be text.`);
  const text = (typeof value === 'string' ? value : '').replace(/\s+/g, ' ').trim();
  if (required && !text) throw new Error(`Enter the ${what.toLowerCase()}.`);
  if (text.length > CELL_TEXT_LIMIT)
    throw new Error(`${what} is ${text.length} characters long; a cell holds at most ${CELL_TEXT_LIMIT}.`);
  return text;
}

/**
 * The day of a YYYY-MM-DD field, which must be `today` or earlier. `of` names what it dates
 * ("the run"); `future` says what to do about a later day, given the two dates as YYYY-MM-DD.
 */
export function pastDayField(
  value: unknown,
  of: string,
  today: Day,
  future: (dateText: string, todayIso: string) => string,
): Day {
  const dateText = typeof value === 'string' ? value.trim() : '';
  if (!dateText) throw new Error(`Enter the date of ${of}.`);
  const day = isoToDay(dateText);
  if (day === null) throw new Error(`The date "${dateText}" is not a date: use YYYY-MM-DD.`);
  if (day > today) throw new Error(future(dateText, dayToIso(today)));
  return day;
}
