/**
 * "Record an intervention" (rules §14): a short form in the sidebar. Date (today by default),
 * member or the whole team, type, an optional workflow and a note. Opened from the
 * Interventions section, a member's follow-up, or the programme timeline, with the member and
 * type already chosen there.
 */
import type { InterventionFormData, RecordInterventionRequest } from '../shared/api';
import { el, uniqueId } from './dom';

/** What the place the form was opened from already knows. */
export interface InterventionPrefill {
  member?: string;
  type?: string;
}

const WHOLE_TEAM = '';

function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = control.id || uniqueId('field');
  control.id = id;
  const hintId = hint ? `${id}-hint` : null;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  return el(
    'div',
    { class: 'field' },
    el('label', { for: id }, label),
    control,
    hint && el('p', { class: 'hint', id: hintId }, hint),
  );
}

/** The form, filled from the server's lists; `submit` gets the request, `cancel` closes it. */
export function interventionForm(
  data: InterventionFormData,
  prefill: InterventionPrefill,
  submit: (request: RecordInterventionRequest) => void,
  cancel: () => void,
): HTMLFormElement {
  const date = el('input', { type: 'date', id: 'iv-date', name: 'date', required: true, max: data.today });
  date.value = data.today;
  const member = el(
    'select',
    { id: 'iv-member', name: 'member' },
    el('option', { value: WHOLE_TEAM }, 'Whole team'),
    data.members.map((name) => el('option', { value: name }, name)),
  );
  // A member the server did not list (renamed since the dashboard loaded) is kept, not lost.
  if (prefill.member && !data.members.includes(prefill.member))
    member.appendChild(el('option', { value: prefill.member }, prefill.member));
  member.value = prefill.member ?? WHOLE_TEAM;
  const type = el(
    'select',
    { id: 'iv-type', name: 'type', required: true },
    data.types.map((t) => el('option', { value: t }, t)),
  );
  type.value = prefill.type && data.types.includes(prefill.type as never) ? prefill.type : data.types[0];
  const listId = uniqueId('workflows');
  const workflow = el('input', {
    type: 'text',
    id: 'iv-workflow',
    name: 'workflow',
    list: listId,
    autocomplete: 'off',
  });
  const note = el('textarea', { id: 'iv-note', name: 'note', rows: 2 });
  const form = el(
    'form',
    { class: 'panel intervention-form', id: 'intervention-form', 'aria-labelledby': 'iv-heading', novalidate: true },
    el('h2', { id: 'iv-heading' }, 'Record an intervention'),
    data.problem && el('p', { class: 'message error-message' }, data.problem.message),
    field('Date', date),
    field('Team member', member),
    field('Type', type),
    field('Workflow (optional)', workflow, 'Only when it was about one workflow.'),
    el(
      'datalist',
      { id: listId },
      data.workflows.map((w) => el('option', { value: w })),
    ),
    field('Note', note),
    el(
      'p',
      { class: 'hint' },
      'Uptake will show the 14 days before and after it: a change after, not proof of what caused it.',
    ),
    el('div', { class: 'message error-message', id: 'iv-error', role: 'alert', hidden: true }),
    el(
      'div',
      { class: 'actions' },
      el('button', { type: 'submit', class: 'action', id: 'iv-record', 'data-server': true }, 'Record'),
      el('button', { type: 'button', id: 'iv-cancel', onclick: () => cancel() }, 'Cancel'),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit({ date: date.value, member: member.value, type: type.value, workflow: workflow.value, note: note.value });
  });
  return form;
}
