/**
 * The dashboard's sections about the team in the window: the summary, the categories, the
 * workflows below target, the edit types and the possible causes.
 */
import { adviceStatus } from '../core/audit/advice-wording';
import { editPattern, editPatternHeadline } from '../core/audit/edit-pattern';
import type { Audit, Finding, MemberReport, WorkflowReport } from '../core/audit/audit-types';
import { CATEGORIES, EDIT_TYPES } from '../core/base/types';
import { el, sentence, teamList, teamText } from './dom';
import { dateLabel, percent, plural, points, windowLabel } from './format';
import { CATEGORY_CLASS, note, section, teamStrings } from './dashboard-panel';

export function summary(audit: Audit): HTMLElement {
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

export function categories(audit: Audit): HTMLElement {
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

export function workflowsBelow(audit: Audit): HTMLElement {
  const below = audit.workflows.filter((w) => w.belowTarget);
  const target = percent(audit.settings.acceptanceTarget);
  const item = (w: WorkflowReport) => {
    const pattern = editPattern(w.editTypes);
    return el(
      'li',
      null,
      el('strong', null, teamText(w.workflow)),
      `: ${percent(w.acceptanceRate)} accepted over ${plural(w.runs, 'run')} by ${plural(w.members, 'member')}`,
      pattern && `; ${editPatternHeadline(pattern)}`,
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

export function editTypeChart(audit: Audit): HTMLElement {
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
  const status = adviceStatus(f);
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
    status &&
      el('p', { class: 'done' }, el('strong', null, status), f.changeAfter && ['. ', sentence(f.changeAfter, known)]),
  );
}

export function diagnosis(audit: Audit): HTMLElement {
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
