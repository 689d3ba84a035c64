/**
 * The dashboard's sections, built from DashboardData with `el` only: every name, workflow and
 * reason is a text node, and every string the team typed is isolated (teamText).
 */
import type { Audit, Finding, MemberReport, WorkflowReport } from '../core/audit/audit-types';
import type { Category, EditType, RowProblem } from '../core/base/types';
import { CATEGORIES, EDIT_TYPES } from '../core/base/types';
import type { DashboardData, MilestoneRow, SetupProblem } from '../shared/api';
import { el, sentence, teamList, teamText, uniqueId, type Child } from './dom';
import { dateLabel, percent, perWeek, plural, points, windowLabel } from './format';
import type { InterventionsView } from '../core/interventions/view';
import { trendSection } from './trend';
import { interventionsSection, memberInterventions, recordButton, type RecordIntervention } from './interventions-view';

export interface DashboardActions {
  /** Selects a log row in the sheet. */
  selectRow(row: number): void;
  openSettings(): void;
  /** Opens "Record an intervention" with what the place it was opened from knows. */
  recordIntervention: RecordIntervention;
}

/** The intervention a milestone asks for, to fill in the form opened from the timeline. */
const MILESTONE_INTERVENTION: Record<string, string> = {
  'Day-seven follow-up': 'Follow-up session',
  'Peer advocacy moment': 'Peer advocacy moment',
  'Week-three check': 'Follow-up session',
};

const CATEGORY_CLASS: Record<Category, string> = {
  'Genuine adopter': 'cat-genuine',
  'Developing user': 'cat-developing',
  'Non-adopter': 'cat-non',
};

/** The strings the team typed that the server's sentences may quote: names, workflows, roles, sheets. */
function teamStrings(audit: Audit): string[] {
  return [
    ...audit.members.flatMap((m) => [m.member, m.role ?? '', ...m.workflows.map((w) => w.workflow)]),
    ...audit.workflows.map((w) => w.workflow),
    ...[...audit.skippedRows, ...audit.notices].map((p) => p.sheet ?? ''),
  ];
}

function section(title: string, ...children: Child[]): HTMLElement {
  const id = uniqueId('section');
  return el('section', { class: 'panel', 'aria-labelledby': id }, el('h2', { id }, title), ...children);
}

function note(...text: Child[]): HTMLElement {
  return el('p', { class: 'hint' }, ...text);
}

export function problemBox(problem: SetupProblem, actions: DashboardActions): HTMLElement {
  return el(
    'section',
    { class: 'panel problem', 'aria-labelledby': 'problem-heading', id: 'problem' },
    el('h2', { id: 'problem-heading' }, 'Set-up needed'),
    el('p', null, problem.message),
    el('button', { type: 'button', onclick: () => actions.openSettings() }, 'Choose the sheets in Settings'),
  );
}

function summary(audit: Audit): HTMLElement {
  const team = audit.team;
  const stat = (label: string, value: string, extra = '') =>
    el('div', { class: `stat ${extra}`.trim() }, el('dt', null, label), el('dd', null, value));
  const trainedCount =
    team.trainingCompletionRate === null ? null : Math.round(team.trainingCompletionRate * team.membersInScope);
  return el(
    'section',
    { class: 'panel summary', 'aria-labelledby': 'summary-heading' },
    el('h2', { id: 'summary-heading' }, windowLabel(audit, dateLabel)),
    el('p', { class: 'headline', id: 'headline' }, sentence(audit.headline, teamStrings(audit))),
    el(
      'dl',
      { class: 'stats', id: 'stats' },
      stat('Adoption', percent(team.adoptionRate)),
      stat('Trained', percent(team.trainingCompletionRate)),
      stat('Gap', points(team.gap), 'gap'),
    ),
    el(
      'p',
      { class: 'plain' },
      `${team.genuineAdopters} of ${plural(team.membersInScope, 'member')} in scope ${team.genuineAdopters === 1 ? 'is a' : 'are'} Genuine ${
        team.genuineAdopters === 1 ? 'adopter' : 'adopters'
      }`,
      trainedCount === null ? '; training dates unknown (no roster).' : `; ${trainedCount} trained.`,
    ),
  );
}

function categories(audit: Audit): HTMLElement {
  const inScope = audit.members.filter((m) => m.inScope);
  const outOfScope = audit.members.filter((m) => !m.inScope);
  const resistance = (m: MemberReport) => (m.status === 'principled-resistance' ? ' (principled resistance)' : '');
  return section(
    'Categories',
    el(
      'ul',
      { class: 'categories', id: 'categories' },
      CATEGORIES.map((category) => {
        const names = inScope.filter((m) => m.category === category);
        return el(
          'li',
          null,
          el('span', { class: `count ${CATEGORY_CLASS[category]}` }, audit.team.categories[category]),
          el('span', { class: 'category-name' }, category),
          el('span', { class: 'names' }, names.length ? teamList(names, (m) => m.member, resistance) : 'nobody'),
        );
      }),
    ),
    outOfScope.length > 0 &&
      note(
        'Not counted: ',
        teamList(
          outOfScope,
          (m) => m.member,
          (m) => ` (${m.statusLabel || 'not on the roster'})`,
        ),
        '.',
      ),
  );
}

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

