/**
 * The 15-minute follow-up's words (spec §8 day 7, §17's day-seven follow-up), one source for the
 * emails and *This week's three actions*: the three questions for a member with an anchor
 * workflow on the roster; one with none has nothing to be asked "Did you use it?" about, so the
 * follow-up identifies it first (cause 2).
 */
import { nameList } from './reminder-figures';

export const FOLLOW_UP_QUESTIONS = ['Did you use it?', 'What happened?', 'What did not work?'] as const;

const IDENTIFY =
  '"the one weekly task that takes the most time and gives the least satisfaction", then add it to the roster';

/** The emails' paragraph about the members named who have no anchor workflow on the roster. */
export function noAnchorParagraph(members: string[]): string {
  const them = members.length === 1 ? 'them' : 'each of them';
  return `${nameList(members)} ${members.length === 1 ? 'has' : 'have'} no anchor workflow on the roster: there is nothing yet to ask "Did you use it?" about. Use the 15 minutes to identify it with ${them}: ${IDENTIFY}.`;
}

/** The action's words for one member's follow-up, as their email asks it. */
export function followUpAction(anchorWorkflow: string | undefined): string {
  return anchorWorkflow
    ? `hold the 15-minute follow-up ("${FOLLOW_UP_QUESTIONS.join(' ')}")`
    : `hold the 15-minute follow-up to identify their anchor workflow (none is on the roster, so there is nothing yet to ask "Did you use it?" about): ${IDENTIFY}`;
}
