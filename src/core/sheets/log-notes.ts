/** A member's notes in the log (spec §1's Notes column), for the emails that prepare a follow-up. */
import type { Day } from '../base/dates';
import { OUTCOMES, type RunNote } from '../base/types';
import type { ParsedLog } from './log';
import { editTypesOf } from './run-table';

/**
 * The runs of the member (by identity key) from `from` to `to` whose Notes cell is not blank,
 * oldest first. One pass over the table's member and day columns; the Notes cells of that
 * member's runs alone are read.
 */
export function memberNotes(log: Pick<ParsedLog, 'table' | 'noteOf'>, key: string, from: Day, to: Day): RunNote[] {
  const t = log.table;
  const member = t.memberKeys.map((k) => k === key);
  const notes: (RunNote & { row: number })[] = [];
  for (let i = 0; i < t.length; i++) {
    const day = t.days[i];
    if (!member[t.members[i]] || day < from || day > to) continue;
    const note = log.noteOf(i);
    if (!note) continue;
    const workflow = t.workflowNames[t.workflows[i]];
    notes.push({
      day,
      workflow,
      outcome: OUTCOMES[t.outcomes[i]],
      editTypes: editTypesOf(t.editMasks[i]),
      note,
      row: t.rows[i],
    });
  }
  notes.sort((a, b) => a.day - b.day || a.row - b.row);
  return notes.map(({ row: _row, ...note }) => note);
}
