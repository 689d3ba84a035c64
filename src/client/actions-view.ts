/** This week's three actions (spec §18), at the top of the sidebar. */
import type { WeekAction } from '../core/programme/actions';
import { el, sentence, teamText } from './dom';
import { dateLabel } from './format';
import { note, section } from './dashboard-panel';

/**
 * `teamStrings`: the names and workflows the team typed that an action may quote, each isolated
 * in its sentence (a right-to-left override in one name reorders nothing after it).
 */
export function weekActionsSection(actions: readonly WeekAction[], teamStrings: readonly string[]): HTMLElement {
  return section(
    "This week's three actions",
    actions.length === 0
      ? note('Nothing overdue and no open cause: keep logging.')
      : el(
          'ol',
          { class: 'week-actions', id: 'week-actions' },
          actions.map((a) =>
            el(
              'li',
              { class: a.kind === 'overdue milestone' ? 'action overdue' : 'action' },
              el('p', null, ...sentence(a.text, [...a.members, ...teamStrings])),
              el(
                'p',
                { class: 'hint' },
                a.due && `Was due ${dateLabel(a.due)} · `,
                'Who: ',
                teamText(a.who.join(', ')),
                ` · by ${dateLabel(a.by)}`,
              ),
            ),
          ),
        ),
  );
}
