/**
 * The Usage section of the dashboard (rules §15): per member, their status as of the audit date
 * with its evidence line; the usage adopters beside the log's adoption rate; and what could not be
 * read (refused exports, skipped rows, keys on no roster row). Text nodes only (see dom.ts).
 */
import type { Audit } from '../core/audit/audit-types';
import type { UsageView } from '../core/usage/types';
import { el, teamText, uniqueId } from './dom';
import { percent, plural } from './format';

function memberItem(m: UsageView['members'][number]): HTMLElement {
  return el(
    'li',
    { class: `usage-member usage-${m.status.replace(/ /g, '-')}` },
    el(
      'p',
      { class: 'title' },
      el('strong', null, teamText(m.member)),
      el('span', { class: 'usage-status' }, ` · ${m.status}`),
    ),
    m.lines.length > 0 &&
      el(
        'ul',
        { class: 'figures' },
        m.lines.map((line) => el('li', null, teamText(line))),
      ),
  );
}

function problems(view: UsageView): HTMLElement | false {
  const count = view.refused.length + view.skippedUsageRows.length + view.notOnRoster.length;
  if (count === 0) return false;
  return el(
    'div',
    { id: 'usage-problems' },
    el('h3', null, 'Could not be read'),
    el(
      'ul',
      { class: 'row-list' },
      view.refused.map((r) => el('li', null, teamText(r.message))),
      view.skippedUsageRows.map((r) => el('li', null, teamText(`${r.source} row ${r.row} skipped: ${r.reason}`))),
      view.notOnRoster.map((n) =>
        el('li', null, teamText(`${n.source}: ${n.key} (${plural(n.rows, 'row')}) is on no roster row`)),
      ),
    ),
  );
}

/** The section, or null when the spreadsheet has no usage export. */
export function usageSection(audit: Audit): HTMLElement | null {
  const view = audit.usage;
  if (!view) return null;
  const headingId = uniqueId('section');
  const a = view.usageAdopters;
  return el(
    'section',
    { class: 'panel', id: 'usage-section', 'aria-labelledby': headingId },
    el('h2', { id: headingId }, 'Usage'),
    el(
      'p',
      { class: 'hint' },
      'What the tools’ own exports say beside what the log says, over the same days: a question to ask, not a verdict.',
    ),
    el(
      'p',
      { id: 'usage-adopters' },
      a.known === 0
        ? 'Usage adopters: no export gives active days.'
        : `Usage adopters ${percent(a.rate)} (${a.adopters} of ${plural(a.known, 'member')} with active days known); the log’s adoption rate ${percent(audit.team.adoptionRate)}.`,
    ),
    el('ul', { class: 'usage-members plain-list', id: 'usage-members' }, view.members.map(memberItem)),
    view.sources.length > 0 &&
      el(
        'p',
        { class: 'hint', id: 'usage-sources' },
        teamText(
          `Read from ${view.sources.map((s) => `${s.source} (${s.from ?? '–'} to ${s.to ?? '–'})`).join(', ')}.`,
        ),
      ),
    problems(view),
  );
}
