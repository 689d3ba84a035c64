/**
 * The Interventions section of the dashboard and a member's interventions in their details
 * (rules §14): each with its before → after figures and the change after, or how many of its
 * 14 days after have passed; the summary by type. Text nodes only (see dom.ts).
 */
import type { InterventionReport } from '../core/interventions/types';
import type { InterventionsView } from '../core/interventions/view';
import { afterDaysLabel, figureLines, interventionTitle, typeSummaryLine } from '../core/interventions/wording';
import { el, teamText, uniqueId } from './dom';
import type { InterventionPrefill } from './intervention-form';
import { dateLabel, plural } from './format';

export type RecordIntervention = (prefill: InterventionPrefill) => void;

/** "Record an intervention" (or `label`), opening the form with `prefill`. */
export function recordButton(record: RecordIntervention, prefill: InterventionPrefill, label: string): HTMLElement {
  return el('button', { type: 'button', class: 'record-intervention', onclick: () => record(prefill) }, label);
}

function item(r: InterventionReport): HTMLElement {
  return el(
    'li',
    { class: 'intervention' },
    el(
      'p',
      { class: 'title' },
      el('strong', null, teamText(interventionTitle(r))),
      el('span', { class: 'when' }, dateLabel(r.date)),
    ),
    el(
      'ul',
      { class: 'figures' },
      figureLines(r).map((line) => el('li', null, line)),
    ),
    el(
      'p',
      { class: r.change ? 'change' : 'change partial' },
      r.change
        ? r.before.runs === 0 || r.after.runs === 0
          ? 'No change to show: no runs on one side.'
          : 'Change after, over the 14 days on each side.'
        : `${afterDaysLabel(r.after.days)} after so far: no change yet.`,
    ),
    r.note && el('p', { class: 'note' }, teamText(r.note)),
    r.warning && el('p', { class: 'warning' }, teamText(r.warning)),
  );
}

/** Most recent first: the owner looks for what they did last. */
function list(reports: readonly InterventionReport[], id?: string): HTMLElement {
  return el('ul', { class: 'interventions', id }, [...reports].reverse().map(item));
}

export function interventionsSection(view: InterventionsView, record: RecordIntervention): HTMLElement {
  const headingId = uniqueId('section');
  const body =
    view.sheet === null
      ? el(
          'p',
          { class: 'hint' },
          'None recorded yet. Record what you did (a follow-up, a context pack fix…) to see what changed after it.',
        )
      : view.interventions.length === 0
        ? el('p', { class: 'hint' }, `None up to this date in "${view.sheet}".`)
        : [
            el(
              'p',
              { class: 'hint' },
              'The 14 days before against the 14 days after each one: a comparison, not proof.',
            ),
            list(view.interventions, 'interventions'),
            view.byType.length > 0 && [
              el('h3', null, 'By type'),
              el(
                'ul',
                { class: 'plain-list', id: 'interventions-by-type' },
                view.byType.map((t) => el('li', null, typeSummaryLine(t))),
              ),
            ],
          ];
  const problems = view.skipped.length + view.notices.length;
  return el(
    'section',
    { class: 'panel', id: 'interventions-section', 'aria-labelledby': headingId },
    el('h2', { id: headingId }, 'Interventions'),
    body,
    problems > 0 &&
      el(
        'ul',
        { class: 'row-list', id: 'intervention-rows' },
        view.skipped.map((p) => el('li', null, `${view.sheet} row ${p.row} skipped: ${p.reason}`)),
        view.notices.map((p) => el('li', null, p.reason)),
      ),
    problems > 0 &&
      el(
        'p',
        { class: 'hint' },
        `${plural(problems, 'row')} of "${view.sheet}" with a problem: fix them in the sheet.`,
      ),
    recordButton(record, {}, 'Record an intervention'),
  );
}

/** A member's interventions for their details, or null when there are none. */
export function memberInterventions(view: InterventionsView, member: string): HTMLElement | null {
  const own = view.interventions.filter((r) => r.member === member);
  return own.length ? list(own) : null;
}
