/**
 * A participant's next milestone in a running replacement programme (rules §17), for their own
 * week (rules §19): from the programme's own view (programmeView: S, each participant's session
 * and day-seven follow-up, the team's milestones), keeping only what is theirs — their session and
 * follow-up, the peer advocacy moment and the reassessment. Nobody else's name is read out.
 */
import { dayToLabel, isoToDay, type Day } from '../base/dates';
import { memberKey } from '../base/text';
import { programmeMilestone, type ProgrammeView } from '../programme/replacement';

/** What My week knows of the programme a member takes part in. */
export interface ReplacementStanding {
  /** programmeView(programme, sessions, today). */
  view: ProgrammeView;
  /**
   * False when the interventions, where sessions are recorded, are out of this account's reach
   * (kept in the owner's own spreadsheet, rules §19): no session is known, none is said missing.
   */
  sessionsKnown: boolean;
}

/** The next milestone as My week shows it: its date and day are null for a session not yet recorded. */
export interface NextMilestone {
  label: string;
  date: string | null;
  /** Days after the training date (rules §8) or after the programme's start S (rules §17). */
  day: number | null;
  counted: 'training' | 'replacement';
}

export interface ReplacementNext {
  next: NextMilestone | null;
  line: string;
}

const FOLLOW_UP = programmeMilestone('follow-up');
const SESSIONS = programmeMilestone('sessions');

function labelOf(iso: string): string {
  return dayToLabel(isoToDay(iso)!);
}

/** The member's next replacement-programme milestone and the sentence that says it. */
export function replacementNext(standing: ReplacementStanding, member: string, today: Day): ReplacementNext {
  const { view, sessionsKnown } = standing;
  const start = isoToDay(view.start)!;
  const key = memberKey(member);
  const mine = view.participants.find((p) => memberKey(p.member) === key);
  // Theirs: their own follow-up, and the team's moments; "Sessions not held" is the owner's list.
  const ahead = view.milestones.filter(
    (m) =>
      isoToDay(m.dueDate)! >= today &&
      (m.member === null ? m.milestone !== SESSIONS.name : mine !== undefined && m.member === mine.member),
  );
  const dated = ahead[0];
  const then = dated ? `${phrase(dated.milestone)}, ${labelOf(dated.dueDate)}` : null;
  if (!view.ended && !mine?.session) {
    const session: NextMilestone = { label: 'Anchor-workflow session', date: null, day: null, counted: 'replacement' };
    const recorded = sessionsKnown ? ' (none is recorded for you yet)' : '';
    return {
      next: session,
      line:
        `Next in your replacement programme: your anchor-workflow session${recorded}; ` +
        `your ${FOLLOW_UP.name.toLowerCase()} comes a week after it.` +
        (then ? ` Then ${then}.` : ''),
    };
  }
  if (!dated) return { next: null, line: 'Every milestone of your replacement programme is behind you.' };
  const due = isoToDay(dated.dueDate)!;
  const why =
    dated.member === null
      ? `day ${due - start} of the replacement programme`
      : `a week after your anchor-workflow session of ${labelOf(mine!.session!)}`;
  return {
    next: { label: dated.milestone, date: dated.dueDate, day: due - start, counted: 'replacement' },
    line: `Next in your replacement programme: ${then} (${why}).`,
  };
}

/** A milestone's name as said to the participant: theirs, or the team's. */
function phrase(milestone: string): string {
  return milestone === FOLLOW_UP.name ? `your ${milestone.toLowerCase()}` : `the ${milestone.toLowerCase()}`;
}