function members(audit: Audit, interventions: InterventionsView, actions: DashboardActions): HTMLElement {
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

function topEditType(editTypes: Record<EditType, number>): EditType | null {
  let best: EditType | null = null;
  for (const type of EDIT_TYPES)
    if (editTypes[type] > 0 && (best === null || editTypes[type] > editTypes[best])) best = type;
  return best;
}

function workflowsBelow(audit: Audit): HTMLElement {
  const below = audit.workflows.filter((w) => w.belowTarget);
  const target = percent(audit.settings.acceptanceTarget);
  const item = (w: WorkflowReport) => {
    const top = topEditType(w.editTypes);
    return el(
      'li',
      null,
      el('strong', null, teamText(w.workflow)),
      `: ${percent(w.acceptanceRate)} accepted over ${plural(w.runs, 'run')} by ${plural(w.members, 'member')}`,
      top && `; most edits: ${top}`,
      '.',
    );
  };
  return section(
    'Workflows below target',
    below.length === 0
      ? note(`None: every workflow with enough runs meets the ${target} acceptance target.`)
      : [
          note(`Acceptance target ${target}.`),
          el('ul', { class: 'plain-list', id: 'workflows-below' }, below.map(item)),
        ],
  );
}

function editTypeChart(audit: Audit): HTMLElement {
  const counts = audit.team.editTypes;
  const max = Math.max(0, ...EDIT_TYPES.map((t) => counts[t]));
  if (max === 0) return section('Edit types', note('No light or heavy edits with an edit type in this window.'));
  return section(
    'Edit types',
    el(
      'table',
      { class: 'bars', id: 'edit-types' },
      el('caption', { class: 'visually-hidden' }, 'Edits of each type in the window'),
      el(
        'tbody',
        null,
        EDIT_TYPES.map((type) => {
          const bar = el('span', { class: 'bar' });
          bar.style.width = `${(counts[type] / max) * 100}%`;
          return el(
            'tr',
            null,
            el('th', { scope: 'row' }, type),
            el('td', { class: 'bar-cell' }, bar),
            el('td', { class: 'num' }, counts[type]),
          );
        }),
      ),
    ),
  );
}

function finding(f: Finding, known: string[]): HTMLElement {
  const about = [f.member, f.workflow].filter((text): text is string => Boolean(text));
  return el(
    'li',
    { class: 'finding' },
    el('p', { class: 'cause' }, el('strong', null, f.cause), about.length > 0 && [' · ', teamList(about, (t) => t)]),
    f.evidence.length > 0 &&
      el(
        'ul',
        { class: 'evidence' },
        f.evidence.map((e) => el('li', null, sentence(e, known))),
      ),
    el('p', { class: 'step' }, el('span', { class: 'label' }, 'Next step: '), sentence(f.step, known)),
  );
}

function diagnosis(audit: Audit): HTMLElement {
  return section(
    'Possible causes',
    audit.diagnosis.length === 0
      ? note('Nothing in this window points to a cause to look into.')
      : [
          note('Suggestions from the data, not verdicts.'),
          el(
            'ol',
            { class: 'findings', id: 'findings' },
            audit.diagnosis.map((f) => finding(f, teamStrings(audit))),
          ),
        ],
  );
}

function rowList(problems: RowProblem[], actions: DashboardActions, id: string, known: string[]): HTMLElement {
  return el(
    'ul',
    { class: 'row-list', id },
    problems.map((p) => {
      const reasonId = uniqueId('reason');
      // The reason quotes cells: isolated, so that nothing in it reorders the row label.
      const reason = el('bdi', { id: reasonId, class: 'reason' }, sentence(p.reason, known));
      // Only log rows can be selected: selectLogRow knows one sheet.
      // Row 0 is a note about the whole sheet (a name missing from the roster, say), not a row.
      if (p.row < 1) return el('li', null, reason);
      const label = `Row ${p.row}`;
      const target = p.sheet
        ? el('span', { class: 'row-number' }, teamText(p.sheet), ` row ${p.row}`)
        : el(
            'button',
            {
              type: 'button',
              class: 'row-button',
              'data-server': true,
              'data-row': p.row,
              'aria-describedby': reasonId,
              onclick: () => actions.selectRow(p.row),
            },
            label,
          );
      return el('li', null, target, ' ', reason);
    }),
  );
}

function skippedRows(audit: Audit, actions: DashboardActions): HTMLElement {
  return section(
    'Rows not counted',
    audit.skippedRows.length === 0
      ? note('Every row of the log could be read.')
      : [
          note(`${plural(audit.skippedRows.length, 'row')} skipped, never guessed. Select a row number to go to it.`),
          rowList(audit.skippedRows, actions, 'skipped-rows', teamStrings(audit)),
        ],
    audit.notices.length > 0 && [
      el('h3', null, 'Counted, with a note'),
      rowList(audit.notices, actions, 'notices', teamStrings(audit)),
    ],
  );
}

/** Members grouped by the milestone they reach next (the server sorts soonest first). */
function timeline(rows: MilestoneRow[], actions: DashboardActions): HTMLElement {
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
                  el('strong', null, g.next ?? 'Programme done'),
                  g.nextDate
                    ? el('span', { class: 'when' }, dateLabel(g.nextDate))
                    : el('span', { class: 'when' }, 'all milestones reached'),
                ),
                el(
                  'ul',
                  { class: 'names' },
                  g.members.map((m) =>
                    el(
                      'li',
                      null,
                      teamText(m.member),
                      ` (day ${m.day})`,
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

/** Every section of the dashboard for this data, in reading order. */
export function dashboardSections(data: DashboardData, actions: DashboardActions): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (data.problem) out.push(problemBox(data.problem, actions));
  const audit = data.audit;
  if (audit) {
    out.push(
      summary(audit),
      categories(audit),
      members(audit, data.interventions, actions),
      workflowsBelow(audit),
      editTypeChart(audit),
      diagnosis(audit),
      skippedRows(audit, actions),
      interventionsSection(data.interventions, actions.recordIntervention),
      ...trendSection(data.history),
    );
  }
  out.push(timeline(data.timeline, actions));
  return out;
}
