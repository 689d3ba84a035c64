/**
 * The "Log a run" form: filled from the server's LogFormData, read back as a LogRunRequest, and
 * made ready for the next run once one is logged. Recent workflows are quick-pick buttons; edit
 * types show only when the output was edited.
 */
import { readOutcome } from '../core/sheets/log';
import type { LogFormData, LogRunRequest } from '../shared/api';
import { byId, el, fill, uniqueId } from './dom';

/** How many recent workflows get a quick-pick button; the rest are in the name list. */
const QUICK_PICKS = 6;

/** One radio button per outcome; choosing one is required. */
function outcomeChoices(outcomes: readonly string[]): HTMLElement[] {
  return outcomes.map((outcome, i) => {
    const id = uniqueId('outcome');
    return el(
      'div',
      { class: 'outcome' },
      el('input', { type: 'radio', name: 'outcome', id, value: outcome, required: i === 0 }),
      el('label', { for: id }, outcome),
    );
  });
}

/** One checkbox per edit type. */
function editTypeChoices(types: readonly string[]): HTMLElement[] {
  return types.map((type) => {
    const id = uniqueId('edit');
    return el(
      'div',
      { class: 'checkbox-row' },
      el('input', { type: 'checkbox', name: 'editType', id, value: type }),
      el('label', { for: id }, type),
    );
  });
}

export class LogRunForm {
  readonly form = byId<HTMLFormElement>('log-form');
  private readonly date = byId<HTMLInputElement>('run-date');
  readonly member = byId<HTMLInputElement>('run-member');
  private readonly workflow = byId<HTMLInputElement>('run-workflow');
  private readonly picks = byId('workflow-picks');
  private readonly outcomes = byId('outcomes');
  private readonly editTypesGroup = byId('edit-types-group');
  private readonly editTypes = byId('edit-types');
  private readonly prompted = byId<HTMLInputElement>('run-prompted');
  private readonly notes = byId<HTMLInputElement>('run-notes');
  private readonly problem = byId('problem');
  /** The team's workflows, most recent first. */
  private workflows: string[] = [];

  /** Edit types follow the outcome; the quick picks follow what is typed; Enter submits. */
  wire(): void {
    this.outcomes.addEventListener('change', () => this.showEditTypes());
    this.workflow.addEventListener('input', () => this.renderPicks());
    this.submitOnEnter();
  }

  render(data: LogFormData): void {
    this.date.value = data.today;
    // No runs in the future: the server refuses them too.
    this.date.max = data.today;
    this.member.value = data.member;
    fill(
      byId('member-list'),
      data.members.map((name) => el('option', { value: name })),
    );
    this.workflows = data.workflows;
    this.renderPicks();
    fill(this.outcomes, outcomeChoices(data.outcomes));
    fill(this.editTypes, editTypeChoices(data.editTypes));
    this.showEditTypes();
    if (data.problem) {
      this.problem.textContent = data.problem.message;
      this.problem.hidden = false;
      this.form.hidden = true;
      return;
    }
    (this.member.value ? this.workflow : this.member).focus();
  }

  request(): LogRunRequest {
    return {
      date: this.date.value,
      member: this.member.value.trim(),
      workflow: this.workflow.value.trim(),
      outcome: this.chosenOutcome(),
      editTypes: this.editTypesGroup.hidden
        ? []
        : Array.from(this.editTypes.querySelectorAll<HTMLInputElement>('input:checked'), (input) => input.value),
      prompted: this.prompted.checked,
      notes: this.notes.value,
    };
  }

  /** Ready for the next run: same day, same member. */
  resetForNextRun(loggedWorkflow: string): void {
    this.workflow.value = '';
    for (const input of this.outcomeInputs()) input.checked = false;
    for (const input of Array.from(this.editTypes.querySelectorAll<HTMLInputElement>('input'))) input.checked = false;
    this.prompted.checked = false;
    this.notes.value = '';
    this.workflows = [
      loggedWorkflow,
      ...this.workflows.filter((w) => w.toLowerCase() !== loggedWorkflow.toLowerCase()),
    ];
    this.renderPicks();
    this.showEditTypes();
    this.workflow.focus();
  }

  private outcomeInputs(): HTMLInputElement[] {
    return Array.from(this.outcomes.querySelectorAll<HTMLInputElement>('input[type=radio]'));
  }

  private chosenOutcome(): string {
    return this.outcomeInputs().find((input) => input.checked)?.value ?? '';
  }

  /** Edit types matter only when the output was edited. */
  private showEditTypes(): void {
    const outcome = readOutcome(this.chosenOutcome());
    this.editTypesGroup.hidden = outcome !== 'light' && outcome !== 'heavy';
  }

  private renderPicks(): void {
    const current = this.workflow.value.trim().toLowerCase();
    fill(
      this.picks,
      this.workflows.slice(0, QUICK_PICKS).map((name) =>
        el(
          'button',
          {
            type: 'button',
            'aria-pressed': String(name.toLowerCase() === current),
            onclick: () => {
              this.workflow.value = name;
              this.renderPicks();
              // Next comes the outcome: save the user a tab.
              this.outcomeInputs()[0]?.focus();
            },
          },
          name,
        ),
      ),
    );
    fill(
      byId('workflow-list'),
      this.workflows.map((name) => el('option', { value: name })),
    );
  }

  /** Enter submits from anywhere in the form, radios and checkboxes included. */
  private submitOnEnter(): void {
    this.form.addEventListener('keydown', (event) => {
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
        this.form.requestSubmit();
      }
    });
  }
}
