/**
 * The interventions in the weekly digest (rules §14). The named digest: interventions recorded
 * this week, and those whose 14 days after ended this week with their change after. The
 * aggregate digest names nobody: the summary by type, only for a type that covers at least
 * `minGroup` people.
 */
import { dayToLabel, isoToDay, type Day } from '../base/dates';
import type { EmailBlock } from '../mail/email';
import { peopleCovered } from './summary';
import { WINDOW_DAYS } from './types';
import type { InterventionsView } from './view';
import { afterDaysLabel, changeSentence, interventionTitle, typeSummaryLine } from './wording';

export interface InterventionDigestInput {
  view: InterventionsView;
  named: boolean;
  /** The digest's week: its first and last day. */
  weekStart: Day;
  asOf: Day;
  membersInScope: number;
  minGroup: number;
}

const HEADING: EmailBlock = { kind: 'heading', text: 'Interventions and the change after them' };

export function interventionDigestBlocks(input: InterventionDigestInput): EmailBlock[] {
  const { view, weekStart, asOf } = input;
  if (!view.sheet) return [];
  if (!input.named) {
    const shown = view.byType.filter(
      (t) =>
        peopleCovered(
          view.interventions.filter((r) => r.type === t.type),
          input.membersInScope,
        ) >= input.minGroup,
    );
    return shown.length
      ? [
          HEADING,
          { kind: 'list', items: shown.map(typeSummaryLine) },
          {
            kind: 'paragraph',
            text: `Only types of intervention that cover ${input.minGroup} or more people are shown. A change after an intervention is a comparison of the 14 days on either side, not proof of what caused it.`,
          },
        ]
      : [];
  }
  const inWeek = (day: Day) => day >= weekStart && day <= asOf;
  const recorded = view.interventions.filter((r) => inWeek(isoToDay(r.date)!));
  const completed = view.interventions.filter((r) => inWeek(isoToDay(r.date)! + WINDOW_DAYS));
  const line = (text: string, date: string) => `${dayToLabel(isoToDay(date)!)} · ${text}`;
  const blocks: EmailBlock[] = [HEADING];
  blocks.push({ kind: 'paragraph', text: 'Recorded this week:' });
  blocks.push(
    recorded.length
      ? {
          kind: 'list',
          items: recorded.map((r) =>
            line(
              `${interventionTitle(r)}: after window ${afterDaysLabel(r.after.days)} so far.${r.warning ? ` ${r.warning}` : ''}`,
              r.date,
            ),
          ),
        }
      : { kind: 'paragraph', text: 'None.' },
  );
  blocks.push({ kind: 'paragraph', text: 'Their 14 days after ended this week:' });
  blocks.push(
    completed.length
      ? { kind: 'list', items: completed.map((r) => line(`${interventionTitle(r)}. ${changeSentence(r)}`, r.date)) }
      : { kind: 'paragraph', text: 'None.' },
  );
  return blocks;
}
