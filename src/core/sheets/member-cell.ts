/** The team member cell, as the log and the roster both read it. */
import { describeValue, isBlankCell, sheetErrorIn } from '../base/text';

/** Why a member cell cannot name a member, or null when it can. */
export function memberProblem(value: unknown): string | null {
  if (isBlankCell(value)) return 'the team member is blank';
  const error = sheetErrorIn(value);
  if (error) return `the team member cell shows the error ${error}`;
  if (typeof value === 'number') return `the team member is ${describeValue(value)}, not a name or email`;
  if (typeof value !== 'string') return `the team member is ${describeValue(value)}, not a name or email`;
  // A CSV export turns a number cell into digits: read it as the number Sheets holds.
  if (/^\s*\d+(?:[.,]\d+)?\s*$/.test(value))
    return `the team member is the number ${value.trim()}, not a name or email`;
  return null;
}
