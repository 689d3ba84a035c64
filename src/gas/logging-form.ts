/**
 * "Create logging form" (rules §16): a Google Form whose answers land in a sheet of this
 * spreadsheet, which Uptake reads as part of the log and never edits. Made once; run again, it
 * offers to update the existing form's dropdowns. A form that was deleted is reported, and made
 * again only when the owner says so. Nothing in the team's log, roster or other forms changes.
 */
import { requireOwner } from './roles';
import type { Settings } from '../core/base/settings';
import {
  EDIT_TYPE_CHOICES,
  FORM_QUESTIONS,
  formChoices,
  OUTCOME_CHOICES,
  PROMPTED_CHOICES,
  type FormChoices,
} from '../core/form/questions';
import { FORMS_SCOPE, requirePermissions } from './permissions';
import { readRoster, readTeam, SetupError } from './team-data';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Ui = GoogleAppsScript.Base.Ui;
/** Form, with the publishing methods Google added after the type definitions were written. */
type Form = GoogleAppsScript.Forms.Form & {
  setPublished(enabled: boolean): GoogleAppsScript.Forms.Form;
  isPublished(): boolean;
};

/** Document property holding the form Uptake made: its id and its two dropdowns' item ids. */
const FORM_KEY = 'uptake.loggingForm';

export interface StoredForm {
  formId: string;
  memberItem: number;
  workflowItem: number;
}

