// What "Record an intervention" accepts before it writes a row to the Interventions sheet.
import type { Day } from '../base/dates';
import { pastDayField, textField } from '../base/request-fields';
import { spellingKey } from '../base/text';
import { INTERVENTION_TYPES, type InterventionType } from './types';

/** A checked intervention, ready to be written. */
export interface InterventionEntry {
  day: Day;
  /** The member's name as the roster (or log) spells it; '' for the whole team. */
  member: string;
  type: InterventionType;
  workflow: string;
  note: string;
}

/**
 * Checks what the form sent (a RecordInterventionRequest of src/shared/api.ts, as received);
 * `knownMember` gives a name as the roster or the log spells it, or null for one in neither.
 * Throws a message naming the field to fix; nothing is written then.
 */
export function checkIntervention(
  request: unknown,
  today: Day,
  knownMember: (text: string) => string | null,
): InterventionEntry {
  if (typeof request !== 'object' || request === null) throw new Error('Nothing to record: fill in the form.');
  const r = request as Record<string, unknown>;
  const day = pastDayField(
    r.date,
    'the intervention',
    today,
    (dateText, todayIso) =>
      `The date ${dateText} is in the future: record an intervention once it has happened (today is ${todayIso}).`,
  );
  const typeText = textField(r.type, 'Type');
  const type = INTERVENTION_TYPES.find((t) => spellingKey(t) === spellingKey(typeText));
  if (!type) throw new Error(`Choose the type: ${INTERVENTION_TYPES.join(', ')}.`);
  const memberText = textField(r.member, 'Team member');
  const member = memberText ? knownMember(memberText) : '';
  if (member === null)
    throw new Error(
      `"${memberText}" is neither on the roster nor in the log: choose a team member, or the whole team.`,
    );
  return { day, member, type, workflow: textField(r.workflow, 'Workflow'), note: textField(r.note, 'Note') };
}
