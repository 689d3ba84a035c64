/**
 * "Log a run": one AI workflow run appended to the team's log, in as few keystrokes as the
 * form allows. Date and member stay filled between runs; recent workflows are one click.
 */
import { readOutcome } from '../core/sheets/log';
import type { LogFormData, LogRunRequest, MyWeekView } from '../shared/api';
import { byId, el, fill, uniqueId } from './dom';
import { Feedback } from './feedback';
import { server } from './server';

declare global {
  interface Window {
    /** Set by the server before this script runs: 'my-week' when the menu's "My week" opened the page. */
    UPTAKE_VIEW?: string;
  }
}

/** The member's own week (rules §19): plain sentences from the server, shown as text. */
function renderMyWeek(view: MyWeekView): void {
  const section = byId('my-week');
  const note = byId('my-week-note');
  fill(
    byId('my-week-lines'),
    (view.week?.lines ?? []).map((line) => el('li', {}, line)),
  );
  note.textContent = view.message ?? '';
  note.hidden = !view.message;
  section.hidden = false;
}

/** How many recent workflows get a quick-pick button; the rest are in the name list. */
const QUICK_PICKS = 6;

function start(): void {
  const app = byId('app');
  const feedback = new Feedback(app, byId('status'), byId('error'));
  const form = byId<HTMLFormElement>('log-form');
  const date = byId<HTMLInputElement>('run-date');
  const member = byId<HTMLInputElement>('run-member');
  const workflow = byId<HTMLInputElement>('run-workflow');
  const picks = byId('workflow-picks');
  const outcomes = byId('outcomes');
  const editTypesGroup = byId('edit-types-group');
  const editTypes = byId('edit-types');
  const prompted = byId<HTMLInputElement>('run-prompted');
  const notes = byId<HTMLInputElement>('run-notes');
  const logged = byId('logged');
  const problem = byId('problem');

  let workflows: string[] = [];

  function outcomeInputs(): HTMLInputElement[] {
    return Array.from(outcomes.querySelectorAll<HTMLInputElement>('input[type=radio]'));
  }

  function chosenOutcome(): string {
    return outcomeInputs().find((input) => input.checked)?.value ?? '';
  }

  /** Edit types matter only when the output was edited. */
  function showEditTypes(): void {
    const outcome = readOutcome(chosenOutcome());
    editTypesGroup.hidden = outcome !== 'light' && outcome !== 'heavy';
  }

  function renderPicks(): void {
    const current = workflow.value.trim().toLowerCase();
    fill(
      picks,
      workflows.slice(0, QUICK_PICKS).map((name) =>
        el(
          'button',
          {
            type: 'button',
            'aria-pressed': String(name.toLowerCase() === current),
            onclick: () => {
              workflow.value = name;
              renderPicks();
              // Next comes the outcome: save the user a tab.
              outcomeInputs()[0]?.focus();
            },
          },
          name,
        ),
      ),
    );
    fill(
      byId('workflow-list'),
      workflows.map((name) => el('option', { value: name })),
    );
  }

  function renderForm(data: LogFormData): void {
    date.value = data.today;
    // No runs in the future: the server refuses them too.
    date.max = data.today;
    member.value = data.member;
    fill(
      byId('member-list'),
      data.members.map((name) => el('option', { value: name })),
    );
    workflows = data.workflows;
    renderPicks();
    fill(
      outcomes,
      data.outcomes.map((outcome, i) => {
        const id = uniqueId('outcome');
        return el(
          'div',
          { class: 'outcome' },
          el('input', { type: 'radio', name: 'outcome', id, value: outcome, required: i === 0 }),
          el('label', { for: id }, outcome),
        );
      }),
    );
    fill(
      editTypes,
      data.editTypes.map((type) => {
        const id = uniqueId('edit');
        return el(
          'div',
          { class: 'checkbox-row' },
          el('input', { type: 'checkbox', name: 'editType', id, value: type }),
          el('label', { for: id }, type),
        );
      }),
    );
    showEditTypes();
    if (data.problem) {
      problem.textContent = data.problem.message;
      problem.hidden = false;
      form.hidden = true;
      return;
    }
    (member.value ? workflow : member).focus();
  }

  function request(): LogRunRequest {
    return {
      date: date.value,
      member: member.value.trim(),
      workflow: workflow.value.trim(),
      outcome: chosenOutcome(),
      editTypes: editTypesGroup.hidden
        ? []
        : Array.from(editTypes.querySelectorAll<HTMLInputElement>('input:checked'), (input) => input.value),
      prompted: prompted.checked,
      notes: notes.value,
    };
  }

  /** Ready for the next run: same day, same member. */
  function resetForNextRun(loggedWorkflow: string): void {
    workflow.value = '';
    for (const input of outcomeInputs()) input.checked = false;
    for (const input of Array.from(editTypes.querySelectorAll<HTMLInputElement>('input'))) input.checked = false;
    prompted.checked = false;
    notes.value = '';
    workflows = [loggedWorkflow, ...workflows.filter((w) => w.toLowerCase() !== loggedWorkflow.toLowerCase())];
    renderPicks();
    showEditTypes();
    workflow.focus();
  }

  outcomes.addEventListener('change', showEditTypes);
  workflow.addEventListener('input', renderPicks);
  member.addEventListener('input', () => (logged.hidden = true));

  // Enter submits from anywhere in the form, radios and checkboxes included.
  form.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    if (
      event.key !== 'Enter' ||
      event.isComposing ||
      target instanceof HTMLButtonElement ||
      target instanceof HTMLTextAreaElement
    )
      return;
    if (target instanceof HTMLInputElement && (target.type === 'radio' || target.type === 'checkbox')) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (feedback.busy) return;
    logged.hidden = true;
    const run = request();
    const result = await feedback.run('Logging…', () => server.logRun(run));
    if (!result) return;
    logged.textContent = result.message || `Logged in row ${result.row}.`;
    logged.hidden = false;
    if (result.myWeek) renderMyWeek(result.myWeek);
    resetForNextRun(run.workflow);
  });

  void feedback
    .run('Loading…', () => server.getLogForm())
    .then((data) => data && renderForm(data))
    .then(() => server.getMyWeek())
    .then((view) => {
      renderMyWeek(view);
      if (window.UPTAKE_VIEW === 'my-week') byId('my-week').focus();
      return server.refreshMenu();
    })
    // My week is extra: the form works without it, and the section stays hidden.
    .catch(() => undefined);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
