/**
 * The dashboard's "Replacement programme" (rules §17): its start, day, frozen baseline and each
 * participant's anchor-workflow session and follow-up, with the session recorded in one step
 * from the participant's line; before one runs (or after its day 30), the form that starts it.
 */
import type { ProgrammeView } from '../shared/api';
import { el, teamText } from './dom';
import { dateLabel, percent } from './format';
import { note, section, type ProgrammeActions } from './dashboard-panel';

function startForm(today: string, actions: ProgrammeActions): HTMLElement {
  const input = el('input', { type: 'date', id: 'programme-start', value: today, 'aria-label': 'Start date' });
  return el(
    'p',
    { class: 'programme-start' },
    input,
    ' ',
    el(
      'button',
      { type: 'button', id: 'start-programme', onclick: () => actions.startProgramme(input.value) },
      'Start the replacement programme',
    ),
  );
}

function participants(view: ProgrammeView, actions: ProgrammeActions): HTMLElement {
  return el(
    'ul',
    { class: 'names', id: 'programme-participants' },
    view.participants.map((p) =>
      el(
        'li',
        null,
        teamText(p.member),
        ` (${p.baselineCategory} in the baseline) · `,
        p.session
          ? `session ${dateLabel(p.session)} · follow-up ${dateLabel(p.followUpDue)}`
          : el(
              'span',
              null,
              'no anchor-workflow session yet ',
              el(
                'button',
                { type: 'button', class: 'record-session', onclick: () => actions.recordSession(p.member) },
                'Session held today',
              ),
            ),
      ),
    ),
  );
}

export function programmeSection(view: ProgrammeView | null, today: string, actions: ProgrammeActions): HTMLElement {
  const title = 'Replacement programme';
  if (!view)
    return section(
      title,
      note(
        'For a team trained long ago: anchor-workflow sessions for those not yet adopting, a follow-up seven days after each, a peer advocacy moment at day 14 and a reassessment at day 30, counted from the start. The baseline is this audit’s week before the start, frozen.',
      ),
      startForm(today, actions),
    );
  if (view.couldNotStart)
    return section(
      title,
      el(
        'p',
        { id: 'programme-status' },
        `The programme set for ${dateLabel(view.start)} could not start: ${view.couldNotStart}`,
      ),
    );
  const base = view.baseline;
  return section(
    title,
    el(
      'p',
      { id: 'programme-status' },
      view.day < 0
        ? `Starts on ${dateLabel(view.start)}.`
        : `Started ${dateLabel(view.start)} · day ${Math.min(view.day, 30)} of 30${view.ended ? ' (ended)' : ''}.`,
    ),
    base
      ? note(
          `Baseline, the week ending ${dateLabel(base.asOf)}: adoption ${percent(base.adoptionRate)} (${base.genuineAdopters} of ${base.membersInScope} in scope Genuine adopters), acceptance ${percent(base.blendedAcceptanceRate)}.`,
        )
      : note('The baseline is frozen on the start day.'),
    view.peers.length ? el('p', null, 'Peers: ', ...view.peers.flatMap((p, i) => [i ? ', ' : '', teamText(p)])) : null,
    participants(view, actions),
    el(
      'ul',
      { class: 'programme-milestones' },
      view.milestones.map((m) =>
        el('li', null, `${dateLabel(m.dueDate)}: ${m.milestone}`, m.member ? [' · ', teamText(m.member)] : null),
      ),
    ),
    view.ended ? startForm(today, actions) : null,
  );
}
