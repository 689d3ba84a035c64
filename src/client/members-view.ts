/** The dashboard's "Members" section: one row per member, opening on their details. */
import type { Audit, MemberReport } from '../core/audit/audit-types';
import type { InterventionsView } from '../core/interventions/view';
import { el, sentence, teamText, uniqueId, type Child } from './dom';
import { dateLabel, percent, perWeek, plural } from './format';
import { memberInterventions, recordButton } from './interventions-view';
import { CATEGORY_CLASS, note, section, teamStrings, type DashboardActions } from './dashboard-panel';

function detailRow(term: string, ...value: Child[]): Child[] {
  return [el('dt', null, term), el('dd', null, ...value)];
}

function firstRunText(m: MemberReport): string {
  if (m.daysToFirstRun !== null) return `${plural(m.daysToFirstRun, 'day')} (${dateLabel(m.firstRunDate)})`;
  return m.trainingDate ? 'not yet' : 'no training date';
}

function memberDetails(
  m: MemberReport,
  known: string[],
  interventions: InterventionsView,
  actions: DashboardActions,
): HTMLElement {
  const six = m.sixWeek;
  const own = memberInterventions(interventions, m.member);
  return el(
    'dl',
    { class: 'details' },
    (m.role || m.statusLabel) &&
      detailRow(
        'Role',
        [m.role, m.statusLabel].filter(Boolean).map((text, i) => [i > 0 && ' · ', teamText(text)]),
      ),
    detailRow('Runs', `${m.runs} in the window, ${m.unpromptedRuns} unprompted`),
    detailRow('First run', firstRunText(m)),
    detailRow('Workflows, 90 days', String(m.workflows90d)),
    detailRow(
      'Six weeks',
      six.label,
      six.nextStep && el('span', { class: 'step' }, ` Next: ${six.nextStep}`),
      six.status === 'not-yet' && six.dueDate && ` (due ${dateLabel(six.dueDate)})`,
    ),
    detailRow(
      'Follow-up',
      m.followUp.length
        ? el(
            'ul',
            null,
            m.followUp.map((reason) => el('li', null, sentence(reason, known))),
          )
        : 'none needed',
      m.followUp.length > 0 &&
        recordButton(actions.recordIntervention, { member: m.member, type: 'Follow-up session' }, 'Record a follow-up'),
    ),
    own && detailRow('Interventions', own),
    m.workflows.length > 0 &&
      detailRow(
        'By workflow',
        el(
          'ul',
          null,
          m.workflows.map((w) =>
            el('li', null, teamText(w.workflow), `: ${percent(w.acceptanceRate)} of ${plural(w.runs, 'run')}`),
          ),
        ),
      ),
  );
}

export function members(audit: Audit, interventions: InterventionsView, actions: DashboardActions): HTMLElement {
  const known = teamStrings(audit);
  const rows = audit.members.flatMap((m) => {
    const detailsId = uniqueId('member');
    const details = el(
      'tr',
      { id: detailsId, class: 'member-details', hidden: true },
      el('td', { colspan: 4 }, memberDetails(m, known, interventions, actions)),
    );
    const toggle = el(
      'button',
      {
        type: 'button',
        class: 'disclosure',
        'aria-expanded': 'false',
        'aria-controls': detailsId,
        onclick: () => {
          const open = toggle.getAttribute('aria-expanded') !== 'true';
          toggle.setAttribute('aria-expanded', String(open));
          details.hidden = !open;
        },
      },
      teamText(m.member),
      m.followUp.length > 0 &&
        el(
          'span',
          { class: 'flag', title: 'Needs a follow-up' },
          el('span', { class: 'visually-hidden' }, ', needs a follow-up'),
          '\u00a0⚑',
        ),
    );
    return [
      el(
        'tr',
        { class: m.inScope ? 'member-row' : 'member-row out-of-scope' },
        el('th', { scope: 'row' }, toggle),
        el('td', { class: 'num' }, perWeek(m.usesPerWeek)),
        el('td', null, el('span', { class: `cat ${CATEGORY_CLASS[m.category]}` }, m.category)),
        el('td', { class: 'num' }, percent(m.acceptanceRate)),
      ),
      details,
    ];
  });
  return section(
    'Members',
    audit.members.length === 0
      ? note('Nobody is on the roster or in the log yet.')
      : el(
          'table',
          { class: 'members', id: 'members' },
          el(
            'caption',
            { class: 'visually-hidden' },
            'Members: uses per week, category and acceptance rate. Open a name for details.',
          ),
          el(
            'thead',
            null,
            el(
              'tr',
              null,
              el('th', { scope: 'col' }, 'Member'),
              el(
                'th',
                { scope: 'col', class: 'num' },
                el('abbr', { title: 'Unprompted uses per week' }, 'Uses', el('br'), '/wk'),
              ),
              el('th', { scope: 'col' }, 'Category'),
              el('th', { scope: 'col', class: 'num' }, el('abbr', { title: 'Acceptance rate' }, 'Accept')),
            ),
          ),
          el('tbody', null, rows),
        ),
  );
}
