/** The dashboard's "Programme timeline": members grouped by the milestone they reach next. */
import type { MilestoneRow } from '../shared/api';
import { el, teamText } from './dom';
import { dateLabel } from './format';
import { recordButton } from './interventions-view';
import { note, section, type DashboardActions } from './dashboard-panel';

/** The intervention a milestone asks for, to fill in the form opened from the timeline. */
const MILESTONE_INTERVENTION: Record<string, string> = {
  'Day-seven follow-up': 'Follow-up session',
  'Peer advocacy moment': 'Peer advocacy moment',
  'Week-three check': 'Follow-up session',
};

/** Members grouped by the milestone they reach next (the server sorts soonest first). */
export function timeline(rows: MilestoneRow[], actions: DashboardActions): HTMLElement {
  const groups: { next: string | null; nextDate: string | null; members: MilestoneRow[] }[] = [];
  for (const row of rows) {
    const last = groups[groups.length - 1];
    if (last && last.next === row.next && last.nextDate === row.nextDate) last.members.push(row);
    else groups.push({ next: row.next, nextDate: row.nextDate, members: [row] });
  }
  return section(
    'Programme timeline',
    rows.length === 0
      ? note('No training dates on the roster yet: the timeline starts at each member’s training date.')
      : [
          note('Who reaches which milestone next, counted from each training date.'),
          el(
            'ul',
            { class: 'timeline', id: 'timeline' },
            groups.map((g) =>
              el(
                'li',
                null,
                el(
                  'p',
                  { class: 'milestone' },
                  // Past day 42 is not "done": a reverted member still needs a step, and the
                  // day-42 email may still be on its way (sent late by the next daily run).
                  el('strong', null, g.next ?? 'Past day 42'),
                  g.nextDate
                    ? el('span', { class: 'when' }, dateLabel(g.nextDate))
                    : el('span', { class: 'when' }, 'six-week measurement: each member’s decision below'),
                ),
                el(
                  'ul',
                  { class: 'names' },
                  g.members.map((m) =>
                    el(
                      'li',
                      null,
                      teamText(m.member),
                      ` (day ${m.day}${m.sixWeek ? ` · ${m.sixWeek}` : ''})`,
                      m.sixWeekEmailWaiting &&
                        el('span', { class: 'waiting' }, ' · six-week email not sent yet: the next daily run sends it'),
                      m.followUpHeld && el('span', { class: 'held' }, ` · follow-up held ${dateLabel(m.followUpHeld)}`),
                      ' ',
                      recordButton(
                        actions.recordIntervention,
                        { member: m.member, type: (g.next && MILESTONE_INTERVENTION[g.next]) || 'Follow-up session' },
                        'Record',
                      ),
                    ),
                  ),
                ),
              ),
            ),
          ),
        ],
  );
}