export function storedForm(): StoredForm | null {
  // A trigger run with no document context has no document properties (null): no form is known.
  const raw = PropertiesService.getDocumentProperties()?.getProperty(FORM_KEY);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as StoredForm;
    return typeof parsed.formId === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

/** The dropdowns' choices from the roster and the log (the log alone, or the roster alone, will do). */
function currentChoices(spreadsheet: Spreadsheet, settings: Settings): FormChoices {
  try {
    const team = readTeam(spreadsheet, settings);
    return formChoices(team.roster, team.log.table);
  } catch (error) {
    if (!(error instanceof SetupError)) throw error;
    const roster = readRoster(spreadsheet, settings, { timeZone: 'UTC', dateOrder: 'DMY' });
    if (!roster || roster.members.length === 0)
      // eslint-disable-next-line preserve-caught-error
      throw new Error(`The form needs the team's names: ${error.message}`);
    return formChoices(roster, { length: 0, memberTexts: [], workflows: new Int32Array(0) } as never);
  }
}

/** The form, or null when it was deleted or cannot be opened. */
export function openStoredForm(stored: StoredForm): Form | null {
  try {
    return FormApp.openById(stored.formId) as Form;
  } catch {
    return null;
  }
}

/** Puts the roster's names and the workflows in the form's two dropdowns; false when they are gone. */
export function updateDropdowns(form: Form, stored: StoredForm, choices: FormChoices): boolean {
  const member = form.getItemById(stored.memberItem);
  const workflow = form.getItemById(stored.workflowItem);
  if (!member || !workflow) return false;
  member.asListItem().setChoiceValues(choices.members);
  workflow.asListItem().setChoiceValues(choices.workflows);
  return true;
}

/**
 * The daily run (rules §16): the form's dropdowns follow the roster and the log, so a member
 * added or renamed in the roster is offered under the roster's name. Opens the form only when
 * one is stored; writes only choices that changed. A line for the run's report when it changed
 * something or could not, else null; never makes a form.
 */
export function keepFormInStep(choices: () => FormChoices): string | null {
  const stored = storedForm();
  if (!stored) return null;
  const form = openStoredForm(stored);
  if (!form)
    return 'The logging form was deleted or cannot be opened, so its dropdowns were not updated: see Check set-up.';
  const member = form.getItemById(stored.memberItem);
  const workflow = form.getItemById(stored.workflowItem);
  if (!member || !workflow)
    return 'The logging form’s Team member or Workflow question was deleted in the form, so its dropdowns were not updated: add it back there.';
  const wanted = choices();
  let changed = false;
  for (const [item, values] of [
    [member.asListItem(), wanted.members],
    [workflow.asListItem(), wanted.workflows],
  ] as const) {
    const current = item.getChoices().map((choice) => choice.getValue());
    if (current.length === values.length && current.every((value, i) => value === values[i])) continue;
    item.setChoiceValues(values);
    changed = true;
  }
  return changed
    ? `Updated the logging form's dropdowns: ${wanted.members.length} team members, ${wanted.workflows.length} workflows.`
    : null;
}

function createForm(spreadsheet: Spreadsheet, choices: FormChoices): { form: Form; stored: StoredForm } {
  const form = FormApp.create(`AI usage log: ${spreadsheet.getName()}`) as Form;
  form.setDescription('One answer per AI workflow run. Uptake reads the answers as part of the team’s log.');
  const member = form.addListItem().setTitle(FORM_QUESTIONS.member).setRequired(true);
  member.setChoiceValues(choices.members);
  const workflow = form.addListItem().setTitle(FORM_QUESTIONS.workflow).setRequired(true);
  workflow.setChoiceValues(choices.workflows);
  form.addMultipleChoiceItem().setTitle(FORM_QUESTIONS.outcome).setRequired(true).setChoiceValues(OUTCOME_CHOICES);
  form.addCheckboxItem().setTitle(FORM_QUESTIONS.editTypes).setChoiceValues(EDIT_TYPE_CHOICES);
  form.addMultipleChoiceItem().setTitle(FORM_QUESTIONS.prompted).setChoiceValues(PROMPTED_CHOICES);
  form.addParagraphTextItem().setTitle(FORM_QUESTIONS.notes);
  // "Class Form", setDestination(type, id): the answers land in a new sheet of this spreadsheet.
  form.setDestination(FormApp.DestinationType.SPREADSHEET, spreadsheet.getId());
  // Forms made by scripts are unpublished by default after 30 June 2026 and take no answers
  // until published ("Google Forms API changes",
  // https://developers.google.com/workspace/forms/api/guides/api-changes-to-google-forms).
  form.setPublished(true);
  const stored = { formId: form.getId(), memberItem: member.getId(), workflowItem: workflow.getId() };
  PropertiesService.getDocumentProperties().setProperty(FORM_KEY, JSON.stringify(stored));
  return { form, stored };
}

/**
 * Menu "Create logging form": what it did, in words for an alert. A user who did not grant the
 * forms permission is told which one and how to grant it before anything is read or made, as the
 * automation switch and Send digest now do, instead of a FormApp error half-way.
 */
export function createLoggingForm(spreadsheet: Spreadsheet, ui: Ui, settings: Settings): string {
  // The owner's (rules §19): the one guard every owner-only server function runs.
  requireOwner('create or update the logging form', settings);
  requirePermissions([FORMS_SCOPE]);
  const choices = currentChoices(spreadsheet, settings);
  const stored = storedForm();
  if (stored) {
    const existing = openStoredForm(stored);
    if (existing) {
      const answer = ui.alert(
        'Uptake logging form',
        `This spreadsheet already has its logging form (${existing.getPublishedUrl()}). Update its Team member and Workflow dropdowns from the roster and the log instead of making a second form?`,
        ui.ButtonSet.YES_NO,
      );
      if (answer !== ui.Button.YES) return 'Nothing changed.';
      return updateDropdowns(existing, stored, choices)
        ? `The form's dropdowns now offer ${choices.members.length} team members and ${choices.workflows.length} workflows.`
        : 'The form’s Team member or Workflow question was deleted in the form: add it back there (or delete the form and create a new one).';
    }
    const again = ui.alert(
      'Uptake logging form',
      'The logging form Uptake made for this spreadsheet was deleted or can no longer be opened. Its answers sheet stays part of the log. Make a new form?',
      ui.ButtonSet.YES_NO,
    );
    if (again !== ui.Button.YES) return 'No new form was made.';
  }
  const { form } = createForm(spreadsheet, choices);
  return (
    `Made the logging form: ${form.getPublishedUrl()}\n\n` +
    'Its answers land in a new sheet of this spreadsheet, which Uptake reads as part of the log. ' +
    'Share the link with the team; "Log a run" shows it too.'
  );
}
