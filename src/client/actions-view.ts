/** This week's three actions (spec §18), at the top of the sidebar. */
import type { WeekAction } from '../core/programme/actions';
import { el, teamText } from './dom';
import { dateLabel } from './format';
import { note, section } from './dashboard-panel';

export function weekActionsSection(actions: readonly WeekAction[]): HTMLElement {
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
              el('p', null, teamText(a.text)),
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
