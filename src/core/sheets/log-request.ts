// What "Log a run" accepts before it writes a row to the log.
import type { Day } from '../base/dates';
import { CELL_TEXT_LIMIT } from '../base/cell-formats';
import { pastDayField, textField } from '../base/request-fields';
import { OUTCOMES, type Outcome } from '../base/types';
import { EDIT_TYPE_CHOICES, OUTCOME_CHOICES, readEditTypes, readOutcome } from './log';

/** A checked run, ready to be written. */
export interface LogEntry {
  day: Day;
  member: string;
  workflow: string;
  /** The canonical spelling, as the log's dropdown offers it. */
  outcome: string;
  editTypes: string;
  prompted: boolean;
  notes: string;
}

const CANONICAL_OUTCOME: Record<Outcome, string> = Object.fromEntries(
  OUTCOMES.map((o, i) => [o, OUTCOME_CHOICES[i]]),
) as Record<Outcome, string>;

/**
 * Checks what the form sent (a LogRunRequest of src/shared/api.ts, as received). Throws an
 * Error whose message says which field is wrong and how to fix it; nothing is written then.
 */
export function checkLogRun(request: unknown, todayDay: Day): LogEntry {
  if (typeof request !== 'object' || request === null) throw new Error('Nothing to log: fill in the form.');
  const r = request as Record<string, unknown>;
  const day = pastDayField(
    r.date,
    'the run',
    todayDay,
    (dateText, todayIso) =>
      `The date ${dateText} is in the future: today is ${todayIso} in the spreadsheet's time zone.`,
  );
  const member = textField(r.member, 'Team member', true);
  const workflow = textField(r.workflow, 'Workflow', true);
  const outcome = readOutcome(r.outcome);
  if (outcome === null) throw new Error(`Choose the outcome: ${OUTCOME_CHOICES.join(', ')}.`);
  const editList = r.editTypes ?? [];
  if (!Array.isArray(editList) || editList.some((e) => typeof e !== 'string'))
    throw new Error('Edit types must be a list of names.');
  const read = readEditTypes((editList as string[]).join(', '));
  if (read.unknown.length) {
    throw new Error(
      `Edit type ${read.unknown.map((u) => `"${u}"`).join(', ')} is not one of: ${EDIT_TYPE_CHOICES.join(', ')}.`,
    );
  }
  if (r.prompted !== undefined && r.prompted !== null && typeof r.prompted !== 'boolean')
    throw new Error('Prompted must be ticked or not.');
  // Notes keep their line breaks, so they are not a textField.
  const notes = typeof r.notes === 'string' ? r.notes.trim() : '';
  if (r.notes !== undefined && r.notes !== null && typeof r.notes !== 'string') throw new Error('Notes must be text.');
  if (notes.length > CELL_TEXT_LIMIT)
    throw new Error(`The notes are ${notes.length} characters long; a cell holds at most ${CELL_TEXT_LIMIT}.`);
  return {
    day,
    member,
    workflow,
    outcome: CANONICAL_OUTCOME[outcome],
    editTypes: read.types.join(', '),
    prompted: r.prompted === true,
    notes,
  };
}
